import { describe, expect, it } from 'vitest';
import { computeServiceCoverageFromRequest } from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { evaluateReusePlan } from '../../../../src/analysis/reuse/evaluateReusePlan';
import { reusePlansReport } from '../../../../src/analysis/reuse/reusePlansReport';
import { at } from '../localMeters';
import { GRID_HOMES, reuseGridRequest } from './reuseFixtures';

// The grid of reuseFixtures.ts (walks from (0, 0) and from N there, hand-checked in
// evaluateReuseOption.test.ts); the kindergarten's places are not given.
const base = computeServiceCoverageFromRequest(reuseGridRequest());

describe('reusePlansReport', () => {
  const plan = {
    id: 'plan-1',
    name: '方案一',
    conversions: [
      { candidateId: 'C-N', category: 'elderly-care' as const },
      { candidateId: 'C-M', category: 'kindergarten' as const },
      { candidateId: 'GONE', category: 'kindergarten' as const },
    ],
  };
  // C-N at N (190, 180) hosts elderly care; C-M (700, 190) a kindergarten. GONE is not a candidate
  // any more: it is reported as not found and adds nothing.
  const effect = evaluateReusePlan(base, [
    { position: at(190, 180), category: 'elderly-care' },
    { position: at(700, 190), category: 'kindergarten' },
  ]);
  const report = reusePlansReport({
    communityId: 'grid',
    generatedAt: '2025-01-01T00:00:00.000Z',
    walkSpeedMetersPerSecond: base.walkSpeedMetersPerSecond,
    candidates: [
      { id: 'C-N', name: '北楼' },
      { id: 'C-M', name: '东地块' },
    ],
    plans: [{ plan, effect }],
  });

  it('names the plan and its conversions, flagging a candidate that no longer exists', () => {
    expect(report.format).toBe('fct-reuse-plans');
    expect(report.plans[0].conversions).toEqual([
      { candidateId: 'C-N', candidateName: '北楼', category: 'elderly-care', found: true },
      { candidateId: 'C-M', candidateName: '东地块', category: 'kindergarten', found: true },
      { candidateId: 'GONE', candidateName: null, category: 'kindergarten', found: false },
    ]);
  });

  it('reports the hand-checked KPI deltas of the categories the plan adds to, only those', () => {
    // In the coverage's (rule) order.
    const [kg, care] = report.plans[0].kpis;
    expect(report.plans[0].kpis.map((k) => k.category)).toEqual(['kindergarten', 'elderly-care']);
    // Elderly care within 300 m: today H1 (1 of 4 homes, 5 of 22 elderly); with N also H2, H3 and
    // H5's residents (H4 stays at 490 m) → 3 homes, 5 + 8 + 4 + 2 = 19 elderly.
    expect(care).toEqual({
      category: 'elderly-care',
      thresholdMeters: 300,
      facilitiesAdded: 1,
      homes: { counted: 4, today: 1, plan: 3, delta: 2, shareToday: 0.25, sharePlan: 0.75 },
      targetPopulation: { group: '60+', today: 5, plan: 19, delta: 14, shareToday: 0.227, sharePlan: 0.864 },
    });
    // Kindergarten within 300 m: today H1 (5 of 17 children); M (10 m off the spur at x = 700) is
    // 70 m from H4 → +1 home, +2 children: a small cell, shown as "<5" — and since plan = today + delta,
    // today (5) and plan (7) would give it away: they are suppressed with it, and so are the shares.
    expect(kg.homes).toEqual({ counted: 4, today: 1, plan: 2, delta: 1, shareToday: 0.25, sharePlan: 0.5 });
    expect(kg.targetPopulation).toEqual({
      group: '3-5',
      today: 'suppressed',
      plan: 'suppressed',
      delta: '<5',
      shareToday: null,
      sharePlan: null,
    });
  });

  it('carries no building, house or person identifiers', () => {
    const text = JSON.stringify(report);
    for (const h of GRID_HOMES) expect(text).not.toContain(`"${h.id}"`);
    expect(text).not.toMatch(/houseId|personId|buildingId|newlyCovered/);
  });

  it('suppresses today, plan and delta together: today "<5" with plan 8 and delta 5 would give today = 3', () => {
    const kpis = (today: number, plan: number, total: number) => ({
      buildingsCounted: 4,
      buildingsWithinThreshold: 1,
      shareBuildingsWithinThreshold: 0.25,
      targetPopulationWithinThreshold: today,
      shareTargetPopulationWithinThreshold: today / total,
      planned: plan,
    });
    const category = (today: number, plan: number) => ({
      category: 'elderly-care' as const,
      thresholdMeters: 300,
      facilitiesAdded: 1,
      targetPopulation: '60+' as const,
      before: kpis(today, plan, 40),
      after: { ...kpis(plan, plan, 40), buildingsWithinThreshold: 2, shareBuildingsWithinThreshold: 0.5 },
    });
    const reportOf = (today: number, plan: number) =>
      reusePlansReport({
        communityId: 'c',
        generatedAt: '2025-01-01T00:00:00.000Z',
        walkSpeedMetersPerSecond: 1,
        candidates: [],
        plans: [{ plan: { id: 'p', name: 'p', conversions: [] }, effect: { categories: [category(today, plan)], skipped: [] } as never }],
      }).plans[0].kpis[0].targetPopulation;
    expect(reportOf(3, 8)).toEqual({
      group: '60+',
      today: '<5',
      plan: 'suppressed',
      delta: 'suppressed',
      shareToday: null,
      sharePlan: null,
    });
    expect(reportOf(0, 3)).toEqual({ group: '60+', today: 0, plan: '<5', delta: '<5', shareToday: null, sharePlan: null });
    expect(reportOf(6, 7)).toEqual({
      group: '60+',
      today: 'suppressed',
      plan: 'suppressed',
      delta: '<5',
      shareToday: null,
      sharePlan: null,
    });
    expect(reportOf(10, 18)).toEqual({ group: '60+', today: 10, plan: 18, delta: 8, shareToday: 0.25, sharePlan: 0.45 });
  });
});
