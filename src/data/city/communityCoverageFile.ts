/**
 * The published service-circle coverage of a city's communities (`fct-community-coverage` 1.0, see
 * models/README.md, "Community coverage"): what `npm run coverage:city` and
 * `npm run generate:city-coverage` write and the city view reads. Counts of people are published
 * with small-cell suppression only (n < 5 → `{ "suppressed": true }`); the raw sort key stays out.
 * Pure: the browser, the CLIs and the tests share the reader.
 */
import { DataError, type DataIssue } from '../../core/errors';
import { FACILITY_CATEGORIES, type FacilityCategory, type LocalizedText } from '../../core/model/types';
import type { SuppressedCount } from '../privacy/aggregate';

export const COVERAGE_FORMAT = 'fct-community-coverage';
export const COVERAGE_FORMAT_VERSION = '1.0';

/** Where the bundled Hangzhou coverage lives, relative to models/. */
export const HANGZHOU_COVERAGE_FILE = 'city/community-coverage.json';

export interface PublishedCategory {
  category: FacilityCategory;
  /** The rule's walking distance, metres. */
  maxDistanceMeters: number;
  /** How far the walks were searched, metres (the largest living circle when farther than the rule). */
  cutoffMeters?: number;
  /** 1 = the 一老一小 groups first (rules.json `priority`). */
  priority: number;
}

export interface PublishedCategoryCoverage {
  category: FacilityCategory;
  homesWithin: number;
  shareHomesWithin: number | null;
  target: { total: SuppressedCount; within: SuppressedCount; uncovered: SuppressedCount } | null;
  shareTargetWithin: number | null;
}

export interface PublishedCommunityCoverage {
  id: string;
  district: string;
  homes: number;
  categories: PublishedCategoryCoverage[];
  /** Priority-1 target residents beyond the rule's distance; null when unknown. */
  oneOldOneYoungUncovered: SuppressedCount | null;
}

export interface CommunityCoverageFile {
  format: typeof COVERAGE_FORMAT;
  formatVersion: string;
  city: LocalizedText;
  synthetic?: { notice: LocalizedText };
  /** The walk network's hash when one network served every community. */
  networkHash?: string;
  walkSpeedMetersPerSecond: number;
  categories: PublishedCategory[];
  communities: PublishedCommunityCoverage[];
}

const MAX_ISSUES = 50;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is SuppressedCount =>
  isObject(v) &&
  (v.suppressed === true || (v.suppressed === false && typeof v.value === 'number' && Number.isFinite(v.value) && v.value >= 0));
const isShare = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);
const isCategory = (v: unknown): v is FacilityCategory => typeof v === 'string' && (FACILITY_CATEGORIES as readonly string[]).includes(v);

/**
 * Validates a coverage file. Any bad entry rejects the file (a ranking with a silently dropped
 * community would mislead): the DataError names the file, the entry's id and the field.
 */
export function parseCommunityCoverage(input: string | unknown, file: string = HANGZHOU_COVERAGE_FILE): CommunityCoverageFile {
  const issues: DataIssue[] = [];
  const fail = (field: string, reason: string, id?: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ file, field, reason, ...(id !== undefined ? { id } : {}) });
  };
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new DataError([{ file, reason: `is not JSON (${(error as Error).message})` }], 'Invalid coverage file');
    }
  }
  if (!isObject(json)) throw new DataError([{ file, reason: 'must be a JSON object' }], 'Invalid coverage file');
  if (json.format !== COVERAGE_FORMAT) fail('format', `must be "${COVERAGE_FORMAT}"`);
  if (json.formatVersion !== COVERAGE_FORMAT_VERSION) fail('formatVersion', `must be "${COVERAGE_FORMAT_VERSION}"`);
  const city = json.city;
  if (!isObject(city) || typeof city.zh !== 'string' || typeof city.en !== 'string') fail('city', 'must be {"zh": "…", "en": "…"}');
  if (typeof json.walkSpeedMetersPerSecond !== 'number' || !(json.walkSpeedMetersPerSecond > 0))
    fail('walkSpeedMetersPerSecond', 'must be a positive number');
  const categories = Array.isArray(json.categories) ? json.categories : [];
  if (!Array.isArray(json.categories) || categories.length === 0) fail('categories', 'must be a non-empty list');
  categories.forEach((c: unknown, i) => {
    if (!isObject(c) || !isCategory(c.category)) fail(`categories[${i}].category`, 'must be a facility category');
    else if (typeof c.maxDistanceMeters !== 'number' || typeof c.priority !== 'number')
      fail(`categories[${i}]`, 'must have numeric maxDistanceMeters and priority');
  });
  if (!Array.isArray(json.communities)) fail('communities', 'must be a list');
  const seen = new Set<string>();
  (Array.isArray(json.communities) ? json.communities : []).forEach((c: unknown, i) => {
    const at = `communities[${i}]`;
    if (!isObject(c) || typeof c.id !== 'string' || c.id === '') return fail(`${at}.id`, 'must be a non-empty text');
    const id = c.id;
    if (seen.has(id)) fail(`${at}.id`, `"${id}" is listed twice`, id);
    seen.add(id);
    if (typeof c.district !== 'string' || c.district === '') fail(`${at}.district`, 'must be a non-empty text', id);
    if (typeof c.homes !== 'number' || !(c.homes >= 0)) fail(`${at}.homes`, 'must be a number ≥ 0', id);
    if (c.oneOldOneYoungUncovered !== null && !isCount(c.oneOldOneYoungUncovered))
      fail(`${at}.oneOldOneYoungUncovered`, 'must be null, {"value": n, "suppressed": false} or {"suppressed": true}', id);
    if (!Array.isArray(c.categories)) return fail(`${at}.categories`, 'must be a list', id);
    c.categories.forEach((cell: unknown, k) => {
      const field = `${at}.categories[${k}]`;
      if (!isObject(cell) || !isCategory(cell.category)) return fail(`${field}.category`, 'must be a facility category', id);
      if (!isShare(cell.shareHomesWithin)) fail(`${field}.shareHomesWithin`, 'must be null or a share in [0, 1]', id);
      if (!isShare(cell.shareTargetWithin)) fail(`${field}.shareTargetWithin`, 'must be null or a share in [0, 1]', id);
      const target = cell.target;
      if (target !== null && !(isObject(target) && isCount(target.total) && isCount(target.within) && isCount(target.uncovered)))
        fail(`${field}.target`, 'must be null or {total, within, uncovered} counts', id);
    });
  });
  if (issues.length) throw new DataError(issues, 'Invalid coverage file');
  return json as unknown as CommunityCoverageFile;
}
