/**
 * One tile's work in pass 2 of the city tiler, as a plain message so that it runs the same on the
 * main thread (`--workers 1`) and in a worker (tileWorkerPool.ts): the output does not depend on where
 * or in which order tiles are made.
 * - A leaf job carries its buildings as work-file JSON lines, writes the glb unless an earlier run
 *   did, and returns the leaf's coarse selection, which its parent is made from (coarseBuildings.ts).
 * - An inner job carries its children's selections, makes its own from them, writes it unless an
 *   earlier run did, and returns it for its parent.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeBuildingsGlb, type TiledBuilding } from '../../data/tiles/buildingGlb';
import { coarseBuildings } from '../../data/tiles/coarseBuildings';
import { leafFrame, leafPath, regionOfBuildings, regionOfCoarseContent, type QuadNode, type Region } from '../../data/tiles/quadtree';

/** A work-file line's JSON, after its cell key: what pass 1 keeps of a building. */
export type WorkLine = [id: string, height: number, attributes: TiledBuilding['attributes'], parts: TiledBuilding['parts']];

/** Where a tile lies in the tree: all a job needs of its QuadNode. */
export type TilePlace = Pick<QuadNode, 'level' | 'x' | 'y' | 'size'>;

/**
 * Buildings cross between threads as JSON text (work-file lines; a selection as a JSON array of them):
 * a string is copied whole, where a structured clone of thousands of small arrays costs more than
 * parsing them again.
 */
export type TileJob =
  | { kind: 'leaf'; outDir: string; place: TilePlace; write: boolean; lines: string; maxPerTile: number }
  | { kind: 'inner'; outDir: string; place: TilePlace; write: boolean; children: string[]; maxPerTile: number };

export interface TileJobResult {
  /** The region of the content written; absent when an earlier run wrote the tile. */
  region?: Region;
  /** The tile's selection for its parent (coarseBuildings.ts), as a JSON array of work lines. */
  coarse: string;
}

const nodeAt = (place: TilePlace): QuadNode => ({ ...place, count: 0, children: [], cells: [] });

export function parseWorkLine(json: string): TiledBuilding {
  const [id, heightMeters, attributes, parts] = JSON.parse(json) as WorkLine;
  return { id, heightMeters, attributes, parts };
}

/** Writes a tile's glb (tmp file, then rename: whole or not at all) and its region beside it. */
async function writeTile(outDir: string, place: TilePlace, content: readonly TiledBuilding[], coarse: boolean): Promise<Region> {
  const node = nodeAt(place);
  const target = path.join(outDir, leafPath(node));
  const frame = leafFrame(node);
  const glb = await writeBuildingsGlb(content, frame, { placeInContent: coarse });
  const region = coarse ? regionOfCoarseContent(content, frame) : regionOfBuildings(content);
  mkdirSync(path.dirname(target), { recursive: true });
  // A crash mid-write leaves a .tmp that the rerun overwrites.
  writeFileSync(`${target}.tmp`, glb);
  renameSync(`${target}.tmp`, target);
  writeFileSync(`${target}.region.json`, JSON.stringify(region));
  return region;
}

const toWorkLine = (b: TiledBuilding): WorkLine => [b.id, b.heightMeters, b.attributes, b.parts];
const selectionOf = (content: readonly TiledBuilding[], max: number) => JSON.stringify(coarseBuildings(content, max).map(toWorkLine));
const parseSelection = (json: string): TiledBuilding[] =>
  (JSON.parse(json) as WorkLine[]).map(([id, heightMeters, attributes, parts]) => ({ id, heightMeters, attributes, parts }));

export async function runTileJob(job: TileJob): Promise<TileJobResult> {
  if (job.kind === 'inner') {
    // A node's largest are the largest of its children's largest (coarseBuildings.ts).
    const content = coarseBuildings(job.children.flatMap(parseSelection), job.maxPerTile);
    const region = job.write ? await writeTile(job.outDir, job.place, content, true) : undefined;
    return { ...(region ? { region } : {}), coarse: JSON.stringify(content.map(toWorkLine)) };
  }
  const content = job.lines ? job.lines.split('\n').map(parseWorkLine) : [];
  const region = job.write ? await writeTile(job.outDir, job.place, content, false) : undefined;
  return { ...(region ? { region } : {}), coarse: selectionOf(content, job.maxPerTile) };
}
