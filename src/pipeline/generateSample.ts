/**
 * Writes the bundled synthetic sample package and the package index:
 *
 *   npx tsx src/pipeline/generateSample.ts [--seed N] [--out DIR] [--seed-out DIR]
 *
 * --seed      generator seed (default: SAMPLE_SEED, the seed of the committed sample)
 * --out       package folder (default: models/sample-jinghe, relative to the current directory);
 *             index.json is written to the folder above it. Building-level resident statistics only.
 * --seed-out  folder of the person rows (people.csv, rights.csv) the residents' data service seeds
 *             from (default: src/server/seed/sample-jinghe); never part of the static package.
 *
 * Same seed, same bytes: a unit test compares the committed files with a fresh generation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ELDERLY_AGE_BANDS, FACILITY_CATEGORIES } from '../core/model/types';
import { INDEX_FILE, packageIndexEntry, writeIndex } from '../data/package/writePackage';
import { SAMPLE_ID, SAMPLE_SEED, generateSampleCommunity } from './sample/generateSampleCommunity';
import { SAMPLE_SEED_DIR, samplePackageFiles, sampleSeedFiles } from './sample/samplePackage';
import { parseSeedArgs } from './cli/seedArgs';

interface Options {
  seed: number;
  outDir: string;
  seedOutDir: string;
}

const USAGE = 'tsx src/pipeline/generateSample.ts [--seed N] [--out DIR] [--seed-out DIR]';

function parseArgs(argv: readonly string[]): Options {
  // --seed-out is ours; the rest are the shared seed/out options.
  const at = argv.indexOf('--seed-out');
  const seedOutDir = at >= 0 ? argv[at + 1] : SAMPLE_SEED_DIR;
  if (seedOutDir === undefined || seedOutDir.startsWith('--')) throw new Error(`--seed-out needs a folder\nusage: ${USAGE}`);
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  const { seed, out } = parseSeedArgs(rest, { seed: SAMPLE_SEED, out: path.join('models', SAMPLE_ID) }, USAGE);
  return { seed, outDir: out, seedOutDir };
}

function writeFiles(dir: string, files: Map<string, string>): number {
  mkdirSync(dir, { recursive: true });
  let totalBytes = 0;
  for (const [fileName, content] of files) {
    writeFileSync(path.join(dir, fileName), content, 'utf8');
    const bytes = Buffer.byteLength(content, 'utf8');
    totalBytes += bytes;
    console.log(`  ${fileName.padEnd(22)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
  }
  return totalBytes;
}

function main(): void {
  const { seed, outDir, seedOutDir } = parseArgs(process.argv.slice(2));
  const community = generateSampleCommunity(seed);
  const packageDir = path.resolve(outDir);
  const totalBytes = writeFiles(packageDir, samplePackageFiles(community));
  const seedDir = path.resolve(seedOutDir);
  writeFiles(seedDir, sampleSeedFiles(community));
  console.log(`wrote the person rows for the residents' data service to ${seedDir}`);
  const indexPath = path.join(path.dirname(packageDir), INDEX_FILE);
  const entry = { ...packageIndexEntry(community.manifest), path: `${path.basename(packageDir)}/` };
  writeFileSync(indexPath, writeIndex([entry]), 'utf8');

  const elderly = community.people.filter((p) => ELDERLY_AGE_BANDS.includes(p.ageBand)).length;
  const byCategory = FACILITY_CATEGORIES.map((c) => [c, community.facilities.filter((f) => f.category === c).length] as const)
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  console.log(`wrote ${packageDir} (${(totalBytes / 1024 / 1024).toFixed(2)} MiB) and ${indexPath}, seed ${seed}`);
  console.log(
    `buildings ${community.buildings.length}, houses ${community.houses.length}, rights ${community.rights.length}, people ${community.people.length}`,
  );
  console.log(`aged 60+: ${((100 * elderly) / community.people.length).toFixed(1)} %`);
  console.log(`facilities ${community.facilities.length}: ${byCategory}`);
  console.log(`network lines ${community.network.length}, reuse spaces ${community.reuse.length}, base surfaces ${community.base.length}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
