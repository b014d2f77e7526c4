import { because, type Reason } from '../../core/errors';
import type { LonLat, PolygonCoords } from '../../core/model/types';

/**
 * Checks of the raw GeoJSON coordinates in a package file, and their conversion to the model's
 * [lon, lat] pairs. Geometry on model polygons (point in polygon, centroid) is in core/geo/polygon.ts.
 */

/** Why a GeoJSON geometry is unusable (English), or null when it is fine. */
export type GeometryProblem = string | null;

export function isLonLat(value: unknown): value is LonLat {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

export function checkRing(ring: unknown): GeometryProblem {
  return ringProblem(ring)?.reason ?? null;
}

export function checkPolygon(coordinates: unknown): GeometryProblem {
  return polygonProblem(coordinates)?.reason ?? null;
}

export function checkLineString(coordinates: unknown): GeometryProblem {
  return lineStringProblem(coordinates)?.reason ?? null;
}

/** Why a ring is unusable, with its message for the UI; null when it is fine. */
export function ringProblem(ring: unknown): Reason | null {
  if (!Array.isArray(ring)) return because('a ring must be a list of positions', 'issue.geometry.ringNotList');
  if (ring.length < 4)
    return because(`a ring needs at least 4 positions, got ${ring.length}`, 'issue.geometry.ringTooShort', { count: ring.length });
  const bad = ring.findIndex((p) => !isLonLat(p));
  if (bad >= 0) return notLonLat(bad);
  const first = ring[0] as LonLat;
  const last = ring[ring.length - 1] as LonLat;
  if (first[0] !== last[0] || first[1] !== last[1])
    return because('the ring is not closed (first position ≠ last)', 'issue.geometry.ringNotClosed');
  return null;
}

export function polygonProblem(coordinates: unknown): Reason | null {
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    return because('a polygon needs at least one ring', 'issue.geometry.polygonNoRing');
  for (const ring of coordinates) {
    const problem = ringProblem(ring);
    if (problem) return problem;
  }
  return null;
}

export function lineStringProblem(coordinates: unknown): Reason | null {
  if (!Array.isArray(coordinates) || coordinates.length < 2)
    return because('a line needs at least 2 positions', 'issue.geometry.lineTooShort');
  const bad = coordinates.findIndex((p) => !isLonLat(p));
  return bad >= 0 ? notLonLat(bad) : null;
}

const notLonLat = (index: number) =>
  because(`position ${index} is not a [longitude, latitude] pair in degrees`, 'issue.geometry.positionNotLonLat', { index });

/** Drops any third (height) ordinate so the model holds plain [lon, lat] pairs. */
export function toPolygonCoords(coordinates: unknown): PolygonCoords {
  return (coordinates as number[][][]).map((ring) => ring.map((p) => [p[0], p[1]] as LonLat));
}

export function toLonLats(coordinates: unknown): LonLat[] {
  return (coordinates as number[][]).map((p) => [p[0], p[1]] as LonLat);
}
