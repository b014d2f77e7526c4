/**
 * Writes buildings as a 3D Tiles 1.1 tileset (glb content with EXT_mesh_features and
 * EXT_structural_metadata, an explicit quadtree with content at the leaves, ≤ 1,000 buildings per
 * tile, refine ADD), for this app's city base or any 3D Tiles viewer:
 *
 *   npm run tiles -- --buildings <file> --out <dir> [--id-field id] [--height-field height]
 *                    [--floors-field floors] [--storey-height 3] [--crs EPSG:4549] [--max-per-tile 1000] [--keep-work]
 *                    [--workers <n>]
 *   npm run tiles -- <package-dir> <out-dir>
 *
 * <file>: GeoJSON, GeoJSON-seq (.geojsonl/.geojsons/.ndjson), FlatGeobuf (.fgb) or a shapefile (.shp),
 * streamed (see tiles/cityTiler.ts: two passes, bounded memory, restartable per tile). Every building
 * left out is listed with file, feature and reason (the first 20 printed, all in <out>/skipped.tsv).
 * Exit codes: 0 done, 1 bad input (located), 2 bad arguments.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isCrsId } from '../core/geo/crs';
import { DataError, formatDataIssue } from '../core/errors';
import type { Community } from '../core/model/types';
import { readCommunityPackage } from '../data/package/readPackage';
import type { TiledBuilding } from '../data/tiles/buildingGlb';
import { DEFAULT_MAX_PER_TILE } from '../data/tiles/quadtree';
import { tileBuildings } from '../data/tiles/tileBuildings';
import { runAsMain } from './cli/runAsMain';
import { DEFAULT_FIELDS, type FieldOptions } from './tiles/buildingFromFeature';
import { tileCity, type SkippedBuilding } from './tiles/cityTiler';

const USAGE = `usage: npm run tiles -- --buildings <file> --out <dir> [--id-field id] [--height-field height] [--floors-field floors]
                        [--storey-height 3] [--crs EPSG:4549] [--max-per-tile 1000] [--keep-work] [--workers <n>]
       npm run tiles -- <package-dir> <out-dir>`;

/** A package's buildings with the attributes a click on a tiled building shows. */
export function tiledBuildingsOf(community: Community): TiledBuilding[] {
  return community.buildings.map((b) => ({
    id: b.id,
    parts: [b.footprint],
    heightMeters: b.heightMeters,
    attributes: { name: b.name ?? b.id, floors: b.floors, use: b.use, yearBuilt: b.yearBuilt, community: community.manifest.id },
  }));
}

interface Args {
  buildings?: string;
  out?: string;
  packageDir?: string;
  fields: FieldOptions;
  maxPerTile: number;
  keepWork: boolean;
  /** Threads making tiles (cityTiler.ts); undefined: one per core. */
  workers?: number;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { fields: { ...DEFAULT_FIELDS }, maxPerTile: DEFAULT_MAX_PER_TILE, keepWork: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep-work') {
      args.keepWork = true;
      continue;
    }
    if (!flag.startsWith('--')) {
      positional.push(flag);
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) return `${flag} needs a value`;
    if (flag === '--buildings') args.buildings = value;
    else if (flag === '--out') args.out = value;
    else if (flag === '--id-field') args.fields.idField = value;
    else if (flag === '--height-field') args.fields.heightField = value;
    else if (flag === '--floors-field') args.fields.floorsField = value;
    else if (flag === '--storey-height' && Number(value) > 0) args.fields.storeyMeters = Number(value);
    else if (flag === '--max-per-tile' && Number.isInteger(Number(value)) && Number(value) > 0) args.maxPerTile = Number(value);
    else if (flag === '--workers' && Number.isInteger(Number(value)) && Number(value) > 0) args.workers = Number(value);
    else if (flag === '--crs' && isCrsId(value)) args.fields.crs = value;
    else return `bad option ${flag} ${value}`;
  }
  if (args.buildings) return positional.length || !args.out ? 'give --buildings <file> with --out <dir>' : args;
  if (positional.length !== 2) return '';
  [args.packageDir, args.out] = positional;
  return args;
}

const describeSkipped = (s: SkippedBuilding) => `${s.file}, feature ${s.feature}${s.id ? ` (id "${s.id}")` : ''}: ${s.reason}`;

export async function runWriteTiles(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    log(args ? `${args}\n${USAGE}` : USAGE);
    return 2;
  }
  const out = args.out!;
  try {
    if (args.packageDir) {
      const packageDir = args.packageDir;
      const community = await readCommunityPackage(async (p) => readFileSync(path.join(packageDir, p), 'utf8'));
      const files = await tileBuildings(tiledBuildingsOf(community), args.maxPerTile);
      // The folder is the tileset: what an earlier version wrote there goes.
      rmSync(path.join(out, 'tiles'), { recursive: true, force: true });
      let bytes = 0;
      for (const [name, data] of files) {
        const target = path.join(out, name);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, data);
        bytes += data.byteLength;
      }
      log(
        `wrote ${out}: ${community.buildings.length} buildings in ${files.size - 1} tiles, ${(bytes / 1024).toFixed(0)} KiB (3D Tiles 1.1)`,
      );
      return 0;
    }
    const started = performance.now();
    mkdirSync(out, { recursive: true });
    const result = await tileCity(args.buildings!, out, {
      fields: args.fields,
      maxPerTile: args.maxPerTile,
      keepWork: args.keepWork,
      workers: args.workers,
      log,
    });
    const seconds = (performance.now() - started) / 1000;
    writeFileSync(
      path.join(out, 'skipped.tsv'),
      `file\tfeature\tid\treason\n${result.skipped.map((s) => `${s.file}\t${s.feature}\t${s.id ?? ''}\t${s.reason}`).join('\n')}\n`,
    );
    for (const s of result.skipped.slice(0, 20)) log(`skipped: ${describeSkipped(s)}`);
    if (result.skipped.length > 20) log(`… ${result.skipped.length - 20} more in ${path.join(out, 'skipped.tsv')}`);
    log(
      `wrote ${out}: ${result.buildings} buildings in ${result.tiles} tiles (${result.resumedTiles} kept from an earlier run), ` +
        `${result.skipped.length} skipped; ${seconds.toFixed(1)} s, ${Math.round(result.buildings / seconds)} buildings/s`,
    );
    return 0;
  } catch (error) {
    if (error instanceof DataError) log(error.issues.map(formatDataIssue).join('\n'));
    else log((error as Error).message);
    return 1;
  }
}

runAsMain(import.meta.url, (argv, io) => runWriteTiles(argv, io.stdout));
