/**
 * The city-scale tiler: any number of buildings → 3D Tiles 1.1, in bounded memory, restartable.
 *
 * Pass 1 streams the input once: each building is checked (buildingFromFeature), and appended as
 * one JSON line to the work file of its 1/512° cell (`<out>/.tiling/cells/<ix>_<iy>.ndjson`),
 * through buffers flushed at a fixed memory budget; `counts.json` marks the pass complete.
 * Pass 2 builds the quadtree from the counts and writes one leaf at a time: its cells' lines are
 * read back, extruded and written as a glb (tmp file, then rename) with the leaf's region beside it
 * (`.region.json`). A rerun after a crash skips pass 1 if it completed and every leaf already written.
 * Memory: the cell counts, the id set (for duplicates) and one leaf — not the city.
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
  type CellKey,
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
    const line = `${JSON.stringify([building.id, building.heightMeters, building.attributes, building.parts] satisfies WorkLine)}\n`;
    const list = buffers.get(key);
    if (list) list.push(line);
    else buffers.set(key, [line]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    buffered += line.length;
    buildings++;
    if (buffered > budget) flush();
  }
  flush();
  return { counts, skipped, buildings };
}

function readCell(cellsDir: string, key: CellKey): TiledBuilding[] {
  const text = readFileSync(path.join(cellsDir, `${key}.ndjson`), 'utf8');
  const out: TiledBuilding[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [id, heightMeters, attributes, parts] = JSON.parse(line) as WorkLine;
    out.push({ id, heightMeters, attributes, parts });
  }
  return out;
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
  const root = buildQuadtree(counts, options.maxPerTile ?? DEFAULT_MAX_PER_TILE);
  if (!root) throw new Error(`${input}: no building could be read (${skipped.length} skipped)`);
  const leaves = leavesOf(root);
  const regions = new Map<string, Region>();
  let resumedTiles = 0;
  for (const [n, leaf] of leaves.entries()) {
    const uri = leafPath(leaf);
    const target = path.join(outDir, uri);
    const regionFile = `${target}.region.json`;
    if (existsSync(target) && existsSync(regionFile)) {
      regions.set(uri, JSON.parse(readFileSync(regionFile, 'utf8')) as Region);
      resumedTiles++;
      continue;
    }
    const content = leaf.cells.flatMap((key) => readCell(cellsDir, key));
    const glb = await writeBuildingsGlb(content, leafFrame(leaf));
    const region = regionOfBuildings(content, leafFrame(leaf));
    mkdirSync(path.dirname(target), { recursive: true });
    // Written whole or not at all: a crash mid-write leaves a .tmp that the rerun overwrites.
    writeFileSync(`${target}.tmp`, glb);
    renameSync(`${target}.tmp`, target);
    writeFileSync(regionFile, JSON.stringify(region));
    regions.set(uri, region);
    if ((n + 1) % 100 === 0) log(`pass 2: ${n + 1} / ${leaves.length} tiles`);
  }
  writeFileSync(path.join(outDir, 'tileset.json'), `${JSON.stringify(tilesetJson(root, regions))}\n`);
  const pass2Seconds = (performance.now() - pass2Start) / 1000;
  if (!options.keepWork) {
    rmSync(work, { recursive: true, force: true });
    for (const leaf of leaves) rmSync(path.join(outDir, `${leafPath(leaf)}.region.json`), { force: true });
  }
  return { buildings, tiles: leaves.length, skipped, resumedTiles, pass1Seconds, pass2Seconds };
}
