import { DeveloperError } from '../../core/errors';
import type { FacilityCategory, LonLat } from '../../core/model/types';
import { coverageOf, type CategoryCoverage, type ServiceCoverage } from '../service-circles/computeServiceCoverage';
import type { TargetPopulation } from '../service-circles/rules';
import type { ReuseCandidate } from './reuseCandidates';
import { DEFAULT_REUSE_RULES, type ReuseRuleSet } from './reuseRules';
import { walkFromEachPoint, type PointWalk, type PointWalkOptions } from './walkFromPoint';

/**
 * Which N conversions to make first: greedy maximal coverage (R. L. Church and C. ReVelle, "The
 * maximal covering location problem", Papers of the Regional Science Association 32, 1974; the
 * greedy pick per step is the usual heuristic, within 1 − 1/e of the optimum for this monotone
 * submodular objective: G. L. Nemhauser, L. A. Wolsey and M. L. Fisher, Math. Programming 14, 1978).
 *
 * The existing facilities stay; each candidate is converted at most once, to one category or, where
 * the 嵌入式服务综合体 rule allows, to a hub bundle of several (one conversion either way). The objective
 * is the weighted number of target residents newly within the rule's distance, weights by target
 * population from the reuse rules (一老一小 weighted up); a category whose target population is unknown
 * counts homes (counted buildings) instead. Each step takes the conversion of largest marginal gain
 * given the earlier picks, and says what it adds.
 */
export interface ReusePlanOptions extends Omit<PointWalkOptions, 'workspace'> {
  /** Number of conversions (an integer ≥ 0). */
  budget: number;
  reuseRules?: ReuseRuleSet;
  /** The walk from each candidate by id, when already computed (walkFromEachPoint). */
  walks?: ReadonlyMap<string, PointWalk>;
  /** Consider hub bundles; default true. */
  hubs?: boolean;
}

export interface PlanCategoryGain {
  category: FacilityCategory;
  targetPopulation: TargetPopulation;
  weight: number;
  /** Target residents newly within the rule's distance; null when the population is unknown. */
  targetPopulationNewlyCovered: number | null;
  /** Counted buildings (homes) newly within the rule's distance. */
  buildingsNewlyCovered: number;
  newlyCoveredBuildings: number[];
  newlyCoveredBuildingIds: string[];
  /** weight × (targetPopulationNewlyCovered ?? buildingsNewlyCovered). */
  weightedGain: number;
}

export interface ReusePlanPick {
  /** 1-based order of the pick. */
  step: number;
  candidateId: string;
  candidateName?: string;
  position: LonLat;
  /** A 嵌入式服务综合体 hosting several categories. */
  hub: boolean;
  categories: PlanCategoryGain[];
  /** The marginal gain of this pick given the earlier ones. */
  weightedGain: number;
}

export interface ReusePlan {
  budget: number;
  picks: ReusePlanPick[];
  totalWeightedGain: number;
  /** Per category picked: the plan's total newly covered (each resident once, however many picks cover them). */
  byCategory: {
    category: FacilityCategory;
    targetPopulation: TargetPopulation;
    targetPopulationNewlyCovered: number | null;
    buildingsNewlyCovered: number;
  }[];
  /** Why fewer picks than the budget; null when the budget is used. */
  stoppedEarly: string | null;
  targetWeights: Record<TargetPopulation, number>;
  targetWeightsSource: string;
}

interface Option {
  candidate: number;
  hub: boolean;
  categories: PlanCategoryGain[];
  weightedGain: number;
  buildings: number;
}

const EPSILON = 1e-9;

export function suggestReusePlan(coverage: ServiceCoverage, candidates: readonly ReuseCandidate[], options: ReusePlanOptions): ReusePlan {
  const { budget } = options;
  if (!(Number.isInteger(budget) && budget >= 0)) throw new DeveloperError(`budget must be an integer ≥ 0, got ${budget}`);
  const rules = options.reuseRules ?? DEFAULT_REUSE_RULES;
  const useHubs = options.hubs ?? true;
  const walks = options.walks ?? walkFromEachPoint(coverage, candidates, options);
  const current = new Map<FacilityCategory, Float64Array>();
  const categoryCoverage = (category: FacilityCategory) => coverageOf(coverage, category);
  const currentOf = (c: CategoryCoverage) => {
    let a = current.get(c.category);
    if (!a) current.set(c.category, (a = c.walkDistanceMeters.slice()));
    return a;
  };

  const gainOf = (c: CategoryCoverage, walk: Float64Array): PlanCategoryGain => {
    const before = currentOf(c);
    const threshold = c.rule.maxDistanceMeters;
    const population = coverage.population[c.rule.targetPopulation];
    const newly: number[] = [];
    let people = 0;
    for (let b = 0; b < walk.length; b++) {
      if (!(walk[b] <= threshold) || before[b] <= threshold) continue;
      if (coverage.countedBuildings[b]) newly.push(b);
      if (population) people += population[b];
    }
    const weight = rules.targetWeights[c.rule.targetPopulation];
    return {
      category: c.category,
      targetPopulation: c.rule.targetPopulation,
      weight,
      targetPopulationNewlyCovered: population ? people : null,
      buildingsNewlyCovered: newly.length,
      newlyCoveredBuildings: newly,
      newlyCoveredBuildingIds: newly.map((b) => coverage.buildingIds?.[b] ?? String(b)),
      weightedGain: weight * (population ? people : newly.length),
    };
  };

  const better = (a: Option, b: Option | null) =>
    !b || a.weightedGain > b.weightedGain + EPSILON || (Math.abs(a.weightedGain - b.weightedGain) <= EPSILON && a.buildings > b.buildings);

  const bestOptionAt = (i: number): Option | null => {
    const candidate = candidates[i];
    const walk = walks.get(candidate.id);
    if (!walk) throw new DeveloperError(`no walk for candidate "${candidate.id}"`);
    const gains = new Map<FacilityCategory, PlanCategoryGain>();
    for (const f of candidate.feasible) {
      const c = f.ok ? categoryCoverage(f.category) : undefined;
      if (c) gains.set(f.category, gainOf(c, walk.walkDistanceMeters));
    }
    let best: Option | null = null;
    for (const g of gains.values()) {
      const option = { candidate: i, hub: false, categories: [g], weightedGain: g.weightedGain, buildings: g.buildingsNewlyCovered };
      if (better(option, best)) best = option;
    }
    if (useHubs && candidate.hub.ok) {
      for (const bundle of candidate.hub.bundles) {
        if (!bundle.every((c) => gains.has(c))) continue;
        const categories = bundle.map((c) => gains.get(c)!);
        const option = {
          candidate: i,
          hub: true,
          categories,
          weightedGain: categories.reduce((s, g) => s + g.weightedGain, 0),
          buildings: categories.reduce((s, g) => s + g.buildingsNewlyCovered, 0),
        };
        // A hub only where it adds more than the best single function of the same place.
        if (option.weightedGain > (best?.weightedGain ?? 0) + EPSILON) best = option;
      }
    }
    return best;
  };

  const used = new Set<number>();
  const picks: ReusePlanPick[] = [];
  let stoppedEarly: string | null = null;
  for (let step = 1; step <= budget; step++) {
    let best: Option | null = null;
    for (let i = 0; i < candidates.length; i++) {
      if (used.has(i)) continue;
      const option = bestOptionAt(i);
      if (option && better(option, best)) best = option;
    }
    if (!best || best.weightedGain <= EPSILON) {
      stoppedEarly = used.size === candidates.length ? 'every candidate is used' : 'no remaining conversion covers anyone new';
      break;
    }
    used.add(best.candidate);
    const candidate = candidates[best.candidate];
    const walk = walks.get(candidate.id)!.walkDistanceMeters;
    for (const g of best.categories) {
      const a = currentOf(categoryCoverage(g.category)!);
      for (let b = 0; b < a.length; b++) if (walk[b] < a[b]) a[b] = walk[b];
    }
    picks.push({
      step,
      candidateId: candidate.id,
      ...(candidate.name !== undefined ? { candidateName: candidate.name } : {}),
      position: candidate.position,
      hub: best.hub,
      categories: best.categories,
      weightedGain: best.weightedGain,
    });
  }

  return {
    budget,
    picks,
    totalWeightedGain: picks.reduce((s, p) => s + p.weightedGain, 0),
    byCategory: byCategory(picks),
    stoppedEarly,
    targetWeights: rules.targetWeights,
    targetWeightsSource: rules.targetWeightsSource,
  };
}

/** Marginal gains of one category add up to the plan's total for it: each pick counts only the newly covered. */
function byCategory(picks: readonly ReusePlanPick[]): ReusePlan['byCategory'] {
  const out = new Map<FacilityCategory, ReusePlan['byCategory'][number]>();
  for (const g of picks.flatMap((p) => p.categories)) {
    const row = out.get(g.category) ?? {
      category: g.category,
      targetPopulation: g.targetPopulation,
      targetPopulationNewlyCovered: g.targetPopulationNewlyCovered === null ? null : 0,
      buildingsNewlyCovered: 0,
    };
    if (row.targetPopulationNewlyCovered !== null && g.targetPopulationNewlyCovered !== null)
      row.targetPopulationNewlyCovered += g.targetPopulationNewlyCovered;
    row.buildingsNewlyCovered += g.buildingsNewlyCovered;
    out.set(g.category, row);
  }
  return [...out.values()];
}
