import { describe, expect, it } from 'vitest';
import { entrepreneurship } from '../../../src/scenarios/entrepreneurship';
import { coworkingCandidates } from '../../../src/scenarios/entrepreneurship/kpis';
import { kpiValues } from './kpiHelpers';
import { tinyContext } from './tinyCommunity';

describe('创业 entrepreneurship scenario on the tiny community', () => {
  it('finds vacant non-residential rooms, idle buildings and reusable land', () => {
    const v = kpiValues(entrepreneurship, tinyContext(undefined, { coverage: false }));
    // C1's 80 m² shop is vacant; its 60 m² shop is rented. The vacant flat in H2 is a home, not counted.
    expect(v['idle-room-count']).toBe(1);
    expect(v['idle-room-area']).toBe(80);
    expect(v['commercial-vacancy-rate']).toBe(0.5);
    // C1 is low-use; nothing else is idle.
    expect(v['idle-building-count']).toBe(1);
    // R1 idle property 120 m² + C1's vacant shop 80 m² (C1 is not an idle-property space) = 200 m².
    expect(v['coworking-candidate-area']).toBe(200);
    // R2 corner plot 200 m².
    expect(v['reuse-plot-area']).toBe(200);
  });

  it('lists candidates largest first and does not count a building twice', () => {
    const ctx = tinyContext(undefined, { coverage: false });
    expect(coworkingCandidates(ctx).map((c) => [c.id, c.areaM2])).toEqual([
      ['R1', 120],
      ['C1', 80],
    ]);
    // A vacant shop inside the idle property's building S1 is part of R1 already.
    ctx.community.houses.push({
      id: 'S1-101',
      buildingId: 'S1',
      entrance: 1,
      floor: 1,
      room: '101',
      areaM2: 50,
      use: 'public-service',
      occupancy: 'vacant',
    });
    expect(coworkingCandidates(ctx).map((c) => c.id)).toEqual(['R1', 'C1']);
  });

  it('fails the 普惠型 vacancy ceiling of 20 % with half the shops vacant', () => {
    const kpi = entrepreneurship.kpis(tinyContext(undefined, { coverage: false })).find((k) => k.id === 'commercial-vacancy-rate')!;
    expect(kpi.status).toBe('bad');
  });
});
