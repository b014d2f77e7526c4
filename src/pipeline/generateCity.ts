/**
 * Writes the synthetic city list of Hangzhou's future communities:
 *
 *   npx tsx src/pipeline/generateCity.ts [--seed N] [--out FILE]
 *
 * --seed  generator seed (default: CITY_SEED, the seed of the committed list)
 * --out   output file (default: models/city/hangzhou-future-communities.json, relative to the current directory)
 *
 * Same seed, same bytes: a unit test compares the committed file with a fresh generation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cityProgressByYear, progressAgainstTargets, summariseCity, summariseDistricts } from '../analysis/city/aggregateCity';
import { HANGZHOU_CITY_FILE } from '../data/city/cityDataset';
import { readCityDataset } from '../data/city/readCityDataset';
import { formatCityDataset } from '../data/city/writeCityDataset';
import { CITY_SEED, generateCityDataset } from './city/generateCityCommunities';
import { parseSeedArgs } from './cli/seedArgs';

interface Options {
  seed: number;
  outFile: string;
}

function parseArgs(argv: readonly string[]): Options {
  const { seed, out } = parseSeedArgs(
    argv,
    { seed: CITY_SEED, out: path.join('models', HANGZHOU_CITY_FILE) },
    'tsx src/pipeline/generateCity.ts [--seed N] [--out FILE]',
  );
  return { seed, outFile: out };
}

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

function main(): void {
  const { seed, outFile } = parseArgs(process.argv.slice(2));
  const text = formatCityDataset(generateCityDataset(seed));
  // Written only if it reads back valid, so the generator can never commit a list the app rejects.
  const dataset = readCityDataset(JSON.parse(text), outFile);
  const file = path.resolve(outFile);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');

  const city = summariseCity(dataset);
  console.log(`wrote ${file} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB), seed ${seed}, as of ${dataset.asOf}`);
  console.log(
    `communities ${city.counts.total} (created ${city.counts.created}, building ${city.counts.building}, accepted ${city.counts.accepted}); ` +
      `urban communities ${city.urbanCommunities}, coverage ${percent(city.coverageShare)}`,
  );
  console.log(
    `by type: puhui ${city.byType.puhui}, yinling ${city.byType.yinling}; by renewal: ${Object.entries(city.byRenewal)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `cumulative: ${cityProgressByYear(dataset)
      .map((y) => `${y.year} ${y.cumulativeCreated}/${y.cumulativeAccepted}`)
      .join(', ')} (created/accepted)`,
  );
  for (const p of progressAgainstTargets(dataset)) {
    console.log(
      `target ${p.target.year} (${p.phase}): created ${p.created}, built ${p.built}, coverage ${percent(p.coverageShare)} → ${p.met === null ? 'open' : p.met ? 'met' : 'missed'}`,
    );
  }
  for (const d of summariseDistricts(dataset)) {
    console.log(
      `  ${d.district.id.padEnd(11)} ${String(d.counts.total).padStart(4)} / ${String(d.urbanCommunities).padStart(4)}  ${percent(d.coverageShare).padStart(7)}`,
    );
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
