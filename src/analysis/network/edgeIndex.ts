import type { WalkGraph } from './buildGraph';
import { createLocalFrame } from '../../core/geo/localFrame';

/**
 * A uniform grid over the graph's edges in the local east/north frame (metres) at the graph's origin.
 * Each edge is listed in every cell its bounding box touches, so a nearest-edge query only looks at
 * the rings of cells around a point until no closer edge can exist.
 */
export interface EdgeGridIndex {
  metersPerDegreeLon: number;
  metersPerDegreeLat: number;
  originLonLat: readonly [number, number];
  minXMeters: number;
  minYMeters: number;
  cellSizeMeters: number;
  columns: number;
  rows: number;
  /** Edges of cell c are `cellEdges[cellStart[c] … cellStart[c + 1] - 1]`. */
  cellStart: Uint32Array;
  cellEdges: Uint32Array;
  /** Node positions in the local frame, [x, y] interleaved, metres. */
  nodeXYMeters: Float64Array;
}

export interface EdgeGridOptions {
  /** Grid cell size; default twice the mean edge length, within 10 … 500 m. */
  cellSizeMeters?: number;
}

/** Cap on grid cells, so a sparse network over a large area cannot allocate a huge grid. */
const MAX_CELLS = 4_000_000;

export function buildEdgeGridIndex(graph: WalkGraph, options: EdgeGridOptions = {}): EdgeGridIndex {
  const frame = createLocalFrame(graph.originLonLat);
  const kx = frame.metersPerDegreeLon;
  const ky = frame.metersPerDegreeLat;
  const [lon0, lat0] = graph.originLonLat;
  const nodeXYMeters = new Float64Array(graph.nodeCount * 2);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let n = 0; n < graph.nodeCount; n++) {
    const x = (graph.nodeLonLat[2 * n] - lon0) * kx;
    const y = (graph.nodeLonLat[2 * n + 1] - lat0) * ky;
    nodeXYMeters[2 * n] = x;
    nodeXYMeters[2 * n + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (graph.nodeCount === 0) minX = minY = maxX = maxY = 0;

  let totalLength = 0;
  for (let e = 0; e < graph.edgeCount; e++) totalLength += graph.edgeLengthsMeters[e];
  const meanEdge = graph.edgeCount ? totalLength / graph.edgeCount : 100;
  let cellSize = options.cellSizeMeters ?? Math.min(500, Math.max(10, 2 * meanEdge));
  const width = maxX - minX;
  const height = maxY - minY;
  while ((Math.floor(width / cellSize) + 1) * (Math.floor(height / cellSize) + 1) > MAX_CELLS) cellSize *= 2;
  const columns = Math.floor(width / cellSize) + 1;
  const rows = Math.floor(height / cellSize) + 1;

  const cellRange = (e: number, out: Int32Array) => {
    const a = graph.edgeNodes[2 * e];
    const b = graph.edgeNodes[2 * e + 1];
    const ax = nodeXYMeters[2 * a];
    const ay = nodeXYMeters[2 * a + 1];
    const bx = nodeXYMeters[2 * b];
    const by = nodeXYMeters[2 * b + 1];
    out[0] = Math.floor((Math.min(ax, bx) - minX) / cellSize);
    out[1] = Math.floor((Math.max(ax, bx) - minX) / cellSize);
    out[2] = Math.floor((Math.min(ay, by) - minY) / cellSize);
    out[3] = Math.floor((Math.max(ay, by) - minY) / cellSize);
  };
  const range = new Int32Array(4);
  const cellStart = new Uint32Array(columns * rows + 1);
  for (let e = 0; e < graph.edgeCount; e++) {
    cellRange(e, range);
    for (let cy = range[2]; cy <= range[3]; cy++) for (let cx = range[0]; cx <= range[1]; cx++) cellStart[cy * columns + cx + 1]++;
  }
  for (let c = 0; c < columns * rows; c++) cellStart[c + 1] += cellStart[c];
  const cursor = cellStart.slice(0, columns * rows);
  const cellEdges = new Uint32Array(cellStart[columns * rows]);
  for (let e = 0; e < graph.edgeCount; e++) {
    cellRange(e, range);
    for (let cy = range[2]; cy <= range[3]; cy++) for (let cx = range[0]; cx <= range[1]; cx++) cellEdges[cursor[cy * columns + cx]++] = e;
  }
  return {
    metersPerDegreeLon: kx,
    metersPerDegreeLat: ky,
    originLonLat: [lon0, lat0],
    minXMeters: minX,
    minYMeters: minY,
    cellSizeMeters: cellSize,
    columns,
    rows,
    cellStart,
    cellEdges,
    nodeXYMeters,
  };
}

/** The nearest edge to a point found by `nearestEdge`. */
export interface NearestEdge {
  edge: number;
  /** Position of the foot of the perpendicular along the edge, 0 at edgeNodes[2e], 1 at edgeNodes[2e + 1]. */
  fraction: number;
  /** Local-frame distance from the point to the edge, metres (for ranking only). */
  planarDistanceMeters: number;
}

/**
 * Per index: the per-edge stamps that let an edge listed in several cells be measured once per query,
 * and the last query's number. Kept with the index and shared by every searcher on it (queries run one
 * at a time): a new array per searcher cost milliseconds per attached point on a city's two million
 * edges, more than the search itself when one candidate is attached at a time.
 */
const stampsOf = new WeakMap<EdgeGridIndex, { stamp: Uint32Array; query: number }>();

/** A reusable nearest-edge searcher. */
export function createNearestEdgeSearch(graph: WalkGraph, index: EdgeGridIndex) {
  let stamps = stampsOf.get(index);
  if (!stamps || stamps.stamp.length < graph.edgeCount)
    stampsOf.set(index, (stamps = { stamp: new Uint32Array(graph.edgeCount), query: 0 }));
  const shared = stamps;
  const stamp = shared.stamp;
  const { nodeXYMeters: xy, cellStart, cellEdges, columns, rows, cellSizeMeters: cell } = index;
  const edgeNodes = graph.edgeNodes;

  /** Nearest edge within maxMeters of the lon/lat point (planar in the local frame), or null. */
  return function nearestEdge(lon: number, lat: number, maxMeters: number): NearestEdge | null {
    shared.query++;
    if (shared.query === 0xffffffff) {
      stamp.fill(0);
      shared.query = 1;
    }
    const query = shared.query;
    const px = (lon - index.originLonLat[0]) * index.metersPerDegreeLon;
    const py = (lat - index.originLonLat[1]) * index.metersPerDegreeLat;
    const gx = (px - index.minXMeters) / cell;
    const gy = (py - index.minYMeters) / cell;
    const cx = Math.floor(gx);
    const cy = Math.floor(gy);
    // Distance from the point to the nearest side of its own cell: the block of rings 0 … r
    // reaches at least r · cell + inset beyond the point in every direction.
    const inset = cell * Math.min(gx - cx, cx + 1 - gx, gy - cy, cy + 1 - gy);
    let bestD2 = maxMeters * maxMeters;
    let bestEdge = -1;
    let bestT = 0;
    const maxRing = Math.ceil(maxMeters / cell) + 1;
    for (let r = 0; r <= maxRing; r++) {
      const x0 = cx - r;
      const x1 = cx + r;
      const y0 = cy - r;
      const y1 = cy + r;
      if (x1 >= 0 && x0 < columns && y1 >= 0 && y0 < rows) {
        // The ring's cells: top and bottom rows, then the left and right columns between them.
        const perimeter = r === 0 ? 1 : 8 * r;
        for (let k = 0; k < perimeter; k++) {
          let x: number;
          let y: number;
          if (r === 0) {
            x = cx;
            y = cy;
          } else if (k < 2 * r + 1) {
            x = x0 + k;
            y = y0;
          } else if (k < 4 * r + 2) {
            x = x0 + k - (2 * r + 1);
            y = y1;
          } else if (k < 6 * r + 1) {
            x = x0;
            y = y0 + 1 + k - (4 * r + 2);
          } else {
            x = x1;
            y = y0 + 1 + k - (6 * r + 1);
          }
          if (x < 0 || x >= columns || y < 0 || y >= rows) continue;
          const c = y * columns + x;
          for (let i = cellStart[c]; i < cellStart[c + 1]; i++) {
            const e = cellEdges[i];
            if (stamp[e] === query) continue;
            stamp[e] = query;
            const a = edgeNodes[2 * e];
            const b = edgeNodes[2 * e + 1];
            const ax = xy[2 * a];
            const ay = xy[2 * a + 1];
            const dx = xy[2 * b] - ax;
            const dy = xy[2 * b + 1] - ay;
            const len2 = dx * dx + dy * dy;
            let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            const qx = ax + t * dx - px;
            const qy = ay + t * dy - py;
            const d2 = qx * qx + qy * qy;
            if (d2 < bestD2 || (d2 === bestD2 && bestEdge < 0)) {
              bestD2 = d2;
              bestEdge = e;
              bestT = t;
            }
          }
        }
      }
      const reach = r * cell + inset;
      if (bestEdge >= 0 && bestD2 <= reach * reach) break;
      if (reach > maxMeters) break;
    }
    return bestEdge < 0 ? null : { edge: bestEdge, fraction: bestT, planarDistanceMeters: Math.sqrt(bestD2) };
  };
}
