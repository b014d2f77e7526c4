import type { Prisms } from '../sunlight/sunlightHours';

/**
 * Clip and section (剖切) of extruded buildings, in a local frame (east, north, up; metres).
 *
 * The kept region is convex: the intersection of vertical half-planes (`nx·x + ny·y ≥ offset`, the
 * normal pointing into what stays) and a height band. A prism (footprint × [0, height]) meets it in a
 * prism again: the footprint clipped by each half-plane (Sutherland–Hodgman, exact for a convex
 * clipper whatever the footprint's shape) and the height band intersected with [0, height]. So the
 * picture is closed solids with their cut faces, not hollow shells, and the figures a planner reads —
 * the horizontal section's area, the length and area of a vertical cut — come from the same geometry.
 */
export interface ClipHalfPlane {
  /** Unit normal toward the kept side. */
  nx: number;
  ny: number;
  /** Kept where nx·x + ny·y ≥ offsetMeters. */
  offsetMeters: number;
}

export interface ClipRegion {
  halfPlanes: readonly ClipHalfPlane[];
  /** Kept heights, metres above the ground; default 0 and Infinity. */
  bottomMeters?: number;
  topMeters?: number;
}

export interface ClippedPrism {
  /** Index of the prism. */
  prism: number;
  /** The kept footprint, an open ring in the local frame. */
  ring: [number, number][];
  baseMeters: number;
  topMeters: number;
  /** True when the region cut the building (part of it removed); false when it is wholly kept. */
  cut: boolean;
  /** Area of the horizontal cut face at the top of the kept part (0 where the roof is the building's own), m². */
  sectionAreaM2: number;
  /** Length of the kept footprint's edges on a vertical cut (0 without one), metres. */
  cutLengthMeters: number;
  /** Area of the vertical cut faces: cut length × kept height, m². */
  cutFaceAreaM2: number;
}

/** Points on a plane within this of it count as on it (metres): a cut edge's ends are computed, not exact. */
const ON_PLANE_METERS = 1e-6;

/** Keeps the part of an open ring on the kept side of one half-plane (Sutherland–Hodgman, one edge). */
export function clipRingByHalfPlane(ring: readonly (readonly [number, number])[], plane: ClipHalfPlane): [number, number][] {
  const out: [number, number][] = [];
  const side = (p: readonly [number, number]) => plane.nx * p[0] + plane.ny * p[1] - plane.offsetMeters;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const sa = side(a);
    const sb = side(b);
    if (sa >= 0) out.push([a[0], a[1]]);
    // The edge crosses the plane: add the crossing point.
    if (sa >= 0 !== sb >= 0) {
      const t = sa / (sa - sb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out.length >= 3 ? out : [];
}

/** Shoelace area of an open ring, m² (absolute). */
export function ringArea(ring: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    twice += x0 * y1 - x1 * y0;
  }
  return Math.abs(twice) / 2;
}

/** Length of the ring's edges lying on any of the planes (the cut edges Sutherland–Hodgman made). */
function lengthOnPlanes(ring: readonly (readonly [number, number])[], planes: readonly ClipHalfPlane[]): number {
  let length = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const on = planes.some(
      (p) =>
        Math.abs(p.nx * a[0] + p.ny * a[1] - p.offsetMeters) < ON_PLANE_METERS &&
        Math.abs(p.nx * b[0] + p.ny * b[1] - p.offsetMeters) < ON_PLANE_METERS,
    );
    if (on) length += Math.hypot(b[0] - a[0], b[1] - a[1]);
  }
  return length;
}

/**
 * Every prism's part inside the region: wholly kept prisms (cut false) and cut ones; prisms wholly
 * outside are left out. Footprints are the prisms' outer rings (holes are not modelled by Prisms).
 */
export function clipPrisms(prisms: Prisms, region: ClipRegion): ClippedPrism[] {
  const bottom = Math.max(0, region.bottomMeters ?? 0);
  const top = region.topMeters ?? Infinity;
  const result: ClippedPrism[] = [];
  for (let r = 0; r < prisms.heights.length; r++) {
    const height = prisms.heights[r];
    const base = bottom;
    const roof = Math.min(height, top);
    if (!(roof > base)) continue;
    let ring: [number, number][] = [];
    for (let i = prisms.ringStart[r]; i < prisms.ringStart[r + 1]; i++) ring.push([prisms.coords[2 * i], prisms.coords[2 * i + 1]]);
    const whole = ringArea(ring);
    for (const plane of region.halfPlanes) {
      ring = clipRingByHalfPlane(ring, plane);
      if (!ring.length) break;
    }
    if (!ring.length) continue;
    const area = ringArea(ring);
    // A sliver of rounding is not a cut.
    const cutByPlanes = area < whole * (1 - 1e-9);
    const cutLengthMeters = cutByPlanes ? lengthOnPlanes(ring, region.halfPlanes) : 0;
    const sectioned = roof < height;
    result.push({
      prism: r,
      ring,
      baseMeters: base,
      topMeters: roof,
      cut: cutByPlanes || sectioned || base > 0,
      sectionAreaM2: sectioned ? area : 0,
      cutLengthMeters,
      cutFaceAreaM2: cutLengthMeters * (roof - base),
    });
  }
  return result;
}

/**
 * The half-plane of a vertical plane through `at` facing `azimuthDeg` (clockwise from north): what lies
 * in that direction from the plane is kept, the rest is cut away.
 */
export function verticalPlane(at: readonly [number, number], azimuthDeg: number): ClipHalfPlane {
  const a = (azimuthDeg * Math.PI) / 180;
  const nx = Math.sin(a);
  const ny = Math.cos(a);
  return { nx, ny, offsetMeters: nx * at[0] + ny * at[1] };
}

/**
 * A box standing on the ground around `centre`: half sizes along its heading (clockwise from north)
 * and across it; four inward half-planes.
 */
export function boxHalfPlanes(
  centre: readonly [number, number],
  headingDeg: number,
  halfLengthMeters: number,
  halfWidthMeters: number,
): ClipHalfPlane[] {
  const planes: ClipHalfPlane[] = [];
  for (const [turn, half] of [
    [0, halfLengthMeters],
    [90, halfWidthMeters],
    [180, halfLengthMeters],
    [270, halfWidthMeters],
  ] as const) {
    // The face `half` out along this direction; its normal points back inside.
    const a = ((headingDeg + turn) * Math.PI) / 180;
    const [ox, oy] = [Math.sin(a), Math.cos(a)];
    const face: [number, number] = [centre[0] + ox * half, centre[1] + oy * half];
    planes.push({ nx: -ox, ny: -oy, offsetMeters: -ox * face[0] - oy * face[1] });
  }
  return planes;
}
