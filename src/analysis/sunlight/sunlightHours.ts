import type { SummingMode } from './sunlightRules';

/**
 * Sunlight hours (日照时数) on the façades, exactly, on the CPU: the picture's shadow map depends on the
 * view and its resolution, this does not. Every building is a prism (its footprint extruded from the
 * ground to its height), in local metres east/north/up around one origin. Sample points sit on the
 * façades of the buildings to be assessed, one row per floor at sill height, spaced along each wall.
 * At each step of the sun path a point is sunlit when the sun is above the horizon, in front of its
 * wall, and the ray toward it leaves every prism's volume unhit. Hours follow the preset's counting:
 * segments shorter than the minimum dropped, the rest summed (累计) or the longest taken (连续).
 *
 * Exact for prisms: the ray rises with horizontal distance s as z + s·tan(elevation), so it is blocked
 * by a prism iff at the first crossing of the prism's outline (smallest s > 0) it is still below the
 * roof. Holes in footprints are treated as filled (courtyards are not sampled; their walls then shade
 * nothing they would not shade anyway from outside).
 */

/** Prisms in local metres: ring r is coords[2·ringStart[r] … 2·ringStart[r+1]) (closing vertex not repeated). */
export interface Prisms {
  ringStart: Int32Array;
  coords: Float64Array;
  heights: Float64Array;
}

export interface SunSamples {
  /** East, north, up of the unit vector toward the sun, per step. */
  directions: Float64Array;
  /** tan(elevation) per step. */
  tanElevation: Float64Array;
  stepMinutes: number;
}

export interface CountingRule {
  minSegmentMinutes: number;
  summing: SummingMode;
  sillHeightMeters: number;
  pointSpacingMeters: number;
}

export interface SunlightInput {
  obstacles: Prisms;
  /** Indices of the prisms whose façades are sampled, with their floors and storey heights. */
  assessed: Int32Array;
  floors: Int32Array;
  storeyHeights: Float64Array;
  sun: SunSamples;
  rule: CountingRule;
}

export interface FacadePoints {
  /** x, y, z per point (local metres). */
  positions: Float64Array;
  /** The wall's outward normal as an azimuth, degrees clockwise from north. */
  facadeAzimuthDeg: Float32Array;
  /** Index into `assessed` of the point's building. */
  building: Int32Array;
  /** 1-based floor. */
  floor: Int16Array;
  /** Outward unit normal (x, y) per point. */
  normals: Float64Array;
  /** Points of wall w (all its floors) are wallStart[w] … wallStart[w+1]; the last entry is the point count. */
  wallStart: Int32Array;
}

export interface SunlightHours extends FacadePoints {
  /** Counted sunlight hours per point. */
  hours: Float32Array;
  /** Sunlit minutes per point before the segment rule. */
  rawMinutes: Float32Array;
  stats: { points: number; steps: number; rays: number; prismTests: number };
}

/** Walls shorter than this (jogs, digitising noise) get no sample points. */
const MIN_WALL_METERS = 0.5;
/** Points sit this far in front of their wall, so the ray never starts on its own building's outline. */
const WALL_OFFSET_METERS = 0.01;
const EPS = 1e-9;

function signedArea(coords: Float64Array, from: number, to: number): number {
  let twice = 0;
  for (let i = from, j = to - 1; i < to; j = i++) twice += coords[2 * j] * coords[2 * i + 1] - coords[2 * i] * coords[2 * j + 1];
  return twice / 2;
}

/** Sample points on the façades of the assessed prisms: per floor, per wall, at the centres of equal pieces ≤ spacing. */
export function facadePoints(input: Pick<SunlightInput, 'obstacles' | 'assessed' | 'floors' | 'storeyHeights' | 'rule'>): FacadePoints {
  const { obstacles, assessed, floors, storeyHeights, rule } = input;
  const xs: number[] = [];
  const meta: number[] = [];
  const wallStarts: number[] = [];
  for (let a = 0; a < assessed.length; a++) {
    const r = assessed[a];
    const from = obstacles.ringStart[r];
    const to = obstacles.ringStart[r + 1];
    // Outward normal: right of each edge on a counter-clockwise ring, left on a clockwise one.
    const ccw = signedArea(obstacles.coords, from, to) > 0 ? 1 : -1;
    for (let i = from; i < to; i++) {
      const j = i + 1 < to ? i + 1 : from;
      const ax = obstacles.coords[2 * i];
      const ay = obstacles.coords[2 * i + 1];
      const dx = obstacles.coords[2 * j] - ax;
      const dy = obstacles.coords[2 * j + 1] - ay;
      const length = Math.hypot(dx, dy);
      if (length < MIN_WALL_METERS) continue;
      const nx = (ccw * dy) / length;
      const ny = (-ccw * dx) / length;
      const pieces = Math.max(1, Math.ceil(length / rule.pointSpacingMeters - 1e-9));
      wallStarts.push(meta.length / 2);
      for (let floor = 1; floor <= floors[a]; floor++) {
        const z = (floor - 1) * storeyHeights[a] + rule.sillHeightMeters;
        if (z >= obstacles.heights[r]) continue;
        for (let k = 0; k < pieces; k++) {
          const f = (k + 0.5) / pieces;
          xs.push(ax + f * dx + nx * WALL_OFFSET_METERS, ay + f * dy + ny * WALL_OFFSET_METERS, z, nx, ny);
          meta.push(a, floor);
        }
      }
    }
  }
  const n = meta.length / 2;
  const positions = new Float64Array(n * 3);
  const normals = new Float64Array(n * 2);
  const facadeAzimuthDeg = new Float32Array(n);
  const building = new Int32Array(n);
  const floor = new Int16Array(n);
  for (let p = 0; p < n; p++) {
    positions.set([xs[5 * p], xs[5 * p + 1], xs[5 * p + 2]], 3 * p);
    normals[2 * p] = xs[5 * p + 3];
    normals[2 * p + 1] = xs[5 * p + 4];
    facadeAzimuthDeg[p] = ((Math.atan2(xs[5 * p + 3], xs[5 * p + 4]) * 180) / Math.PI + 360) % 360;
    building[p] = meta[2 * p];
    floor[p] = meta[2 * p + 1];
  }
  wallStarts.push(n);
  return { positions, normals, facadeAzimuthDeg, building, floor, wallStart: Int32Array.from(wallStarts) };
}

/**
 * Horizontal distance along the ray (x, y) + s·(ux, uy) to its first crossing of prism r's outline
 * (s > 0), or Infinity when it misses.
 */
export function firstCrossing(prisms: Prisms, r: number, x: number, y: number, ux: number, uy: number): number {
  const c = prisms.coords;
  const from = prisms.ringStart[r];
  const to = prisms.ringStart[r + 1];
  let best = Infinity;
  for (let i = from; i < to; i++) {
    const j = i + 1 < to ? i + 1 : from;
    const ax = c[2 * i];
    const ay = c[2 * i + 1];
    const ex = c[2 * j] - ax;
    const ey = c[2 * j + 1] - ay;
    const denom = ux * ey - uy * ex;
    if (Math.abs(denom) < EPS) continue;
    const wx = ax - x;
    const wy = ay - y;
    const s = (wx * ey - wy * ex) / denom;
    if (s <= EPS || s >= best) continue;
    const t = (wx * uy - wy * ux) / denom;
    if (t >= -EPS && t <= 1 + EPS) best = s;
  }
  return best;
}

/** Whether prism r blocks the ray from (x, y, z) toward a sun of horizontal direction (ux, uy) and tan(elevation). */
export function blocks(prisms: Prisms, r: number, x: number, y: number, z: number, ux: number, uy: number, tanElevation: number): boolean {
  const s = firstCrossing(prisms, r, x, y, ux, uy);
  return s !== Infinity && z + s * tanElevation < prisms.heights[r];
}

/** Axis-aligned bounds of each prism, local metres: a cheap first test before the exact one. */
export interface PrismBounds {
  minX: Float64Array;
  minY: Float64Array;
  maxX: Float64Array;
  maxY: Float64Array;
}

export function prismBounds(prisms: Prisms): PrismBounds {
  const n = prisms.heights.length;
  const b = { minX: new Float64Array(n), minY: new Float64Array(n), maxX: new Float64Array(n), maxY: new Float64Array(n) };
  for (let r = 0; r < n; r++) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = prisms.ringStart[r]; i < prisms.ringStart[r + 1]; i++) {
      const x = prisms.coords[2 * i];
      const y = prisms.coords[2 * i + 1];
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    b.minX[r] = x0;
    b.minY[r] = y0;
    b.maxX[r] = x1;
    b.maxY[r] = y1;
  }
  return b;
}

const TWO_PI = 2 * Math.PI;
const wrap = (a: number) => a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI);

/**
 * Computes the sunlight hours of every façade point. `onProgress` gets the share done (0–1) now
 * and then. Candidates are culled per wall first (prisms close and tall enough to reach the sun's
 * lowest ray, in front of the wall), then per point and step by each prism's angular extent and the
 * highest elevation its roof can subtend; only what survives is tested exactly.
 */
export function computeSunlightHours(input: SunlightInput, onProgress?: (done: number) => void): SunlightHours {
  const points = facadePoints(input);
  const { obstacles, sun, rule } = input;
  const steps = sun.tanElevation.length;
  const n = points.floor.length;
  const hours = new Float32Array(n);
  const rawMinutes = new Float32Array(n);
  const bounds = prismBounds(obstacles);
  const prismCount = obstacles.heights.length;

  // Per step: horizontal sun direction and its angle.
  const ux = new Float64Array(steps);
  const uy = new Float64Array(steps);
  const angle = new Float64Array(steps);
  let tanMin = Infinity;
  for (let k = 0; k < steps; k++) {
    const h = Math.hypot(sun.directions[3 * k], sun.directions[3 * k + 1]) || 1;
    ux[k] = sun.directions[3 * k] / h;
    uy[k] = sun.directions[3 * k + 1] / h;
    angle[k] = Math.atan2(uy[k], ux[k]);
    if (sun.tanElevation[k] > 0) tanMin = Math.min(tanMin, sun.tanElevation[k]);
  }
  const minSegmentSteps = Math.ceil(rule.minSegmentMinutes / sun.stepMinutes - 1e-9);
  let rays = 0;
  let prismTests = 0;

  // Candidates of the current wall (all its floors), then of the current point; reused.
  const wallCandidates = new Int32Array(prismCount);
  const candidate = new Int32Array(prismCount);
  const candMaxTan = new Float64Array(prismCount);
  const candCentre = new Float64Array(prismCount);
  const candLo = new Float64Array(prismCount);
  const candHi = new Float64Array(prismCount);
  const corners = new Float64Array(8);

  for (let w = 0; w + 1 < points.wallStart.length; w++) {
    const first = points.wallStart[w];
    const last = points.wallStart[w + 1];
    if (first === last) continue;
    // The wall's box over all its points and floors, its lowest point, its plane.
    let [wx0, wy0, wx1, wy1, wz] = [Infinity, Infinity, -Infinity, -Infinity, Infinity];
    for (let p = first; p < last; p++) {
      wx0 = Math.min(wx0, points.positions[3 * p]);
      wy0 = Math.min(wy0, points.positions[3 * p + 1]);
      wx1 = Math.max(wx1, points.positions[3 * p]);
      wy1 = Math.max(wy1, points.positions[3 * p + 1]);
      wz = Math.min(wz, points.positions[3 * p + 2]);
    }
    const nx = points.normals[2 * first];
    const ny = points.normals[2 * first + 1];
    const px = points.positions[3 * first];
    const py = points.positions[3 * first + 1];
    let wallCount = 0;
    for (let r = 0; r < prismCount; r++) {
      const h = obstacles.heights[r];
      if (h <= wz) continue;
      const dx = Math.max(bounds.minX[r] - wx1, 0, wx0 - bounds.maxX[r]);
      const dy = Math.max(bounds.minY[r] - wy1, 0, wy0 - bounds.maxY[r]);
      if (wz + Math.hypot(dx, dy) * tanMin >= h) continue;
      // In front of the wall: some corner of the box ahead of the wall's plane.
      const ahead = (cx: number, cy: number) => (cx - px) * nx + (cy - py) * ny > 0;
      if (
        !ahead(bounds.minX[r], bounds.minY[r]) &&
        !ahead(bounds.maxX[r], bounds.minY[r]) &&
        !ahead(bounds.minX[r], bounds.maxY[r]) &&
        !ahead(bounds.maxX[r], bounds.maxY[r])
      )
        continue;
      wallCandidates[wallCount++] = r;
    }

    for (let p = first; p < last; p++) {
      const x = points.positions[3 * p];
      const y = points.positions[3 * p + 1];
      const z = points.positions[3 * p + 2];
      let count = 0;
      for (let q = 0; q < wallCount; q++) {
        const r = wallCandidates[q];
        const h = obstacles.heights[r];
        if (h <= z) continue;
        const dx = Math.max(bounds.minX[r] - x, 0, x - bounds.maxX[r]);
        const dy = Math.max(bounds.minY[r] - y, 0, y - bounds.maxY[r]);
        const d = Math.hypot(dx, dy);
        if (z + d * tanMin >= h) continue;
        candidate[count] = r;
        candMaxTan[count] = d > 0 ? (h - z) / d : Infinity;
        if (d > 0) {
          // The box's angular extent seen from outside it (< π), around the direction to its centre.
          const centre = Math.atan2((bounds.minY[r] + bounds.maxY[r]) / 2 - y, (bounds.minX[r] + bounds.maxX[r]) / 2 - x);
          corners.set([
            bounds.minX[r],
            bounds.minY[r],
            bounds.maxX[r],
            bounds.minY[r],
            bounds.minX[r],
            bounds.maxY[r],
            bounds.maxX[r],
            bounds.maxY[r],
          ]);
          let lo = 0;
          let hi = 0;
          for (let c = 0; c < 8; c += 2) {
            const a = wrap(Math.atan2(corners[c + 1] - y, corners[c] - x) - centre);
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
          }
          candCentre[count] = centre;
          candLo[count] = lo - 1e-9;
          candHi[count] = hi + 1e-9;
        } else {
          candCentre[count] = 0;
          candLo[count] = -Infinity;
          candHi[count] = Infinity;
        }
        count++;
      }

      let run = 0;
      let counted = 0;
      let longest = 0;
      let lit = 0;
      const closeRun = () => {
        if (run > 0 && run >= minSegmentSteps) {
          counted += run;
          longest = Math.max(longest, run);
        }
        run = 0;
      };
      for (let k = 0; k < steps; k++) {
        const tan = sun.tanElevation[k];
        let sunlit = tan > 0 && ux[k] * nx + uy[k] * ny > 0;
        if (sunlit) {
          rays++;
          for (let c = 0; c < count; c++) {
            if (tan >= candMaxTan[c]) continue;
            const rel = wrap(angle[k] - candCentre[c]);
            if (rel < candLo[c] || rel > candHi[c]) continue;
            prismTests++;
            if (blocks(obstacles, candidate[c], x, y, z, ux[k], uy[k], tan)) {
              sunlit = false;
              break;
            }
          }
        }
        if (sunlit) {
          run++;
          lit++;
        } else closeRun();
      }
      closeRun();
      rawMinutes[p] = lit * sun.stepMinutes;
      hours[p] = ((rule.summing === 'longest' ? longest : counted) * sun.stepMinutes) / 60;
      if (onProgress && (p & 1023) === 1023) onProgress(p / n);
    }
  }
  return { ...points, hours, rawMinutes, stats: { points: n, steps, rays, prismTests } };
}
