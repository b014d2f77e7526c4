import { describe, expect, it } from 'vitest';
import { education } from '../../../src/scenarios/education';
import { schoolCatchments } from '../../../src/scenarios/education/kpis';
import { kpiOf, kpiValues } from './kpiHelpers';
import { tinyCommunity, tinyContext } from './tinyCommunity';

describe('教育 education scenario on the tiny community', () => {
  it('sets places against children and walks against the GB 50180 radii', () => {
    const v = kpiValues(education, tinyContext());
    // No nursery: 0 places per 1,000 residents, and the one infant (H1) is not within 300 m of one.
    expect(v['nursery-places-per-1000']).toBe(0);
    expect(v['nursery-reach-share']).toBe(0);
    // 2 kindergarten places for 3 children aged 3–5 (1 in H1, 2 in H2).
    expect(v['kindergarten-places-per-child']).toBeCloseTo(2 / 3, 6);
    // Kindergarten ≤ 300 m: H1 at 80 m (1 child); H2 at 380 m (2 children) → 1 / 3.
    expect(v['kindergarten-reach-share']).toBeCloseTo(1 / 3, 6);
    // 2SFCA: only H1's 1 child is in the catchment, R = 2 / 1, A(H1) = 2 ≥ 1 → 1 of 3 children served.
    expect(v['kindergarten-served-share']).toBeCloseTo(1 / 3, 6);
    // Primary ≤ 500 m: the only child aged 6–11 lives in H1, 580 m away → 0.
    expect(v['primary-school-reach-share']).toBe(0);
  });

  it('says a missing nursery is the gap and lists the farthest homes first', () => {
    const ctx = tinyContext();
    expect(kpiOf(education, ctx, 'nursery-reach-share').evidence.reason.en).toMatch(/No facility/);
    // Kindergarten walks: H2 380 m (children 3–5), H3 580 m has none → only H2.
    expect(kpiOf(education, ctx, 'kindergarten-reach-share').evidence.buildingIds).toEqual(['H2']);
  });

  it('reports nursery places as missing data when a nursery has no capacity', () => {
    const community = tinyCommunity();
    community.facilities.push({ id: 'N', category: 'nursery', name: '托育', position: community.facilities[0].position });
    const kpi = kpiOf(education, tinyContext(community), 'nursery-places-per-1000');
    expect(kpi).toMatchObject({ value: null, unavailable: 'no-data', status: 'bad' });
  });

  it('puts every home in the catchment of its nearest primary school, flagged beyond 500 m', () => {
    const catchments = schoolCatchments(tinyContext())!;
    expect(catchments.get('H1')).toMatchObject({ facilityId: 'P', withinRule: false });
    expect(catchments.get('H1')!.walkMeters).toBeCloseTo(580, 1);
    expect(catchments.get('H2')).toMatchObject({ facilityId: 'P', withinRule: true });
    expect(schoolCatchments(tinyContext(undefined, { coverage: false }))).toBeNull();
  });

  it('colours homes by their nearest primary school and hides the lone 6–11 child count in the chart', () => {
    const ctx = tinyContext();
    const scene = education.scene(ctx);
    expect(scene.coloring.kind).toBe('custom');
    if (scene.coloring.kind !== 'custom') return;
    const colorOf = (id: string) => String(scene.coloring.kind === 'custom' && scene.coloring.colors.get(id));
    const legend = (en: string) => String(scene.coloring.kind === 'custom' && scene.coloring.legend.find((e) => e.label.en === en)!.color);
    expect(colorOf('H1')).toBe(legend('Beyond the walk to school'));
    // The nearest school on foot, not a 学区 (in Hangzhou an assigned catchment).
    expect(colorOf('H2')).toBe(legend('Nearest school: P'));
    expect(colorOf('S1')).toBe(legend('Not a home'));
    const chart = education.charts(ctx).find((c) => c.id === 'children-by-catchment')!;
    // One child, beyond the walk: a cell of 1 is hidden (n < 5).
    expect(chart.series[1].suppressed).toEqual([true]);
    expect(chart.series[1].values).toEqual([null]);
  });
});
