import { describe, expect, it } from 'vitest';
import { lowCarbon } from '../../../src/scenarios/low-carbon';
import { pvPotentialOf } from '../../../src/scenarios/low-carbon/kpis';
import { kpiValues } from './kpiHelpers';
import { tinyCommunity, tinyContext } from './tinyCommunity';

describe('低碳 low-carbon scenario on the tiny community', () => {
  it('derives PV from roof × share by use × 0.15 kWp/m² × 1,000 kWh/kWp', () => {
    const h1 = pvPotentialOf(tinyCommunity().buildings[0]);
    // 400 m² roof × 20 % (homes) = 80 m² → 12 kWp → 12 MWh a year.
    expect(h1.roofM2).toBeCloseTo(400, 1);
    expect(h1.installableM2).toBeCloseTo(80, 1);
    expect(h1.kwp).toBeCloseTo(12, 2);
    expect(h1.mwhPerYear).toBeCloseTo(12, 2);
  });

  it('sums roofs and PV over all buildings, and measures green and sorted-waste reach', () => {
    const v = kpiValues(lowCarbon, tinyContext());
    // 5 roofs × 400 m² = 2,000 m²; installable 3 × 80 (homes) + 160 (S1, 40 %) + 120 (C1, 30 %) = 520 m² → 78 kWp → 78 MWh.
    expect(v['roof-area']).toBeCloseTo(2000, 0);
    expect(v['pv-capacity']).toBeCloseTo(78, 1);
    expect(v['pv-yield']).toBeCloseTo(78, 1);
    // Public green 100 × 60 = 6,000 m² / 24 residents = 250 m²/person; the 宅间绿地 (2,500 m²) does not count.
    expect(v['green-per-capita']).toBeCloseTo(250, 1);
    // It is a park of the 5-minute circle: 6,000 m² ≥ 4,000 m² and 60 m ≥ 30 m wide.
    expect(v['largest-park-area']).toBeCloseTo(6000, 0);
    // Sorted-waste point ≤ 70 m: H1 (30 m, 9 residents) only → 9 / 24.
    expect(v['waste-sorting-reach-share']).toBeCloseTo(9 / 24, 6);
  });
});
