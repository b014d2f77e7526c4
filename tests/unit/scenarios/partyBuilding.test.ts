import { describe, expect, it } from 'vitest';
import { partyBuilding } from '../../../src/scenarios/party-building';
import { kpiValues } from './kpiHelpers';
import { tinyContext } from './tinyCommunity';

describe('一统 party-building overlay on the tiny community', () => {
  it('finds the 党群服务中心, its reach and the volunteers attached to the grid', () => {
    const v = kpiValues(partyBuilding, tinyContext());
    expect(v['party-centre-count']).toBe(1);
    // The community 5-minute tier, ≤ 300 m: 180 / 180 / 380 m → H1 (9) and H2 (10), not H3 (5): 19 / 24.
    expect(v['party-centre-reach-share']).toBeCloseTo(19 / 24, 9);
    expect(v['party-centre-area']).toBe(300);
    // (3 + 5) volunteers / 17 households × 100 = 47.06.
    expect(v['volunteers-per-100-households']).toBeCloseTo(800 / 17, 6);
    expect(v['party-satisfied-share']).toBe(0.95);
  });

  it('is an overlay centred on the centre and its reach', () => {
    expect(partyBuilding.kind).toBe('overlay');
    const scene = partyBuilding.scene(tinyContext());
    expect(scene).toMatchObject({
      serviceCategory: 'party-service-centre',
      highlightedBuildingIds: ['S1'],
      highlightedFacilityIds: ['PC'],
    });
  });
});
