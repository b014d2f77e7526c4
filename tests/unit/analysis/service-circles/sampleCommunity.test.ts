import { beforeAll, describe, expect, it } from 'vitest';
import { coverageOf, type ServiceCoverage } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import { rankServiceGaps } from '../../../../src/analysis/service-circles/gaps';
import { reachedNetworkSegments, routeToNearest } from '../../../../src/analysis/service-circles/routes';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { FACILITY_CATEGORIES, type Community } from '../../../../src/core/model/types';
import { polylineMeters } from '../localMeters';
import { loadSampleCommunity, loadSampleWithPersonRows } from '../../support/samplePackage';

let community: Community;
let coverage: ServiceCoverage;
beforeAll(async () => {
  community = await loadSampleCommunity();
  coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
});

describe('service circles of the sample community 景和新村', () => {
  it('puts every building and facility on its one connected walking network', () => {
    expect(coverage.buildings.unreachable).toEqual([]);
    expect(coverage.facilities.unreachable).toEqual([]);
    expect(coverage.categories.length).toBe(FACILITY_CATEGORIES.length);
    // Every counted home reaches every category that has a facility.
    for (const c of coverage.categories) if (c.attachedFacilityCount > 0) expect(c.summary.buildingsUnreachable).toBe(0);
  });

  it("counts residents per target group from the package's building statistics as the person rows give them (9,665 people)", async () => {
    const sum = (a: Float64Array | undefined) => a!.reduce((s, x) => s + x, 0);
    // The person rows are the residents' data service's seed; the package has their counts per building.
    const { people } = await loadSampleWithPersonRows();
    expect(community.people).toEqual([]);
    expect(sum(coverage.population.all)).toBe(9665);
    expect(sum(coverage.population['60+'])).toBe(people.filter((p) => ['60-69', '70-79', '80+'].includes(p.ageBand)).length);
    expect(sum(coverage.population['0-2'])).toBe(people.filter((p) => p.ageBand === '0-2').length);
    expect(sum(coverage.population.disability)).toBe(people.filter((p) => p.tags.includes('disability')).length);
    // Building by building, not only in total.
    const fromRows = serviceCoverageRequestFromCommunity(await loadSampleWithPersonRows()).population;
    for (const target of ['all', '60+', '0-2', '3-5', '6-11', '12-14', 'disability'] as const)
      expect([...coverage.population[target]!], target).toEqual([...(fromRows?.[target] ?? [])]);
  });

  it('shows nursery (托育) and disability aid (助残) as total gaps: no facility, all their residents uncovered', () => {
    const gaps = rankServiceGaps(coverage);
    for (const category of ['nursery', 'disability-aid'] as const) {
      const gap = gaps.find((g) => g.category === category)!;
      expect(gap.missing).toBe(true);
      expect(gap.targetPopulationTotal).toBeGreaterThan(0);
      expect(gap.uncoveredTargetPopulation).toBe(gap.targetPopulationTotal);
      expect(coverageOf(coverage, category)!.summary.shareBuildingsWithinThreshold).toBe(0);
    }
  });

  it('leads the gap list with the 一老一小 categories', () => {
    const gaps = rankServiceGaps(coverage);
    const oldAndYoung = ['nursery', 'kindergarten', 'elderly-care', 'elderly-canteen'];
    expect(
      gaps
        .slice(0, 4)
        .map((g) => g.category)
        .sort(),
    ).toEqual([...oldAndYoung].sort());
    expect(gaps.slice(4).every((g) => g.priority > 1)).toBe(true);
  });

  it('draws routes whose length is the walk, and reached streets within the 5-minute band', () => {
    const k = coverageOf(coverage, 'kindergarten')!;
    for (let b = 0; b < coverage.buildings.count; b += 17) {
      const route = routeToNearest(coverage, b, 'kindergarten')!;
      expect(Math.abs(polylineMeters(route.coordinates) - k.walkDistanceMeters[b])).toBeLessThan(0.5);
      expect(route.facilityId).toBe('JH-F001');
    }
    expect(reachedNetworkSegments(coverage, 'kindergarten', 300).length).toBeGreaterThan(0);
  });

  it('computes capacity-aware coverage where there are places: kindergarten, primary and middle school', () => {
    for (const category of ['kindergarten', 'primary-school', 'middle-school'] as const) {
      const c = coverageOf(coverage, category)!.capacity!;
      expect(c.totalCapacity).toBeGreaterThan(0);
      expect(c.servedShare!).toBeGreaterThanOrEqual(0);
      expect(c.servedShare!).toBeLessThanOrEqual(coverageOf(coverage, category)!.summary.shareTargetPopulationWithinThreshold! + 1e-12);
    }
  });
});
