import { createLocalFrame } from '../../../src/core/geo/localFrame';
import type { LonLat } from '../../../src/core/model/types';

/**
 * Test geometry drawn in local metres (east, north) around a Hangzhou origin and turned into
 * lon/lat. Within a few hundred metres the local frame and the ellipsoid agree to well under a
 * centimetre, so hand computations in metres hold to ±1 cm.
 */
export const ORIGIN: LonLat = [120.18, 30.27];
export const frame = createLocalFrame(ORIGIN);

/** lon/lat of a point given in local metres. */
export const at = (east: number, north: number): LonLat => frame.toLonLat(east, north);

/** A line through points given in local metres. */
export const line = (...points: [number, number][]) => ({ coordinates: points.map(([x, y]) => at(x, y)) });

/** Interleaved lon/lat of points given in local metres. */
export const lonLats = (...points: [number, number][]) => Float64Array.from(points.flatMap(([x, y]) => at(x, y)));

/** The 3 × 3 grid of 100 m blocks: nodes at x, y ∈ {0, 100, 200}, drawn as 3 rows and 3 columns. */
export const grid3x3 = () => [
  line([0, 0], [100, 0], [200, 0]),
  line([0, 100], [100, 100], [200, 100]),
  line([0, 200], [100, 200], [200, 200]),
  line([0, 0], [0, 100], [0, 200]),
  line([100, 0], [100, 100], [100, 200]),
  line([200, 0], [200, 100], [200, 200]),
];

/** Planar length (m) of a lon/lat polyline in the local frame. */
export function polylineMeters(points: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = frame.toLocal(points[i - 1]);
    const [x1, y1] = frame.toLocal(points[i]);
    total += Math.hypot(x1 - x0, y1 - y0);
  }
  return total;
}

/** The graph node at a position given in local metres (nearest node within 1 cm), or −1. */
export function nodeAt(graph: { nodeCount: number; nodeLonLat: Float64Array }, east: number, north: number): number {
  for (let n = 0; n < graph.nodeCount; n++) {
    const [x, y] = frame.toLocal([graph.nodeLonLat[2 * n], graph.nodeLonLat[2 * n + 1]]);
    if (Math.hypot(x - east, y - north) < 0.01) return n;
  }
  return -1;
}
