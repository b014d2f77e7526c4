import { eastNorthUpToEcef } from '../../core/geo/ecef';
import { createLocalFrame, type LocalFrame } from '../../core/geo/localFrame';
import type { LonLat } from '../../core/model/types';
import type { TiledBuilding } from './buildingGlb';

/**
 * The city tiler's space partition. Buildings are first bucketed by their centroid into fine grid
 * cells of 1/512° (≈ 190 m × 215 m at Hangzhou's latitude); a quadtree over those cells is split
 * until every leaf holds at most `maxPerTile` buildings (or is a single cell). Every building's full
 * footprint is in exactly one leaf. Inner tiles hold a coarse copy of their largest buildings (at most
 * `maxPerTile`, coarseBuildings.ts) so the city shows from afar, and refine REPLACE: a tile's coarse
 * copy goes when its children are drawn, so no building is drawn twice.
 */
export const CELLS_PER_DEGREE = 512;
export const DEFAULT_MAX_PER_TILE = 1000;

export type CellKey = string;
export const cellKey = (ix: number, iy: number): CellKey => `${ix}_${iy}`;
export const parseCellKey = (key: CellKey): [number, number] => key.split('_').map(Number) as [number, number];
export const cellOf = ([lon, lat]: LonLat): CellKey => cellKey(Math.floor(lon * CELLS_PER_DEGREE), Math.floor(lat * CELLS_PER_DEGREE));

export interface QuadNode {
  /** 0 at the root. */
  level: number;
  /** South-west cell of the node and its side, in cells. */
  x: number;
  y: number;
  size: number;
  count: number;
  children: QuadNode[];
  /** A leaf's cells (the buckets whose buildings are its content). */
  cells: CellKey[];
}

/** Where a tile's content goes: `tiles/<level>/<x>/<y>.glb` (x, y in cells, so names are stable across runs). */
export const leafPath = (node: QuadNode): string => `tiles/${node.level}/${node.x}/${node.y}.glb`;

/** Every node of the tree, children before their parent (the order a bottom-up writer completes them). */
export function nodesBottomUp(node: QuadNode): QuadNode[] {
  return [...node.children.flatMap(nodesBottomUp), node];
}

/**
 * The quadtree over the occupied cells (counts per cell); null for no building at all. `alignTo`
 * (a power of two, in cells) puts the root's corner on multiples of it, so every node at least that
 * large is a union of whole `alignTo` blocks and every smaller one lies inside one block (the city
 * tiler's work files are such blocks).
 */
export function buildQuadtree(counts: ReadonlyMap<CellKey, number>, maxPerTile = DEFAULT_MAX_PER_TILE, alignTo = 1): QuadNode | null {
  const cells: (readonly [number, number, number, CellKey])[] = [];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [key, n] of counts) {
    if (n <= 0) continue;
    const [x, y] = parseCellKey(key);
    cells.push([x, y, n, key]);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (!cells.length) return null;
  minX = Math.floor(minX / alignTo) * alignTo;
  minY = Math.floor(minY / alignTo) * alignTo;
  const span = Math.max(maxX - minX, maxY - minY) + 1;
  const size = Math.max(alignTo, 2 ** Math.ceil(Math.log2(span)));
  const build = (level: number, x: number, y: number, s: number, inside: typeof cells): QuadNode => {
    let count = 0;
    for (const c of inside) count += c[2];
    const node: QuadNode = { level, x, y, size: s, count, children: [], cells: [] };
    if (count <= maxPerTile || s === 1) {
      node.cells = inside.map((c) => c[3]).sort();
      return node;
    }
    const half = s / 2;
    const quarters: (typeof cells)[] = [[], [], [], []];
    for (const c of inside) quarters[(c[0] >= x + half ? 1 : 0) + (c[1] >= y + half ? 2 : 0)].push(c);
    quarters.forEach((part, q) => {
      if (part.length) node.children.push(build(level + 1, x + (q % 2) * half, y + Math.floor(q / 2) * half, half, part));
    });
    return node;
  };
  return build(0, minX, minY, size, cells);
}

export function leavesOf(node: QuadNode): QuadNode[] {
  return node.children.length ? node.children.flatMap(leavesOf) : [node];
}

/** [west, south, east, north, minHeight, maxHeight]: radians and metres (EPSG:4979), as 3D Tiles regions are. */
export type Region = [number, number, number, number, number, number];

/**
 * The region of a leaf's buildings: every footprint vertex, from the ground to the highest roof.
 * Each building stands on the ground at its first vertex, flat across its footprint, so a corner
 * tens of metres away may sit a few centimetres off the ellipsoid: the region has 5 cm to spare.
 * Walls rise along the tile's up, which leans by d / R from the vertical d metres from the tile's
 * origin (a 100 m roof 6 km away lies 9 cm off): the region is 2·10⁻⁵° (≈ 2 m) wider all round.
 */
export function regionOfBuildings(buildings: readonly TiledBuilding[]): Region {
  let [west, south, east, north, top] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const b of buildings) {
    for (const part of b.parts)
      for (const position of part[0]) {
        const [lon, lat] = position;
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
    top = Math.max(top, b.heightMeters);
  }
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const pad = 2e-5;
  return [rad(west - pad), rad(south - pad), rad(east + pad), rad(north + pad), -0.05, top + 0.05];
}

/**
 * The region of an inner tile's coarse content, written in the frame at the tile's centre: as
 * regionOfBuildings, plus the lean of walls rising along that frame's up (height × d / R, d the
 * farthest vertex from the origin; 5 m for a 100 m tower 300 km off, in a province-wide root).
 */
export function regionOfCoarseContent(buildings: readonly TiledBuilding[], frame: LocalFrame): Region {
  const region = regionOfBuildings(buildings);
  const [lon0, lat0] = frame.origin;
  const cosLat = Math.cos((lat0 * Math.PI) / 180);
  const metresPerDegree = 111_320;
  const far = Math.max(
    Math.abs((region[0] * 180) / Math.PI - lon0) * cosLat,
    Math.abs((region[2] * 180) / Math.PI - lon0) * cosLat,
    Math.abs((region[1] * 180) / Math.PI - lat0),
    Math.abs((region[3] * 180) / Math.PI - lat0),
  );
  const distance = far * Math.SQRT2 * metresPerDegree;
  const leanDegrees = (region[5] * distance) / 6_371_000 / metresPerDegree / Math.max(cosLat, 0.1);
  const lean = (leanDegrees * Math.PI) / 180;
  return [region[0] - lean, region[1] - lean, region[2] + lean, region[3] + lean, region[4], region[5]];
}

const unionOf = (regions: Region[]): Region => [
  Math.min(...regions.map((r) => r[0])),
  Math.min(...regions.map((r) => r[1])),
  Math.max(...regions.map((r) => r[2])),
  Math.max(...regions.map((r) => r[3])),
  Math.min(...regions.map((r) => r[4])),
  Math.max(...regions.map((r) => r[5])),
];

/** The frame a leaf's vertices are written in: east-north-up at the centre of its cells (float32-safe to millimetres). */
export function leafFrame(node: QuadNode): LocalFrame {
  return createLocalFrame([(node.x + node.size / 2) / CELLS_PER_DEGREE, (node.y + node.size / 2) / CELLS_PER_DEGREE]);
}

/**
 * Geometric error from the tile's size: a parent's children load when the parent, seen from the
 * camera, would be off by more than the screen-space error — at Cesium's default of 16 px on a
 * 1080-line screen that is within ≈ 4 km of a 1.6 km parent. Leaves are exact (0).
 */
export function geometricErrorOf(node: QuadNode): number {
  if (!node.children.length) return 0;
  const metres = (node.size / CELLS_PER_DEGREE) * 111_320;
  return Math.round((metres / 16) * 100) / 100;
}

interface TileJson {
  boundingVolume: { region: Region };
  geometricError: number;
  refine?: 'ADD' | 'REPLACE';
  transform?: number[];
  content?: { uri: string };
  children?: TileJson[];
}

/**
 * tileset.json (3D Tiles 1.1) of the tree: geometric errors from tile sizes, each leaf's ENU
 * transform so its glb vertices stay small (inner tiles place their content in the glb, see
 * yUpNodeMatrix). `contentRegions` holds the region of every tile written, by its path: an inner
 * tile with content refines REPLACE and its region is its children's and its own content's union;
 * one without (an older tree) refines ADD. A subtree without a written leaf (a failed tile) is left out.
 */
export function tilesetJson(root: QuadNode, contentRegions: ReadonlyMap<string, Region>): object {
  const tile = (node: QuadNode, hasParent: boolean): TileJson | null => {
    const region = contentRegions.get(leafPath(node));
    if (!node.children.length) {
      if (!region) return null;
      const frame = leafFrame(node);
      return {
        boundingVolume: { region },
        geometricError: 0,
        ...(hasParent ? {} : { refine: 'ADD' as const }),
        transform: eastNorthUpToEcef(frame.origin[0], frame.origin[1], 0),
        content: { uri: leafPath(node) },
      };
    }
    const children = node.children.map((c) => tile(c, true)).filter((c): c is TileJson => c !== null);
    if (!children.length) return null;
    const regions = children.map((c) => c.boundingVolume.region);
    return {
      boundingVolume: { region: unionOf(region ? [...regions, region] : regions) },
      geometricError: geometricErrorOf(node),
      refine: region ? 'REPLACE' : 'ADD',
      ...(region ? { content: { uri: leafPath(node) } } : {}),
      children,
    };
  };
  const rootTile = tile(root, false);
  if (!rootTile) throw new Error('no tile was written');
  return {
    asset: { version: '1.1', generator: 'Future Community Twin' },
    // The error of drawing nothing at all: the whole set's width. (Cesium draws no tile while the
    // camera is so far that this error is under the screen-space error; the root's own error is
    // only about refining it.)
    geometricError: Math.round((root.size / CELLS_PER_DEGREE) * 111_320),
    root: rootTile.refine ? rootTile : { ...rootTile, refine: 'ADD' },
  };
}

export function centroidOf(b: Pick<TiledBuilding, 'parts'>): LonLat {
  const ring = b.parts[0][0];
  let [lon, lat] = [0, 0];
  const n = ring.length > 1 ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) {
    lon += ring[i][0];
    lat += ring[i][1];
  }
  return [lon / n, lat / n];
}
