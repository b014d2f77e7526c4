import type { ServiceCoverage } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
  serviceCoverageRequestFromFeatures,
  type ServiceCoverageRequest,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { FACILITY_CATEGORIES, type Community, type FacilityCategory, type LonLat } from '../../../../src/core/model/types';
import { loadSampleCommunity } from '../../support/samplePackage';
import { at, grid3x3, line } from '../localMeters';

/**
 * The reuse tests' hand-made network: the 3 × 3 grid of 100 m blocks plus a spur east along
 * y = 200 to x = 800, elderly care E and a kindergarten K on the corner (0, 0), and five buildings
 * with their residents per target group (H5 is not a home: `counted: false`). The walks from (0, 0)
 * and from a new facility at (190, 180) are worked out by hand in evaluateReuseOption.test.ts.
 */
export const GRID_HOMES = [
  { id: 'H1', xy: [50, 10], population: { '60+': 5, '3-5': 5 } },
  { id: 'H2', xy: [190, 150], population: { '60+': 8, '3-5': 6 } },
  { id: 'H3', xy: [120, 210], population: { '60+': 4, '3-5': 4 } },
  { id: 'H4', xy: [650, 210], population: { '60+': 3, '3-5': 2 } },
  { id: 'H5', xy: [185, 130], population: { '60+': 2, '3-5': 0 }, counted: false },
] as const;

/** The grid's service-coverage request; K has `kindergartenCapacity` places when one is given. */
export function reuseGridRequest(kindergartenCapacity?: number): ServiceCoverageRequest {
  return serviceCoverageRequestFromFeatures({
    network: [...grid3x3(), line([200, 200], [800, 200])],
    buildings: GRID_HOMES.map(({ xy, ...b }) => ({ ...b, position: at(xy[0], xy[1]) })),
    facilities: [
      { id: 'E', category: 'elderly-care', position: at(0, 0) },
      {
        id: 'K',
        category: 'kindergarten',
        position: at(0, 0),
        ...(kindergartenCapacity !== undefined ? { capacity: kindergartenCapacity } : {}),
      },
    ],
  });
}

/**
 * The request with new facilities appended (ids NEW0, NEW1, …; capacity unknown): what a full run
 * "with the conversions" computes, to check the incremental evaluation against.
 */
export function withFacilities(
  request: ServiceCoverageRequest,
  added: readonly { category: FacilityCategory; position: LonLat }[],
): ServiceCoverageRequest {
  const n = request.facilityCategory.length;
  const facilityLonLat = new Float64Array(2 * (n + added.length));
  facilityLonLat.set(request.facilityLonLat);
  added.forEach((f, i) => facilityLonLat.set(f.position, 2 * (n + i)));
  return {
    ...request,
    facilityLonLat,
    facilityCategory: Uint8Array.from([...request.facilityCategory, ...added.map((f) => FACILITY_CATEGORIES.indexOf(f.category))]),
    facilityCapacity: Float64Array.from([...request.facilityCapacity, ...added.map(() => Number.NaN)]),
    facilityIds: [...(request.facilityIds ?? []), ...added.map((_, i) => `NEW${i}`)],
  };
}

/** The sample package, its service-coverage request (no per-node arrays kept) and the coverage of today. */
export async function sampleWithBaseCoverage(): Promise<{ community: Community; request: ServiceCoverageRequest; base: ServiceCoverage }> {
  const community = await loadSampleCommunity();
  const request = serviceCoverageRequestFromCommunity(community, { keepNodeArrays: false });
  return { community, request, base: computeServiceCoverageFromRequest(request) };
}
