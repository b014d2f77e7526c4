import { DataError, type DataIssue } from '../../core/errors';
import { CAPACITY_UNITS, FACILITY_CATEGORIES, type CapacityUnit, type Community, type FacilityCategory } from '../../core/model/types';
import { TARGET_POPULATIONS, type TargetPopulation } from '../service-circles/rules';
import defaultReuseRulesJson from './reuseRules.json';

/**
 * Reuse rules: what a candidate space must offer to host each kind of community facility (floor
 * area, step-free ground-floor access, the floors it may use without an elevator), the 嵌入式服务综合体
 * (embedded service hub) that bundles several functions, and the weights of the plan's objective.
 * The values live in `reuseRules.json` with a source per row (完整居住社区建设标准 items 1–6 and 14, the
 * 嵌入式服务设施建设导则); they are configurable data, not constants.
 */

export interface ReuseCapacityRule {
  unit: CapacityUnit;
  /** Floor area per place (seat, bed …), m²: places = ⌊usable floor area / this⌋. */
  floorAreaM2PerUnit: number;
  source: string;
}

/** What a block model cannot check and a survey must: an own site (独立占地), sunlight on 冬至日. */
export const SURVEY_CHECKS = ['own-site', 'sunlight'] as const;
export type SurveyCheck = (typeof SURVEY_CHECKS)[number];

/** A kindergarten of ≥ minClasses classes (places ÷ placesPerClass) needs its own site and sunlight. */
export interface SurveyCheckRule {
  minClasses: number;
  placesPerClass: number;
  checks: SurveyCheck[];
  source: string;
}

export interface ReuseRule {
  category: FacilityCategory;
  /**
   * Smallest floor area of the facility, m²; null when our sources give none (only access is checked).
   * With `minFloorAreaM2Per100Households`, the larger of the two once resolved for a community.
   */
  minFloorAreaM2: number | null;
  /** Smallest floor area per 100 households of the community (社区综合服务站: 30 m²). */
  minFloorAreaM2Per100Households?: number;
  /** Conversions that need a survey before they can be planned. */
  surveyChecks?: SurveyCheckRule;
  /** Needs a step-free entrance at grade. */
  groundFloorRequired: boolean;
  /** Without an elevator only floors 1 … this count towards the area; null = any floor. */
  maxFloorWithoutElevator: number | null;
  source: string;
  /** How many places a floor area holds; absent = capacity unknown. */
  capacity?: ReuseCapacityRule;
}

/** 社区嵌入式服务综合体: one candidate hosting a bundle of functions. */
export interface HubRule {
  minFloorAreaM2: number;
  preferredFloorAreaM2: number;
  minFunctions: number;
  /** 养老 / 托育 / 助餐: the functions of which the hub needs at least minCoreFunctions. */
  coreCategories: FacilityCategory[];
  minCoreFunctions: number;
  source: string;
}

export interface ReuseRuleSet {
  rules: ReuseRule[];
  hub: HubRule;
  /** Weight of a newly covered resident in the plan's objective, by target population. */
  targetWeights: Record<TargetPopulation, number>;
  targetWeightsSource: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCategory = (v: unknown): v is FacilityCategory => (FACILITY_CATEGORIES as readonly unknown[]).includes(v);
const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * Validates a reuse rule set (e.g. a user's edited `reuseRules.json`), naming the row and field of
 * each problem. Throws a DataError listing every problem found.
 */
export function parseReuseRules(json: unknown, file = 'reuseRules.json'): ReuseRuleSet {
  const issues: DataIssue[] = [];
  const fail = (field: string, reason: string, id?: string) => issues.push({ file, ...(id ? { id } : {}), field, reason });
  const root = isObject(json) ? json : {};
  if (root !== json) issues.push({ file, reason: 'must be a JSON object with "rules", "hub" and "targetWeights"' });

  const rules: ReuseRule[] = [];
  if (!Array.isArray(root.rules)) {
    fail('rules', 'must be a list of rules');
  } else {
    const seen = new Set<string>();
    root.rules.forEach((value: unknown, i: number) => {
      const at = (field: string) => `rules[${i}].${field}`;
      const row = isObject(value) ? value : {};
      const id = typeof row.category === 'string' ? row.category : undefined;
      const before = issues.length;
      if (row !== value) fail(`rules[${i}]`, 'must be an object');
      if (!isCategory(row.category))
        fail(at('category'), `must be one of ${FACILITY_CATEGORIES.join(', ')}, got ${show(row.category)}`, id);
      else if (seen.has(row.category)) fail(at('category'), 'has a rule already; one rule per category', id);
      else seen.add(row.category);
      if (
        row.minFloorAreaM2 !== null &&
        !(typeof row.minFloorAreaM2 === 'number' && row.minFloorAreaM2 > 0 && row.minFloorAreaM2 <= 100000)
      ) {
        fail(
          at('minFloorAreaM2'),
          `must be a number of m² in (0, 100000], or null when no minimum is known, got ${show(row.minFloorAreaM2)}`,
          id,
        );
      }
      if (typeof row.groundFloorRequired !== 'boolean')
        fail(at('groundFloorRequired'), `must be true or false, got ${show(row.groundFloorRequired)}`, id);
      const maxFloor = row.maxFloorWithoutElevator;
      if (maxFloor !== null && !(typeof maxFloor === 'number' && Number.isInteger(maxFloor) && maxFloor >= 1)) {
        fail(at('maxFloorWithoutElevator'), `must be an integer floor ≥ 1, or null for any floor, got ${show(maxFloor)}`, id);
      }
      if (!hasText(row.source)) fail(at('source'), 'must cite where the value comes from', id);
      const per100 = row.minFloorAreaM2Per100Households;
      if (per100 !== undefined && !(typeof per100 === 'number' && per100 > 0 && per100 <= 1000))
        fail(at('minFloorAreaM2Per100Households'), `must be a number of m² in (0, 1000], got ${show(per100)}`, id);
      let surveyChecks: SurveyCheckRule | undefined;
      if (row.surveyChecks !== undefined) {
        const c = isObject(row.surveyChecks) ? row.surveyChecks : {};
        for (const field of ['minClasses', 'placesPerClass'])
          if (!(typeof c[field] === 'number' && Number.isInteger(c[field]) && (c[field] as number) >= 1))
            fail(at(`surveyChecks.${field}`), `must be an integer ≥ 1, got ${show(c[field])}`, id);
        if (!Array.isArray(c.checks) || !c.checks.length || !c.checks.every((x) => (SURVEY_CHECKS as readonly unknown[]).includes(x)))
          fail(at('surveyChecks.checks'), `must be a non-empty list of ${SURVEY_CHECKS.join(', ')}, got ${show(c.checks)}`, id);
        if (!hasText(c.source)) fail(at('surveyChecks.source'), 'must cite where the value comes from', id);
        surveyChecks = {
          minClasses: c.minClasses as number,
          placesPerClass: c.placesPerClass as number,
          checks: c.checks as SurveyCheck[],
          source: c.source as string,
        };
      }
      let capacity: ReuseCapacityRule | undefined;
      if (row.capacity !== undefined) {
        const c = isObject(row.capacity) ? row.capacity : {};
        if (!(CAPACITY_UNITS as readonly unknown[]).includes(c.unit))
          fail(at('capacity.unit'), `must be one of ${CAPACITY_UNITS.join(', ')}, got ${show(c.unit)}`, id);
        if (!(typeof c.floorAreaM2PerUnit === 'number' && c.floorAreaM2PerUnit > 0)) {
          fail(at('capacity.floorAreaM2PerUnit'), `must be a number of m² > 0, got ${show(c.floorAreaM2PerUnit)}`, id);
        }
        if (!hasText(c.source)) fail(at('capacity.source'), 'must cite where the value comes from', id);
        capacity = { unit: c.unit as CapacityUnit, floorAreaM2PerUnit: c.floorAreaM2PerUnit as number, source: c.source as string };
      }
      if (issues.length === before) {
        rules.push({
          category: row.category as FacilityCategory,
          minFloorAreaM2: row.minFloorAreaM2 as number | null,
          groundFloorRequired: row.groundFloorRequired as boolean,
          maxFloorWithoutElevator: maxFloor as number | null,
          source: row.source as string,
          ...(per100 !== undefined ? { minFloorAreaM2Per100Households: per100 as number } : {}),
          ...(surveyChecks ? { surveyChecks } : {}),
          ...(capacity ? { capacity } : {}),
        });
      }
    });
  }

  const hub = parseHub(root.hub, fail);
  const weights = isObject(root.targetWeights) ? root.targetWeights : {};
  if (weights !== root.targetWeights)
    fail('targetWeights', `must be an object of weights by target population (${TARGET_POPULATIONS.join(', ')})`);
  const targetWeights = {} as Record<TargetPopulation, number>;
  for (const target of TARGET_POPULATIONS) {
    const w = weights[target];
    if (!(typeof w === 'number' && w >= 0 && w <= 100)) fail(`targetWeights.${target}`, `must be a number in [0, 100], got ${show(w)}`);
    targetWeights[target] = w as number;
  }
  for (const key of Object.keys(weights))
    if (!(TARGET_POPULATIONS as readonly string[]).includes(key))
      fail(`targetWeights.${key}`, `is not a target population (${TARGET_POPULATIONS.join(', ')})`);
  if (!hasText(root.targetWeightsSource)) fail('targetWeightsSource', 'must say where the weights come from');

  if (issues.length) throw new DataError(issues, `Invalid reuse rules "${file}"`);
  return { rules, hub: hub!, targetWeights, targetWeightsSource: root.targetWeightsSource as string };
}

function parseHub(value: unknown, fail: (field: string, reason: string) => void): HubRule | undefined {
  const h = isObject(value) ? value : {};
  if (h !== value) {
    fail('hub', 'must be an object');
    return undefined;
  }
  const positive = (field: string) => {
    const x = h[field];
    if (!(typeof x === 'number' && x > 0)) fail(`hub.${field}`, `must be a number > 0, got ${show(x)}`);
    return x as number;
  };
  const count = (field: string) => {
    const x = h[field];
    if (!(typeof x === 'number' && Number.isInteger(x) && x >= 1)) fail(`hub.${field}`, `must be an integer ≥ 1, got ${show(x)}`);
    return x as number;
  };
  const hub: HubRule = {
    minFloorAreaM2: positive('minFloorAreaM2'),
    preferredFloorAreaM2: positive('preferredFloorAreaM2'),
    minFunctions: count('minFunctions'),
    coreCategories: Array.isArray(h.coreCategories) ? (h.coreCategories as FacilityCategory[]) : [],
    minCoreFunctions: count('minCoreFunctions'),
    source: h.source as string,
  };
  if (!Array.isArray(h.coreCategories) || h.coreCategories.length === 0 || !h.coreCategories.every(isCategory)) {
    fail('hub.coreCategories', `must be a non-empty list of facility categories, got ${show(h.coreCategories)}`);
  } else if (hub.minCoreFunctions > hub.coreCategories.length) {
    fail('hub.minCoreFunctions', `asks for ${hub.minCoreFunctions} core functions of only ${hub.coreCategories.length}`);
  } else if (hub.minCoreFunctions > hub.minFunctions) {
    fail('hub.minCoreFunctions', `must not exceed hub.minFunctions (${hub.minFunctions})`);
  }
  if (!hasText(h.source)) fail('hub.source', 'must cite where the value comes from');
  return hub;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The bundled rules (完整居住社区建设标准 and 嵌入式服务设施建设导则 values), validated once at load. */
export const DEFAULT_REUSE_RULES: ReuseRuleSet = parseReuseRules(defaultReuseRulesJson, 'reuseRules.json');

/** Households of a community for the per-household areas: its occupied residential houses. */
export function householdsOf(community: Pick<Community, 'houses'>): number {
  return community.houses.filter((h) => h.use === 'residential' && h.occupancy !== 'vacant').length;
}

/**
 * The rules for one community: areas given per 100 households become floor areas (30 m² per 100 of
 * 3,000 households → 900 m²), the larger of that and any fixed minimum. Other rows are unchanged.
 */
export function resolveReuseRules<T extends Pick<ReuseRuleSet, 'rules'>>(rules: T, households: number): T {
  return {
    ...rules,
    rules: rules.rules.map((r) =>
      r.minFloorAreaM2Per100Households === undefined
        ? r
        : { ...r, minFloorAreaM2: Math.max(r.minFloorAreaM2 ?? 0, Math.round((r.minFloorAreaM2Per100Households * households) / 100)) },
    ),
  };
}

/** The reuse rule of a category, or undefined when the set has none (the category cannot be hosted). */
export function reuseRuleFor(rules: Pick<ReuseRuleSet, 'rules'>, category: FacilityCategory): ReuseRule | undefined {
  return rules.rules.find((r) => r.category === category);
}
