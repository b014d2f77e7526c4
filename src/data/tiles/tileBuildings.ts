import { writeBuildingsGlb, type TiledBuilding } from './buildingGlb';
import {
  buildQuadtree,
  cellOf,
  centroidOf,
  DEFAULT_MAX_PER_TILE,
  leafFrame,
  leafPath,
  leavesOf,
  regionOfBuildings,
  tilesetJson,
  type Region,
} from './quadtree';

/**
 * Buildings that fit in memory (a community package, a browser-side tiling) → a 3D Tiles 1.1 tileset
 * as files: `tileset.json` and one glb per leaf. The same partition and content as the city tiler
 * (src/pipeline/tiles/cityTiler.ts), which streams instead of holding the city.
 */
export async function tileBuildings(
  buildings: readonly TiledBuilding[],
  maxPerTile = DEFAULT_MAX_PER_TILE,
): Promise<Map<string, Uint8Array>> {
  const byCell = new Map<string, TiledBuilding[]>();
  for (const b of buildings) {
    const key = cellOf(centroidOf(b));
    const list = byCell.get(key);
    if (list) list.push(b);
    else byCell.set(key, [b]);
  }
  const root = buildQuadtree(new Map([...byCell].map(([key, list]) => [key, list.length])), maxPerTile);
  if (!root) throw new Error('a tileset needs at least one building');
  const files = new Map<string, Uint8Array>();
  const regions = new Map<string, Region>();
  for (const leaf of leavesOf(root)) {
    const content = leaf.cells.flatMap((key) => byCell.get(key) ?? []);
    files.set(leafPath(leaf), await writeBuildingsGlb(content, leafFrame(leaf)));
    regions.set(leafPath(leaf), regionOfBuildings(content));
  }
  files.set('tileset.json', new TextEncoder().encode(`${JSON.stringify(tilesetJson(root, regions), null, 1)}\n`));
  return files;
}
