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
 * --sunlight    sunlight hours (日照) instead: with a package, every home's hours against the preset and the
 *               façade sample points; with --buildings alone (plain footprints with a `height` property in
 *               metres, storeys of 3 m), every building's floors with their sample points and best/worst hours
 * --date D      the day (YYYY-MM-DD, Beijing), default the preset's solar term (大寒/冬至) of this year
 * --preset ID   a preset of src/analysis/sunlight/sunlightRules.json (default gb50180-dahan-2h)
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
import { analyzeSunlight } from '../analysis/sunlight/analyzeSunlight';
import { parseCivilDate } from '../analysis/sunlight/solarPosition';
import { computeSunlightFromRequest, sunlightRequestFromPrisms } from '../analysis/sunlight/sunlightRequest';
import { DEFAULT_SUNLIGHT_RULES, sunlightPreset } from '../analysis/sunlight/sunlightRules';
import type { Community } from '../core/model/types';
import { summariseBuildings } from '../data/community/buildingSummaries';
import { readBuildings, readFacilities, readFootprints, readNetwork, throwIfIssues } from './analyze/readGeoJsonInputs';
import { sunlightReportJson, sunlightReportText } from './analyze/sunlightReport';
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
  sunlight: boolean;
  date?: string;
  preset?: string;
}

const USAGE = [
  'usage: tsx src/pipeline/analyze.ts <package-dir> [--json] [--speed M/S] [--rules FILE] [--max-snap M] [--top N]',
  '       tsx src/pipeline/analyze.ts --buildings B.geojson --network N.geojson --facilities F.geojson [--json] [--speed M/S] …',
  '       tsx src/pipeline/analyze.ts <package-dir> --reuse [--budget N] [--json] [--top N] …',
  '       tsx src/pipeline/analyze.ts <package-dir> --sunlight [--date YYYY-MM-DD] [--preset ID] [--json]',
  '       tsx src/pipeline/analyze.ts --buildings B.geojson --sunlight [--date YYYY-MM-DD] [--preset ID] [--json]',
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
    '--sunlight': (o) => (o.sunlight = true),
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
    '--date': (o, v, flag) => {
      if (!parseCivilDate(v)) throw new UsageError(`${flag} needs a date YYYY-MM-DD, got ${v}`);
      o.date = v;
    },
    '--preset': (o, v, flag) => {
      if (!sunlightPreset(v))
        throw new UsageError(`${flag} must be one of ${DEFAULT_SUNLIGHT_RULES.presets.map((p) => p.id).join(', ')}, got ${v}`);
      o.preset = v;
    },
    '--network': (o, v) => (o.network = v),
    '--facilities': (o, v) => (o.facilities = v),
  },
};

function parseArgs(argv: readonly string[]): Options {
  const options = parseCliArgs<Options>(argv, { json: false, topGaps: 8, reuse: false, sunlight: false }, ARGS);
  if ((options.date !== undefined || options.preset !== undefined) && !options.sunlight)
    throw new UsageError('--date and --preset go with --sunlight');
  if (options.sunlight) {
    if (options.reuse) throw new UsageError('--sunlight and --reuse are separate analyses: give one');
    if ((options.packageDir === undefined) === (options.buildings === undefined))
      throw new UsageError('--sunlight needs a package folder OR --buildings (footprints with a height property)');
    if (options.network !== undefined || options.facilities !== undefined)
      throw new UsageError('--sunlight reads no --network or --facilities');
    return options;
  }
  const files = [options.buildings, options.network, options.facilities];
  if (options.packageDir !== undefined && files.some((f) => f !== undefined))
    throw new UsageError('give a package folder OR --buildings/--network/--facilities, not both');
  if (options.packageDir === undefined && files.some((f) => f === undefined))
    throw new UsageError('give a package folder, or all of --buildings, --network and --facilities');
  if (options.reuse && options.packageDir === undefined)
    throw new UsageError('--reuse needs a package folder (it reads the reuse spaces, houses and resident counts)');
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
    if (options.sunlight) {
      io.stdout(await runSunlight(options, io.readText ?? defaultRead));
      return 0;
    }
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

/** Storey height assumed for plain footprints, metres (the issue's "storeys of 3 m"). */
const PLAIN_STOREY_METERS = 3;

/** `--sunlight`: a package's homes, or plain footprints' floors; the text or JSON to print. */
async function runSunlight(options: Options, read: (file: string) => string): Promise<string> {
  const preset = sunlightPreset(options.preset)!;
  const date = options.date ? { date: options.date } : {};
  if (options.packageDir !== undefined) {
    const dir = options.packageDir;
    const community = await readCommunityPackage(async (p) => readInput(path.join(dir, p), read));
    const { result, sunlight } = analyzeSunlight(community, { preset, ...date, summaries: summariseBuildings(community) });
    const meta = { input: dir };
    return options.json
      ? JSON.stringify(sunlightReportJson(result, preset, meta, sunlight), null, 2)
      : sunlightReportText(result, preset, meta, sunlight, options.topGaps);
  }
  const file = options.buildings!;
  const issues: DataIssue[] = [];
  const footprints = readFootprints(readInput(file, read), file, issues);
  throwIfIssues(issues, 'Invalid input');
  if (footprints.length === 0) throw new DataError([{ file, reason: 'has no building footprints' }], 'Invalid input');
  // The sun is computed once, at the mean of the footprints' first vertices (1 km moves it by ~2 s of time).
  const origin: [number, number] = [
    footprints.reduce((sum, f) => sum + f.footprint[0][0][0], 0) / footprints.length,
    footprints.reduce((sum, f) => sum + f.footprint[0][0][1], 0) / footprints.length,
  ];
  const sources = footprints.map((f) => ({ ...f, floors: Math.max(1, Math.floor(f.heightMeters / PLAIN_STOREY_METERS)) }));
  const result = computeSunlightFromRequest(
    sunlightRequestFromPrisms(sources, { origin, preset, ...date, storeyHeightOf: () => PLAIN_STOREY_METERS }),
  );
  const meta = { input: file };
  return options.json ? JSON.stringify(sunlightReportJson(result, preset, meta), null, 2) : sunlightReportText(result, preset, meta);
}
