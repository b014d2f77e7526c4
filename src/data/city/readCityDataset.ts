/**
 * Reads and validates a city list of future communities (models/README.md, "City list of future
 * communities"). Pure: takes text or parsed JSON, so the browser, the CLI and the tests share it.
 *
 * Totals on a progress screen must be exact, so a list with any bad entry is rejected as a whole:
 * the DataError names the file, the entry (`communities[17]` and its id) and the field of every
 * problem, e.g. `city/….json, (id "xihu-004"), field "communities[17].status": must be one of …`.
 */
import { because, DataError, englishDetail, type DataIssue } from '../../core/errors';
import type { LocalizedText, LonLat } from '../../core/model/types';
import { FieldReader, describe, describeValue } from '../package/fieldReader';
import { mustBeDate } from '../package/manifest';
import {
  CITY_FORMAT,
  CITY_FORMAT_VERSIONS,
  CITY_STATUSES,
  COMMUNITY_TYPES,
  FIRST_CREATION_YEAR,
  HANGZHOU_CITY_FILE,
  RENEWAL_TYPES,
  type CityCommunity,
  type CityDataset,
  type CityDistrict,
} from './cityDataset';

/** More issues than this are not worth listing: the file is broken as a whole. */
const MAX_ISSUES = 200;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * A generous box around Hangzhou's administrative area (≈118.3–120.8° E, 29.1–30.6° N): catches
 * swapped lon/lat and projected coordinates, not a point in the wrong district.
 */
export const HANGZHOU_BOUNDS = { west: 118.2, east: 120.9, south: 29.0, north: 30.7 } as const;

const idCharsGot = (id: string) =>
  because(`must use only a–z, 0–9 and "-", got ${describe(id)}`, 'issue.field.idCharsGot', { got: describe(id) });
const listedTwice = (value: string) => because(`"${value}" is listed twice`, 'issue.field.listedTwice', { value });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function localized(f: FieldReader, record: Record<string, unknown>, field: string): LocalizedText {
  const value = record[field];
  if (!isObject(value) || typeof value.zh !== 'string' || value.zh === '' || typeof value.en !== 'string' || value.en === '') {
    f.fail(
      field,
      value === undefined
        ? because('is required ({"zh": "…", "en": "…"})', 'issue.field.requiredLocalized')
        : because(`must be {"zh": "…", "en": "…"} with both texts, got ${describe(value)}`, 'issue.field.mustBeLocalizedBoth', {
            got: describeValue(value),
          }),
    );
    return { zh: '', en: '' };
  }
  return { zh: value.zh, en: value.en };
}

function lonLat(f: FieldReader, record: Record<string, unknown>, field: string): LonLat {
  const value = record[field];
  const ok = Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!ok) {
    f.fail(
      field,
      value === undefined
        ? because('is required ([longitude, latitude] in degrees)', 'issue.field.requiredLonLat')
        : because(`must be [longitude, latitude] in degrees, got ${describe(value)}`, 'issue.field.mustBeLonLatGot', {
            got: describeValue(value),
          }),
    );
    return [Number.NaN, Number.NaN];
  }
  const [lon, lat] = value as [number, number];
  const b = HANGZHOU_BOUNDS;
  if (lon < b.west || lon > b.east || lat < b.south || lat > b.north) {
    f.fail(
      field,
      because(
        `[${lon}, ${lat}] lies outside Hangzhou (${b.west}–${b.east}° E, ${b.south}–${b.north}° N); is it [longitude, latitude] in degrees?`,
        'issue.city.outsideHangzhou',
        {
          lon,
          lat,
          ...b,
        },
      ),
    );
  }
  return [lon, lat];
}

/** Runs `read` on one list entry; its issues get the entry's place (`communities[3].status`) and id. */
function readEntry<T>(
  entry: unknown,
  listField: string,
  index: number,
  file: string,
  issues: DataIssue[],
  read: (f: FieldReader, record: Record<string, unknown>) => T,
): T | null {
  const where = `${listField}[${index}]`;
  if (!isObject(entry)) {
    issues.push({
      file,
      field: where,
      ...because(`must be an object, got ${describe(entry)}`, 'issue.field.mustBeObjectGot', { got: describeValue(entry) }),
    });
    return null;
  }
  const id = typeof entry.id === 'string' && entry.id !== '' ? entry.id : undefined;
  const local: DataIssue[] = [];
  const f = new FieldReader(entry, { file, ...(id ? { id } : {}) }, local);
  const value = read(f, entry);
  for (const issue of local) issues.push({ ...issue, field: issue.field ? `${where}.${issue.field}` : where });
  return local.length ? null : value;
}

function readDistrict(f: FieldReader, r: Record<string, unknown>): CityDistrict {
  const id = f.string('id');
  if (id && !ID_PATTERN.test(id)) f.fail('id', idCharsGot(id));
  return {
    id,
    name: localized(f, r, 'name'),
    centre: lonLat(f, r, 'centre'),
    urbanCommunities: f.integer('urbanCommunities', { min: 1 }),
  };
}

function readCommunity(f: FieldReader, r: Record<string, unknown>, lastYear: number, districtIds: ReadonlySet<string>): CityCommunity {
  const id = f.string('id');
  if (id && !ID_PATTERN.test(id)) f.fail('id', idCharsGot(id));
  const name = localized(f, r, 'name');
  const district = f.string('district');
  if (district && districtIds.size && !districtIds.has(district)) {
    f.fail(
      'district',
      because(`"${district}" is not one of the listed districts (${[...districtIds].join(', ')})`, 'issue.city.unknownDistrict', {
        district,
        districts: [...districtIds],
      }),
    );
  }
  const street = localized(f, r, 'street');
  const position = lonLat(f, r, 'position');
  const status = f.oneOf('status', CITY_STATUSES);
  const type = f.oneOf('type', COMMUNITY_TYPES);
  const renewal = f.oneOf('renewal', RENEWAL_TYPES);
  const yearCreated = f.integer('yearCreated', { min: FIRST_CREATION_YEAR, max: lastYear });
  let yearAccepted: number | undefined;
  // With an unknown status, whether yearAccepted belongs is unknown too: one issue is enough.
  const statusKnown = (CITY_STATUSES as readonly unknown[]).includes(r.status);
  if (statusKnown && status === 'accepted') {
    yearAccepted = f.integer('yearAccepted', { min: Number.isFinite(yearCreated) ? yearCreated : FIRST_CREATION_YEAR, max: lastYear });
  } else if (statusKnown && f.has('yearAccepted')) {
    f.fail(
      'yearAccepted',
      because(`is only allowed when status is "accepted" (status is "${status}")`, 'issue.city.yearAcceptedOnly', { status }),
    );
  }
  let overall = Number.NaN;
  if (!isObject(r.scores)) {
    f.fail(
      'scores',
      r.scores === undefined
        ? because('is required ({"overall": 0–100})', 'issue.city.scoresRequired')
        : because(`must be {"overall": 0–100}, got ${describe(r.scores)}`, 'issue.city.scoresShape', { got: describeValue(r.scores) }),
    );
  } else {
    const scoreIssues: DataIssue[] = [];
    overall = new FieldReader(r.scores, { file: '' }, scoreIssues).number('overall', { min: 0, max: 100 });
    for (const issue of scoreIssues) f.fail(`scores.${issue.field}`, issue);
  }
  const pkg = f.optionalString('package');
  if (pkg !== undefined && !/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._/-]+\/$/.test(pkg)) {
    f.fail(
      'package',
      because(`must be a folder path under models/ ending in "/" (e.g. "sample-jinghe/"), got ${describe(pkg)}`, 'issue.city.packagePath', {
        got: describe(pkg),
      }),
    );
  }
  return {
    id,
    name,
    district,
    street,
    position,
    status,
    type,
    renewal,
    yearCreated,
    ...(yearAccepted !== undefined ? { yearAccepted } : {}),
    scores: { overall },
    ...(pkg !== undefined ? { package: pkg } : {}),
  };
}

/** Validates parsed JSON; throws a DataError naming every problem (file, entry index and id, field). */
export function readCityDataset(json: unknown, file = HANGZHOU_CITY_FILE): CityDataset {
  const fail = (issues: DataIssue[]): never => {
    throw new DataError(issues.slice(0, MAX_ISSUES), 'Invalid city list of future communities');
  };
  if (!isObject(json))
    return fail([
      { file, ...because(`must be a JSON object, got ${describe(json)}`, 'issue.json.mustBeObjectGot', { got: describeValue(json) }) },
    ]);
  const issues: DataIssue[] = [];
  const f = new FieldReader(json, { file }, issues);

  if (json.format !== CITY_FORMAT) {
    f.fail(
      'format',
      because(`must be "${CITY_FORMAT}", got ${describe(json.format)}`, 'issue.field.mustBeValueGot', {
        value: CITY_FORMAT,
        got: describeValue(json.format),
      }),
    );
  }
  const formatVersion = f.string('formatVersion');
  if (formatVersion && !(CITY_FORMAT_VERSIONS as readonly string[]).includes(formatVersion)) {
    f.fail(
      'formatVersion',
      because(
        `version ${formatVersion} is not supported (supported: ${CITY_FORMAT_VERSIONS.join(', ')})`,
        'issue.field.versionUnsupported',
        {
          version: formatVersion,
          supported: CITY_FORMAT_VERSIONS,
        },
      ),
    );
  }
  const city = localized(f, json, 'city');
  const asOf = f.string('asOf');
  const asOfOk = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  if (asOf && !asOfOk) f.fail('asOf', mustBeDate(describe(asOf)));
  const lastYear = asOfOk ? Number(asOf.slice(0, 4)) : new Date().getUTCFullYear();

  let synthetic: CityDataset['synthetic'];
  if (json.synthetic !== undefined) {
    const s = json.synthetic;
    if (!isObject(s)) f.fail('synthetic', because('must be {"notice": {"zh": "…", "en": "…"}}', 'issue.city.syntheticShape'));
    else {
      const local: DataIssue[] = [];
      const notice = localized(new FieldReader(s, { file }, local), s, 'notice');
      for (const issue of local) issues.push({ ...issue, field: `synthetic.${issue.field}` });
      synthetic = { notice };
    }
  }

  const sources: CityDataset['sources'] = [];
  if (json.sources !== undefined) {
    if (!Array.isArray(json.sources)) f.fail('sources', because('must be a list of {"text": "…", "url"?: "…"}', 'issue.city.sourcesList'));
    else
      json.sources.forEach((s, i) => {
        if (isObject(s) && typeof s.text === 'string' && s.text !== '' && (s.url === undefined || typeof s.url === 'string')) {
          sources.push({ text: s.text, ...(typeof s.url === 'string' ? { url: s.url } : {}) });
        } else f.fail(`sources[${i}]`, because('must be {"text": "…", "url"?: "…"}', 'issue.city.sourceShape'));
      });
  }

  const districts: CityDistrict[] = [];
  /** Index of each valid district in the file's list, for messages. */
  const districtIndex = new Map<CityDistrict, number>();
  if (!Array.isArray(json.districts) || json.districts.length === 0)
    f.fail('districts', because('must list at least one district', 'issue.city.districtsRequired'));
  else {
    const seen = new Set<string>();
    json.districts.forEach((entry, i) => {
      const district = readEntry(entry, 'districts', i, file, issues, readDistrict);
      if (!district) return;
      if (seen.has(district.id)) issues.push({ file, id: district.id, field: `districts[${i}].id`, ...listedTwice(district.id) });
      seen.add(district.id);
      districts.push(district);
      districtIndex.set(district, i);
    });
  }
  // Ids of bad district entries still count, so their communities are not reported a second time.
  const districtIds = new Set(
    (Array.isArray(json.districts) ? json.districts : []).flatMap((d) => (isObject(d) && typeof d.id === 'string' ? [d.id] : [])),
  );

  const communities: CityCommunity[] = [];
  if (!Array.isArray(json.communities)) f.fail('communities', because('must be a list (it may be empty)', 'issue.city.communitiesList'));
  else {
    const seen = new Set<string>();
    json.communities.forEach((entry, i) => {
      const community = readEntry(entry, 'communities', i, file, issues, (cf, r) => readCommunity(cf, r, lastYear, districtIds));
      if (!community) return;
      if (seen.has(community.id)) issues.push({ file, id: community.id, field: `communities[${i}].id`, ...listedTwice(community.id) });
      seen.add(community.id);
      communities.push(community);
    });
  }

  // Coverage above 100 % means the denominator or the list is wrong.
  if (districts.length && communities.length === (Array.isArray(json.communities) ? json.communities.length : -1)) {
    districts.forEach((d) => {
      const listed = communities.filter((c) => c.district === d.id).length;
      if (listed > d.urbanCommunities) {
        issues.push({
          file,
          id: d.id,
          field: `districts[${districtIndex.get(d)}].urbanCommunities`,
          ...because(
            `is ${d.urbanCommunities}, but ${listed} future communities are listed in the district`,
            'issue.city.tooManyCommunities',
            {
              urban: d.urbanCommunities,
              listed,
            },
          ),
        });
      }
    });
  }

  if (issues.length) return fail(issues);
  return {
    format: CITY_FORMAT,
    formatVersion,
    city,
    asOf,
    ...(synthetic ? { synthetic } : {}),
    sources,
    districts,
    communities,
  };
}

/** Parses the file's text first; a JSON syntax error is reported against the file. */
export function parseCityDataset(text: string, file = HANGZHOU_CITY_FILE): CityDataset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = ` (${(error as Error).message})`;
    throw new DataError(
      [{ file, ...because(`is not valid JSON${detail}`, 'issue.json.invalid', { detail: englishDetail(detail) }) }],
      'Invalid city list of future communities',
    );
  }
  return readCityDataset(json, file);
}
