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
 * as glb (tmp file, then rename) with the leaf's region beside it (`.region.json`). A rerun after a
 * crash skips pass 1 if it completed and every leaf already written.
 * Memory: the cell counts, the id set (for duplicates) and one block — not the city.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeBuildingsGlb, type TiledBuilding } from '../../data/tiles/buildingGlb';
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
  parseCellKey,
  type CellKey,
  type QuadNode,
  type Region,
} from '../../data/tiles/quadtree';
import { buildingFromFeature, type FieldOptions } from './buildingFromFeature';
import { readBuildingFeatures, UnreadableFeature } from './readBuildingFeatures';

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

type WorkLine = [id: string, height: number, attributes: TiledBuilding['attributes'], parts: TiledBuilding['parts']];

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

/** The buildings of one or more work blocks, by cell. */
function readBlocks(cellsDir: string, blocks: Iterable<string>): Map<CellKey, TiledBuilding[]> {
  const byCell = new Map<CellKey, TiledBuilding[]>();
  for (const block of blocks) {
    const text = readFileSync(path.join(cellsDir, `${block}.ndjson`), 'utf8');
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', start);
      const key = text.slice(start, tab);
      const [id, heightMeters, attributes, parts] = JSON.parse(text.slice(tab + 1, end)) as WorkLine;
      const list = byCell.get(key);
      const building = { id, heightMeters, attributes, parts };
      if (list) list.push(building);
      else byCell.set(key, [building]);
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
  const regions = new Map<string, Region>();
  let resumedTiles = 0;
  let written = 0;
  const done = (leaf: QuadNode) => {
    const target = path.join(outDir, leafPath(leaf));
    return existsSync(target) && existsSync(`${target}.region.json`);
  };
  for (const group of groupLeavesByBlocks(leaves)) {
    const todo = group.leaves.filter((leaf) => {
      if (!done(leaf)) return true;
      regions.set(leafPath(leaf), JSON.parse(readFileSync(path.join(outDir, `${leafPath(leaf)}.region.json`), 'utf8')) as Region);
      resumedTiles++;
      return false;
    });
    if (!todo.length) continue;
    const byCell = readBlocks(cellsDir, group.blocks);
    for (const leaf of todo) {
      const uri = leafPath(leaf);
      const target = path.join(outDir, uri);
      const content = leaf.cells.flatMap((key) => byCell.get(key) ?? []);
      const glb = await writeBuildingsGlb(content, leafFrame(leaf));
      const region = regionOfBuildings(content);
      mkdirSync(path.dirname(target), { recursive: true });
      // Written whole or not at all: a crash mid-write leaves a .tmp that the rerun overwrites.
      writeFileSync(`${target}.tmp`, glb);
      renameSync(`${target}.tmp`, target);
      writeFileSync(`${target}.region.json`, JSON.stringify(region));
      regions.set(uri, region);
      if (++written % 200 === 0) log(`pass 2: ${written + resumedTiles} / ${leaves.length} tiles`);
    }
  }
  writeFileSync(path.join(outDir, 'tileset.json'), `${JSON.stringify(tilesetJson(root, regions))}\n`);
  const pass2Seconds = (performance.now() - pass2Start) / 1000;
  if (!options.keepWork) {
    rmSync(work, { recursive: true, force: true });
    for (const leaf of leaves) rmSync(path.join(outDir, `${leafPath(leaf)}.region.json`), { force: true });
  }
  return { buildings, tiles: leaves.length, skipped, resumedTiles, pass1Seconds, pass2Seconds };
}
