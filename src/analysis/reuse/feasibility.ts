import type { CapacityUnit, FacilityCategory } from '../../core/model/types';
import { reuseRuleFor, type ReuseRule, type ReuseRuleSet, type SurveyCheck } from './reuseRules';

/**
 * Can a space host a facility? The checks of `reuseRules.json` on a space's floor area, floors,
 * ground-floor access and elevator: one category at a time, and the 嵌入式服务综合体 (hub) bundles.
 * Floors are assumed of equal area (areaM2 / floors each): without plans of the floors, that is
 * the best a block model (CIM2) can say.
 */
export interface CandidateSpace {
  /** Usable floor area of the whole space, m². */
  areaM2: number;
  /** Storeys of the space (≥ 1). */
  floors: number;
  /** A step-free entrance at grade; null when not recorded. */
  groundFloorAccess: boolean | null;
  hasElevator: boolean;
}

export interface CategoryFeasibility {
  category: FacilityCategory;
  ok: boolean;
  /** Why not, one line per failed check (e.g. "area 180 < 200 m²"); empty when ok. */
  reasons: string[];
  /** Floor area the facility may use: the floors allowed without an elevator, m². */
  usableAreaM2: number;
  /** Places (seats …) the usable area holds, when the rule gives a floor area per place; null when unknown. */
  capacity: { unit: CapacityUnit; count: number } | null;
  /**
   * What a survey must confirm before the conversion can be planned ("needs site and sunlight
   * check"): a kindergarten of ≥ 4 classes needs its own site and sunlight. Empty when nothing.
   */
  surveyChecks: SurveyCheck[];
}

export interface HubFeasibility {
  ok: boolean;
  reasons: string[];
  /** Categories that appear in at least one valid bundle. */
  categories: FacilityCategory[];
  /** Every valid bundle (≥ minFunctions categories, ≥ minCoreFunctions of the core ones, fitting together). */
  bundles: FacilityCategory[][];
}

const m2 = (x: number) => `${Math.round(x * 10) / 10}`;

/** Floor area on the floors a rule allows: all of it with an elevator or without a limit. */
export function usableAreaM2(space: CandidateSpace, maxFloorWithoutElevator: number | null): number {
  if (maxFloorWithoutElevator === null || space.hasElevator || space.floors <= maxFloorWithoutElevator) return space.areaM2;
  return (space.areaM2 / space.floors) * maxFloorWithoutElevator;
}

/** Checks one category's rule on a space. */
export function checkCategory(space: CandidateSpace, rule: ReuseRule): CategoryFeasibility {
  const reasons: string[] = [];
  if (rule.groundFloorRequired && space.groundFloorAccess === false) reasons.push('no ground-floor access');
  if (rule.groundFloorRequired && space.groundFloorAccess === null) reasons.push('ground-floor access not recorded');
  const usable = usableAreaM2(space, rule.maxFloorWithoutElevator);
  if (rule.minFloorAreaM2 !== null && usable < rule.minFloorAreaM2) {
    const limited = usable < space.areaM2;
    reasons.push(
      limited
        ? `area on floors ≤ ${rule.maxFloorWithoutElevator} (no elevator) ${m2(usable)} < ${rule.minFloorAreaM2} m²`
        : `area ${m2(usable)} < ${rule.minFloorAreaM2} m²`,
    );
  }
  const capacity = rule.capacity ? { unit: rule.capacity.unit, count: Math.floor(usable / rule.capacity.floorAreaM2PerUnit) } : null;
  const survey = rule.surveyChecks;
  // Classes from the places the area holds; without a capacity rule, the check applies whenever the rule has one.
  const classes = capacity && survey ? Math.floor(capacity.count / survey.placesPerClass) : Infinity;
  return {
    category: rule.category,
    ok: reasons.length === 0,
    reasons,
    usableAreaM2: usable,
    capacity,
    surveyChecks: survey && classes >= survey.minClasses ? survey.checks.slice() : [],
  };
}

/** Checks every category of the rule set on a space, in rule order. */
export function checkCategories(space: CandidateSpace, rules: Pick<ReuseRuleSet, 'rules'>): CategoryFeasibility[] {
  return rules.rules.map((rule) => checkCategory(space, rule));
}

/**
 * Whether the functions of a bundle fit in one space together, or why not. Their minimum floor
 * areas must fit in the whole space, and those limited to the floors ≤ L must fit on those floors,
 * for every limit L (with nested floor sets this is also sufficient: fill the lowest floors with
 * the most limited functions first) [C].
 */
export function bundleFitProblem(space: CandidateSpace, bundle: readonly ReuseRule[]): string | null {
  const min = (r: ReuseRule) => r.minFloorAreaM2 ?? 0;
  const total = bundle.reduce((s, r) => s + min(r), 0);
  if (total > space.areaM2) return `the minimum floor areas add up to ${m2(total)} > ${m2(space.areaM2)} m²`;
  const limits = [...new Set(bundle.map((r) => r.maxFloorWithoutElevator).filter((l): l is number => l !== null))].sort((a, b) => a - b);
  for (const limit of limits) {
    const need = bundle
      .filter((r) => r.maxFloorWithoutElevator !== null && r.maxFloorWithoutElevator <= limit)
      .reduce((s, r) => s + min(r), 0);
    const available = usableAreaM2(space, limit);
    if (need > available) return `functions limited to floors ≤ ${limit} need ${m2(need)} > ${m2(available)} m² there`;
  }
  return null;
}

/** Most categories a hub bundle is searched over (2^n subsets); the bundled rules have 9. */
const MAX_HUB_CATEGORIES = 16;

/**
 * The 嵌入式服务综合体 check: area ≥ hub.minFloorAreaM2, and some bundle of ≥ minFunctions
 * individually feasible categories, ≥ minCoreFunctions of them core (养老/托育/助餐), fitting together.
 */
export function checkHub(space: CandidateSpace, feasible: readonly CategoryFeasibility[], rules: ReuseRuleSet): HubFeasibility {
  const { hub } = rules;
  const reasons: string[] = [];
  if (space.areaM2 < hub.minFloorAreaM2) reasons.push(`area ${m2(space.areaM2)} < ${hub.minFloorAreaM2} m²`);
  const ok = feasible.filter((f) => f.ok).map((f) => f.category);
  const core = ok.filter((c) => hub.coreCategories.includes(c));
  if (core.length < hub.minCoreFunctions) {
    reasons.push(
      `${core.length} of the core functions (${hub.coreCategories.join(', ')}) fit on their own; a hub needs ${hub.minCoreFunctions}`,
    );
  }
  if (ok.length < hub.minFunctions) reasons.push(`${ok.length} functions fit on their own; a hub needs ${hub.minFunctions}`);
  if (reasons.length) return { ok: false, reasons, categories: [], bundles: [] };

  const considered = ok.slice(0, MAX_HUB_CATEGORIES);
  const ruleOf = new Map(considered.map((c) => [c, reuseRuleFor(rules, c)!]));
  const bundles: FacilityCategory[][] = [];
  let firstProblem: string | null = null;
  for (let mask = 1; mask < 1 << considered.length; mask++) {
    const bundle = considered.filter((_, i) => mask & (1 << i));
    if (bundle.length < hub.minFunctions) continue;
    if (bundle.filter((c) => hub.coreCategories.includes(c)).length < hub.minCoreFunctions) continue;
    const problem = bundleFitProblem(
      space,
      bundle.map((c) => ruleOf.get(c)!),
    );
    if (problem) firstProblem ??= problem;
    else bundles.push(bundle);
  }
  if (!bundles.length)
    return {
      ok: false,
      reasons: [`no bundle fits: ${firstProblem ?? 'no combination of functions qualifies'}`],
      categories: [],
      bundles: [],
    };
  const inSome = new Set(bundles.flat());
  return { ok: true, reasons: [], categories: considered.filter((c) => inSome.has(c)), bundles };
}
