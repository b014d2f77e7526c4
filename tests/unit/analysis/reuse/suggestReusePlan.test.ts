import { describe, expect, it } from 'vitest';
import type { FacilityCategory, LonLat, PolygonCoords, ReuseSpace } from '../../../../src/core/model/types';
import { coverageOf } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromFeatures,
  type ServiceCoverageRequest,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import type { FacilityInput } from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { reuseCandidates } from '../../../../src/analysis/reuse/reuseCandidates';
import { DEFAULT_REUSE_RULES } from '../../../../src/analysis/reuse/reuseRules';
import { suggestReusePlan } from '../../../../src/analysis/reuse/suggestReusePlan';
import { at, line } from '../localMeters';
import { sampleWithBaseCoverage, withFacilities } from './reuseFixtures';

/** A square plot of `sideMeters` centred on (x, y) local metres. */
const square = (x: number, y: number, sideMeters: number): PolygonCoords => {
  const h = sideMeters / 2;
  return [[at(x - h, y - h), at(x + h, y - h), at(x + h, y + h), at(x - h, y + h), at(x - h, y - h)]];
};
const plot = (id: string, x: number, sideMeters = 20): ReuseSpace => ({
  id,
  kind: 'corner-plot',
  footprint: square(x, -15, sideMeters),
  areaM2: sideMeters * sideMeters,
  ownerType: 'community',
});

// One straight street along y = 0 from x = 0 to 1200 m (a vertex every 100 m). Homes 10 m north of
// it at x = 100, 500, 700 and 1100; an elderly-care centre at (0, 0). Candidate plots 15 m south of
// the street at A x = 600, B x = 400, C x = 900 (20 m squares, 400 m², one storey: elderly care fits).
// Walks (connectors included), against the 300 m elderly-care rule:
//   existing (0, 0): H100 110 ✓, H500 510, H700 710, H1100 1110;
//   A (600): H500 15 + 100 + 10 = 125 ✓, H700 125 ✓, H100 525, H1100 525;
//   B (400): H500 125 ✓, H100 325, H700 325;
//   C (900): H700 225 ✓, H1100 225 ✓, H500 425.
// Elderly (60+): H100 10, H500 30, H700 30, H1100 25.
const homes = [
  { id: 'H100', xy: [100, 10], population: { '60+': 10, all: 20, '0-2': 1 } },
  { id: 'H500', xy: [500, 10], population: { '60+': 30, all: 50, '0-2': 2 } },
  { id: 'H700', xy: [700, 10], population: { '60+': 30, all: 50, '0-2': 3 } },
  { id: 'H1100', xy: [1100, 10], population: { '60+': 25, all: 40, '0-2': 4 } },
] as const;
const street = () => [line(...Array.from({ length: 13 }, (_, i) => [100 * i, 0] as [number, number]))];

function streetRequest(categories: FacilityCategory[], extra: FacilityInput[] = []): ServiceCoverageRequest {
  return serviceCoverageRequestFromFeatures(
    {
      network: street(),
      buildings: homes.map(({ xy, ...b }) => ({ ...b, position: at(xy[0], xy[1]) })),
      facilities: [{ id: 'E', category: 'elderly-care', position: at(0, 0) }, ...extra],
    },
    { categories },
  );
}

describe('suggestReusePlan', () => {
  it('finds the hand-checked optimum of a budget of 2: A then C, 85 elderly newly within 300 m', () => {
    // Greedy step 1: A covers H500 + H700 = 60 elderly, C covers H700 + H1100 = 55, B H500 = 30 → A.
    // Step 2, given A: B adds nothing, C adds H1100 = 25 → C. Total 85 elderly, 170 weighted (60+ × 2).
    // All pairs by hand: {A, B} 60, {A, C} 85, {B, C} 30 + 30 + 25 = 85: the optimum is 85.
    const candidates = reuseCandidates({ buildings: [], houses: [], reuse: [plot('A', 600), plot('B', 400), plot('C', 900)] });
    const base = computeServiceCoverageFromRequest(streetRequest(['elderly-care']));
    const plan = suggestReusePlan(base, candidates, { budget: 2 });
    expect(plan.picks.map((p) => [p.candidateId, p.hub, p.categories.map((c) => c.category)])).toEqual([
      ['A', false, ['elderly-care']],
      ['C', false, ['elderly-care']],
    ]);
    expect(plan.picks.map((p) => p.categories[0].targetPopulationNewlyCovered)).toEqual([60, 25]);
    expect(plan.picks.map((p) => p.categories[0].newlyCoveredBuildingIds)).toEqual([['H500', 'H700'], ['H1100']]);
    expect(plan.picks.map((p) => p.weightedGain)).toEqual([120, 50]);
    expect(plan.totalWeightedGain).toBe(170);
    expect(plan.byCategory).toEqual([
      { category: 'elderly-care', targetPopulation: '60+', targetPopulationNewlyCovered: 85, buildingsNewlyCovered: 3 },
    ]);
    expect(plan.stoppedEarly).toBeNull();

    // The optimum checked with full runs of every pair: no pair covers more than 85 new elderly.
    const within = (positions: LonLat[]) =>
      coverageOf(
        computeServiceCoverageFromRequest(
          streetRequest(
            ['elderly-care'],
            positions.map((position, i) => ({ id: `N${i}`, category: 'elderly-care', position })),
          ),
        ),
        'elderly-care',
      )!.summary.targetPopulationWithinThreshold! - coverageOf(base, 'elderly-care')!.summary.targetPopulationWithinThreshold!;
    const [a, b, c] = candidates.map((k) => k.position);
    expect([within([a, b]), within([a, c]), within([b, c])]).toEqual([60, 85, 85]);
  });

  it('stops early when no remaining conversion covers anyone new', () => {
    const candidates = reuseCandidates({ buildings: [], houses: [], reuse: [plot('A', 600), plot('B', 400), plot('C', 900)] });
    const plan = suggestReusePlan(computeServiceCoverageFromRequest(streetRequest(['elderly-care'])), candidates, { budget: 3 });
    expect(plan.picks.map((p) => p.candidateId)).toEqual(['A', 'C']);
    expect(plan.stoppedEarly).toBe('no remaining conversion covers anyone new');
  });

  it('weights 一老一小 up: elderly care for 60 elderly (× 2 = 120) beats a grocery for 100 residents (× 1)', () => {
    // Plot A at x = 600: elderly care newly serves H500 + H700 (60 elderly); a grocery (500 m; none
    // exists) serves the same two homes (50 + 50 residents), H100 and H1100 being 525 m away.
    const candidates = reuseCandidates({ buildings: [], houses: [], reuse: [plot('A', 600)] });
    const base = computeServiceCoverageFromRequest(streetRequest(['elderly-care', 'grocery']));
    const pick = (weights = DEFAULT_REUSE_RULES.targetWeights) =>
      suggestReusePlan(base, candidates, { budget: 1, reuseRules: { ...DEFAULT_REUSE_RULES, targetWeights: weights } }).picks[0];
    expect(pick()).toMatchObject({ weightedGain: 120, categories: [{ category: 'elderly-care', targetPopulationNewlyCovered: 60 }] });
    expect(pick({ ...DEFAULT_REUSE_RULES.targetWeights, '60+': 1 })).toMatchObject({
      weightedGain: 100,
      categories: [{ category: 'grocery', targetPopulationNewlyCovered: 100 }],
    });
  });

  it('converts a plot of ≥ 600 m² into a hub (嵌入式服务综合体) when the bundle adds more than one function', () => {
    // A 30 m square (900 m²) at x = 600: nursery 200 + day care 350 = 550 m² fit. No nursery or
    // canteen exists: nursery serves H500 + H700 (2 + 3 infants), day care and canteen 60 elderly each.
    // 2 × 5 + 2 × 60 + 2 × 60 = 250.
    const candidates = reuseCandidates({ buildings: [], houses: [], reuse: [plot('H', 600, 30)] });
    const base = computeServiceCoverageFromRequest(streetRequest(['nursery', 'elderly-care', 'elderly-canteen']));
    const plan = suggestReusePlan(base, candidates, { budget: 1 });
    expect(plan.picks).toHaveLength(1);
    expect(plan.picks[0]).toMatchObject({ candidateId: 'H', hub: true, weightedGain: 250 });
    expect(plan.picks[0].categories.map((c) => [c.category, c.targetPopulationNewlyCovered])).toEqual([
      ['nursery', 5],
      ['elderly-care', 60],
      ['elderly-canteen', 60],
    ]);
    expect(suggestReusePlan(base, candidates, { budget: 1, hubs: false }).picks[0]).toMatchObject({ hub: false, weightedGain: 120 });
  });

  it('rejects a budget that is not a whole number', () => {
    const base = computeServiceCoverageFromRequest(streetRequest(['elderly-care']));
    expect(() => suggestReusePlan(base, [], { budget: 1.5 })).toThrow(/budget must be an integer/);
  });
});

describe('suggestReusePlan on the sample package 景和新村', async () => {
  const { community, request, base } = await sampleWithBaseCoverage();
  const candidates = reuseCandidates(community);
  const plan = suggestReusePlan(base, candidates, { budget: 3 });

  it('uses the budget of 3 on 3 different candidates, largest marginal gain first', () => {
    expect(plan.picks).toHaveLength(3);
    expect(new Set(plan.picks.map((p) => p.candidateId)).size).toBe(3);
    const gains = plan.picks.map((p) => p.weightedGain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    for (const p of plan.picks) if (p.hub) expect(p.categories.length).toBeGreaterThanOrEqual(3);
  });

  it('reports per category what full runs with the picked facilities added confirm', () => {
    const added = plan.picks.flatMap((p) => p.categories.map((c) => ({ category: c.category, position: p.position })));
    const after = computeServiceCoverageFromRequest(withFacilities(request, added));
    for (const row of plan.byCategory) {
      const before = coverageOf(base, row.category)!.summary;
      const now = coverageOf(after, row.category)!.summary;
      expect(row.targetPopulationNewlyCovered).toBe(now.targetPopulationWithinThreshold! - before.targetPopulationWithinThreshold!);
      expect(row.buildingsNewlyCovered).toBe(now.buildingsWithinThreshold - before.buildingsWithinThreshold);
    }
    const weighted = plan.byCategory.reduce(
      (s, r) => s + DEFAULT_REUSE_RULES.targetWeights[r.targetPopulation] * r.targetPopulationNewlyCovered!,
      0,
    );
    expect(plan.totalWeightedGain).toBe(weighted);
  });
});
