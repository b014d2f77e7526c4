/**
 * Writes the bundled synthetic sample package and the package index:
 *
 *   npx tsx src/pipeline/generateSample.ts [--seed N] [--out DIR]
 *
 * --seed  generator seed (default: SAMPLE_SEED, the seed of the committed sample)
 * --out   package folder (default: models/sample-jinghe, relative to the current directory);
 *         index.json is written to the folder above it.
 *
 * Same seed, same bytes: a unit test compares the committed files with a fresh generation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ELDERLY_AGE_BANDS, FACILITY_CATEGORIES } from '../core/model/types';
import { INDEX_FILE, packageIndexEntry, writeIndex, writePackage } from '../data/package/writePackage';
import { SAMPLE_ID, SAMPLE_SEED, generateSampleCommunity } from './sample/generateSampleCommunity';
import { parseSeedArgs } from './cli/seedArgs';

interface Options {
  seed: number;
  outDir: string;
}

function parseArgs(argv: readonly string[]): Options {
  const { seed, out } = parseSeedArgs(
    argv,
    { seed: SAMPLE_SEED, out: path.join('models', SAMPLE_ID) },
    'tsx src/pipeline/generateSample.ts [--seed N] [--out DIR]',
  );
  return { seed, outDir: out };
}

function main(): void {
  const { seed, outDir } = parseArgs(process.argv.slice(2));
  const community = generateSampleCommunity(seed);
  const packageDir = path.resolve(outDir);
  mkdirSync(packageDir, { recursive: true });
  let totalBytes = 0;
  for (const [fileName, content] of writePackage(community)) {
    writeFileSync(path.join(packageDir, fileName), content, 'utf8');
    const bytes = Buffer.byteLength(content, 'utf8');
    totalBytes += bytes;
    console.log(`  ${fileName.padEnd(22)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
  }
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
