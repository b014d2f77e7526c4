import { eastNorthUpToEcef } from '../../core/geo/ecef';
import { createLocalFrame, type LocalFrame } from '../../core/geo/localFrame';
import type { LonLat } from '../../core/model/types';
import type { TiledBuilding } from './buildingGlb';

/**
 * The city tiler's space partition. Buildings are first bucketed by their centroid into fine grid
 * cells of 1/512° (≈ 190 m × 215 m at Hangzhou's latitude); a quadtree over those cells is split
 * until every leaf holds at most `maxPerTile` buildings (or is a single cell). Content sits at the
 * leaves only and parents refine ADD, so each building is drawn from exactly one tile.
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

/** Where a leaf's content goes: `tiles/<level>/<x>/<y>.glb` (x, y in cells, so names are stable across runs). */
export const leafPath = (node: QuadNode): string => `tiles/${node.level}/${node.x}/${node.y}.glb`;

/** The quadtree over the occupied cells (counts per cell); null for no building at all. */
export function buildQuadtree(counts: ReadonlyMap<CellKey, number>, maxPerTile = DEFAULT_MAX_PER_TILE): QuadNode | null {
  const cells = [...counts].filter(([, n]) => n > 0).map(([key, n]) => [...parseCellKey(key), n, key] as const);
  if (!cells.length) return null;
  const minX = Math.min(...cells.map((c) => c[0]));
  const minY = Math.min(...cells.map((c) => c[1]));
  const span = Math.max(Math.max(...cells.map((c) => c[0])) - minX, Math.max(...cells.map((c) => c[1])) - minY) + 1;
  const size = 2 ** Math.ceil(Math.log2(span));
  const build = (level: number, x: number, y: number, s: number, inside: typeof cells): QuadNode => {
    const count = inside.reduce((sum, c) => sum + c[2], 0);
    const node: QuadNode = { level, x, y, size: s, count, children: [], cells: [] };
    if (count <= maxPerTile || s === 1) {
      node.cells = inside.map((c) => c[3]).sort();
      return node;
    }
    const half = s / 2;
    for (const [dx, dy] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]) {
      const cx = x + dx * half;
      const cy = y + dy * half;
      const part = inside.filter((c) => c[0] >= cx && c[0] < cx + half && c[1] >= cy && c[1] < cy + half);
      if (part.length) node.children.push(build(level + 1, cx, cy, half, part));
    }
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
 * Vertices are written on the leaf's tangent plane (`frame`), which rises above the ellipsoid by
 * d² / 2R at a distance d from its origin (8 cm at 1 km): the top includes that rise.
 */
export function regionOfBuildings(buildings: readonly TiledBuilding[], frame: LocalFrame): Region {
  let [west, south, east, north, top, farthest] = [Infinity, Infinity, -Infinity, -Infinity, 0, 0];
  for (const b of buildings) {
    for (const part of b.parts)
      for (const position of part[0]) {
        const [lon, lat] = position;
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
        const [x, y] = frame.toLocal(position);
        farthest = Math.max(farthest, x * x + y * y);
      }
    top = Math.max(top, b.heightMeters);
  }
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const rise = farthest / (2 * 6_356_752) + 0.001;
  return [rad(west), rad(south), rad(east), rad(north), 0, Math.ceil((top + rise) * 1000) / 1000];
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
  refine?: 'ADD';
  transform?: number[];
  content?: { uri: string };
  children?: TileJson[];
}

/**
 * tileset.json (3D Tiles 1.1) of the tree: regions from the leaves' actual content up, geometric
 * errors from tile sizes, refine ADD, each leaf's ENU transform so its glb vertices stay small. A
 * subtree without a written leaf (a failed tile) is left out.
 */
export function tilesetJson(root: QuadNode, leafRegions: ReadonlyMap<string, Region>): object {
  const tile = (node: QuadNode, hasParent: boolean): TileJson | null => {
    if (!node.children.length) {
      const region = leafRegions.get(leafPath(node));
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
    return {
      boundingVolume: { region: unionOf(children.map((c) => c.boundingVolume.region)) },
      geometricError: geometricErrorOf(node),
      refine: 'ADD',
      children,
    };
  };
  const rootTile = tile(root, false);
  if (!rootTile) throw new Error('no tile was written');
  return {
    asset: { version: '1.1', generator: 'Future Community Twin' },
    geometricError: Math.max(rootTile.geometricError, 1),
    root: { ...rootTile, refine: 'ADD' },
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
