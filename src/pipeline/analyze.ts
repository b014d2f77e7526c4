/**
 * 5/10/15-minute public-service circles from the command line:
 *
 *   npx tsx src/pipeline/analyze.ts <package-dir> [--json] [--speed 1.0]
 *   npx tsx src/pipeline/analyze.ts --buildings b.geojson --network n.geojson --facilities f.geojson [--json]
 *   npx tsx src/pipeline/analyze.ts <package-dir> --reuse [--budget N] [--json]
 *
 * --json        print per building (keyed by input id) the walk time (s) and distance (m) to the nearest
 *               facility of each category (null when unreachable), the speed used, the coverage summary
 *               and the gap list; otherwise a table of coverage per category and the top gaps
 * --speed M/S   walking speed, default the rules' 1.0 m/s (60 m/min, elderly-inclusive)
 * --rules FILE  a service-circle rule set (default: src/analysis/service-circles/rules.json)
 * --max-snap M  buildings / facilities farther than M metres from the network are unreachable (default 500)
 * --top N       gaps listed in the table (default 8); with --reuse, conversions and elevator candidates listed
 * --reuse       building reuse what-if (存量空间再利用) of a package instead of the coverage report: the
 *               candidates (reuse spaces, idle and low-use buildings) and the categories each can host
 *               (src/analysis/reuse/reuseRules.json), the gain of each single feasible conversion (target
 *               residents newly within the rule's distance), the suggested plan of --budget conversions
 *               (greedy, 一老一小 weighted up) with its total gain, and the elevator-addition candidates
 *               (src/analysis/reuse/elevatorRules.json). --json prints it all as JSON
 * --budget N    conversions in the suggested plan (default 3); only with --reuse
 *
 * Inputs may carry our `category` field or plain OpenStreetMap tags (see osmCategoryMapping.ts).
 * Exit codes: 0 done, 1 bad input data (file, feature and field are named), 2 bad arguments.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataError, type DataIssue } from '../core/errors';
import { readCommunityPackage } from '../data/package/readPackage';
import { rankServiceGaps } from '../analysis/service-circles/gaps';
import { parseServiceRules, DEFAULT_SERVICE_RULES, type ServiceRuleSet } from '../analysis/service-circles/rules';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
  serviceCoverageRequestFromFeatures,
  type ServiceCoverageRequest,
} from '../analysis/service-circles/serviceCoverageRequest';
import { analyzeReuse } from '../analysis/reuse/analyzeReuse';
import type { Community } from '../core/model/types';
import { readBuildings, readFacilities, readNetwork, throwIfIssues } from './analyze/readGeoJsonInputs';
import { coverageReportJson, coverageReportText } from './analyze/report';
import { reuseReportJson, reuseReportText } from './analyze/reuseReport';
import { parseCliArgs, parseCommandLine, UsageError, type ArgSpec } from './cli/parseArgs';
import { printDataError } from './cli/printDataError';
import { runAsMain, type CliIo } from './cli/runAsMain';

export interface AnalyzeIo extends CliIo {
  /** Reads a file as UTF-8 text; default node:fs. */
  readText?: (file: string) => string;
}

interface Options {
  packageDir?: string;
  buildings?: string;
  network?: string;
  facilities?: string;
  json: boolean;
  speed?: number;
  rules?: string;
  maxSnapMeters?: number;
  topGaps: number;
  reuse: boolean;
  budget?: number;
}

const USAGE = [
  'usage: tsx src/pipeline/analyze.ts <package-dir> [--json] [--speed M/S] [--rules FILE] [--max-snap M] [--top N]',
  '       tsx src/pipeline/analyze.ts --buildings B.geojson --network N.geojson --facilities F.geojson [--json] [--speed M/S] …',
  '       tsx src/pipeline/analyze.ts <package-dir> --reuse [--budget N] [--json] [--top N] …',
].join('\n');

/** Conversions in the suggested reuse plan when --budget is not given. */
const DEFAULT_REUSE_BUDGET = 3;

/** A number in (min, max] for an option, or a UsageError naming the option. */
function numberArg(flag: string, value: string, min: number, max: number): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x <= min || x > max) throw new UsageError(`${flag} needs a number in (${min}, ${max}], got ${value}`);
  return x;
}

const ARGS: ArgSpec<Options> = {
  switches: {
    '--json': (o) => (o.json = true),
    '--reuse': (o) => (o.reuse = true),
  },
  withValue: {
    '--speed': (o, v, flag) => (o.speed = numberArg(flag, v, 0, 5)),
    '--max-snap': (o, v, flag) => (o.maxSnapMeters = numberArg(flag, v, 0, 100000)),
    '--top': (o, v, flag) => (o.topGaps = Math.round(numberArg(flag, v, 0, 1000))),
    '--rules': (o, v) => (o.rules = v),
    '--budget': (o, v, flag) => {
      const budget = numberArg(flag, v, -1, 1000);
      if (!Number.isInteger(budget)) throw new UsageError(`--budget needs a whole number of conversions, got ${budget}`);
      o.budget = budget;
    },
    '--buildings': (o, v) => (o.buildings = v),
    '--network': (o, v) => (o.network = v),
    '--facilities': (o, v) => (o.facilities = v),
  },
};

function parseArgs(argv: readonly string[]): Options {
  const options = parseCliArgs<Options>(argv, { json: false, topGaps: 8, reuse: false }, ARGS);
  const files = [options.buildings, options.network, options.facilities];
  if (options.packageDir !== undefined && files.some((f) => f !== undefined))
    throw new UsageError('give a package folder OR --buildings/--network/--facilities, not both');
  if (options.packageDir === undefined && files.some((f) => f === undefined))
    throw new UsageError('give a package folder, or all of --buildings, --network and --facilities');
  if (options.reuse && options.packageDir === undefined)
    throw new UsageError('--reuse needs a package folder (it reads the reuse spaces, houses and people)');
  if (options.budget !== undefined && !options.reuse) throw new UsageError('--budget goes with --reuse');
  return options;
}

const defaultRead = (file: string) => readFileSync(file, 'utf8');

function readInput(file: string, read: (file: string) => string): string {
  try {
    return read(file);
  } catch (error) {
    throw new DataError([{ file, reason: `cannot be read (${(error as Error).message})` }], 'Invalid input');
  }
}

async function buildRequest(
  options: Options,
  read: (file: string) => string,
): Promise<{
  request: ServiceCoverageRequest;
  input: string;
  skipped?: Record<string, number>;
  unmappedTags?: Record<string, number>;
  community?: Community;
}> {
  let rules: ServiceRuleSet = DEFAULT_SERVICE_RULES;
  if (options.rules) {
    const text = readInput(options.rules, read);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DataError([{ file: options.rules, reason: `is not valid JSON (${(error as Error).message})` }], 'Invalid rules');
    }
    rules = parseServiceRules(json, options.rules);
  }
  const requestOptions = {
    rules,
    ...(options.speed !== undefined ? { walkSpeedMetersPerSecond: options.speed } : {}),
    ...(options.maxSnapMeters !== undefined ? { maxSnapMeters: options.maxSnapMeters } : {}),
  };
  if (options.packageDir !== undefined) {
    const dir = options.packageDir;
    const community = await readCommunityPackage(async (p) => readInput(path.join(dir, p), read));
    return { request: serviceCoverageRequestFromCommunity(community, requestOptions), input: dir, community };
  }
  const issues: DataIssue[] = [];
  const buildings = readBuildings(readInput(options.buildings!, read), options.buildings!, issues);
  const network = readNetwork(readInput(options.network!, read), options.network!, issues);
  const facilities = readFacilities(readInput(options.facilities!, read), options.facilities!, issues);
  throwIfIssues(issues, 'Invalid input');
  return {
    request: serviceCoverageRequestFromFeatures({ network: network.lines, buildings, facilities: facilities.facilities }, requestOptions),
    input: [options.buildings, options.network, options.facilities].join(', '),
    skipped: { 'unwalkable ways': network.skipped, 'facilities without a known category': facilities.skipped },
    unmappedTags: facilities.unmappedTags,
  };
}

/** Runs the CLI; returns the exit code (0 done, 1 bad data, 2 bad arguments). */
export async function runAnalyze(argv: readonly string[], io: AnalyzeIo): Promise<number> {
  const options = parseCommandLine(argv, parseArgs, USAGE, io);
  if (!options) return 2;
  try {
    const { request, input, skipped, unmappedTags, community } = await buildRequest(options, io.readText ?? defaultRead);
    const meta = { input, ...(skipped ? { skipped } : {}), ...(unmappedTags ? { unmappedTags } : {}) };
    if (options.reuse && community) {
      // The what-if needs per-building walks only, not the per-node arrays of the coverage.
      const coverage = computeServiceCoverageFromRequest({ ...request, keepNodeArrays: false });
      const analysis = analyzeReuse(community, coverage, {
        budget: options.budget ?? DEFAULT_REUSE_BUDGET,
        ...(request.maxSnapMeters !== undefined ? { maxSnapMeters: request.maxSnapMeters } : {}),
      });
      io.stdout(
        options.json
          ? JSON.stringify(reuseReportJson(analysis, coverage, meta), null, 2)
          : reuseReportText(analysis, coverage, meta, options.topGaps),
      );
      return 0;
    }
    const coverage = computeServiceCoverageFromRequest(request);
    const gaps = rankServiceGaps(coverage);
    io.stdout(
      options.json
        ? JSON.stringify(coverageReportJson(coverage, gaps, meta), null, 2)
        : coverageReportText(coverage, gaps, meta, options.topGaps),
    );
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      printDataError(error, io);
      return 1;
    }
    throw error;
  }
}

runAsMain(import.meta.url, runAnalyze);
