/**
 * Preprocesses a walking network for city-scale service circles (README "City-wide service circles"):
 *
 *   npm run graph -- <package-dir | network.geojson> --out <dir>
 *
 * Builds the walking graph exactly as the service circles do (same snapping, hence the same network
 * hash), contracts it into the hierarchy of src/analysis/network/hierarchy/ and writes
 *   <dir>/walk-hierarchy.bin   the typed arrays, versioned by the network's hash
 *   <dir>/walk-hierarchy.json  what it is: network hash, nodes, edges, shortcuts, core, time
 * A network file may carry plain OpenStreetMap tags (unwalkable ways are skipped, as in analyze).
 * Exit codes: 0 done, 1 bad input data (file, feature and field are named), 2 bad arguments.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packLines } from '../analysis/network/buildGraph';
import { HIERARCHY_FORMAT, HIERARCHY_VERSION } from '../analysis/network/hierarchy/hierarchyFile';
import { prepareWalkHierarchy } from '../analysis/network/hierarchy/prepareWalkHierarchy';
import { DataError, type DataIssue } from '../core/errors';
import { readCommunityPackage } from '../data/package/readPackage';
import { readNetwork, throwIfIssues } from './analyze/readGeoJsonInputs';
import { parseCliArgs, parseCommandLine, UsageError, type ArgSpec } from './cli/parseArgs';
import { printDataError } from './cli/printDataError';
import { runAsMain, type CliIo } from './cli/runAsMain';

interface Options {
  packageDir?: string;
  out?: string;
}

const USAGE = 'usage: npm run graph -- <package-dir | network.geojson> --out <dir>';

const ARGS: ArgSpec<Options> = { switches: {}, withValue: { '--out': (o, v) => (o.out = v) } };

function parseArgs(argv: readonly string[]): Options {
  const options = parseCliArgs<Options>(argv, {}, ARGS);
  if (options.packageDir === undefined) throw new UsageError('give a package folder or a network GeoJSON file');
  if (options.out === undefined) throw new UsageError('--out <dir> is required');
  return options;
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataError([{ file, reason: `cannot be read (${(error as Error).message})` }], 'Invalid input');
  }
};

async function readLines(input: string): Promise<{ coordinates: readonly (readonly number[])[] }[]> {
  if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
    const community = await readCommunityPackage(async (p) => read(path.join(input, p)));
    return community.network;
  }
  const issues: DataIssue[] = [];
  const network = readNetwork(read(input), input, issues);
  throwIfIssues(issues, 'Invalid network');
  return network.lines;
}

export async function runGraph(argv: readonly string[], io: CliIo): Promise<number> {
  const options = parseCommandLine(argv, parseArgs, USAGE, io);
  if (!options) return 2;
  try {
    const lines = await readLines(options.packageDir!);
    const prepared = prepareWalkHierarchy({ lines: packLines(lines) });
    const out = options.out!;
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'walk-hierarchy.bin'), prepared.file);
    const manifest = {
      format: HIERARCHY_FORMAT,
      version: HIERARCHY_VERSION,
      input: path.basename(path.resolve(options.packageDir!)),
      networkHash: prepared.networkHash,
      nodes: prepared.nodeCount,
      core: prepared.coreCount,
      ...prepared.stats,
      buildMs: Math.round(prepared.buildMs),
      bytes: prepared.file.length,
      technique:
        'contraction hierarchy (Geisberger et al., WEA 2008) with degree-2 chains first and a dense core, queried by PHAST sweeps (Delling et al., IPDPS 2011)',
    };
    writeFileSync(path.join(out, 'walk-hierarchy.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    io.stdout(
      `${prepared.nodeCount.toLocaleString('en')} nodes, ${prepared.edgeCount.toLocaleString('en')} edges → ` +
        `${prepared.stats.shortcuts.toLocaleString('en')} shortcuts, core ${prepared.coreCount.toLocaleString('en')} nodes, ` +
        `${(prepared.buildMs / 1000).toFixed(1)} s; network ${prepared.networkHash}; ${path.join(out, 'walk-hierarchy.bin')} ` +
        `(${(prepared.file.length / 1024 ** 2).toFixed(1)} MB)`,
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

runAsMain(import.meta.url, runGraph);
