import { DataError, type DataIssue } from '../../core/errors';
import { CAPACITY_UNITS, FACILITY_CATEGORIES, type CapacityUnit, type FacilityCategory } from '../../core/model/types';
import defaultRulesJson from './rules.json';

/**
 * Service-circle rules: for each facility category, the living-circle level it belongs to, the
 * walking distance within which a home counts as served, whom it serves and how urgent a gap is;
 * the circles (bands) as distances of GB 50180-2018 Table 3.0.4 (300 / 500 / 1,000 m), walk times
 * derived from them at the walking speed; and the two tiers of 杭政办函〔2023〕52号 四(一)1 (街道 15
 * 分钟, 社区 5 分钟). The values live in `rules.json` with a source per row (GB 50180-2018 Appendix B
 * and the 完整居住社区建设标准); they are configurable data, not constants.
 */

/** GB 50180-2018 §3.0.4 living-circle levels, plus the 居住街坊 (block) level. */
export const SERVICE_LEVELS = ['5min', '10min', '15min', 'block'] as const;
export type ServiceLevel = (typeof SERVICE_LEVELS)[number];

/** The two tiers of public-service circles of 杭政办函〔2023〕52号 四(一)1: 街道 (15 min) and 社区 (5 min). */
export const SERVICE_TIERS = ['community', 'street'] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

/** A living circle as the standard defines it: a walking distance, named by its nominal minutes. */
export interface ServiceBand {
  /** "5min", "10min", "15min". */
  id: string;
  /** The standard's name for it (5-, 10-, 15-minute circle); not a walk time at every speed. */
  minutes: number;
  /** The circle: a home within this walk is inside it. */
  maxDistanceMeters: number;
  source: string;
}

export interface TierRule {
  id: ServiceTier;
  levels: ServiceLevel[];
  source: string;
}

/** Who a facility serves: everybody, an age band or group, or people tagged with a disability. */
export const TARGET_POPULATIONS = ['all', '60+', '0-2', '3-5', '6-11', '12-14', 'disability'] as const;
export type TargetPopulation = (typeof TARGET_POPULATIONS)[number];

export interface CapacityRule {
  unit: CapacityUnit;
  /** Places needed per person of the target population (1 = one place each). */
  demandPerTargetPerson: number;
  source: string;
}

export interface ServiceRule {
  category: FacilityCategory;
  level: ServiceLevel;
  /** A home farther than this walk from every facility of the category is not served. */
  maxDistanceMeters: number;
  targetPopulation: TargetPopulation;
  /** 1 = 一老一小 (first in gap lists), 2 = basic public services, 3 = other; lower is more urgent. */
  priority: number;
  /** Where the value comes from; `[M]` marks values to check against the official text. */
  source: string;
  /** When set, coverage is also computed against facility capacity (2SFCA). */
  capacity?: CapacityRule;
}

export interface ServiceRuleSet {
  /** Default walking speed, m/s: turns distances into minutes, nothing more. */
  walkSpeedMetersPerSecond: number;
  /** The living circles drawn and summarised, nearest first (300 / 500 / 1,000 m). */
  bands: ServiceBand[];
  /** Which levels make up each tier. */
  tiers: TierRule[];
  rules: ServiceRule[];
}

type Json = Record<string, unknown>;

/**
 * Validates a rule set (e.g. a user's edited `rules.json`), naming the row and field of each problem.
 * Throws a DataError listing every problem found.
 */
export function parseServiceRules(json: unknown, file = 'rules.json'): ServiceRuleSet {
  const issues: DataIssue[] = [];
  const fail = (field: string, reason: string, id?: string) => issues.push({ file, ...(id ? { id } : {}), field, reason });
  const root = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as Json;
  if (root !== json) issues.push({ file, reason: 'must be a JSON object with "rules"' });

  const speed = root.walkSpeedMetersPerSecond;
  if (typeof speed !== 'number' || !(speed > 0 && speed <= 5))
    fail('walkSpeedMetersPerSecond', `must be a number in (0, 5] m/s, got ${show(speed)}`);
  const bands = parseBands(root.bands, fail);
  const tiers = parseTiers(root.tiers, fail);

  const rows = root.rules;
  const rules: ServiceRule[] = [];
  if (!Array.isArray(rows)) {
    fail('rules', 'must be a list of rules');
  } else {
    const seen = new Set<string>();
    rows.forEach((value, i) => {
      const at = (field: string) => `rules[${i}].${field}`;
      const row = (typeof value === 'object' && value !== null ? value : {}) as Json;
      const id = typeof row.category === 'string' ? row.category : undefined;
      const before = issues.length;
      if (row !== value) fail(`rules[${i}]`, 'must be an object');
      if (!(FACILITY_CATEGORIES as readonly unknown[]).includes(row.category)) {
        fail(at('category'), `must be one of ${FACILITY_CATEGORIES.join(', ')}, got ${show(row.category)}`, id);
      } else if (seen.has(row.category as string)) {
        fail(at('category'), 'has a rule already; one rule per category', id);
      } else {
        seen.add(row.category as string);
      }
      if (!(SERVICE_LEVELS as readonly unknown[]).includes(row.level))
        fail(at('level'), `must be one of ${SERVICE_LEVELS.join(', ')}, got ${show(row.level)}`, id);
      if (typeof row.maxDistanceMeters !== 'number' || !(row.maxDistanceMeters > 0 && row.maxDistanceMeters <= 10000)) {
        fail(at('maxDistanceMeters'), `must be a number of metres in (0, 10000], got ${show(row.maxDistanceMeters)}`, id);
      }
      if (!(TARGET_POPULATIONS as readonly unknown[]).includes(row.targetPopulation)) {
        fail(at('targetPopulation'), `must be one of ${TARGET_POPULATIONS.join(', ')}, got ${show(row.targetPopulation)}`, id);
      }
      if (typeof row.priority !== 'number' || !Number.isInteger(row.priority) || row.priority < 1) {
        fail(at('priority'), `must be an integer ≥ 1 (1 = 一老一小), got ${show(row.priority)}`, id);
      }
      if (typeof row.source !== 'string' || row.source.trim() === '') fail(at('source'), 'must cite where the value comes from', id);
      let capacity: CapacityRule | undefined;
      if (row.capacity !== undefined) {
        const c = (typeof row.capacity === 'object' && row.capacity !== null ? row.capacity : {}) as Json;
        if (!(CAPACITY_UNITS as readonly unknown[]).includes(c.unit))
          fail(at('capacity.unit'), `must be one of ${CAPACITY_UNITS.join(', ')}, got ${show(c.unit)}`, id);
        if (typeof c.demandPerTargetPerson !== 'number' || !(c.demandPerTargetPerson > 0)) {
          fail(at('capacity.demandPerTargetPerson'), `must be a number > 0, got ${show(c.demandPerTargetPerson)}`, id);
        }
        if (typeof c.source !== 'string' || c.source.trim() === '') fail(at('capacity.source'), 'must cite where the value comes from', id);
        capacity = { unit: c.unit as CapacityUnit, demandPerTargetPerson: c.demandPerTargetPerson as number, source: c.source as string };
      }
      if (issues.length === before) {
        rules.push({
          category: row.category as FacilityCategory,
          level: row.level as ServiceLevel,
          maxDistanceMeters: row.maxDistanceMeters as number,
          targetPopulation: row.targetPopulation as TargetPopulation,
          priority: row.priority as number,
          source: row.source as string,
          ...(capacity ? { capacity } : {}),
        });
      }
    });
  }
  if (issues.length) throw new DataError(issues, `Invalid service-circle rules "${file}"`);
  return { walkSpeedMetersPerSecond: speed as number, bands, tiers, rules };
}

function parseBands(value: unknown, fail: (field: string, reason: string, id?: string) => void): ServiceBand[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('bands', `must be a non-empty list of {id, minutes, maxDistanceMeters, source}, got ${show(value)}`);
    return [];
  }
  const bands: ServiceBand[] = [];
  value.forEach((raw: unknown, i) => {
    const b = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
    const at = (field: string) => `bands[${i}].${field}`;
    const id = typeof b.id === 'string' && b.id !== '' ? b.id : undefined;
    if (!id) fail(at('id'), `must be a name such as "5min", got ${show(b.id)}`);
    if (typeof b.minutes !== 'number' || !(b.minutes > 0))
      fail(at('minutes'), `must be a number of minutes > 0, got ${show(b.minutes)}`, id);
    const meters = b.maxDistanceMeters;
    if (typeof meters !== 'number' || !(meters > 0 && meters <= 10000)) {
      fail(at('maxDistanceMeters'), `must be a number of metres in (0, 10000], got ${show(meters)}`, id);
    } else if (bands.length && meters <= bands[bands.length - 1].maxDistanceMeters) {
      fail(at('maxDistanceMeters'), 'must be farther than the band before it (nearest first)', id);
    }
    if (typeof b.source !== 'string' || b.source.trim() === '') fail(at('source'), 'must cite where the value comes from', id);
    bands.push({ id: id ?? '', minutes: b.minutes as number, maxDistanceMeters: meters as number, source: b.source as string });
  });
  return bands;
}

function parseTiers(value: unknown, fail: (field: string, reason: string, id?: string) => void): TierRule[] {
  const tiers: TierRule[] = [];
  if (!Array.isArray(value)) {
    fail('tiers', `must list the tiers (${SERVICE_TIERS.join(', ')}) with their levels, got ${show(value)}`);
    return tiers;
  }
  const claimed = new Set<unknown>();
  value.forEach((raw: unknown, i) => {
    const t = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
    const at = (field: string) => `tiers[${i}].${field}`;
    if (!(SERVICE_TIERS as readonly unknown[]).includes(t.id))
      fail(at('id'), `must be one of ${SERVICE_TIERS.join(', ')}, got ${show(t.id)}`);
    const levels = t.levels;
    if (!Array.isArray(levels) || !levels.every((l) => (SERVICE_LEVELS as readonly unknown[]).includes(l) && !claimed.has(l))) {
      fail(at('levels'), `must be a list of levels (${SERVICE_LEVELS.join(', ')}), each in one tier only, got ${show(levels)}`);
    } else {
      levels.forEach((l) => claimed.add(l));
    }
    if (typeof t.source !== 'string' || t.source.trim() === '') fail(at('source'), 'must cite where the value comes from');
    tiers.push({ id: t.id as ServiceTier, levels: (Array.isArray(levels) ? levels : []) as ServiceLevel[], source: t.source as string });
  });
  for (const level of SERVICE_LEVELS) if (!claimed.has(level)) fail('tiers', `level "${level}" is in no tier`);
  return tiers;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The bundled rules (GB 50180-2018 Appendix B values), validated once at load. */
export const DEFAULT_SERVICE_RULES: ServiceRuleSet = parseServiceRules(defaultRulesJson, 'rules.json');

/** The rule of a category, or undefined when the set has none. */
export function ruleFor(rules: ServiceRuleSet, category: FacilityCategory): ServiceRule | undefined {
  return rules.rules.find((r) => r.category === category);
}

/** The tier (街道 / 社区) a rule belongs to, by its level. */
export function tierOf(rules: Pick<ServiceRuleSet, 'tiers'>, rule: Pick<ServiceRule, 'level'>): ServiceTier {
  return rules.tiers.find((t) => t.levels.includes(rule.level))?.id ?? 'community';
}

/** Minutes a band's distance takes at a speed: 300 / 500 / 1,000 m at 1.0 m/s → 5 / 8.3 / 16.7 min. */
export function bandWalkMinutes(band: Pick<ServiceBand, 'maxDistanceMeters'>, walkSpeedMetersPerSecond: number): number {
  return band.maxDistanceMeters / walkSpeedMetersPerSecond / 60;
}
