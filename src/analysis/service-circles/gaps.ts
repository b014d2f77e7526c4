import type { FacilityCategory } from '../../core/model/types';
import type { CategoryCoverage, ServiceCoverage } from './computeServiceCoverage';
import type { ServiceRule, TargetPopulation } from './rules';

/**
 * The gap list (补短板): which service is missing or too far, for whom, and where it hurts most.
 *
 * Order: rule priority first (1 = 一老一小, which 浙政办发〔2023〕4号 puts first), then the target
 * residents left uncovered (more first), then uncovered buildings, then the vocabulary order.
 * A category with no facility at all is always a gap, with all its target residents uncovered.
 */
export interface ServiceGap {
  category: FacilityCategory;
  rule: ServiceRule;
  priority: number;
  /** No facility of this category exists (or none is on the network). */
  missing: boolean;
  targetPopulation: TargetPopulation;
  targetPopulationTotal: number | null;
  /** Target residents beyond the rule's distance; null when population is unknown. */
  uncoveredTargetPopulation: number | null;
  /** Counted buildings beyond the rule's distance (or unreachable). */
  uncoveredBuildings: number;
  buildingsCounted: number;
  shareBuildingsWithinThreshold: number | null;
  /** The worst-served buildings, longest walk first (unreachable first of all). */
  worstBuildings: WorstBuilding[];
}

export interface WorstBuilding {
  building: number;
  buildingId?: string;
  /** Infinity when unreachable. */
  walkDistanceMeters: number;
  walkSeconds: number;
  /** Target residents of the building; null when unknown. */
  targetPopulation: number | null;
  reason: 'no-facility' | 'unreachable' | 'beyond-threshold';
}

export interface GapOptions {
  /** How many worst-served buildings to list per category; default 5. */
  worstBuildings?: number;
}

export function rankServiceGaps(coverage: ServiceCoverage, options: GapOptions = {}): ServiceGap[] {
  const limit = options.worstBuildings ?? 5;
  const gaps: ServiceGap[] = [];
  for (const c of coverage.categories) {
    const gap = gapOf(coverage, c, limit);
    if (gap) gaps.push(gap);
  }
  const order = new Map(coverage.categories.map((c, i) => [c.category, i]));
  return gaps.sort(
    (p, q) =>
      p.priority - q.priority ||
      (q.uncoveredTargetPopulation ?? -1) - (p.uncoveredTargetPopulation ?? -1) ||
      q.uncoveredBuildings - p.uncoveredBuildings ||
      order.get(p.category)! - order.get(q.category)!,
  );
}

function gapOf(coverage: ServiceCoverage, c: CategoryCoverage, limit: number): ServiceGap | null {
  const s = c.summary;
  const missing = c.attachedFacilityCount === 0;
  const uncoveredBuildings = s.buildingsCounted - s.buildingsWithinThreshold;
  const hasGap = missing || (s.uncoveredTargetPopulation !== null ? s.uncoveredTargetPopulation > 0 : uncoveredBuildings > 0);
  if (!hasGap) return null;

  // Worst served: counted buildings beyond the threshold; where population is known, only those
  // where somebody of the target population lives (a far building with no child is no school gap).
  const population = coverage.population[c.rule.targetPopulation];
  const candidates: number[] = [];
  for (let b = 0; b < coverage.buildings.count; b++) {
    if (!coverage.countedBuildings[b] || c.walkDistanceMeters[b] <= c.rule.maxDistanceMeters) continue;
    if (population && !(population[b] > 0)) continue;
    candidates.push(b);
  }
  candidates.sort((p, q) => {
    const dp = c.walkDistanceMeters[p];
    const dq = c.walkDistanceMeters[q];
    if (dp !== dq) return dp === Infinity ? -1 : dq === Infinity ? 1 : dq - dp;
    return population ? population[q] - population[p] || p - q : p - q;
  });
  const worstBuildings: WorstBuilding[] = candidates.slice(0, limit).map((b) => ({
    building: b,
    ...(coverage.buildingIds ? { buildingId: coverage.buildingIds[b] } : {}),
    walkDistanceMeters: c.walkDistanceMeters[b],
    walkSeconds: c.walkSeconds[b],
    targetPopulation: population ? population[b] : null,
    reason: missing ? 'no-facility' : c.walkDistanceMeters[b] === Infinity ? 'unreachable' : 'beyond-threshold',
  }));
  return {
    category: c.category,
    rule: c.rule,
    priority: c.rule.priority,
    missing,
    targetPopulation: c.rule.targetPopulation,
    targetPopulationTotal: s.targetPopulationTotal,
    uncoveredTargetPopulation: s.uncoveredTargetPopulation,
    uncoveredBuildings,
    buildingsCounted: s.buildingsCounted,
    shareBuildingsWithinThreshold: s.shareBuildingsWithinThreshold,
    worstBuildings,
  };
}
