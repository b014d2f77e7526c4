import earcut from 'earcut';
// A CommonJS package: its default export is what every bundler and Node agree on.
import geographiclib from 'geographiclib-geodesic';
import type { LonLat } from '../model/types';
import { ecefFromLonLatHeight } from './ecef';
import { createLocalFrame } from './localFrame';

/** A WGS84 longitude, latitude (degrees) and ellipsoidal height (metres). */
export type LonLatHeight = [lon: number, lat: number, heightMeters: number];

// Karney's algorithms (GeographicLib): geodesics on the WGS84 ellipsoid to about 15 nm, areas of
// polygons bounded by geodesics; CGCS2000's ellipsoid differs from WGS84 by 0.1 mm in the semi-minor axis.
const { Geodesic, PolygonArea } = geographiclib;
const WGS84 = Geodesic.WGS84;

/** Length (m) of the geodesic between two points on the WGS84 ellipsoid: the horizontal distance a surveyor reports. */
export function geodesicDistanceM(a: LonLat | LonLatHeight, b: LonLat | LonLatHeight): number {
  return WGS84.Inverse(a[1], a[0], b[1], b[0], Geodesic.DISTANCE).s12 ?? 0;
}

/** The straight line (m) between two points in space (ECEF chord): what a laser rangefinder reads, heights included. */
export function slantDistanceM(a: LonLatHeight, b: LonLatHeight): number {
  const p = ecefFromLonLatHeight(a[0], a[1], a[2]);
  const q = ecefFromLonLatHeight(b[0], b[1], b[2]);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** Sum of geodesic (horizontal) segment lengths of a polyline, metres. */
export function polylineLengthM(points: readonly (LonLat | LonLatHeight)[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += geodesicDistanceM(points[i - 1], points[i]);
  return length;
}

/** Sum of straight 3D segment lengths of a polyline, metres: along the ground when the points follow it closely. */
export function pathLength3dM(points: readonly LonLatHeight[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += slantDistanceM(points[i - 1], points[i]);
  return length;
}

/**
 * Points along the geodesic from `a` to `b`, both ends included, at most `maxStepM` apart: where the
 * ground is sampled for a distance "along the ground".
 */
export function densifyGeodesic(a: LonLat, b: LonLat, maxStepM: number): LonLat[] {
  if (!(maxStepM > 0)) throw new RangeError(`step must be positive, got ${maxStepM}`);
  const line = WGS84.InverseLine(a[1], a[0], b[1], b[0], Geodesic.STANDARD | Geodesic.DISTANCE_IN);
  const total = line.s13;
  const steps = Math.max(1, Math.ceil(total / maxStepM));
  const points: LonLat[] = [[a[0], a[1]]];
  for (let i = 1; i < steps; i++) {
    const p = line.Position((total * i) / steps, Geodesic.STANDARD);
    points.push([p.lon2 ?? 0, p.lat2 ?? 0]);
  }
  points.push([b[0], b[1]]);
  return points;
}

/**
 * The distance along the ground from `a` to `b`: the geodesic sampled every `maxStepM`, each sample lifted
 * to the ground (`groundHeight`), the 3D segments summed. On a flat ellipsoid it equals the geodesic.
 */
export function groundDistanceM(a: LonLat, b: LonLat, groundHeight: (lon: number, lat: number) => number, maxStepM = 5): number {
  return pathLength3dM(densifyGeodesic(a, b, maxStepM).map(([lon, lat]) => [lon, lat, groundHeight(lon, lat)]));
}

/**
 * Area (m², positive) of a polygon on the WGS84 ellipsoid whose edges are geodesics: the area "projected"
 * on the ellipsoid, i.e. the horizontal area a cadastre records. The ring may be open or closed.
 */
export function ellipsoidAreaM2(ring: readonly (LonLat | LonLatHeight)[]): number {
  const points = openRing(ring);
  if (points.length < 3) return 0;
  const polygon = new PolygonArea.PolygonArea(WGS84, false);
  for (const p of points) polygon.AddPoint(p[1], p[0]);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

/**
 * Area (m²) of the ground surface inside a polygon: the ring triangulated (earcut) on the local tangent
 * plane, triangles split until no edge is longer than `maxEdgeM`, each vertex lifted to `groundHeight`,
 * the 3D triangle areas summed. A slope of angle θ gives the horizontal area / cos θ; flat ground gives the
 * horizontal area (within the tangent plane's error, < 1e-6 relative across a community).
 */
export function surfaceAreaM2(
  ring: readonly (LonLat | LonLatHeight)[],
  groundHeight: (lon: number, lat: number) => number,
  maxEdgeM = 10,
): number {
  const points = openRing(ring);
  if (points.length < 3) return 0;
  if (!(maxEdgeM > 0)) throw new RangeError(`edge length must be positive, got ${maxEdgeM}`);
  const frame = createLocalFrame([points[0][0], points[0][1]]);
  const local = points.map((p) => frame.toLocal([p[0], p[1]]));
  const triangles = earcut(local.flat());
  const lift = ([e, n]: readonly [number, number]): [number, number, number] => {
    const [lon, lat] = frame.toLonLat(e, n);
    return [e, n, groundHeight(lon, lat)];
  };
  let area = 0;
  const stack: [number, number][][] = [];
  for (let i = 0; i < triangles.length; i += 3) stack.push([local[triangles[i]], local[triangles[i + 1]], local[triangles[i + 2]]]);
  while (stack.length) {
    const [a, b, c] = stack.pop()!;
    const edges = [Math.hypot(b[0] - a[0], b[1] - a[1]), Math.hypot(c[0] - b[0], c[1] - b[1]), Math.hypot(a[0] - c[0], a[1] - c[1])];
    const longest = Math.max(...edges);
    if (longest > maxEdgeM) {
      // Split the longest edge at its middle: triangles stay well shaped and the split is conforming.
      const k = edges.indexOf(longest);
      const [p, q, r] = k === 0 ? [a, b, c] : k === 1 ? [b, c, a] : [c, a, b];
      const m: [number, number] = [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2];
      stack.push([p, m, r], [m, q, r]);
      continue;
    }
    area += triangleArea3d(lift(a), lift(b), lift(c));
  }
  return area;
}

function triangleArea3d(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
  return Math.hypot(u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]) / 2;
}

/** The ring without its closing point (GeoJSON rings repeat the first point at the end). */
function openRing<P extends LonLat | LonLatHeight>(ring: readonly P[]): readonly P[] {
  const n = ring.length;
  return n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1] ? ring.slice(0, n - 1) : ring;
}
