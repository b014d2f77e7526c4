import { describe, expect, it } from 'vitest';
import { propertyService } from '../../../src/scenarios/property-service';
import { kpiOf, kpiValues } from './kpiHelpers';
import { tinyContext } from './tinyCommunity';

describe('服务 property-service scenario on the tiny community', () => {
  it('measures property management, parcels and grocery', () => {
    const v = kpiValues(propertyService, tinyContext());
    // Homes: H1 professional, H2 none, H3 self-managed → 2 / 3 managed, 1 / 3 professional.
    expect(v['property-management-share']).toBeCloseTo(2 / 3, 6);
    expect(v['professional-management-share']).toBeCloseTo(1 / 3, 6);
    // Parcel ≤ 150 m: H1 (30 m, 9 residents) only → 9 / 24.
    expect(v['parcel-reach-share']).toBeCloseTo(9 / 24, 6);
    // 30 lockers / 17 households × 100 = 176.5.
    expect(v['parcel-lockers-per-100-households']).toBeCloseTo(3000 / 17, 6);
    // Grocery ≤ 500 m: 430 / 130 / 130 m → everyone.
    expect(v['grocery-reach-share']).toBe(1);
  });

  it('fails 物业管理全覆盖 and names the unmanaged home', () => {
    const kpi = kpiOf(propertyService, tinyContext(), 'property-management-share');
    expect(kpi).toMatchObject({ status: 'bad', indicatorId: 'property-service.management-coverage', evidence: { buildingIds: ['H2'] } });
    expect(propertyService.scene(tinyContext()).highlightedBuildingIds).toEqual(['H2']);
  });
});
