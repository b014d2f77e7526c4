import { writeBuildingsGlb, type TiledBuilding } from './buildingGlb';
import {
  buildQuadtree,
  cellOf,
  centroidOf,
  DEFAULT_MAX_PER_TILE,
  leafFrame,
  leafPath,
  nodesBottomUp,
  regionOfBuildings,
  regionOfCoarseContent,
  tilesetJson,
  type QuadNode,
  type Region,
} from './quadtree';
import { coarseBuildings } from './coarseBuildings';

/**
 * Buildings that fit in memory (a community package, a browser-side tiling) → a 3D Tiles 1.1 tileset
 * as files: `tileset.json`, one glb per leaf and a coarse glb per inner tile. The same partition and content as the city tiler
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
  // Bottom-up: a leaf's buildings, then each inner tile's coarse copy of its children's largest.
  const selected = new Map<QuadNode, TiledBuilding[]>();
  for (const node of nodesBottomUp(root)) {
    if (!node.children.length) {
      const content = node.cells.flatMap((key) => byCell.get(key) ?? []);
      files.set(leafPath(node), await writeBuildingsGlb(content, leafFrame(node)));
      regions.set(leafPath(node), regionOfBuildings(content));
      selected.set(node, coarseBuildings(content, maxPerTile));
      continue;
    }
    const content = coarseBuildings(
      node.children.flatMap((c) => selected.get(c) ?? []),
      maxPerTile,
    );
    node.children.forEach((c) => selected.delete(c));
    files.set(leafPath(node), await writeBuildingsGlb(content, leafFrame(node), { placeInContent: true }));
    regions.set(leafPath(node), regionOfCoarseContent(content, leafFrame(node)));
    selected.set(node, content);
  }
  files.set('tileset.json', new TextEncoder().encode(`${JSON.stringify(tilesetJson(root, regions), null, 1)}\n`));
  return files;
}
