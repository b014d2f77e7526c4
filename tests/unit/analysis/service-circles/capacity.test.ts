import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromFeatures,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { createRandom } from '../../../../src/core/random';
import { at, line } from '../localMeters';

/**
 * One straight street from x = 0 to 800 m, vertices every 100 m; buildings 10 m off it.
 * Kindergartens (threshold 300 m, 1 place per child aged 3–5):
 *   K1 at x = 0, 30 places;  K2 at x = 600, 10 places.
 * Buildings (walk = |Δx| + 10 m connector):
 *   B1 x = 90,  20 children: K1 100 m            → in K1's catchment
 *   B2 x = 240, 40 children: K1 250 m, K2 370 m  → in K1's catchment only
 *   B3 x = 390, 10 children: K1 400 m, K2 220 m  → in K2's catchment only
 * Step 1: R1 = 30 / (20 + 40) = 0.5;  R2 = 10 / 10 = 1.
 * Step 2: A1 = 0.5, A2 = 0.5, A3 = 1.
 * Served: 20·0.5 + 40·0.5 + 10·1 = 40 of 70 children (4/7); capacity conserved: Σ D·A = 40 = 30 + 10.
 */
function street(capacities: (number | undefined)[] = [30, 10], population = true) {
  const stops = [0, 100, 200, 300, 400, 500, 600, 700, 800].map((x) => [x, 0] as [number, number]);
  const children = [20, 40, 10];
  const request = serviceCoverageRequestFromFeatures(
    {
      network: [line(...stops)],
      buildings: [90, 240, 390].map((x, i) => ({
        id: `B${i + 1}`,
        position: at(x, 10),
        ...(population ? { population: { '3-5': children[i] } } : {}),
      })),
      facilities: [0, 600].map((x, i) => ({
        id: `K${i + 1}`,
        category: 'kindergarten' as const,
        position: at(x, 0),
        ...(capacities[i] !== undefined ? { capacity: capacities[i] } : {}),
      })),
    },
    { categories: ['kindergarten', 'elderly-care'] },
  );
  return computeServiceCoverageFromRequest(request);
}

describe('capacity-aware coverage (2SFCA)', () => {
  it('shares places among the children within each kindergarten’s 300 m catchment (hand-checked)', () => {
    const c = coverageOf(street(), 'kindergarten')!.capacity!;
    expect(c.method).toBe('2SFCA');
    expect(Array.from(c.demandInCatchmentByFacility)).toEqual([60, 10]);
    expect(Array.from(c.placesPerDemandByFacility)).toEqual([0.5, 1]);
    expect(Array.from(c.placesPerDemandByBuilding)).toEqual([0.5, 0.5, 1]);
    expect(c.servedTargetPopulation).toBe(40);
    expect(c.servedShare).toBeCloseTo(4 / 7, 12);
    expect([c.totalCapacity, c.totalDemand, c.demandWithinReach]).toEqual([40, 70, 70]);
  });

  it('serves everybody in a catchment with enough places, and nobody where the only kindergarten has none', () => {
    // K1 with 100 places: R1 = 100 / 60 ≥ 1, so B1 and B2 are fully served (A = 1.67, capped at 1);
    // K2 with 0 places: R2 = 0 / 10 = 0, so B3's 10 children have no place: 60 of 70 served.
    const c = coverageOf(street([100, 0]), 'kindergarten')!.capacity!;
    expect(c.placesPerDemandByFacility[1]).toBe(0);
    expect(c.placesPerDemandByBuilding[2]).toBe(0);
    expect(c.servedTargetPopulation).toBe(60);
  });

  it('says why capacity coverage is missing: no capacity data, no population, no capacity standard', () => {
    expect(coverageOf(street([30, undefined]), 'kindergarten')!.capacityUnavailableReason).toBe(
      'some facilities of this category have no capacity',
    );
    expect(coverageOf(street([30, 10], false), 'kindergarten')!.capacityUnavailableReason).toBe('population 3-5 is unknown');
    expect(coverageOf(street(), 'elderly-care')!.capacityUnavailableReason).toBe('the rule has no capacity standard');
  });

  it('conserves capacity on 10 seeded random grids: Σ demand × places-per-demand = Σ places of facilities with demand in reach', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const random = createRandom(seed);
      const lines = [];
      for (let k = 0; k <= 6; k++) {
        lines.push(line([0, k * 120], [720, k * 120]));
        lines.push(line([k * 120, 0], [k * 120, 720]));
      }
      const request = serviceCoverageRequestFromFeatures(
        {
          network: lines,
          buildings: Array.from({ length: 60 }, (_, i) => ({
            id: `B${i}`,
            position: at(random.range(0, 720), random.range(0, 720)),
            population: { '3-5': random.int(0, 30) },
          })),
          facilities: Array.from({ length: random.int(1, 6) }, (_, i) => ({
            id: `K${i}`,
            category: 'kindergarten' as const,
            position: at(random.range(0, 720), random.range(0, 720)),
            capacity: random.int(0, 200),
          })),
        },
        { categories: ['kindergarten'] },
      );
      const coverage = computeServiceCoverageFromRequest(request);
      const c = coverageOf(coverage, 'kindergarten')!.capacity!;
      const demand = coverage.population['3-5']!;
      let lhs = 0;
      demand.forEach((d, i) => (lhs += d * c.placesPerDemandByBuilding[i]));
      let rhs = 0;
      c.demandInCatchmentByFacility.forEach((d, j) => {
        if (d > 0) rhs += request.facilityCapacity[j];
      });
      expect(lhs).toBeCloseTo(rhs, 6);
      expect(c.servedTargetPopulation).toBeLessThanOrEqual(Math.min(rhs, c.totalDemand) + 1e-9);
    }
  });
});
