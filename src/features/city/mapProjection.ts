/**
 * A plain equirectangular projection for the city map: x = Δlon · cos(φ₀), y = −Δlat, scaled to fit
 * a screen rectangle. At Hangzhou's size (≈ 1.5° × 1°) the distortion against a proper projection is
 * under 1 %, well below the positions' own uncertainty. Pure, so it is unit-tested.
 */
import { isEmptyBounds, lonLatBounds, type GeoBounds } from '../../core/geo/bounds';
import type { LonLat } from '../../core/model/types';

export type { GeoBounds };

export interface ScreenRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapProjection {
  project(p: LonLat): [x: number, y: number];
  /** Pixels per degree of latitude. */
  pixelsPerDegree: number;
}

/** Kilometres per degree of latitude (mean Earth radius 6,371 km). */
export const KM_PER_DEGREE = 111.195;

/** Fits the bounds into the rectangle, centred, keeping the aspect of the projection. */
export function fitProjection(bounds: GeoBounds, rect: ScreenRect): MapProjection {
  const midLat = (bounds.south + bounds.north) / 2;
  const cosLat = Math.cos((midLat * Math.PI) / 180);
  const widthDeg = Math.max(1e-9, (bounds.east - bounds.west) * cosLat);
  const heightDeg = Math.max(1e-9, bounds.north - bounds.south);
  const k = Math.min(rect.width / widthDeg, rect.height / heightDeg);
  const offsetX = rect.x + (rect.width - widthDeg * k) / 2;
  const offsetY = rect.y + (rect.height - heightDeg * k) / 2;
  return {
    project: ([lon, lat]) => [offsetX + (lon - bounds.west) * cosLat * k, offsetY + (bounds.north - lat) * k],
    pixelsPerDegree: k,
  };
}

/** Bounds of the points, grown by `padFraction` of their span on every side and to at least `minSpanDeg`. */
export function boundsOf(points: readonly LonLat[], padFraction = 0.05, minSpanDeg = 0): GeoBounds {
  let { west, east, south, north } = lonLatBounds(points);
  if (isEmptyBounds({ west, east, south, north })) return { west: 0, east: 0, south: 0, north: 0 };
  const grow = (lo: number, hi: number): [number, number] => {
    const span = Math.max(hi - lo, minSpanDeg);
    const mid = (lo + hi) / 2;
    const half = (span / 2) * (1 + 2 * padFraction);
    return [mid - half, mid + half];
  };
  [west, east] = grow(west, east);
  [south, north] = grow(south, north);
  return { west, east, south, north };
}

/** Convex hull (Andrew's monotone chain), counter-clockwise in the plane given; fewer than 3 points are returned as they are. */
export function convexHull(points: readonly [number, number][]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** A round scale-bar length (1, 2, 5 × 10ⁿ km) not longer than `maxPixels`. */
export function scaleBar(pixelsPerDegree: number, maxPixels: number): { km: number; pixels: number } {
  const pixelsPerKm = pixelsPerDegree / KM_PER_DEGREE;
  const maxKm = maxPixels / pixelsPerKm;
  const power = 10 ** Math.floor(Math.log10(maxKm));
  const km = [5, 2, 1].map((m) => m * power).find((v) => v <= maxKm) ?? power;
  return { km, pixels: km * pixelsPerKm };
}
