import { because, DataError, englishDetail, type DataIssue, type Reason } from '../../core/errors';
import type { Community, CommunityManifest } from '../../core/model/types';
import {
  parseBase,
  parseGrids,
  parseBuildings,
  parseContextBuildings,
  parseFacilities,
  parseHouses,
  parseNetwork,
  parsePeople,
  parseResidentStats,
  parseReuseSpaces,
  parseRights,
} from './layers';
import { parseManifest } from './manifest';

/** Reads a file of the package by its path relative to the package folder. */
export type ReadText = (relativePath: string) => Promise<string>;

/** One entry of `models/index.json`. */
export interface PackageIndexEntry {
  id: string;
  /** Folder of the package relative to index.json, with a trailing slash. */
  path: string;
  name: { zh: string; en: string };
}

export function parsePackageIndex(json: unknown): PackageIndexEntry[] {
  const packages = (json as { packages?: unknown })?.packages;
  if (!Array.isArray(packages))
    throw new DataError([{ file: 'index.json', field: 'packages', ...because('must be a list', 'issue.field.mustBeList') }]);
  return packages.map((p, i) => {
    const e = p as Partial<PackageIndexEntry>;
    if (typeof e.id !== 'string' || typeof e.path !== 'string' || typeof e.name?.zh !== 'string') {
      throw new DataError([
        {
          file: 'index.json',
          field: `packages[${i}]`,
          ...because('must be {"id", "path", "name": {"zh", "en"}}', 'issue.package.indexEntryShape'),
        },
      ]);
    }
    return { id: e.id, path: e.path, name: { zh: e.name.zh, en: e.name.en ?? e.name.zh } };
  });
}

/** Checks that every reference between layers resolves and that ids are unique. */
export function checkReferences(community: Omit<Community, 'context'>): DataIssue[] {
  const issues: DataIssue[] = [];
  const { manifest } = community;
  const unique = (file: string, records: { id: string }[]) => {
    const seen = new Set<string>();
    for (const r of records) {
      if (seen.has(r.id)) issues.push({ file, id: r.id, field: 'id', ...because('is used more than once', 'issue.package.duplicateId') });
      seen.add(r.id);
    }
    return seen;
  };
  const buildingIds = unique(manifest.layers.buildings, community.buildings);
  const houseIds = unique(manifest.layers.houses, community.houses);
  // 城乡房屋编码 names one house: a code used twice is an error in the upstream register.
  const codes = new Map<string, string>();
  for (const h of community.houses) {
    if (h.houseCode === undefined) continue;
    const first = codes.get(h.houseCode);
    if (first !== undefined)
      issues.push({
        file: manifest.layers.houses,
        id: h.id,
        field: 'houseCode',
        ...because(`is the code of house "${first}" too`, 'issue.package.duplicateHouseCode', { id: first }),
      });
    else codes.set(h.houseCode, h.id);
  }
  unique(manifest.layers.rights ?? 'rights.csv', community.rights);
  unique(manifest.layers.people ?? 'people.csv', community.people);
  const statsFile = manifest.layers.residentStats ?? 'resident-stats.csv';
  unique(
    statsFile,
    community.residentStats.map((s) => ({ id: s.buildingId })),
  );
  unique(manifest.layers.facilities, community.facilities);
  unique(manifest.layers.network, community.network);
  unique(manifest.layers.reuse, community.reuse);
  const dangling = (file: string, id: string, field: string, target: 'building' | 'house') =>
    issues.push({
      file,
      id,
      field,
      ...(target === 'building'
        ? because(`refers to building "${id}" that does not exist`, 'issue.package.missingBuilding', { id })
        : because(`refers to house "${id}" that does not exist`, 'issue.package.missingHouse', { id })),
    });
  for (const h of community.houses)
    if (!buildingIds.has(h.buildingId)) dangling(manifest.layers.houses, h.buildingId, 'buildingId', 'building');
  for (const r of community.rights)
    if (!houseIds.has(r.houseId)) dangling(manifest.layers.rights ?? 'rights.csv', r.houseId, 'houseId', 'house');
  for (const p of community.people)
    if (!houseIds.has(p.houseId)) dangling(manifest.layers.people ?? 'people.csv', p.houseId, 'houseId', 'house');
  for (const s of community.residentStats) if (!buildingIds.has(s.buildingId)) dangling(statsFile, s.buildingId, 'buildingId', 'building');
  for (const f of community.facilities)
    if (f.buildingId && !buildingIds.has(f.buildingId)) dangling(manifest.layers.facilities, f.buildingId, 'buildingId', 'building');
  for (const s of community.reuse)
    if (s.buildingId && !buildingIds.has(s.buildingId)) dangling(manifest.layers.reuse, s.buildingId, 'buildingId', 'building');
  return issues;
}

/**
 * Reads and validates a whole community package. Every layer is checked before anything is
 * returned, so a caller that only swaps in the result on success leaves its current scene intact.
 * Throws a DataError listing each problem with its file, row/feature and field.
 */
export async function readCommunityPackage(readText: ReadText): Promise<Community> {
  const manifestText = await readFile(readText, 'manifest.json');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestText);
  } catch (error) {
    const detail = ` (${(error as Error).message})`;
    throw new DataError(
      [{ file: 'manifest.json', ...because(`is not valid JSON${detail}`, 'issue.json.invalid', { detail: englishDetail(detail) }) }],
      'Invalid community package',
    );
  }
  const manifest: CommunityManifest = parseManifest(manifestJson);
  const files = manifest.layers;
  const [buildings, houses, facilities, network, reuse, base] = await Promise.all(
    [files.buildings, files.houses, files.facilities, files.network, files.reuse, files.base].map((f) => readFile(readText, f)),
  );
  // Optional layers: a package without person rows (the bundled ones) carries resident statistics instead.
  const optionalLayer = (file: string | undefined) => (file === undefined ? Promise.resolve(null) : readFile(readText, file));
  const [rights, people, residentStats, grids] = await Promise.all(
    [files.rights, files.people, files.residentStats, files.grids].map(optionalLayer),
  );
  const issues: DataIssue[] = [];
  const parsed = <T>(text: string | null, file: string | undefined, parse: (text: string, file: string, issues: DataIssue[]) => T[]) =>
    text === null || file === undefined ? [] : parse(text, file, issues);
  const community = {
    manifest,
    buildings: parseBuildings(buildings, files.buildings, issues),
    houses: parseHouses(houses, files.houses, issues),
    rights: parsed(rights, files.rights, parseRights),
    people: parsed(people, files.people, parsePeople),
    residentStats: parsed(residentStats, files.residentStats, parseResidentStats),
    facilities: parseFacilities(facilities, files.facilities, issues),
    network: parseNetwork(network, files.network, issues),
    reuse: parseReuseSpaces(reuse, files.reuse, issues),
    base: parseBase(base, files.base, issues),
    grids: parsed(grids, files.grids, parseGrids),
  };
  if (!issues.length) issues.push(...checkReferences(community));
  if (issues.length) throw new DataError(issues, `Invalid community package "${manifest.id}"`);

  const context = await Promise.all(
    (manifest.context ?? []).map(async (ref) => ({
      ref,
      buildings: parseContextBuildings(await readFile(readText, ref.path), ref.path),
    })),
  );
  return { ...community, context };
}

async function readFile(readText: ReadText, path: string): Promise<string> {
  try {
    return await readText(path);
  } catch (error) {
    throw new DataError([{ file: path, ...cannotBeRead((error as Error).message) }], 'Invalid community package');
  }
}

/** "cannot be read (HTTP 404)": an HTTP status is shown in every language, other causes in English only. */
export function cannotBeRead(cause: string): Reason {
  const detail = ` (${cause})`;
  return because(`cannot be read${detail}`, 'issue.file.unreadable', { detail: /^HTTP \d+$/.test(cause) ? detail : englishDetail(detail) });
}

/** A ReadText over HTTP for the browser: paths resolve against the package folder's URL. */
export function httpReader(packageUrl: string, fetchImpl: typeof fetch = fetch): ReadText {
  return async (relativePath) => {
    const response = await fetchImpl(new URL(relativePath, packageUrl).href);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  };
}
