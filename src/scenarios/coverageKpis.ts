import { coverageOf, type CategoryCoverage, type ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import { DEFAULT_SERVICE_RULES, ruleFor, type TargetPopulation } from '../analysis/service-circles/rules';
import type { FacilityCategory, LocalizedText } from '../core/model/types';
import { evidence, PENDING_NOTE, unavailableKpi, valueKpi, type KpiDraft } from './kpi';
import type { ScenarioContext } from './types';

/**
 * KPIs read from the service circles (analysis/service-circles): which share of a target population
 * lives within the rule's walk of a facility category. Null coverage (the worker still running) gives
 * 'pending'; a category or population the run did not compute gives 'no-data'.
 */

/** Building ids in the coverage's index order. */
export function coverageBuildingIds(ctx: ScenarioContext, coverage: ServiceCoverage): string[] {
  return coverage.buildingIds ?? ctx.community.buildings.map((b) => b.id);
}

export interface PopulationReach {
  category: CategoryCoverage;
  /** The walk that counts as served, metres (the rule's, user overrides included). */
  maxMeters: number;
  within: number;
  total: number;
  /** Buildings with target residents beyond the walk, longest walk first (unreachable first of all). */
  uncoveredBuildings: number[];
}

/**
 * Target residents within `maxMeters` (default the category rule's distance) of the nearest facility.
 * Null when the category was not computed or the target's population is unknown.
 */
export function populationReach(
  coverage: ServiceCoverage,
  category: FacilityCategory,
  target: TargetPopulation,
  maxMeters?: number,
): PopulationReach | null {
  const c = coverageOf(coverage, category);
  const population = coverage.population[target];
  if (!c || !population) return null;
  const limit = maxMeters ?? c.rule.maxDistanceMeters;
  let within = 0;
  let total = 0;
  const uncovered: number[] = [];
  for (let b = 0; b < population.length; b++) {
    const p = population[b];
    if (!(p > 0)) continue;
    total += p;
    if (c.walkDistanceMeters[b] <= limit) within += p;
    else uncovered.push(b);
  }
  uncovered.sort((p, q) => c.walkDistanceMeters[q] - c.walkDistanceMeters[p] || p - q);
  return { category: c, maxMeters: limit, within, total, uncoveredBuildings: uncovered };
}

export interface CoverageShareSpec {
  id: string;
  category: FacilityCategory;
  target: TargetPopulation;
  /** Who, e.g. {zh: '60岁以上老人', en: 'Residents aged 60+'}. */
  who: LocalizedText;
  /** What, e.g. {zh: '日间照料中心', en: 'day care'}. */
  what: LocalizedText;
  /** Walk that counts; default the category rule's distance. */
  maxMeters?: number;
}

/** Label with the distance actually used, e.g. "Residents aged 60+ within 300 m walk of day care". */
function labelOf(spec: CoverageShareSpec, meters: number | null): LocalizedText {
  if (meters === null)
    return { zh: `${spec.who.zh}步行可达${spec.what.zh}的比例`, en: `${spec.who.en} within walking reach of ${spec.what.en}` };
  const d = Math.round(meters);
  return { zh: `${spec.who.zh}步行${d}米内可达${spec.what.zh}的比例`, en: `${spec.who.en} within ${d} m walk of ${spec.what.en}` };
}

/** Share of the target population within the walk; evidence = homes beyond it and the facilities. */
export function coverageShareKpi(ctx: ScenarioContext, spec: CoverageShareSpec): KpiDraft {
  // Until the circles are in, label with the bundled rule's walk (the run may use the user's override).
  const ruleMeters = spec.maxMeters ?? ruleFor(DEFAULT_SERVICE_RULES, spec.category)?.maxDistanceMeters ?? null;
  if (!ctx.coverage)
    return unavailableKpi({ id: spec.id, label: labelOf(spec, ruleMeters), unit: 'share', display: 'percent' }, 'pending', PENDING_NOTE);
  const reach = populationReach(ctx.coverage, spec.category, spec.target, spec.maxMeters);
  if (!reach) {
    const head = { id: spec.id, label: labelOf(spec, ruleMeters), unit: 'share' as const, display: 'percent' as const };
    return unavailableKpi(head, 'no-data', {
      zh: '服务圈分析未包含该类设施或人群',
      en: 'The service-circle run did not include this category or population',
    });
  }
  const head = { id: spec.id, label: labelOf(spec, reach.maxMeters), unit: 'share' as const, display: 'percent' as const };
  const ids = coverageBuildingIds(ctx, ctx.coverage);
  const facilityIds = facilityIdsOf(ctx, reach.category);
  const missing = reach.category.attachedFacilityCount === 0;
  const d = Math.round(reach.maxMeters);
  const n = reach.uncoveredBuildings.length;
  const reason: LocalizedText = missing
    ? { zh: `数据中没有（或未接入步行网络的）${spec.what.zh}`, en: `No facility of this kind on the walking network (${spec.what.en})` }
    : { zh: `${n} 幢建筑中有${spec.who.zh}超出 ${d} 米`, en: `${n} buildings house ${spec.who.en.toLowerCase()} beyond ${d} m` };
  return valueKpi(
    head,
    reach.within / reach.total,
    evidence(
      reason,
      reach.uncoveredBuildings.map((b) => ids[b]),
      facilityIds,
    ),
  );
}

export function facilityIdsOf(ctx: ScenarioContext, c: CategoryCoverage): string[] {
  const ids = ctx.coverage?.facilityIds;
  return Array.from(c.facilityIndices, (f) => ids?.[f] ?? ctx.community.facilities[f]?.id).filter((id): id is string => id !== undefined);
}
