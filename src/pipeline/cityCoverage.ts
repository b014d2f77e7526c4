/**
 * Service-circle coverage of every community of a city, by district, 一老一小 gaps first:
 *
 *   npm run coverage:city -- --communities models/city/hangzhou-future-communities.json \
 *     --buildings b.geojson --network n.geojson --facilities f.geojson --out <dir> [--hierarchy <dir>]
 *
 * Buildings carry the id of their community in a `community` property (and residents per target group
 * as in analyze: `population:60+`, …). The walks come from one PHAST sweep over the network's hierarchy
 * (read from --hierarchy/walk-hierarchy.bin when it was made for this network by `npm run graph`, else
 * built here), each category searched as far as its rule needs. Writes <dir>/community-coverage.csv and
 * <dir>/community-coverage.json; counts of people are suppressed below 5.
 * Exit codes: 0 done, 1 bad input data (file, feature and field are named), 2 bad arguments.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  communityCoverageCsv,
  communityCoverageFile,
  coverageByCommunity,
  sortByOneOldOneYoungGap,
} from '../analysis/city/communityCoverage';
import { buildHierarchy } from '../analysis/network/hierarchy/buildHierarchy';
import { networkHash, readHierarchyFile } from '../analysis/network/hierarchy/hierarchyFile';
import { prepareNetwork, serviceCoverageRequestFromFeatures } from '../analysis/service-circles/serviceCoverageRequest';
import { computeSweepCoverage } from '../analysis/service-circles/sweepCoverage';
import { DataError, type DataIssue } from '../core/errors';
import { parseCityDataset } from '../data/city/readCityDataset';
import { readBuildings, readFacilities, readNetwork, throwIfIssues } from './analyze/readGeoJsonInputs';
import { parseCliArgs, parseCommandLine, UsageError, type ArgSpec } from './cli/parseArgs';
import { printDataError } from './cli/printDataError';
import { runAsMain, type CliIo } from './cli/runAsMain';

interface Options {
  packageDir?: string;
  communities?: string;
  buildings?: string;
  network?: string;
  facilities?: string;
  hierarchy?: string;
  out?: string;
}

const USAGE =
  'usage: npm run coverage:city -- --communities city.json --buildings B.geojson --network N.geojson --facilities F.geojson --out DIR [--hierarchy DIR]';

const ARGS: ArgSpec<Options> = {
  switches: {},
  withValue: {
    '--communities': (o, v) => (o.communities = v),
    '--buildings': (o, v) => (o.buildings = v),
    '--network': (o, v) => (o.network = v),
    '--facilities': (o, v) => (o.facilities = v),
    '--hierarchy': (o, v) => (o.hierarchy = v),
    '--out': (o, v) => (o.out = v),
  },
};

function parseArgs(argv: readonly string[]): Options {
  const options = parseCliArgs<Options>(argv, {}, ARGS);
  if (options.packageDir !== undefined) throw new UsageError(`unexpected argument "${options.packageDir}"`);
  for (const flag of ['communities', 'buildings', 'network', 'facilities', 'out'] as const)
    if (options[flag] === undefined) throw new UsageError(`--${flag} is required`);
  return options;
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataError([{ file, reason: `cannot be read (${(error as Error).message})` }], 'Invalid input');
  }
};

/** Each building's `community` property as an index into the city list (the features in file order, as readBuildings reads them). */
function buildingCommunities(text: string, file: string, ids: Map<string, number>, issues: DataIssue[]): Int32Array {
  const features = (JSON.parse(text) as { features: { properties?: Record<string, unknown> | null }[] }).features;
  const out = new Int32Array(features.length).fill(-1);
  features.forEach((f, i) => {
    const id = f.properties?.community;
    if (id === undefined || id === null || id === '') return; // outside every listed community
    const index = typeof id === 'string' ? ids.get(id) : undefined;
    if (index === undefined)
      issues.push({ file, feature: i, field: 'community', reason: `names no community of the city list: ${JSON.stringify(id)}` });
    else out[i] = index;
  });
  return out;
}

export async function runCityCoverage(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCommandLine(argv, parseArgs, USAGE, io);
  if (!options) return 2;
  try {
    const city = parseCityDataset(read(options.communities!), options.communities!);
    const issues: DataIssue[] = [];
    const buildingsText = read(options.buildings!);
    const buildings = readBuildings(buildingsText, options.buildings!, issues);
    const network = readNetwork(read(options.network!), options.network!, issues);
    const facilities = readFacilities(read(options.facilities!), options.facilities!, issues);
    throwIfIssues(issues, 'Invalid input');
    const communityOf = buildingCommunities(buildingsText, options.buildings!, new Map(city.communities.map((c, i) => [c.id, i])), issues);
    throwIfIssues(issues, 'Invalid input');

    const request = serviceCoverageRequestFromFeatures({ network: network.lines, buildings, facilities: facilities.facilities }, {});
    const prepared = prepareNetwork(request);
    const hash = networkHash(prepared.graph);
    const file = options.hierarchy ? path.join(options.hierarchy, 'walk-hierarchy.bin') : undefined;
    const hierarchy =
      file && existsSync(file)
        ? readHierarchyFile(new Uint8Array(readFileSync(file)), hash, file)
        : buildHierarchy(prepared.graph, { nodeLonLat: prepared.graph.nodeLonLat });
    const sweep = computeSweepCoverage({
      graph: prepared.graph,
      hierarchy,
      buildings: prepared.buildings,
      facilities: prepared.facilities,
      facilityCategory: request.facilityCategory,
      rules: request.rules,
    });
    const rows = sortByOneOldOneYoungGap(
      coverageByCommunity({
        communities: city.communities,
        buildingCommunity: communityOf,
        categories: sweep.categories,
        population: request.population ?? {},
        ...(request.countedBuildings ? { countedBuildings: request.countedBuildings } : {}),
      }),
    );
    const out = options.out!;
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'community-coverage.csv'), communityCoverageCsv(rows));
    const json = communityCoverageFile({
      city: city.city,
      ...(city.synthetic ? { synthetic: city.synthetic } : {}),
      networkHash: hash,
      walkSpeedMetersPerSecond: sweep.walkSpeedMetersPerSecond,
      categories: sweep.categories,
      rows,
    });
    writeFileSync(path.join(out, 'community-coverage.json'), `${JSON.stringify(json, null, 2)}\n`);
    const withHomes = rows.filter((r) => r.homes > 0).length;
    io.stdout(
      `${rows.length} communities (${withHomes} with homes in the input); ${path.join(out, 'community-coverage.csv')} and .json written`,
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

runAsMain(import.meta.url, runCityCoverage);
