import type { PrismBounds, Prisms } from '../sunlight/sunlightHours';

/**
 * Lines of sight among prisms (building footprints extruded from the ground to their roofs, local metres
 * east/north/up; the same prisms the sunlight analysis uses). Exact for prisms: along a straight sight
 * line the height is linear in the horizontal distance, so over each stretch inside a footprint it is
 * lowest at one end of the stretch — where the line crosses the outline (or where the line itself starts
 * or ends inside the footprint). The line is blocked iff it crosses some outline below that prism's roof.
 */

const EPS = 1e-9;

/**
 * Whether prism r blocks the sight line from (x0, y0, z0) to (x1, y1, z1): some crossing of its outline
 * strictly between the ends lies below its roof. Ends exactly on an outline do not count (a point on a
 * wall is seen from outside, not blocked by its own wall).
 */
export function prismBlocks(prisms: Prisms, r: number, x0: number, y0: number, z0: number, x1: number, y1: number, z1: number): boolean {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const dz = z1 - z0;
  const roof = prisms.heights[r];
  // Entirely above the roof: nothing of this prism can block.
  if (z0 >= roof && z1 >= roof) return false;
  const c = prisms.coords;
  const from = prisms.ringStart[r];
  const to = prisms.ringStart[r + 1];
  for (let i = from; i < to; i++) {
    const j = i + 1 < to ? i + 1 : from;
    const ax = c[2 * i];
    const ay = c[2 * i + 1];
    const ex = c[2 * j] - ax;
    const ey = c[2 * j + 1] - ay;
    const denom = dx * ey - dy * ex;
    if (Math.abs(denom) < EPS) continue;
    const wx = ax - x0;
    const wy = ay - y0;
    // t: share of the way along the sight line; u: share along the wall.
    const t = (wx * ey - wy * ex) / denom;
    if (t <= 1e-7 || t >= 1 - 1e-7) continue;
    const u = (wx * dy - wy * dx) / denom;
    if (u < -EPS || u > 1 + EPS) continue;
    if (z0 + t * dz < roof) return true;
  }
  return false;
}

/** Whether any prism blocks the sight line; prisms whose bounds miss the line's bounds are skipped. */
export function sightBlocked(
  prisms: Prisms,
  bounds: PrismBounds,
  x0: number,
  y0: number,
  z0: number,
  x1: number,
  y1: number,
  z1: number,
): boolean {
  const lowX = Math.min(x0, x1);
  const highX = Math.max(x0, x1);
  const lowY = Math.min(y0, y1);
  const highY = Math.max(y0, y1);
  const lowZ = Math.min(z0, z1);
  for (let r = 0; r < prisms.heights.length; r++) {
    if (bounds.maxX[r] < lowX || bounds.minX[r] > highX || bounds.maxY[r] < lowY || bounds.minY[r] > highY) continue;
    if (prisms.heights[r] <= lowZ) continue;
    if (prismBlocks(prisms, r, x0, y0, z0, x1, y1, z1)) return true;
  }
  return false;
}
