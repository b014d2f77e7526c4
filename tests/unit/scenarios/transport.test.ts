import { describe, expect, it } from 'vitest';
import { transport } from '../../../src/scenarios/transport';
import { networkLengthByKind } from '../../../src/scenarios/transport/kpis';
import { kpiValues } from './kpiHelpers';
import { tinyContext } from './tinyCommunity';

describe('交通 transport scenario on the tiny community', () => {
  it('measures the network inside the boundary by kind', () => {
    const byKind = networkLengthByKind(tinyContext(undefined, { coverage: false }));
    expect(byKind.footway).toBeCloseTo(400, 1);
    expect(byKind.road).toBeCloseTo(200, 1);
    expect(byKind.path).toBeCloseTo(100, 1);
    expect(byKind.steps).toBeCloseTo(20, 1);
  });

  it('computes bus reach, parking, charging and the walking network', () => {
    const v = kpiValues(transport, tinyContext());
    // Bus stop ≤ 500 m: H2 (280 m, 10 residents) and H3 (80 m, 5); H1 at 580 m (9) → 15 / 24.
    expect(v['bus-stop-reach-share']).toBeCloseTo(15 / 24, 6);
    // 10 + 5 spaces for 17 households; 2 chargers on 15 spaces.
    expect(v['parking-spaces-per-household']).toBeCloseTo(15 / 17, 6);
    expect(v['charger-share']).toBeCloseTo(2 / 15, 6);
    // Footway 400 + path 100 + steps 20 = 520 m; all 720 m on 0.245 km².
    expect(v['slow-network-length']).toBeCloseTo(520, 0);
    expect(v['walk-network-density']).toBeCloseTo(0.72 / 0.245, 2);
  });

  it('shows the network and walk time to the bus stop', () => {
    const scene = transport.scene(tinyContext());
    expect(scene).toMatchObject({ coloring: { kind: 'mode', mode: 'walkTime' }, serviceCategory: 'bus-stop', layers: { network: true } });
    expect(scene.highlightedFacilityIds.sort()).toEqual(['BUS', 'PK1', 'PK2']);
  });
});
