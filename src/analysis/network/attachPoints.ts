import type { WalkGraph } from './buildGraph';
import { buildEdgeGridIndex, createNearestEdgeSearch, type EdgeGridIndex } from './edgeIndex';
import { vincentyDistanceMeters } from './geodesic';

/**
 * Points (building centroids, facility positions) attached to the walking graph.
 *
 * A point is attached to the nearest EDGE by perpendicular projection, not to the nearest vertex:
 * on a long street the nearest vertex can be a corner 100 m away while the door is on the street.
 * The stored graph is not split: each point is a virtual node with two weighted links,
 *   to edgeNodes[2e]:     fraction · edgeLength + connector
 *   to edgeNodes[2e + 1]: (1 − fraction) · edgeLength + connector
 * where the connector is the walk from the point to the foot of the perpendicular (it counts).
 */
export interface AttachedPoints {
  count: number;
  /** Edge each point is attached to, −1 when unreachable. */
  edge: Int32Array;
  /** Position of the projection along the edge, 0 … 1 from edgeNodes[2e]. */
  fraction: Float64Array;
  /** Point → projection on the ellipsoid, metres (NaN when unreachable). */
  connectorMeters: Float64Array;
  /** Walk from the point to edgeNodes[2e] and to edgeNodes[2e + 1], metres. */
  toStartMeters: Float64Array;
  toEndMeters: Float64Array;
  /** Input positions, [lon, lat] interleaved. */
  pointLonLat: Float64Array;
  /** The projections on the network, [lon, lat] interleaved (NaN when unreachable). */
  projectedLonLat: Float64Array;
  /** Points that could not be attached, with the reason (index into the input). */
  unreachable: { index: number; reason: string }[];
}

export interface AttachOptions {
  /**
   * A point farther than this from every edge is unreachable: it is more likely on another
   * network (a different island of data) than a 500 m walk across unmapped ground.
   */
  maxSnapMeters?: number;
  /** A prebuilt index, to attach several point sets to one graph without rebuilding it. */
  index?: EdgeGridIndex;
}

export const DEFAULT_MAX_SNAP_METERS = 500;

/** Attaches [lon, lat]-interleaved points to their nearest edges. */
export function attachPoints(graph: WalkGraph, pointLonLat: Float64Array, options: AttachOptions = {}): AttachedPoints {
  const maxSnap = options.maxSnapMeters ?? DEFAULT_MAX_SNAP_METERS;
  const count = pointLonLat.length / 2;
  const out: AttachedPoints = {
    count,
    edge: new Int32Array(count).fill(-1),
    fraction: new Float64Array(count),
    connectorMeters: new Float64Array(count).fill(Number.NaN),
    toStartMeters: new Float64Array(count).fill(Infinity),
    toEndMeters: new Float64Array(count).fill(Infinity),
    pointLonLat: pointLonLat.slice(),
    projectedLonLat: new Float64Array(count * 2).fill(Number.NaN),
    unreachable: [],
  };
  if (graph.edgeCount === 0) {
    for (let i = 0; i < count; i++) out.unreachable.push({ index: i, reason: 'the walking network has no edges' });
    return out;
  }
  const index = options.index ?? buildEdgeGridIndex(graph);
  const nearestEdge = createNearestEdgeSearch(graph, index);
  for (let i = 0; i < count; i++) {
    const lon = pointLonLat[2 * i];
    const lat = pointLonLat[2 * i + 1];
    if (!(Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
      out.unreachable.push({ index: i, reason: 'position is not a finite [longitude, latitude] in degrees' });
      continue;
    }
    const hit = nearestEdge(lon, lat, maxSnap);
    if (!hit) {
      out.unreachable.push({ index: i, reason: `no walkable network edge within ${maxSnap} m` });
      continue;
    }
    const e = hit.edge;
    const a = graph.edgeNodes[2 * e];
    const b = graph.edgeNodes[2 * e + 1];
    const t = hit.fraction;
    const qLon = graph.nodeLonLat[2 * a] + t * (graph.nodeLonLat[2 * b] - graph.nodeLonLat[2 * a]);
    const qLat = graph.nodeLonLat[2 * a + 1] + t * (graph.nodeLonLat[2 * b + 1] - graph.nodeLonLat[2 * a + 1]);
    const connector = vincentyDistanceMeters(lon, lat, qLon, qLat);
    const length = graph.edgeLengthsMeters[e];
    out.edge[i] = e;
    out.fraction[i] = t;
    out.connectorMeters[i] = connector;
    out.toStartMeters[i] = t * length + connector;
    out.toEndMeters[i] = (1 - t) * length + connector;
    out.projectedLonLat[2 * i] = qLon;
    out.projectedLonLat[2 * i + 1] = qLat;
  }
  return out;
}

/** The typed arrays of attached points, for a worker's transfer list. */
export function attachedPointsBuffers(points: AttachedPoints): ArrayBuffer[] {
  return [
    points.edge,
    points.fraction,
    points.connectorMeters,
    points.toStartMeters,
    points.toEndMeters,
    points.pointLonLat,
    points.projectedLonLat,
  ].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Walking distance between two points attached to the SAME edge, straight along it (connectors
 * included), or Infinity when they are on different edges. The graph search only knows the edge's
 * ends, so without this a building and a shop on one long street would be routed via a corner.
 */
export function sameEdgeDistanceMeters(graph: WalkGraph, p: AttachedPoints, i: number, q: AttachedPoints, j: number): number {
  const e = p.edge[i];
  if (e < 0 || e !== q.edge[j]) return Infinity;
  return p.connectorMeters[i] + Math.abs(p.fraction[i] - q.fraction[j]) * graph.edgeLengthsMeters[e] + q.connectorMeters[j];
}
