import { beforeAll, describe, expect, it } from 'vitest';
import type { Community, FacilityCategory, LonLat } from '../../../../src/core/model/types';
import { coverageOf, type ServiceCoverage } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  type ServiceCoverageRequest,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { evaluateReuseOption, type ReuseOptionGain } from '../../../../src/analysis/reuse/evaluateReuseOption';
import { reuseCandidates } from '../../../../src/analysis/reuse/reuseCandidates';
import { walkFromEachPoint, walkFromPoint } from '../../../../src/analysis/reuse/walkFromPoint';
import { createRandom } from '../../../../src/core/random';
import { at } from '../localMeters';
import { reuseGridRequest, sampleWithBaseCoverage, withFacilities } from './reuseFixtures';

const near = (actual: number, expected: number, toleranceMeters = 0.02) =>
  expect(Math.abs(actual - expected)).toBeLessThan(toleranceMeters);

/** The gain as the difference of two full runs, in the shape evaluateReuseOption reports it. */
function fullRunDifference(base: ServiceCoverage, request: ServiceCoverageRequest, category: FacilityCategory, position: LonLat) {
  const before = coverageOf(base, category)!;
  const after = coverageOf(computeServiceCoverageFromRequest(withFacilities(request, [{ category, position }])), category)!;
  const b = before.summary;
  const a = after.summary;
  // Population unknown for the target: null per band.
  const minus = (x: number[] | null, y: number[] | null) => (x && y ? x.map((v, k) => v - y[k]) : base.bands.map(() => null));
  return {
    after,
    bandsBuildings: a.buildingsWithinBands.map((v, k) => v - b.buildingsWithinBands[k]),
    bandsPopulation: minus(a.targetPopulationWithinBands, b.targetPopulationWithinBands),
    buildingsWithinThreshold: a.buildingsWithinThreshold - b.buildingsWithinThreshold,
    populationWithinThreshold:
      a.targetPopulationWithinThreshold === null ? null : a.targetPopulationWithinThreshold - b.targetPopulationWithinThreshold!,
    gaining: Array.from(after.walkDistanceMeters.keys()).filter(
      (i) => after.walkDistanceMeters[i] < before.walkDistanceMeters[i] && base.countedBuildings[i],
    ),
  };
}

function expectSameAsFullRuns(gain: ReuseOptionGain, full: ReturnType<typeof fullRunDifference>) {
  expect(gain.bands.map((g) => g.buildingsNewlyWithin)).toEqual(full.bandsBuildings);
  expect(gain.bands.map((g) => g.targetPopulationNewlyWithin)).toEqual(full.bandsPopulation);
  expect(gain.buildingsNewlyWithinThreshold).toBe(full.buildingsWithinThreshold);
  expect(gain.targetPopulationNewlyWithinThreshold).toBe(full.populationWithinThreshold);
  expect(gain.gainingBuildings.map((g) => g.building)).toEqual(full.gaining);
  for (let i = 0; i < gain.afterWalkDistanceMeters.length; i++) {
    const x = gain.afterWalkDistanceMeters[i];
    const y = full.after.walkDistanceMeters[i];
    if (x === Infinity || y === Infinity) expect(x).toBe(y);
    else expect(Math.abs(x - y)).toBeLessThan(1e-6);
  }
}

// The grid of reuseFixtures.ts: the 3 × 3 grid of 100 m blocks plus a spur east along y = 200 to
// x = 800; an elderly-care centre (and a kindergarten) on the corner (0, 0). Walks from (0, 0), hand-checked:
//   H1 (50, 10):   10 m from the south street: 50 + 10 = 60 m;
//   H2 (190, 150): 10 m from the east street: (0,0)→(200,100) 300 + 50 + 10 = 360 m;
//   H3 (120, 210): 10 m from the north street: (0,0)→(100,200) 300 + 20 + 10 = 330 m;
//   H4 (650, 210): on the spur: (0,0)→(200,200) 400 + 450 + 10 = 860 m;
//   H5 (185, 130): 15 m from the east street, NOT a home (counted: false): 300 + 30 + 15 = 345 m.
// The new facility N at (190, 180) is 10 m from the east street (fraction 0.8 of (200,100)→(200,200)):
//   H2 on N's own edge, straight along it: 10 + 30 + 10 = 50 m;   H5 likewise: 10 + 50 + 15 = 75 m;
//   H3: N→(200,200) 20 + 10 = 30, then 80 + 10 → 120 m;  H4: 30 + 450 + 10 = 490 m;
//   H1: N→(200,100) 90 + 200 + 50 + 10 = 350 m > 60 m, no change.
// Elderly-care rule: 300 m; circles 300 / 500 / 1,000 m. Newly within 300 m: H2, H3 (homes) and H5
// (not a home, its residents count) → 2 homes, 8 + 4 + 2 = 14 elderly. Newly within 500 m: H4
// (860 → 490; H2, H3 and H5 were within 500 m before) → 1 home, 3 elderly. Within 1,000 m nothing
// new (H4 was within already).
const N = at(190, 180);
/** The grid with 40 kindergarten places at K. */
const gridRequest = () => reuseGridRequest(40);

describe('evaluateReuseOption on a hand-made network', () => {
  it('reports the hand-checked gain of an elderly-care centre at (190, 180)', () => {
    const base = computeServiceCoverageFromRequest(gridRequest());
    const gain = evaluateReuseOption(base, { position: N, category: 'elderly-care' });
    expect(gain.attached).toBe(true);
    expect(gain.targetPopulation).toBe('60+');
    expect(gain.thresholdMeters).toBe(300);
    expect(gain.bands).toEqual([
      { band: '5min', minutes: 5, maxDistanceMeters: 300, buildingsNewlyWithin: 2, targetPopulationNewlyWithin: 14 },
      { band: '10min', minutes: 10, maxDistanceMeters: 500, buildingsNewlyWithin: 1, targetPopulationNewlyWithin: 3 },
      { band: '15min', minutes: 15, maxDistanceMeters: 1000, buildingsNewlyWithin: 0, targetPopulationNewlyWithin: 0 },
    ]);
    expect(gain.buildingsNewlyWithinThreshold).toBe(2);
    expect(gain.targetPopulationNewlyWithinThreshold).toBe(14);
    expect(gain.newlyCoveredBuildings).toEqual([1, 2]);
    // Homes only in the list (H5 is not one), before/after in seconds at 1 m/s.
    expect(gain.gainingBuildings.map((g) => g.id)).toEqual(['H2', 'H3', 'H4']);
    const [h2, h3, h4] = gain.gainingBuildings;
    near(h2.beforeSeconds, 360);
    near(h2.afterSeconds, 50);
    near(h3.beforeSeconds, 330);
    near(h3.afterSeconds, 120);
    near(h4.beforeSeconds, 860);
    near(h4.afterSeconds, 490);
    near(gain.afterWalkDistanceMeters[0], 60);
    near(gain.afterWalkDistanceMeters[4], 75);
  });

  it('equals the difference of two full service-circle runs, with and without the facility', () => {
    const request = gridRequest();
    const base = computeServiceCoverageFromRequest(request);
    for (const xy of [
      [190, 180],
      [100, 100],
      [700, 190],
      [5, 5],
      [150, 250],
    ] as const) {
      for (const category of ['elderly-care', 'kindergarten', 'nursery'] as const) {
        const position = at(xy[0], xy[1]);
        expectSameAsFullRuns(evaluateReuseOption(base, { position, category }), fullRunDifference(base, request, category, position));
      }
    }
  });

  it('counts the circles by distance at any speed, and converts walks to seconds at the coverage speed: at 0.5 m/s H4 is 1720 s → 980 s', () => {
    const request = { ...gridRequest(), walkSpeedMetersPerSecond: 0.5 };
    const base = computeServiceCoverageFromRequest(request);
    const gain = evaluateReuseOption(base, { position: N, category: 'elderly-care' });
    // The same homes as at 1 m/s are newly within 300 / 500 / 1,000 m: the speed changes minutes only.
    expect(gain.bands.map((b) => b.buildingsNewlyWithin)).toEqual([2, 1, 0]);
    expect(gain.bands.map((b) => b.targetPopulationNewlyWithin)).toEqual([14, 3, 0]);
    near(gain.gainingBuildings.find((g) => g.id === 'H4')!.afterSeconds, 980, 0.04);
    expectSameAsFullRuns(gain, fullRunDifference(base, request, 'elderly-care', N));
  });

  it('balances the places of a converted kindergarten against the children in its catchment', () => {
    const base = computeServiceCoverageFromRequest(gridRequest());
    // 250 m² at 12.2 m² per place (reuseRules.json) → ⌊20.49⌋ = 20 places. Within 300 m of N:
    // H2 (6), H3 (4), H5 (0) → 10 children aged 3–5, one place each → 20 − 10 = 10 spare places;
    // newly covered: H2 and H3 (360 / 330 m → 50 / 120 m) → 10.
    const gain = evaluateReuseOption(base, { position: N, category: 'kindergarten', usableAreaM2: 250 });
    expect(gain.capacity).toMatchObject({
      unit: 'places',
      places: 20,
      demandPerTargetPerson: 1,
      demandInCatchment: 10,
      newlyCoveredDemand: 10,
      balance: 10,
    });
    expect(gain.capacityUnavailableReason).toBeNull();
    const noArea = evaluateReuseOption(base, { position: N, category: 'kindergarten' });
    expect(noArea.capacity).toBeNull();
    expect(noArea.capacityUnavailableReason).toBe('no usable floor area given');
    expect(evaluateReuseOption(base, { position: N, category: 'elderly-care', usableAreaM2: 400 }).capacityUnavailableReason).toMatch(
      /no floor area per place/,
    );
  });

  it('gains nothing from a position off the network, and says why', () => {
    const base = computeServiceCoverageFromRequest(gridRequest());
    const gain = evaluateReuseOption(base, { position: at(5000, 5000), category: 'elderly-care' });
    expect(gain.attached).toBe(false);
    expect(gain.unattachedReason).toBe('no walkable network edge within 500 m');
    expect(gain.buildingsNewlyWithinThreshold).toBe(0);
    expect(gain.gainingBuildings).toEqual([]);
  });

  it('needs the category in the base coverage', () => {
    const base = computeServiceCoverageFromRequest({ ...gridRequest(), categories: ['kindergarten'] });
    expect(() => evaluateReuseOption(base, { position: N, category: 'elderly-care' })).toThrow(/no category "elderly-care"/);
  });
});

describe('evaluateReuseOption on the sample package 景和新村', () => {
  let community: Community;
  let request: ServiceCoverageRequest;
  let base: ServiceCoverage;
  beforeAll(async () => {
    ({ community, request, base } = await sampleWithBaseCoverage());
  });

  it('equals the difference of two full runs for every feasible conversion of every candidate', () => {
    const candidates = reuseCandidates(community);
    const walks = walkFromEachPoint(base, candidates);
    let checked = 0;
    for (const candidate of candidates) {
      for (const f of candidate.feasible) {
        if (!f.ok) continue;
        const full = fullRunDifference(base, { ...request, categories: [f.category] }, f.category, candidate.position);
        const option = { position: candidate.position, category: f.category };
        expectSameAsFullRuns(evaluateReuseOption(base, option, { walk: walks.get(candidate.id)! }), full);
        expectSameAsFullRuns(evaluateReuseOption(base, option), full);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  }, 60_000);

  it('reads only the buildings near the candidate and reports exactly what reading a whole-network walk does', () => {
    // The old way as the reference: a walk from the candidate to every building, every building read.
    const lon = base.graph.nodeLonLat.filter((_, i) => i % 2 === 0);
    const lat = base.graph.nodeLonLat.filter((_, i) => i % 2 === 1);
    const random = createRandom(23);
    let gaining = 0;
    let farGains = 0;
    let bounded = 0;
    for (let i = 0; i < 30; i++) {
      const position: LonLat = [random.range(Math.min(...lon), Math.max(...lon)), random.range(Math.min(...lat), Math.max(...lat))];
      for (const c of base.categories) {
        const option = { position, category: c.category, usableAreaM2: 300 };
        const whole = evaluateReuseOption(base, option, { walk: walkFromPoint(base, position) });
        const nearby = evaluateReuseOption(base, option);
        // Everything but the search's own work counter, to the last bit (sums add in building order).
        expect({ ...nearby, relaxations: 0 }, `${c.category} at ${position.join(',')}`).toEqual({ ...whole, relaxations: 0 });
        expect(nearby.relaxations).toBeLessThanOrEqual(whole.relaxations);
        if (nearby.relaxations < whole.relaxations) bounded++;
        gaining += nearby.gainingBuildings.length;
        // Gains beyond the largest circle (1,000 m) still count: the search reaches the longest walk today.
        farGains += nearby.gainingBuildings.filter((g) => g.afterSeconds * nearby.walkSpeedMetersPerSecond > 1000).length;
      }
    }
    expect(gaining).toBeGreaterThan(100);
    expect(farGains).toBeGreaterThan(0);
    expect(bounded).toBeGreaterThan(30);
  }, 60_000);

  it('fills part of the nursery gap (no 托育 in the sample): every nursery gain starts from unreachable', () => {
    const s01 = reuseCandidates(community).find((c) => c.id === 'JH-S01')!;
    const gain = evaluateReuseOption(base, { position: s01.position, category: 'nursery' });
    expect(gain.targetPopulationNewlyWithinThreshold).toBeGreaterThan(0);
    expect(gain.gainingBuildings.every((g) => g.beforeSeconds === Infinity)).toBe(true);
    // Every home reaches the new nursery, so every home gains.
    expect(gain.gainingBuildings.length).toBe(coverageOf(base, 'nursery')!.summary.buildingsCounted);
  });
});
