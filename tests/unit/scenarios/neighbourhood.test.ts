import { describe, expect, it } from 'vitest';
import { neighbourhood } from '../../../src/scenarios/neighbourhood';
import { sharedSpaces } from '../../../src/scenarios/neighbourhood/kpis';
import { kpiOf, kpiValues } from './kpiHelpers';
import { tinyCommunity, tinyContext } from './tinyCommunity';

describe('邻里 neighbourhood scenario on the tiny community', () => {
  it('counts plazas, the culture station and fitness sites off the plazas as shared space', () => {
    const s = sharedSpaces(tinyCommunity());
    // Plazas 40 × 40 + 10 × 10 = 1,700 m² (the 2,400 m² car park is no activity ground); culture station
    // 100 m²; FI1 lies on plaza P1 (not added), FI2 50 m².
    expect(s.plazaAreaM2).toBeCloseTo(1700, 0);
    expect(s.cultureAreaM2).toBe(100);
    expect(s.fitnessOnPlazas.map((f) => f.id)).toEqual(['FI1']);
    expect(s.fitnessAreaM2).toBe(50);
    expect(s.excludedAreaM2).toBeCloseTo(2400, 0);
  });

  it('computes space per resident, the largest plaza, the shared-space count and walk-reach shares', () => {
    const v = kpiValues(neighbourhood, tinyContext());
    // (1,700 + 100 + 50) m² / 24 residents = 77.083 m²/person.
    expect(v['activity-space-per-capita']).toBeCloseTo(1850 / 24, 1);
    expect(v['largest-plaza-area']).toBeCloseTo(1600, 0);
    // 2 plazas + 1 culture station + 2 fitness sites − 1 on a plaza = 4.
    expect(v['shared-space-count']).toBe(4);
    // Fitness ≤ 300 m: H1 (130 m, 9 residents) and H3 (250 m, 5); H2 (330 m, 10) is beyond → 14 / 24.
    expect(v['fitness-reach-share']).toBeCloseTo(14 / 24, 6);
    // Culture station ≤ 500 m: 180 / 180 / 380 m → everyone.
    expect(v['culture-reach-share']).toBe(1);
  });

  it('names the homes beyond the fitness walk as evidence and fails the 80 % baseline', () => {
    const kpi = kpiOf(neighbourhood, tinyContext(), 'fitness-reach-share');
    expect(kpi.evidence.buildingIds).toEqual(['H2']);
    expect(kpi.evidence.facilityIds).toEqual(['FI1', 'FI2']);
    expect(kpi.status).toBe('bad');
    expect(kpi.indicatorId).toBe('neighbourhood.fitness-5min');
  });

  it('reports walk-reach KPIs as pending while the service circles compute, the others at once', () => {
    const kpis = neighbourhood.kpis(tinyContext(undefined, { coverage: false }));
    const pending = kpis.filter((k) => k.status === 'pending').map((k) => k.id);
    expect(pending).toEqual(['fitness-reach-share', 'culture-reach-share']);
    for (const k of kpis.filter((k) => k.status === 'pending')) expect(k).toMatchObject({ value: null, unavailable: 'pending' });
    expect(kpis.find((k) => k.id === 'activity-space-per-capita')!.value).toBeCloseTo(1850 / 24, 1);
  });
});
