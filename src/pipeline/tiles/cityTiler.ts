/**
 * The city-scale tiler: any number of buildings → 3D Tiles 1.1, in bounded memory, restartable.
 *
 * Pass 1 streams the input once: each building is checked (buildingFromFeature) and appended as one
 * line (its 1/512° cell, then its JSON) to the work file of its block of 64 × 64 cells (≈ 12 km ×
 * 14 km; `<out>/.tiling/cells/<bx>_<by>.ndjson`), through buffers flushed at a fixed memory budget;
 * `counts.json` marks the pass complete. Blocks, not cells, so a city is a few hundred files, not
 * a hundred thousand.
 * Pass 2 builds the quadtree from the counts, aligned to the blocks, and reads each block file
 * once: the leaves inside it (or the one leaf made of it and its neighbours) are extruded and written
 * as glb (tmp file, then rename) with the leaf's region beside it (`.region.json`); blocks go in tree
 * order, and an inner tile is written as soon as its last child is, from its children's largest
 * buildings (coarseBuildings.ts). Tiles are made by a pool of worker threads (tileWorkerPool.ts,
 * one per core), a few at a time, into the same bytes as on one thread. A rerun after a crash skips
 * pass 1 if it completed and every tile already written (a block is read again only if a tile in it
 * or above it is missing).
 * Memory: the cell counts, the id set (for duplicates), one block, the tiles in flight (≤ 2 per
 * thread) and the coarse selections along the paths of the tree they lie on — not the city.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import {
  buildQuadtree,
  cellOf,
  centroidOf,
  DEFAULT_MAX_PER_TILE,
  leafPath,
  leavesOf,
  nodesBottomUp,
  tilesetJson,
  parseCellKey,
  type CellKey,
  type QuadNode,
  type Region,
} from '../../data/tiles/quadtree';
import { buildingFromFeature, type FieldOptions } from './buildingFromFeature';
import { readBuildingFeatures, UnreadableFeature } from './readBuildingFeatures';
import type { TileJobResult, WorkLine } from './tileJob';
import { createTileRunner } from './tileWorkerPool';

/** A building left out, located: which file, which feature (0-based), its id if it had one, and why. */
export interface SkippedBuilding {
  file: string;
  feature: number;
  id?: string;
  reason: string;
}

export interface CityTilerOptions {
  fields: FieldOptions;
  maxPerTile?: number;
  /** Keep `<out>/.tiling/` (the per-cell work files) after a complete run. */
  keepWork?: boolean;
  /** Bytes of work-file lines held before they are appended to disk. */
  bufferBytes?: number;
  log?: (line: string) => void;
  /** Threads making tiles in pass 2 (tileWorkerPool.ts): 1 makes them on the main thread; default one per core (one for a small city). */
  workers?: number;
}

export interface CityTilerResult {
  buildings: number;
  tiles: number;
  skipped: SkippedBuilding[];
  /** Leaves found already written by an earlier run. */
  resumedTiles: number;
  pass1Seconds: number;
  pass2Seconds: number;
}

const WORK_DIR = '.tiling';
/** Buildings below which the default is one thread (see the runner in tileCity). */
const SMALL_CITY = 20_000;
/** Cells per side of a work block (a power of two). */
const BLOCK = 64;
const blockOf = (key: CellKey): string => {
  const [x, y] = parseCellKey(key);
  return `${Math.floor(x / BLOCK)}_${Math.floor(y / BLOCK)}`;
};
/** The input a work directory was made from: another file (or the same file changed) starts afresh. */
const inputStamp = (file: string) => {
  const s = statSync(file);
  return { file: path.resolve(file), size: s.size, mtimeMs: s.mtimeMs };
};

async function bucketBuildings(
  input: string,
  cellsDir: string,
  options: CityTilerOptions,
): Promise<{ counts: Map<CellKey, number>; skipped: SkippedBuilding[]; buildings: number }> {
  const counts = new Map<CellKey, number>();
  const buffers = new Map<CellKey, string[]>();
  const ids = new Set<string>();
  const skipped: SkippedBuilding[] = [];
  const file = path.basename(input);
  let buffered = 0;
  let buildings = 0;
  const budget = options.bufferBytes ?? 64 * 1024 * 1024;
  const flush = () => {
    for (const [key, lines] of buffers) appendFileSync(path.join(cellsDir, `${key}.ndjson`), lines.join(''));
    buffers.clear();
    buffered = 0;
  };
  for await (const feature of readBuildingFeatures(input)) {
    if (feature instanceof UnreadableFeature) {
      skipped.push({ file, feature: feature.index, reason: feature.reason });
      continue;
    }
    const building = buildingFromFeature(feature, options.fields);
    if ('skip' in building) {
      skipped.push({ file, feature: feature.index, ...(building.id ? { id: building.id } : {}), reason: building.skip });
      continue;
    }
    if (ids.has(building.id)) {
      skipped.push({ file, feature: feature.index, id: building.id, reason: `repeats the id "${building.id}" of an earlier building` });
      continue;
    }
    ids.add(building.id);
    const key = cellOf(centroidOf(building));
    const line = `${key}\t${JSON.stringify([building.id, building.heightMeters, building.attributes, building.parts] satisfies WorkLine)}\n`;
    const block = blockOf(key);
    const list = buffers.get(block);
    if (list) list.push(line);
    else buffers.set(block, [line]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    buffered += line.length;
    buildings++;
    if (buffered > budget) flush();
  }
  flush();
  return { counts, skipped, buildings };
}

/** The buildings of one or more work blocks, by cell, as their JSON (parsed where the tile is made, tileJob.ts). */
function readBlockLines(cellsDir: string, blocks: Iterable<string>): Map<CellKey, string[]> {
  const byCell = new Map<CellKey, string[]>();
  for (const block of blocks) {
    const text = readFileSync(path.join(cellsDir, `${block}.ndjson`), 'utf8');
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      const key = text.slice(start, tab);
      const json = text.slice(tab + 1, end);
      const list = byCell.get(key);
      if (list) list.push(json);
      else byCell.set(key, [json]);
      start = end + 1;
    }
  }
  return byCell;
}

/** Leaves grouped by the work blocks they read: a small leaf lies in one block, a large one is whole blocks. */
function groupLeavesByBlocks(leaves: readonly QuadNode[]): { blocks: string[]; leaves: QuadNode[] }[] {
  const groups = new Map<string, { blocks: string[]; leaves: QuadNode[] }>();
  for (const leaf of leaves) {
    const blocks = [...new Set(leaf.cells.map(blockOf))].sort();
    const key = leaf.size >= BLOCK ? `leaf:${leafPath(leaf)}` : blocks[0];
    const group = groups.get(key);
    if (group) group.leaves.push(leaf);
    else groups.set(key, { blocks, leaves: [leaf] });
  }
  return [...groups.values()];
}

export async function tileCity(input: string, outDir: string, options: CityTilerOptions): Promise<CityTilerResult> {
  const log = options.log ?? (() => {});
  const work = path.join(outDir, WORK_DIR);
  const cellsDir = path.join(work, 'cells');
  const countsFile = path.join(work, 'counts.json');
  const stamp = inputStamp(input);
  let counts: Map<CellKey, number>;
  let skipped: SkippedBuilding[];
  let buildings: number;
  const pass1Start = performance.now();
  const previous = existsSync(countsFile)
    ? (JSON.parse(readFileSync(countsFile, 'utf8')) as {
        input: typeof stamp;
        counts: [CellKey, number][];
        skipped: SkippedBuilding[];
        buildings: number;
      })
    : null;
  if (previous && JSON.stringify(previous.input) === JSON.stringify(stamp)) {
    counts = new Map(previous.counts);
    skipped = previous.skipped;
    buildings = previous.buildings;
    log(`pass 1 already done: ${buildings} buildings in ${counts.size} cells (from ${path.relative(process.cwd(), countsFile)})`);
  } else {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(cellsDir, { recursive: true });
    ({ counts, skipped, buildings } = await bucketBuildings(input, cellsDir, options));
    writeFileSync(countsFile, JSON.stringify({ input: stamp, counts: [...counts], skipped, buildings }));
    log(
      `pass 1: ${buildings} buildings in ${counts.size} cells, ${skipped.length} skipped (${((performance.now() - pass1Start) / 1000).toFixed(1)} s)`,
    );
  }
  const pass1Seconds = (performance.now() - pass1Start) / 1000;

  const pass2Start = performance.now();
  const root = buildQuadtree(counts, options.maxPerTile ?? DEFAULT_MAX_PER_TILE, BLOCK);
  if (!root) throw new Error(`${input}: no building could be read (${skipped.length} skipped)`);
  const leaves = leavesOf(root);
  const maxPerTile = options.maxPerTile ?? DEFAULT_MAX_PER_TILE;
  const parentOf = new Map<QuadNode, QuadNode>();
  const order = new Map<QuadNode, number>();
  nodesBottomUp(root).forEach((node, i) => {
    order.set(node, i);
    for (const child of node.children) parentOf.set(child, node);
  });
  const regions = new Map<string, Region>();
  const done = (node: QuadNode) => {
    const target = path.join(outDir, leafPath(node));
    return existsSync(target) && existsSync(`${target}.region.json`);
  };
  // What a rerun keeps: every tile already written, its region read back.
  const written = new Set<QuadNode>();
  for (const node of order.keys())
    if (done(node)) {
      written.add(node);
      regions.set(leafPath(node), JSON.parse(readFileSync(path.join(outDir, `${leafPath(node)}.region.json`), 'utf8')) as Region);
    }
  const resumedTiles = written.size;
  let writtenNow = 0;
  // Starting a worker (its own module graph and TypeScript loader) costs about a second of CPU: a
  // small city is made sooner on the main thread alone.
  const runner = createTileRunner(options.workers ?? (buildings < SMALL_CITY ? 1 : availableParallelism()));
  log(`pass 2: making tiles on ${runner.workers} thread${runner.workers > 1 ? 's' : ''}`);
  // Jobs finish in any order; the first failure stops the run (after the jobs in flight settle).
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  const track = (job: Promise<void>) => {
    const tracked = job.catch((error: unknown) => void (failure ??= error)).finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };
  const placeOf = ({ level, x, y, size }: QuadNode) => ({ level, x, y, size });
  const tileDone = (node: QuadNode, result: TileJobResult) => {
    if (!result.region) return;
    regions.set(leafPath(node), result.region);
    if (++writtenNow % 200 === 0) log(`pass 2: ${writtenNow + resumedTiles} tiles`);
  };
  // Inner tiles are made bottom-up from their children's selections (coarseBuildings.ts); a selection
  // is held only until its parent is made. Blocks are read in tree order and at most a few jobs are
  // in flight, so the pending selections are those along one path of the tree, not the city. The
  // content does not depend on the order children finish in: selections are passed in child order.
  const selected = new Map<QuadNode, string>();
  const pendingChildren = new Map<QuadNode, number>();
  const complete = (node: QuadNode, selection: string): void => {
    const parent = parentOf.get(node);
    if (!parent) return;
    selected.set(node, selection);
    const left = (pendingChildren.get(parent) ?? parent.children.length) - 1;
    pendingChildren.set(parent, left);
    if (left > 0) return;
    const children = parent.children.flatMap((c) => selected.get(c) ?? []);
    parent.children.forEach((c) => selected.delete(c));
    pendingChildren.delete(parent);
    const job = runner.run({ kind: 'inner', outDir, place: placeOf(parent), write: !written.has(parent), children, maxPerTile });
    track(
      job.then((r) => {
        tileDone(parent, r);
        complete(parent, r.coarse);
      }),
    );
  };
  const allWritten = (node: QuadNode): boolean => {
    for (let n: QuadNode | undefined = node; n; n = parentOf.get(n)) if (!written.has(n)) return false;
    return true;
  };
  const inTreeOrder = (a: QuadNode, b: QuadNode) => order.get(a)! - order.get(b)!;
  const groups = groupLeavesByBlocks(leaves);
  for (const group of groups) group.leaves.sort(inTreeOrder);
  groups.sort((a, b) => inTreeOrder(a.leaves[0], b.leaves[0]));
  try {
    for (const group of groups) {
      // A block whose leaves and every tile above them were written by an earlier run is not read.
      if (group.leaves.every(allWritten)) continue;
      const byCell = readBlockLines(cellsDir, group.blocks);
      for (const leaf of group.leaves) {
        await runner.ready();
        if (failure) break;
        const lines = leaf.cells.flatMap((key) => byCell.get(key) ?? []).join('\n');
        const job = runner.run({ kind: 'leaf', outDir, place: placeOf(leaf), write: !written.has(leaf), lines, maxPerTile });
        track(
          job.then((r) => {
            tileDone(leaf, r);
            complete(leaf, r.coarse);
          }),
        );
      }
      if (failure) break;
    }
    while (inFlight.size) await Promise.all(inFlight);
  } finally {
    await runner.close();
  }
  if (failure) throw failure;
  const tiles = order.size;
  writeFileSync(path.join(outDir, 'tileset.json'), `${JSON.stringify(tilesetJson(root, regions))}\n`);
  const pass2Seconds = (performance.now() - pass2Start) / 1000;
  if (!options.keepWork) {
    rmSync(work, { recursive: true, force: true });
    for (const node of order.keys()) rmSync(path.join(outDir, `${leafPath(node)}.region.json`), { force: true });
  }
  return { buildings, tiles, skipped, resumedTiles, pass1Seconds, pass2Seconds };
}
