import type { Prisms } from '../sunlight/sunlightHours';

/**
 * The skyline seen from a point (天际线): for each compass direction, the highest elevation angle of any
 * building within reach, and which building makes it. For a prism the highest angle along a direction is
 * at one of the places the horizontal ray crosses its outline (the roof edge nearest the eye when the
 * roof is above the eye), so those crossings are all that is tested. Directions are clockwise from north.
 */
export interface Skyline {
  stepDeg: number;
  /** Per direction: elevation of the skyline, degrees (0 where no building rises within reach). */
  elevationDeg: Float64Array;
  /** Per direction: the prism that makes it, −1 for the open horizon. */
  prism: Int32Array;
}

export function computeSkyline(prisms: Prisms, observer: { x: number; y: number; z: number }, radiusMeters: number, stepDeg = 1): Skyline {
  const count = Math.round(360 / stepDeg);
  const elevationDeg = new Float64Array(count);
  const prism = new Int32Array(count).fill(-1);
  const c = prisms.coords;
  for (let k = 0; k < count; k++) {
    const azimuth = (k * stepDeg * Math.PI) / 180;
    // Clockwise from north: east = sin, north = cos.
    const ux = Math.sin(azimuth);
    const uy = Math.cos(azimuth);
    let best = 0;
    let bestPrism = -1;
    for (let r = 0; r < prisms.heights.length; r++) {
      const rise = prisms.heights[r] - observer.z;
      if (rise <= 0) continue; // below the eye: under the horizon, never the skyline
      for (let i = prisms.ringStart[r], to = prisms.ringStart[r + 1]; i < to; i++) {
        const j = i + 1 < to ? i + 1 : prisms.ringStart[r];
        const ax = c[2 * i];
        const ay = c[2 * i + 1];
        const ex = c[2 * j] - ax;
        const ey = c[2 * j + 1] - ay;
        const denom = ux * ey - uy * ex;
        if (Math.abs(denom) < 1e-12) continue;
        const wx = ax - observer.x;
        const wy = ay - observer.y;
        const s = (wx * ey - wy * ex) / denom;
        const t = (wx * uy - wy * ux) / denom;
        if (s <= 1e-6 || s > radiusMeters || t < 0 || t > 1) continue;
        const angle = (Math.atan2(rise, s) * 180) / Math.PI;
        if (angle > best) {
          best = angle;
          bestPrism = r;
        }
      }
    }
    elevationDeg[k] = best;
    prism[k] = bestPrism;
  }
  return { stepDeg, elevationDeg, prism };
}
