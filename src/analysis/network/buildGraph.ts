import { createLocalFrame } from '../../core/geo/localFrame';
import type { LonLat } from '../../core/model/types';
import { vincentyDistanceMeters } from './geodesic';

/**
 * The walking graph as compact, transferable typed arrays (CSR adjacency).
 *
 * Every vertex of every input line becomes a node (after snapping), so a shortest path's node
 * sequence is already its polyline. All kinds of lines (road, footway, path, steps, crossing) are
 * walkable in both directions: the graph is undirected and each edge is stored as two arcs.
 */
export interface WalkGraph {
  nodeCount: number;
  /** Undirected edges. */
  edgeCount: number;
  /** Origin of the local frame used for snapping (centre of the data's bounding box), degrees. */
  originLonLat: LonLat;
  /** Node positions, [lon, lat] interleaved, degrees. */
  nodeLonLat: Float64Array;
  /** Arcs of node i are `offsets[i] … offsets[i + 1] - 1`; length nodeCount + 1. */
  offsets: Uint32Array;
  /** Arc → head node. */
  targets: Uint32Array;
  /** Arc → length in metres on the ellipsoid. */
  lengthsMeters: Float64Array;
  /** Arc → its undirected edge. */
  arcEdge: Uint32Array;
  /** Edge e joins nodes `edgeNodes[2e]` and `edgeNodes[2e + 1]`. */
  edgeNodes: Uint32Array;
  /** Edge → length in metres on the ellipsoid. */
  edgeLengthsMeters: Float64Array;
  /** Edge → index of the input line it came from (the first one, for merged duplicates). */
  edgeLine: Uint32Array;
  stats: WalkGraphStats;
}

/** What the builder merged or dropped, so a caller can tell a data problem from a graph property. */
export interface WalkGraphStats {
  inputLines: number;
  inputVertices: number;
  /** Vertices merged into an existing node (shared vertices, duplicates, snapping). */
  mergedVertices: number;
  /** Segments whose two ends fell on the same node after snapping. */
  zeroLengthSegmentsDropped: number;
  /** Segments joining the same two nodes as an earlier one (the shorter is kept). */
  duplicateEdgesDropped: number;
  /** Vertices that are not finite longitude/latitude pairs; their segments are skipped. */
  invalidVertices: number;
}

/** The minimum a shortest-path search needs; WalkGraph satisfies it. */
export type CsrGraph = Pick<WalkGraph, 'nodeCount' | 'offsets' | 'targets' | 'lengthsMeters'>;

/** Lines packed into flat arrays: line i has vertices `lineOffsets[i] … lineOffsets[i + 1] - 1`. */
export interface PackedLines {
  /** [lon, lat] interleaved, degrees. */
  coordinates: Float64Array;
  /** Length lineCount + 1, in vertices. */
  lineOffsets: Uint32Array;
}

export interface BuildWalkGraphOptions {
  /**
   * Vertices closer than this (metres, in the local frame) become one node. 0.5 m joins lines that
   * were digitised to meet but miss by rounding, without merging the two sides of a typical 1.5 m
   * footpath.
   */
  snapToleranceMeters?: number;
}

export const DEFAULT_SNAP_TOLERANCE_METERS = 0.5;

/** Packs any list of lines (e.g. `Community.network`) for `buildWalkGraphFromPacked` or a worker. */
export function packLines(lines: readonly { coordinates: readonly (readonly number[])[] }[]): PackedLines {
  let vertexCount = 0;
  for (const line of lines) vertexCount += line.coordinates.length;
  const coordinates = new Float64Array(vertexCount * 2);
  const lineOffsets = new Uint32Array(lines.length + 1);
  let v = 0;
  lines.forEach((line, i) => {
    lineOffsets[i] = v;
    for (const p of line.coordinates) {
      coordinates[2 * v] = p[0];
      coordinates[2 * v + 1] = p[1];
      v++;
    }
  });
  lineOffsets[lines.length] = v;
  return { coordinates, lineOffsets };
}

/** Builds the walking graph from `NetworkLine[]` or any list of lines with lon/lat coordinates. */
export function buildWalkGraph(
  lines: readonly { coordinates: readonly (readonly number[])[] }[],
  options: BuildWalkGraphOptions = {},
): WalkGraph {
  return buildWalkGraphFromPacked(packLines(lines), options);
}

const isLonLat = (lon: number, lat: number) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/**
 * Integer cell (cx, cy) → value, open addressing with linear probing on typed arrays. Cell
 * coordinates are 32-bit: ±2^31 cells of 0.5 m is far beyond any city.
 */
class CellHash {
  /** [cx, cy, value, unused] per slot, interleaved so a probe is one cache line. */
  private readonly table: Int32Array;
  private readonly mask: number;

  constructor(expectedEntries: number) {
    let capacity = 16;
    while (capacity < expectedEntries * 2) capacity *= 2;
    this.table = new Int32Array(capacity * 4);
    for (let i = 2; i < this.table.length; i += 4) this.table[i] = -1;
    this.mask = capacity - 1;
  }

  private slot(cx: number, cy: number): number {
    let h = (Math.imul(cx, 0x9e3779b1) ^ Math.imul(cy, 0x85ebca77)) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    let i = h & this.mask;
    const t = this.table;
    while (t[4 * i + 2] >= 0 && (t[4 * i] !== cx || t[4 * i + 1] !== cy)) i = (i + 1) & this.mask;
    return 4 * i;
  }

  /** The value of a cell, −1 when empty. */
  get(cx: number, cy: number): number {
    return this.table[this.slot(cx, cy) + 2];
  }

  set(cx: number, cy: number, value: number): void {
    const i = this.slot(cx, cy);
    this.table[i] = cx;
    this.table[i + 1] = cy;
    this.table[i + 2] = value;
  }
}

/**
 * Builds the graph from packed lines:
 * 1. vertices are snapped to nodes with a grid hash (cell = tolerance) in a local east/north frame
 *    at the data centre, looking in the 3×3 cells around each vertex, so lines that share a vertex
 *    (or nearly) are joined there and duplicate vertices merge;
 * 2. consecutive vertices of a line become edges; segments collapsed to one node are dropped;
 * 3. edge lengths are geodesics on the WGS84 ellipsoid (Vincenty), not local-frame lengths;
 * 4. parallel duplicates (same two nodes) keep the shorter edge;
 * 5. arcs are laid out in CSR order.
 */
export function buildWalkGraphFromPacked(lines: PackedLines, options: BuildWalkGraphOptions = {}): WalkGraph {
  const tolerance = options.snapToleranceMeters ?? DEFAULT_SNAP_TOLERANCE_METERS;
  if (!(tolerance >= 0)) throw new RangeError(`snapToleranceMeters must be ≥ 0, got ${tolerance}`);
  const { coordinates, lineOffsets } = lines;
  const lineCount = Math.max(0, lineOffsets.length - 1);
  const vertexCount = coordinates.length / 2;

  // Data centre: the middle of the bounding box of the valid vertices.
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let invalidVertices = 0;
  for (let v = 0; v < vertexCount; v++) {
    const lon = coordinates[2 * v];
    const lat = coordinates[2 * v + 1];
    if (!isLonLat(lon, lat)) {
      invalidVertices++;
      continue;
    }
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  const origin: LonLat = minLon <= maxLon ? [(minLon + maxLon) / 2, (minLat + maxLat) / 2] : [0, 0];
  const frame = createLocalFrame(origin);
  const kx = frame.metersPerDegreeLon;
  const ky = frame.metersPerDegreeLat;

  // 1. Snapping. Nodes keep the position of the first vertex that created them. The grid hash is
  // open addressing on typed arrays (a Map keyed by numbers beyond the small-integer range is ~50×
  // slower at a million vertices).
  // Cells of 4 × the tolerance: the tolerance disc around a vertex touches 1–4 cells (2.25 on average).
  const cellSize = tolerance > 0 ? 4 * tolerance : 1;
  const tolerance2 = tolerance * tolerance;
  const vertexNode = new Int32Array(vertexCount).fill(-1);
  const nodeX = new Float64Array(vertexCount);
  const nodeY = new Float64Array(vertexCount);
  const nodeVertex = new Uint32Array(vertexCount);
  const nextInCell = new Int32Array(vertexCount);
  const cells = new CellHash(vertexCount);
  let nodeCount = 0;
  for (let v = 0; v < vertexCount; v++) {
    const lon = coordinates[2 * v];
    const lat = coordinates[2 * v + 1];
    if (!isLonLat(lon, lat)) continue;
    const x = (lon - origin[0]) * kx;
    const y = (lat - origin[1]) * ky;
    const cx = Math.floor(x / cellSize);
    const cy = Math.floor(y / cellSize);
    const cx0 = Math.floor((x - tolerance) / cellSize);
    const cx1 = Math.floor((x + tolerance) / cellSize);
    const cy0 = Math.floor((y - tolerance) / cellSize);
    const cy1 = Math.floor((y + tolerance) / cellSize);
    let found = -1;
    let bestD2 = Infinity;
    for (let gx = cx0; gx <= cx1; gx++) {
      for (let gy = cy0; gy <= cy1; gy++) {
        let n = cells.get(gx, gy);
        while (n >= 0) {
          const ex = nodeX[n] - x;
          const ey = nodeY[n] - y;
          const d2 = ex * ex + ey * ey;
          if (d2 <= tolerance2 && d2 < bestD2) {
            bestD2 = d2;
            found = n;
          }
          n = nextInCell[n];
        }
      }
    }
    if (found < 0) {
      found = nodeCount++;
      nodeX[found] = x;
      nodeY[found] = y;
      nodeVertex[found] = v;
      nextInCell[found] = cells.get(cx, cy);
      cells.set(cx, cy, found);
    }
    vertexNode[v] = found;
  }
  const nodeLonLat = new Float64Array(nodeCount * 2);
  for (let n = 0; n < nodeCount; n++) {
    const v = nodeVertex[n];
    nodeLonLat[2 * n] = coordinates[2 * v];
    nodeLonLat[2 * n + 1] = coordinates[2 * v + 1];
  }

  // 2–3. Segments → edges with ellipsoidal lengths.
  const maxEdges = Math.max(0, vertexCount - lineCount);
  let edgeA = new Uint32Array(maxEdges);
  let edgeB = new Uint32Array(maxEdges);
  let edgeLength = new Float64Array(maxEdges);
  let edgeLineOf = new Uint32Array(maxEdges);
  let edgeCount = 0;
  let zeroLength = 0;
  for (let line = 0; line < lineCount; line++) {
    for (let v = lineOffsets[line]; v + 1 < lineOffsets[line + 1]; v++) {
      const a = vertexNode[v];
      const b = vertexNode[v + 1];
      if (a < 0 || b < 0) continue;
      if (a === b) {
        zeroLength++;
        continue;
      }
      const length = vincentyDistanceMeters(nodeLonLat[2 * a], nodeLonLat[2 * a + 1], nodeLonLat[2 * b], nodeLonLat[2 * b + 1]);
      if (!(length > 0)) {
        zeroLength++;
        continue;
      }
      edgeA[edgeCount] = a;
      edgeB[edgeCount] = b;
      edgeLength[edgeCount] = length;
      edgeLineOf[edgeCount] = line;
      edgeCount++;
    }
  }

  // 4. Parallel duplicates: bucket edges by their lower node, compare within the (small) bucket.
  const keep = new Uint8Array(edgeCount).fill(1);
  let duplicates = 0;
  {
    const bucketStart = new Uint32Array(nodeCount + 1);
    for (let e = 0; e < edgeCount; e++) bucketStart[Math.min(edgeA[e], edgeB[e]) + 1]++;
    for (let n = 0; n < nodeCount; n++) bucketStart[n + 1] += bucketStart[n];
    const fill = bucketStart.slice(0, nodeCount);
    const bucket = new Uint32Array(edgeCount);
    for (let e = 0; e < edgeCount; e++) bucket[fill[Math.min(edgeA[e], edgeB[e])]++] = e;
    for (let n = 0; n < nodeCount; n++) {
      for (let i = bucketStart[n] + 1; i < bucketStart[n + 1]; i++) {
        const e = bucket[i];
        const high = Math.max(edgeA[e], edgeB[e]);
        for (let j = bucketStart[n]; j < i; j++) {
          const f = bucket[j];
          if (!keep[f] || Math.max(edgeA[f], edgeB[f]) !== high) continue;
          duplicates++;
          if (edgeLength[e] < edgeLength[f]) {
            edgeLength[f] = edgeLength[e];
          }
          keep[e] = 0;
          break;
        }
      }
    }
  }
  if (duplicates > 0) {
    let w = 0;
    for (let e = 0; e < edgeCount; e++) {
      if (!keep[e]) continue;
      edgeA[w] = edgeA[e];
      edgeB[w] = edgeB[e];
      edgeLength[w] = edgeLength[e];
      edgeLineOf[w] = edgeLineOf[e];
      w++;
    }
    edgeCount = w;
  }
  edgeA = edgeA.slice(0, edgeCount);
  edgeB = edgeB.slice(0, edgeCount);
  edgeLength = edgeLength.slice(0, edgeCount);
  edgeLineOf = edgeLineOf.slice(0, edgeCount);

  // 5. CSR.
  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    offsets[edgeA[e] + 1]++;
    offsets[edgeB[e] + 1]++;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] += offsets[n];
  const cursor = offsets.slice(0, nodeCount);
  const arcCount = edgeCount * 2;
  const targets = new Uint32Array(arcCount);
  const lengthsMeters = new Float64Array(arcCount);
  const arcEdge = new Uint32Array(arcCount);
  const edgeNodes = new Uint32Array(edgeCount * 2);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeA[e];
    const b = edgeB[e];
    edgeNodes[2 * e] = a;
    edgeNodes[2 * e + 1] = b;
    let arc = cursor[a]++;
    targets[arc] = b;
    lengthsMeters[arc] = edgeLength[e];
    arcEdge[arc] = e;
    arc = cursor[b]++;
    targets[arc] = a;
    lengthsMeters[arc] = edgeLength[e];
    arcEdge[arc] = e;
  }

  return {
    nodeCount,
    edgeCount,
    originLonLat: origin,
    nodeLonLat,
    offsets,
    targets,
    lengthsMeters,
    arcEdge,
    edgeNodes,
    edgeLengthsMeters: edgeLength,
    edgeLine: edgeLineOf,
    stats: {
      inputLines: lineCount,
      inputVertices: vertexCount,
      mergedVertices: vertexCount - invalidVertices - nodeCount,
      zeroLengthSegmentsDropped: zeroLength,
      duplicateEdgesDropped: duplicates,
      invalidVertices,
    },
  };
}

/** The typed arrays of a graph, for a worker's transfer list. */
export function walkGraphBuffers(graph: WalkGraph): ArrayBuffer[] {
  return [
    graph.nodeLonLat,
    graph.offsets,
    graph.targets,
    graph.lengthsMeters,
    graph.arcEdge,
    graph.edgeNodes,
    graph.edgeLengthsMeters,
    graph.edgeLine,
  ].map((a) => a.buffer as ArrayBuffer);
}
