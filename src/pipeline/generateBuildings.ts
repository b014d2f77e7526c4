/**
 * `npm run generate:buildings -- --count 1000000 --seed 1 --out city.geojsonl`: a synthetic Hangzhou
 * of building footprints as GeoJSON-seq (one feature per line), for the city tiler's tests and
 * benchmarks. Synthetic: every feature carries `"synthetic": true` (see city/syntheticBuildings.ts).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { runAsMain } from './cli/runAsMain';
import { syntheticBuildings } from './city/syntheticBuildings';

export async function runGenerateBuildings(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const count = Number(option('--count') ?? 1_000_000);
  const seed = Number(option('--seed') ?? 1);
  const out = option('--out');
  if (!out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    log('usage: npm run generate:buildings -- --out <file.geojsonl> [--count 1000000] [--seed 1]');
    return 2;
  }
  const stream = createWriteStream(out);
  for (const building of syntheticBuildings(count, seed)) {
    if (!stream.write(`${JSON.stringify(building)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
  log(`wrote ${out}: ${count} synthetic buildings (seed ${seed}) over Hangzhou's 13 districts`);
  return 0;
}

runAsMain(import.meta.url, (argv, io) => runGenerateBuildings(argv, io.stdout));
