import type { FacilityCategory } from '../../core/model/types';
import { coverageOf, type CategoryCoverage, type ServiceCoverage } from './computeServiceCoverage';
import { rankServiceGaps, type GapOptions, type ServiceGap } from './gaps';
import { reachedNetworkSegments, reachedNetworkSegmentsByBand, routeToNearest, type Route } from './routes';

/**
 * A coverage result with its questions bound, for a UI: the result itself is plain data (it
 * crosses the worker boundary); this wraps it on the receiving side.
 */
export interface ServiceCoverageView {
  coverage: ServiceCoverage;
  category(category: FacilityCategory): CategoryCoverage | undefined;
  /** Index of a building by its id, or −1. */
  buildingIndexOf(id: string): number;
  routeToNearest(buildingIndex: number, category: FacilityCategory): Route | null;
  reachedSegments(category: FacilityCategory, limitMeters: number): Float64Array;
  reachedSegmentsByBand(category: FacilityCategory): ReturnType<typeof reachedNetworkSegmentsByBand>;
  gaps(options?: GapOptions): ServiceGap[];
}

export function viewServiceCoverage(coverage: ServiceCoverage): ServiceCoverageView {
  let index: Map<string, number> | undefined;
  return {
    coverage,
    category: (category) => coverageOf(coverage, category),
    buildingIndexOf: (id) => {
      index ??= new Map((coverage.buildingIds ?? []).map((b, i) => [b, i]));
      return index.get(id) ?? -1;
    },
    routeToNearest: (buildingIndex, category) => routeToNearest(coverage, buildingIndex, category),
    reachedSegments: (category, limitMeters) => reachedNetworkSegments(coverage, category, limitMeters),
    reachedSegmentsByBand: (category) => reachedNetworkSegmentsByBand(coverage, category),
    gaps: (options) => rankServiceGaps(coverage, options),
  };
}
