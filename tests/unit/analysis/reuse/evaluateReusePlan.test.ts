import { beforeAll, describe, expect, it } from 'vitest';
import type { Community } from '../../../../src/core/model/types';
import { coverageOf, type ServiceCoverage } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  type ServiceCoverageRequest,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { evaluateReuseOption } from '../../../../src/analysis/reuse/evaluateReuseOption';
import { evaluateReusePlan, type PlanFacility, type ReusePlanEffect } from '../../../../src/analysis/reuse/evaluateReusePlan';
import { convertedFloors } from '../../../../src/analysis/reuse/convertedFloors';
import { reuseCandidates } from '../../../../src/analysis/reuse/reuseCandidates';
import { walkFromEachPoint } from '../../../../src/analysis/reuse/walkFromPoint';
import { at } from '../localMeters';
import { reuseGridRequest, sampleWithBaseCoverage, withFacilities } from './reuseFixtures';

/** Every category of the plan's effect equals the full run with all its facilities added. */
function expectSameAsFullRun(effect: ReusePlanEffect, base: ServiceCoverage, full: ServiceCoverage) {
  expect(effect.categories.map((c) => c.category)).toEqual(full.categories.map((c) => c.category));
  for (const e of effect.categories) {
    const after = coverageOf(full, e.category)!;
    const s = after.summary;
    expect(e.after, e.category).toEqual({
      buildingsCounted: s.buildingsCounted,
      buildingsWithinBands: s.buildingsWithinBands,
      buildingsWithinThreshold: s.buildingsWithinThreshold,
      shareBuildingsWithinThreshold: s.shareBuildingsWithinThreshold,
      targetPopulationTotal: s.targetPopulationTotal,
      targetPopulationWithinBands: s.targetPopulationWithinBands,
      targetPopulationWithinThreshold: s.targetPopulationWithinThreshold,
      shareTargetPopulationWithinThreshold: s.shareTargetPopulationWithinThreshold,
    });
    const before = coverageOf(base, e.category)!.summary;
    expect(e.before.buildingsWithinThreshold).toBe(before.buildingsWithinThreshold);
    expect(e.before.targetPopulationWithinThreshold).toBe(before.targetPopulationWithinThreshold);
    expect(e.gain.buildingsNewlyWithinThreshold).toBe(s.buildingsWithinThreshold - before.buildingsWithinThreshold);
    for (let i = 0; i < e.afterWalkDistanceMeters.length; i++) {
      const x = e.afterWalkDistanceMeters[i];
      const y = after.walkDistanceMeters[i];
      if (x === Infinity || y === Infinity) expect(x).toBe(y);
      else expect(Math.abs(x - y)).toBeLessThan(1e-6);
    }
  }
}

// The grid of reuseFixtures.ts (walks hand-checked in evaluateReuseOption.test.ts), with 40
// kindergarten places at K.
const gridRequest = () => reuseGridRequest(40);

const N = at(190, 180);
const M = at(700, 190);

describe('evaluateReusePlan on a hand-made network', () => {
  it('takes per building the shortest walk over today and every new facility (hand-checked)', () => {
    const base = computeServiceCoverageFromRequest(gridRequest());
    // Elderly care (300 m) at N and at M. Walks, metres:
    //   from E (today): H1 60, H2 360, H3 330, H4 860, H5 345 (evaluateReuseOption.test.ts);
    //   from N: H2 50, H3 120, H4 490, H5 75, H1 350;
    //   from M (10 m south of the spur at x = 700, on H4's own edge): H4 10 + 50 + 10 = 70.
    // After: H1 60, H2 50, H3 120, H4 70, H5 75: every home within 300 m (4 of 4; H5 is not a home)
    // and all 5 + 8 + 4 + 3 + 2 = 22 elderly. Today: H1 only → 1 home, 5 elderly.
    const effect = evaluateReusePlan(base, [
      { position: N, category: 'elderly-care' },
      { position: M, category: 'elderly-care' },
    ]);
    const care = effect.categories.find((c) => c.category === 'elderly-care')!;
    expect(care.facilitiesAdded).toBe(2);
    expect(care.before).toMatchObject({
      buildingsCounted: 4,
      buildingsWithinThreshold: 1,
      targetPopulationTotal: 22,
      targetPopulationWithinThreshold: 5,
    });
    expect(care.after).toMatchObject({
      buildingsWithinThreshold: 4,
      shareBuildingsWithinThreshold: 1,
      targetPopulationWithinThreshold: 22,
      shareTargetPopulationWithinThreshold: 1,
    });
    // Newly within 300 m: H2, H3, H4 (homes) and H5's 2 elderly → 3 homes, 8 + 4 + 3 + 2 = 17 elderly.
    expect(care.gain.buildingsNewlyWithinThreshold).toBe(3);
    expect(care.gain.targetPopulationNewlyWithinThreshold).toBe(17);
    expect(Math.abs(care.afterWalkDistanceMeters[3] - 70)).toBeLessThan(0.02);
    // The kindergarten gets nothing new: same numbers, the coverage's own walks.
    const kg = effect.categories.find((c) => c.category === 'kindergarten')!;
    expect(kg.facilitiesAdded).toBe(0);
    expect(kg.after).toEqual(kg.before);
    expect(kg.afterWalkDistanceMeters).toBe(coverageOf(base, 'kindergarten')!.walkDistanceMeters);
    expect(kg.gain.gainingBuildings).toEqual([]);
  });

  it('equals a full service-circle run with all the plan facilities added', () => {
    const request = gridRequest();
    const base = computeServiceCoverageFromRequest(request);
    const plans: PlanFacility[][] = [
      [],
      [{ position: N, category: 'elderly-care' }],
      [
        { position: N, category: 'elderly-care' },
        { position: M, category: 'elderly-care' },
        { position: N, category: 'kindergarten' },
      ],
      [
        { position: at(100, 100), category: 'nursery' },
        { position: at(5, 5), category: 'elderly-care' },
        { position: at(150, 250), category: 'kindergarten' },
        { position: M, category: 'nursery' },
      ],
    ];
    for (const plan of plans) {
      expectSameAsFullRun(evaluateReusePlan(base, plan), base, computeServiceCoverageFromRequest(withFacilities(request, plan)));
    }
  });

  it('with one conversion, gains exactly what evaluateReuseOption reports', () => {
    const base = computeServiceCoverageFromRequest(gridRequest());
    const single = evaluateReuseOption(base, { position: N, category: 'elderly-care' });
    const care = evaluateReusePlan(base, [{ position: N, category: 'elderly-care' }]).categories.find(
      (c) => c.category === 'elderly-care',
    )!;
    expect(care.gain.bands).toEqual(single.bands);
    expect(care.gain.targetPopulationNewlyWithinThreshold).toBe(single.targetPopulationNewlyWithinThreshold);
    expect(care.gain.gainingBuildings).toEqual(single.gainingBuildings);
  });

  it('lists facilities of a category the coverage lacks as skipped, changing nothing', () => {
    const base = computeServiceCoverageFromRequest({ ...gridRequest(), categories: ['kindergarten'] });
    const effect = evaluateReusePlan(base, [{ position: N, category: 'elderly-care' }]);
    expect(effect.skipped).toEqual([{ index: 0, category: 'elderly-care' }]);
    expect(effect.categories.map((c) => c.facilitiesAdded)).toEqual([0]);
  });
});

describe('evaluateReusePlan on the sample package 景和新村', () => {
  let community: Community;
  let request: ServiceCoverageRequest;
  let base: ServiceCoverage;
  beforeAll(async () => {
    ({ community, request, base } = await sampleWithBaseCoverage());
  });

  it('equals a full run with four conversions at three candidates (two nurseries, a hub-like pair at JH-S01)', () => {
    const byId = new Map(reuseCandidates(community).map((c) => [c.id, c]));
    const conversions = [
      ['JH-S01', 'nursery'],
      ['JH-S05', 'nursery'],
      ['JH-S01', 'health-station'],
      ['JH-S02', 'elderly-canteen'],
    ] as const;
    const walks = walkFromEachPoint(base, [...byId.values()]);
    const plan = conversions.map(([id, category]) => ({ position: byId.get(id)!.position, category, walk: walks.get(id)! }));
    const effect = evaluateReusePlan(base, plan);
    expectSameAsFullRun(effect, base, computeServiceCoverageFromRequest(withFacilities(request, plan)));
    // Without precomputed walks the same result.
    const fresh = evaluateReusePlan(
      base,
      plan.map(({ position, category }) => ({ position, category })),
    );
    expect(fresh.categories.map((c) => c.after)).toEqual(effect.categories.map((c) => c.after));
    // Two nurseries cover at least what the better one covers alone (no 托育 in the sample today).
    const nursery = effect.categories.find((c) => c.category === 'nursery')!;
    const s01 = evaluateReuseOption(base, { position: byId.get('JH-S01')!.position, category: 'nursery' }, { walk: walks.get('JH-S01')! });
    expect(nursery.before.targetPopulationWithinThreshold).toBe(0);
    expect(nursery.gain.targetPopulationNewlyWithinThreshold!).toBeGreaterThan(s01.targetPopulationNewlyWithinThreshold!);
  }, 60_000);
});

describe('convertedFloors', () => {
  it('marks the floors a category may use: up to its limit without an elevator, every floor with one', () => {
    expect(convertedFloors({ floors: 3, hasElevator: false }, { maxFloorWithoutElevator: 1 })).toEqual([1]);
    expect(convertedFloors({ floors: 6, hasElevator: false }, { maxFloorWithoutElevator: 3 })).toEqual([1, 2, 3]);
    expect(convertedFloors({ floors: 2, hasElevator: false }, { maxFloorWithoutElevator: 3 })).toEqual([1, 2]);
    expect(convertedFloors({ floors: 3, hasElevator: true }, { maxFloorWithoutElevator: 1 })).toEqual([1, 2, 3]);
    expect(convertedFloors({ floors: 3, hasElevator: false }, { maxFloorWithoutElevator: null })).toEqual([1, 2, 3]);
  });
});
