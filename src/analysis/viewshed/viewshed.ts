import { prismBounds, type PrismBounds, type Prisms } from '../sunlight/sunlightHours';
import { sightBlocked } from './lineOfSight';

/**
 * What an observer sees of a community (视域分析), exactly for buildings as prisms: the observer-facing
 * walls and roofs of every building within reach, sampled, and the open ground around, in square cells.
 * A sample is visible when the straight line from the eye to it is blocked by no prism (lineOfSight.ts).
 * Pure and typed: a few thousand sight lines against a few hundred prisms, ~10 ms for the sample community.
 */
export interface ViewshedInput {
  prisms: Prisms;
  /** Eye position, local metres east / north / up (up from the ground the prisms stand on). */
  observer: { x: number; y: number; z: number };
  /** How far the observer looks, metres (horizontal). */
  radiusMeters: number;
  /** Ground cell size, metres. */
  cellMeters: number;
}

export interface Viewshed {
  /** Per prism: observer-facing samples within reach, and how many of them are seen. */
  samples: Int32Array;
  seen: Int32Array;
  /** Per prism: seen / samples; NaN when none is within reach or faces the observer. */
  seenShare: Float64Array;
  /** Ground cells within reach and outside every footprint: centres and whether each is seen. */
  cells: { x: Float64Array; y: Float64Array; seen: Uint8Array };
  /** Seen cells / cells (0 when there are none). */
  seenCellShare: number;
}

/** Wall samples at most this far apart along a wall, metres. */
const WALL_SPACING_METERS = 8;
/** Samples stand off a wall by this much, so the wall's own outline does not count as a crossing. */
const STAND_OFF_METERS = 0.3;
/** Ground samples sit this high: a person's feet, not the mathematical ground a grazing line skims. */
const GROUND_SAMPLE_METERS = 0.5;

function ringSignedArea(prisms: Prisms, r: number): number {
  const c = prisms.coords;
  const from = prisms.ringStart[r];
  const to = prisms.ringStart[r + 1];
  let twice = 0;
  for (let i = from; i < to; i++) {
    const j = i + 1 < to ? i + 1 : from;
    twice += c[2 * i] * c[2 * j + 1] - c[2 * j] * c[2 * i + 1];
  }
  return twice / 2;
}

/** Even–odd point-in-ring test. */
export function insidePrism(prisms: Prisms, r: number, x: number, y: number): boolean {
  const c = prisms.coords;
  const from = prisms.ringStart[r];
  const to = prisms.ringStart[r + 1];
  let inside = false;
  for (let i = from, j = to - 1; i < to; j = i++) {
    const [xi, yi, xj, yj] = [c[2 * i], c[2 * i + 1], c[2 * j], c[2 * j + 1]];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function insideAny(prisms: Prisms, bounds: PrismBounds, x: number, y: number): boolean {
  for (let r = 0; r < prisms.heights.length; r++) {
    if (x < bounds.minX[r] || x > bounds.maxX[r] || y < bounds.minY[r] || y > bounds.maxY[r]) continue;
    if (insidePrism(prisms, r, x, y)) return true;
  }
  return false;
}

export function computeViewshed(input: ViewshedInput): Viewshed {
  const { prisms, observer, radiusMeters } = input;
  const { x: ox, y: oy, z: oz } = observer;
  const bounds = prismBounds(prisms);
  const n = prisms.heights.length;
  const samples = new Int32Array(n);
  const seen = new Int32Array(n);
  const c = prisms.coords;
  const within = (x: number, y: number) => Math.hypot(x - ox, y - oy) <= radiusMeters;
  const look = (r: number, x: number, y: number, z: number) => {
    samples[r]++;
    if (!sightBlocked(prisms, bounds, ox, oy, oz, x, y, z)) seen[r]++;
  };

  for (let r = 0; r < n; r++) {
    const h = prisms.heights[r];
    const from = prisms.ringStart[r];
    const to = prisms.ringStart[r + 1];
    // Outward normal: to the right of each edge for a counter-clockwise ring, to the left otherwise.
    const turn = ringSignedArea(prisms, r) > 0 ? 1 : -1;
    const heights = [Math.min(1.5, h / 2), h / 2, Math.max(h - 0.5, h / 2)];
    for (let i = from; i < to; i++) {
      const j = i + 1 < to ? i + 1 : from;
      const [ax, ay] = [c[2 * i], c[2 * i + 1]];
      const [ex, ey] = [c[2 * j] - ax, c[2 * j + 1] - ay];
      const length = Math.hypot(ex, ey);
      if (length < 0.5) continue;
      const [nx, ny] = [(turn * ey) / length, (-turn * ex) / length];
      const pieces = Math.max(1, Math.ceil(length / WALL_SPACING_METERS));
      for (let k = 0; k < pieces; k++) {
        const share = (k + 0.5) / pieces;
        const x = ax + ex * share + nx * STAND_OFF_METERS;
        const y = ay + ey * share + ny * STAND_OFF_METERS;
        // Only walls facing the eye count: a back wall is never seen and says nothing about the view.
        if (!within(x, y) || (ox - x) * nx + (oy - y) * ny <= 0) continue;
        for (const z of heights) look(r, x, y, z);
      }
    }
    // The roof, from above only: its vertex average when that lies on the roof.
    if (oz > h) {
      let [sx, sy] = [0, 0];
      for (let i = from; i < to; i++) {
        sx += c[2 * i];
        sy += c[2 * i + 1];
      }
      const [x, y] = [sx / (to - from), sy / (to - from)];
      if (within(x, y) && insidePrism(prisms, r, x, y)) look(r, x, y, h + 0.05);
    }
  }

  const seenShare = Float64Array.from(samples, (s, r) => (s > 0 ? seen[r] / s : Number.NaN));

  const cell = input.cellMeters;
  const steps = Math.floor(radiusMeters / cell);
  const xs: number[] = [];
  const ys: number[] = [];
  const seenCells: number[] = [];
  for (let i = -steps; i <= steps; i++)
    for (let j = -steps; j <= steps; j++) {
      const x = ox + i * cell;
      const y = oy + j * cell;
      if (!within(x, y) || insideAny(prisms, bounds, x, y)) continue;
      xs.push(x);
      ys.push(y);
      seenCells.push(sightBlocked(prisms, bounds, ox, oy, oz, x, y, GROUND_SAMPLE_METERS) ? 0 : 1);
    }
  const seenCount = seenCells.reduce((a, b) => a + b, 0);
  return {
    samples,
    seen,
    seenShare,
    cells: { x: Float64Array.from(xs), y: Float64Array.from(ys), seen: Uint8Array.from(seenCells) },
    seenCellShare: seenCells.length ? seenCount / seenCells.length : 0,
  };
}
