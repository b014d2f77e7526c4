/**
 * Writes a community package's buildings as a 3D Tiles 1.0 tileset (one b3dm per 400 m cell), for
 * any 3D Tiles viewer or for streaming large building sets into this app by URL:
 *
 *   npm run tiles -- <package-dir> <out-dir> [--cell M]
 *
 * Each building is a pickable feature carrying id, name, floors, use, yearBuilt and heightMeters.
 * Exit codes: 0 done, 1 bad package (file, feature and field are named), 2 bad arguments.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataError, formatDataIssue } from '../core/errors';
import type { Community } from '../core/model/types';
import { readCommunityPackage } from '../data/package/readPackage';
import { writeBuildingTileset, type TilesetBuilding } from '../data/tiles/writeBuildingTileset';

/** The attributes a click on a tiled building shows. */
export function tilesetBuildingsOf(community: Community): TilesetBuilding[] {
  return community.buildings.map((b) => ({
    id: b.id,
    footprint: b.footprint,
    heightMeters: b.heightMeters,
    properties: {
      name: b.name ?? b.id,
      floors: b.floors,
      use: b.use,
      yearBuilt: b.yearBuilt,
      heightMeters: b.heightMeters,
      community: community.manifest.name.zh,
    },
  }));
}

export async function runWriteTiles(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  const args = [...argv];
  const cellAt = args.indexOf('--cell');
  const cellMeters = cellAt >= 0 ? Number(args.splice(cellAt, 2)[1]) : undefined;
  const [packageDir, outDir] = args;
  if (!packageDir || !outDir || (cellMeters !== undefined && !(cellMeters > 0))) {
    log('usage: npm run tiles -- <package-dir> <out-dir> [--cell METRES]');
    return 2;
  }
  try {
    const community = await readCommunityPackage(async (p) => readFileSync(path.join(packageDir, p), 'utf8'));
    const files = writeBuildingTileset(tilesetBuildingsOf(community), cellMeters ? { cellMeters } : {});
    let bytes = 0;
    for (const [name, data] of files) {
      const target = path.join(outDir, name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, data);
      bytes += data.byteLength;
    }
    log(`wrote ${outDir}: ${community.buildings.length} buildings in ${files.size - 1} tiles, ${(bytes / 1024).toFixed(0)} KiB`);
    return 0;
  } catch (error) {
    if (error instanceof DataError) log(error.issues.map(formatDataIssue).join('\n'));
    else log((error as Error).message);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runWriteTiles(process.argv.slice(2)).then((code) => process.exit(code));
}
