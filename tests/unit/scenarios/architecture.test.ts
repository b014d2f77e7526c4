import { describe, expect, it } from 'vitest';
import { architecture } from '../../../src/scenarios/architecture';
import { elevatorCandidates } from '../../../src/scenarios/architecture/kpis';
import { kpiOf, kpiValues } from './kpiHelpers';
import { tinyContext } from './tinyCommunity';

describe('建筑 architecture scenario on the tiny community', () => {
  it('describes the housing stock and its CIM models', () => {
    const v = kpiValues(architecture, tinyContext(undefined, { coverage: false }));
    // Homes H1 (1985), H2 (1995), H3 (2005): 2 of 3 built by 2000; ages at 2025: 40, 30, 20 → mean 30.
    expect(v['pre-2001-home-share']).toBeCloseTo(2 / 3, 6);
    expect(v['mean-home-age']).toBe(30);
    // Brick before 1990: H1 only.
    expect(v['older-masonry-homes']).toBe(1);
    // 4+ floors: H1 (no lift) and H3 (lift) → 1 / 2.
    expect(v['elevator-share']).toBe(0.5);
    // Candidates (elevatorRules.json): ≥ 4 floors, no lift, any year → H1 only (H2 has 3 floors, H3 a lift).
    expect(v['elevator-candidates']).toBe(1);
    // H1's 3 residents aged 60+ above the 3rd floor: fewer than 5, hidden.
    expect(v['elevator-candidate-elderly']).toBeNull();
    // CIM: S1 has no level → 4 / 5 buildings modelled; lowest level CIM2.
    expect(v['cim-model-share']).toBe(0.8);
    expect(v['cim-min-level']).toBe(2);
  });

  it('ranks elevator candidates by residents 60+ above the 3rd floor and flags them', () => {
    const ctx = tinyContext(undefined, { coverage: false });
    expect(elevatorCandidates(ctx).map((c) => [c.buildingId, c.elderlyAboveFloor])).toEqual([['H1', 3]]);
    expect(kpiOf(architecture, ctx, 'elevator-candidates')).toMatchObject({ status: 'warn', evidence: { buildingIds: ['H1'] } });
  });

  it('fails the CIM coverage indicator (80 % < 100 %) and names the unmodelled building', () => {
    const kpi = kpiOf(architecture, tinyContext(undefined, { coverage: false }), 'cim-model-share');
    expect(kpi.status).toBe('bad');
    expect(kpi.evidence.buildingIds).toEqual(['S1']);
  });

  it('colours candidates apart from homes with a lift and low-rise homes', () => {
    const scene = architecture.scene(tinyContext(undefined, { coverage: false }));
    if (scene.coloring.kind !== 'custom') throw new Error('expected a custom colouring');
    const label = (id: string) =>
      scene.coloring.kind === 'custom' &&
      scene.coloring.legend.find((e) => String(e.color) === String(scene.coloring.kind === 'custom' && scene.coloring.colors.get(id)))!
        .label.en;
    expect(label('H1')).toBe('Candidate: fewer than 5 aged 60+ above 3F');
    expect(label('H2')).toBe('Low-rise home');
    expect(label('H3')).toBe('Has an elevator');
    expect(scene.highlightedBuildingIds).toEqual(['H1']);
  });
});
