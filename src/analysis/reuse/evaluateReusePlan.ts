import type { FacilityCategory, LonLat } from '../../core/model/types';
import { buildEdgeGridIndex } from '../network/edgeIndex';
import { createShortestPathWorkspace } from '../network/shortestPaths';
import {
  bandDistances,
  summariseCoverage,
  type CategoryCoverage,
  type CoverageSummary,
  type ServiceCoverage,
} from '../service-circles/computeServiceCoverage';
import type { TargetPopulation } from '../service-circles/rules';
import { compareWalks, type ReuseOptionGain } from './evaluateReuseOption';
import { walkFromPoint, type PointWalk, type PointWalkOptions } from './walkFromPoint';

/**
 * The effect of a whole reuse plan: several conversions opened together. Per category, each
 * building's walk becomes the minimum over the existing coverage and the walk from every new facility
 * of that category (the distance of a multi-source search is the minimum over its sources), so the
 * result equals a full service-circle run with all the plan's facilities added
 * (tests/unit/analysis/reuse/evaluateReusePlan.test.ts checks this). An empty plan is "today".
 */
export interface PlanFacility {
  position: LonLat;
  category: FacilityCategory;
  /** The walk from the position, when already computed (one per candidate serves every category). */
  walk?: PointWalk;
}

/** What a category's coverage summary says, for any per-building walk (today's or a plan's). */
export type CategoryKpis = Pick<
  CoverageSummary,
  | 'buildingsCounted'
  | 'buildingsWithinBands'
  | 'buildingsWithinThreshold'
  | 'shareBuildingsWithinThreshold'
  | 'targetPopulationTotal'
  | 'targetPopulationWithinBands'
  | 'targetPopulationWithinThreshold'
  | 'shareTargetPopulationWithinThreshold'
>;

export interface PlanCategoryEffect {
  category: FacilityCategory;
  targetPopulation: TargetPopulation;
  thresholdMeters: number;
  /** New facilities of this category in the plan (those attached to the network or not). */
  facilitiesAdded: number;
  before: CategoryKpis;
  after: CategoryKpis;
  /** Newly within each band and the threshold, and the buildings whose walk gets shorter. */
  gain: Pick<
    ReuseOptionGain,
    'bands' | 'buildingsNewlyWithinThreshold' | 'newlyCoveredBuildings' | 'targetPopulationNewlyWithinThreshold' | 'gainingBuildings'
  >;
  /** Per building, metres; the coverage's own array when the plan adds nothing of the category. */
  afterWalkDistanceMeters: Float64Array;
}

export interface ReusePlanEffect {
  /** One per category of the coverage, in its order. */
  categories: PlanCategoryEffect[];
  /** Facilities (indices into the input) whose category the coverage lacks: they change nothing. */
  skipped: { index: number; category: FacilityCategory }[];
}

/** The coverage summary of `walk` for a category: computeServiceCoverage's own counting, its KPIs picked. */
export function categoryKpis(
  coverage: Pick<ServiceCoverage, 'bands' | 'countedBuildings' | 'population'>,
  c: Pick<CategoryCoverage, 'rule'>,
  walk: Float64Array,
): CategoryKpis {
  const s = summariseCoverage(
    c.rule,
    walk,
    bandDistances(coverage.bands),
    coverage.countedBuildings,
    coverage.population[c.rule.targetPopulation],
  );
  return {
    buildingsCounted: s.buildingsCounted,
    buildingsWithinBands: s.buildingsWithinBands,
    buildingsWithinThreshold: s.buildingsWithinThreshold,
    shareBuildingsWithinThreshold: s.shareBuildingsWithinThreshold,
    targetPopulationTotal: s.targetPopulationTotal,
    targetPopulationWithinBands: s.targetPopulationWithinBands,
    targetPopulationWithinThreshold: s.targetPopulationWithinThreshold,
    shareTargetPopulationWithinThreshold: s.shareTargetPopulationWithinThreshold,
  };
}

export function evaluateReusePlan(
  coverage: ServiceCoverage,
  facilities: readonly PlanFacility[],
  options: Omit<PointWalkOptions, 'workspace'> = {},
): ReusePlanEffect {
  const known = new Set(coverage.categories.map((c) => c.category));
  const skipped = facilities.flatMap((f, index) => (known.has(f.category) ? [] : [{ index, category: f.category }]));
  // One edge index and one search workspace for every walk still to compute (as walkFromEachPoint).
  let shared: Pick<PointWalkOptions, 'edgeIndex' | 'workspace'> | null = null;
  const walkOf = (f: PlanFacility): Float64Array => {
    if (f.walk) return f.walk.walkDistanceMeters;
    if (!shared) {
      const edgeIndex = options.edgeIndex ?? (coverage.graph.edgeCount > 0 ? buildEdgeGridIndex(coverage.graph) : undefined);
      shared = { ...(edgeIndex ? { edgeIndex } : {}), workspace: createShortestPathWorkspace(coverage.graph.nodeCount) };
    }
    return walkFromPoint(coverage, f.position, { ...options, ...shared }).walkDistanceMeters;
  };

  const categories = coverage.categories.map((c): PlanCategoryEffect => {
    const added = facilities.filter((f) => f.category === c.category);
    const before = c.walkDistanceMeters;
    let after = before;
    if (added.length) {
      after = before.slice();
      for (const f of added) {
        const walk = walkOf(f);
        for (let b = 0; b < after.length; b++) if (walk[b] < after[b]) after[b] = walk[b];
      }
    }
    const beforeKpis = categoryKpis(coverage, c, before);
    return {
      category: c.category,
      targetPopulation: c.rule.targetPopulation,
      thresholdMeters: c.rule.maxDistanceMeters,
      facilitiesAdded: added.length,
      before: beforeKpis,
      after: added.length ? categoryKpis(coverage, c, after) : beforeKpis,
      gain: compareWalks(coverage, c, before, after),
      afterWalkDistanceMeters: after,
    };
  });
  return { categories, skipped };
}
