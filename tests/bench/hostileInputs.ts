/**
 * One hostile input through the importer, in a process of its own, so its time and peak memory can be
 * measured from outside:
 *
 *   /usr/bin/time -v npx tsx tests/bench/hostileInputs.ts <case>
 *
 * (peak memory: "Maximum resident set size"). Prints the case, the milliseconds the import took and
 * what came of it. The cases are those of the hostile-input regression tests (tests/unit/data/formats/
 * hostileInputs.test.ts); this script is for the figures, the tests for the behaviour.
 */
import { inProcessWorker } from '../../src/core/worker/inProcessWorker';
import { importFiles, type ImportBatch, type ImportOptions } from '../../src/data/formats';
import { DEFAULT_IMPORT_LIMITS } from '../../src/data/limits';
import { importFilesAsync } from '../../src/data/formats/importFilesAsync';
import { importFilesTask } from '../../src/data/formats/importFilesTask';
import {
  csvWithCell,
  deeplyNestedGeoJson,
  degreeThenSpaces,
  digitsThenLetter,
  multiPoint,
  nullShapes,
  plainGeoJson,
  shortRowCsv,
  WGS84_PRJ,
  zipOfZeros,
} from '../unit/support/hostileInputs';

type Files = [name: string, bytes: Uint8Array][];

const CASES: Record<string, () => Files> = {
  'dms-2000': () => [['dms.csv', csvWithCell(degreeThenSpaces(2000))]],
  'dms-20000': () => [['dms.csv', csvWithCell(degreeThenSpaces(20_000))]],
  'digits-50000': () => [['digits.csv', csvWithCell(digitsThenLetter(50_000))]],
  'zip-zeros-1mb': () => [['zeros.zip', zipOfZeros(1 << 20)]],
  'csv-4.6mb': () => [['poi.csv', shortRowCsv(4.6e6)]],
  'csv-4.6mb-capped': () => [['poi.csv', shortRowCsv(4.6e6)]],
  'file-1gb': () => [
    ['huge.csv', new Uint8Array(1 << 30).fill(0x61)],
    ['ok.geojson', plainGeoJson()],
  ],
  'nested-2000': () => [['nested.geojson', deeplyNestedGeoJson(2000)]],
  'shp-null-300k': () => [
    ['nulls.shp', nullShapes(300_000)],
    ['nulls.prj', WGS84_PRJ],
  ],
  'multipoint-negative': () => [
    ['negative.shp', multiPoint(-3, [])],
    ['negative.prj', WGS84_PRJ],
  ],
};

/** Cases whose result must cross a worker boundary (structured clone) as in the app. */
const THROUGH_WORKER = new Set(['nested-2000', 'csv-4.6mb', 'csv-4.6mb-capped']);
/** Options per case: the capped table is read with a layer limit of 20,000 features. */
const OPTIONS: Record<string, ImportOptions> = {
  'csv-4.6mb-capped': { limits: { ...DEFAULT_IMPORT_LIMITS, maxFeaturesPerLayer: 20_000 } },
};

function summary(batch: ImportBatch): string {
  const results = batch.results.map(
    (r) =>
      `${r.file}: ${r.features.length} features, ${r.skipped.length} skipped${r.warnings?.length ? `, ${r.warnings.length} warnings` : ''}`,
  );
  const failures = batch.failures.map((f) => `${f.issues[0]?.file}: ${f.code} — ${f.issues[0]?.reason}`);
  return [...results.map((r) => `  result  ${r}`), ...failures.map((f) => `  failure ${f}`)].join('\n');
}

async function main() {
  const name = process.argv[2] ?? '';
  const build = CASES[name];
  if (!build) {
    console.error(`usage: tsx tests/bench/hostileInputs.ts <${Object.keys(CASES).join('|')}>`);
    process.exit(2);
  }
  const files = build();
  const started = performance.now();
  let outcome: string;
  try {
    const batch = THROUGH_WORKER.has(name)
      ? await importFilesAsync(
          files.map(([file, bytes]) => ({ name: file, bytes: bytes.slice().buffer as ArrayBuffer })),
          OPTIONS[name] ?? {},
          undefined,
          undefined,
          () => inProcessWorker(importFilesTask),
        )
      : importFiles(new Map(files), OPTIONS[name] ?? {});
    outcome = summary(batch);
  } catch (error) {
    outcome = `  thrown  ${(error as Error).name}: ${(error as Error).message.slice(0, 200)}`;
  }
  console.log(`${name}: ${Math.round(performance.now() - started)} ms\n${outcome}`);
}

void main();
