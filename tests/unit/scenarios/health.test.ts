import { describe, expect, it } from 'vitest';
import { health } from '../../../src/scenarios/health';
import { elderlyServicesReached } from '../../../src/scenarios/health/kpis';
import { kpiOf, kpiValues } from './kpiHelpers';
import { tinyContext } from './tinyCommunity';

describe('健康 health scenario on the tiny community', () => {
  it('measures elderly 5-minute reach of day care, canteen and health station', () => {
    const v = kpiValues(health, tinyContext());
    // All three sit in S1: 180 m from H1 (4 aged 60+) and H2 (none), 380 m from H3 (2) → 4 / 6.
    expect(v['elderly-care-reach-share']).toBeCloseTo(4 / 6, 6);
    expect(v['elderly-canteen-reach-share']).toBeCloseTo(4 / 6, 6);
    expect(v['health-station-elderly-reach-share']).toBeCloseTo(4 / 6, 6);
    expect(v['elderly-all-services-share']).toBeCloseTo(4 / 6, 6);
    // No disability aid: the one resident with a disability (H1) is not served.
    expect(v['disability-aid-reach-share']).toBe(0);
    // 6 of 24 residents are 60+.
    expect(v['elderly-share']).toBe(0.25);
  });

  it('counts services reached per building (H1 and H2: 3; H3: 0)', () => {
    const ctx = tinyContext();
    const reached = elderlyServicesReached(ctx)!;
    const index = (id: string) => ctx.coverage!.buildingIds!.indexOf(id);
    expect([reached[index('H1')], reached[index('H2')], reached[index('H3')]]).toEqual([3, 3, 0]);
  });

  it('hides a living-alone count below 5 (2 here) but keeps the buildings as evidence', () => {
    const kpi = kpiOf(health, tinyContext(), 'living-alone-elderly');
    expect(kpi).toMatchObject({ value: null, unavailable: 'suppressed', status: 'good' });
    expect(kpi.evidence.buildingIds).toEqual(['H1']);
  });

  it('does not require disability aid of 普惠型 (warn) but fails it for 引领型', () => {
    const ctx = tinyContext();
    expect(kpiOf(health, ctx, 'disability-aid-reach-share').status).toBe('warn');
    ctx.community.manifest.communityType = 'yinling';
    expect(kpiOf(health, ctx, 'disability-aid-reach-share').status).toBe('bad');
  });

  it('colours homes by services reached, falling back to the 60+ share while circles compute', () => {
    const scene = health.scene(tinyContext());
    if (scene.coloring.kind !== 'custom') throw new Error('expected a custom colouring');
    const legend = (en: string) => String(scene.coloring.kind === 'custom' && scene.coloring.legend.find((e) => e.label.en === en)!.color);
    expect(String(scene.coloring.colors.get('H1'))).toBe(legend('3 of 3 services within 5 min'));
    expect(String(scene.coloring.colors.get('H3'))).toBe(legend('0 of 3 services within 5 min'));
    expect(String(scene.coloring.colors.get('H2'))).toBe(legend('No resident aged 60+'));
    expect(health.scene(tinyContext(undefined, { coverage: false })).coloring).toEqual({ kind: 'mode', mode: 'elderlyShare' });
  });

  it('hides small cells of the living-alone chart (H1: 2)', () => {
    const chart = health.charts(tinyContext()).find((c) => c.id === 'living-alone-by-building')!;
    expect(chart.categories.map((c) => c.en)).toEqual(['H1']);
    expect(chart.series[0]).toMatchObject({ values: [null], suppressed: [true] });
  });
});
