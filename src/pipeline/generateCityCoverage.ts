/**
 * `npm run generate:city-coverage [-- --out models/city]`: service-circle coverage for every community
 * of the bundled (synthetic) Hangzhou list, each computed by the real engine on a seeded stand-in
 * community (city/syntheticCityCoverage.ts), written as `community-coverage.json` — what the city view
 * ranks districts and communities by. Deterministic: the same list gives the same file byte for byte.
 * Exit codes: 0 done, 1 bad input data, 2 bad arguments.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { communityCoverageFile } from '../analysis/city/communityCoverage';
import { DEFAULT_SERVICE_RULES } from '../analysis/service-circles/rules';
import { DataError } from '../core/errors';
import { HANGZHOU_CITY_FILE } from '../data/city/cityDataset';
import { HANGZHOU_COVERAGE_FILE, type CommunityCoverageFile } from '../data/city/communityCoverageFile';
import { parseCityDataset } from '../data/city/readCityDataset';
import { printDataError } from './cli/printDataError';
import { runAsMain, type CliIo } from './cli/runAsMain';
import { syntheticCityCoverage } from './city/syntheticCityCoverage';

const SYNTHETIC_NOTICE = {
  zh: '各社区的服务圈覆盖由算法在合成的替身社区上计算（房屋、居民与设施均为虚构），仅用于演示排序与补短板分析，不代表真实社区。',
  en: 'Each community’s service-circle coverage is computed by the engine on a synthetic stand-in community (homes, residents and facilities are invented): it demonstrates the ranking and gap analysis and describes no real community.',
};

/** One community per line: small diffs when a rule changes, still plain JSON. */
export function coverageFileText(file: CommunityCoverageFile): string {
  const { communities, ...head } = file;
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headText},\n  "communities": [\n${communities.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
}

export async function runGenerateCityCoverage(argv: readonly string[], io: CliIo): Promise<number> {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? argv[outIndex + 1] : 'models/city';
  if (!out || argv.some((a) => a.startsWith('--') && a !== '--out') || (outIndex < 0 && argv.length > 0)) {
    io.stderr('usage: npm run generate:city-coverage [-- --out DIR]');
    return 2;
  }
  const listFile = path.join('models', HANGZHOU_CITY_FILE);
  try {
    const city = parseCityDataset(readFileSync(listFile, 'utf8'), listFile);
    const started = Date.now();
    const rows = syntheticCityCoverage(city.communities, (done, total) => {
      if (done % 50 === 0 || done === total) io.stdout(`${done} / ${total} communities`);
    });
    const file = communityCoverageFile({
      city: city.city,
      synthetic: { notice: SYNTHETIC_NOTICE },
      walkSpeedMetersPerSecond: DEFAULT_SERVICE_RULES.walkSpeedMetersPerSecond,
      categories: DEFAULT_SERVICE_RULES.rules.map((rule) => ({ category: rule.category, rule })),
      rows,
    });
    mkdirSync(out, { recursive: true });
    const target = path.join(out, path.basename(HANGZHOU_COVERAGE_FILE));
    writeFileSync(target, coverageFileText(file));
    io.stdout(`${rows.length} communities in ${((Date.now() - started) / 1000).toFixed(1)} s; ${target} written`);
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      printDataError(error, io);
      return 1;
    }
    throw error;
  }
}

runAsMain(import.meta.url, runGenerateCityCoverage);
