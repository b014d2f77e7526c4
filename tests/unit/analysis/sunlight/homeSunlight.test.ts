import { describe, expect, it } from 'vitest';
import { summariseSunlight } from '../../../../src/analysis/sunlight/homeSunlight';
import { computeSunlightFromRequest, sunlightRequestFromPrisms } from '../../../../src/analysis/sunlight/sunlightRequest';
import { sunlightPreset } from '../../../../src/analysis/sunlight/sunlightRules';
import type { Building, House } from '../../../../src/core/model/types';
import { at, ORIGIN } from '../localMeters';

const rect = (x0: number, y0: number, x1: number, y1: number) => [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]];

/** A 2-storey slab 40 × 10 m with two homes per floor (west and east halves), and a tall block south of its east half. */
const slab: Building = {
  id: 'S',
  footprint: rect(0, 0, 40, 10),
  floors: 2,
  heightMeters: 6,
  use: 'residential',
  yearBuilt: 1990,
  structure: 'brick-concrete',
  hasElevator: false,
  propertyManagement: 'none',
  idleStatus: 'in-use',
  grossFloorAreaM2: 800,
};
const house = (id: string, floor: number, room: string, occupancy: House['occupancy'] = 'owner-occupied'): House => ({
  id,
  buildingId: 'S',
  entrance: 1,
  floor,
  room,
  areaM2: 200,
  use: 'residential',
  occupancy,
});
const houses = [house('1-01', 1, '01'), house('1-02', 1, '02'), house('2-01', 2, '01'), house('2-02', 2, '02', 'vacant')];

describe('sunlight per home, floor and building', () => {
  const preset = sunlightPreset(undefined)!;
  // The block (x 18–70, y −22…−12, 30 m) shades the east half of the south façade and the east gable much of the day.
  const request = sunlightRequestFromPrisms(
    [
      { id: 'S', footprint: slab.footprint, heightMeters: 6, floors: 2 },
      { id: 'T', footprint: rect(18, -22, 70, -12), heightMeters: 30 },
    ],
    { origin: ORIGIN, preset, date: '2027-01-20' },
  );
  const result = computeSunlightFromRequest(request);
  const summaries = new Map([['S', { residents: 9 } as never]]);
  const sunlight = summariseSunlight({ buildings: [slab], houses }, result, preset.minHours, summaries);

  it('gives each home the best of its own stretch of façade: the west homes keep most of the sun (the block takes their early morning), the east ones lose it', () => {
    const hours = new Map(sunlight.homes.map((h) => [h.houseId, h.hours]));
    expect(hours.get('1-01')!).toBeGreaterThan(6);
    expect(hours.get('1-02')!).toBeLessThan(hours.get('1-01')!);
    expect(hours.get('1-02')!).toBeLessThan(hours.get('1-01')! - 2);
    for (const h of sunlight.homes) expect(h.passes).toBe(h.hours >= 2);
  });

  it('summarises floors (best/worst point, worst home) and the building by its worst floor', () => {
    const b = sunlight.buildings[0];
    expect(b.floors.map((f) => f.floor)).toEqual([1, 2]);
    expect(b.floors[0].bestPointHours).toBe(Math.max(...sunlight.homes.filter((h) => h.floor === 1).map((h) => h.hours)));
    expect(b.floors[0].worstPointHours).toBe(0); // the north façade
    expect(b.worstFloorHours).toBe(Math.min(...sunlight.homes.map((h) => h.hours)));
    expect(sunlight.totalHomes).toBe(4);
    expect(sunlight.passRate).toBeCloseTo((4 - sunlight.failingHomes) / 4, 9);
  });

  it('estimates residents in failing homes from the building aggregate, pro rata of occupied homes', () => {
    const b = sunlight.buildings[0];
    const failingOccupied = sunlight.homes.filter((h) => !h.passes && h.houseId !== '2-02').length;
    expect(b.residentsInFailingHomes).toBe(Math.round((9 * failingOccupied) / 3));
  });
});

describe('residents in failing homes as shown', () => {
  it('suppresses small cells and one more where a lone hidden building could be recovered from the total', async () => {
    const { residentsInFailingHomesCells } = await import('../../../../src/analysis/sunlight/homeSunlight');
    const building = (buildingId: string, residentsInFailingHomes: number) => ({
      buildingId,
      residentsInFailingHomes,
      floors: [],
      worstFloorHours: 0,
      homes: 1,
      failingHomes: 1,
    });
    const cells = residentsInFailingHomesCells({
      presetId: 'x',
      minHours: 2,
      homes: [],
      buildings: [building('A', 3), building('B', 12), building('C', 7), building('D', 0)],
      totalHomes: 4,
      failingHomes: 3,
      passRate: 0.25,
      residentsInFailingHomes: 22,
    });
    expect(cells.total).toEqual({ value: 22, suppressed: false });
    expect(cells.byBuilding.get('A')).toEqual({ suppressed: true });
    // 22 − 12 − 7 would give A away: the next smallest, C, is hidden too; zeros stay.
    expect(cells.byBuilding.get('C')).toEqual({ suppressed: true });
    expect(cells.byBuilding.get('B')).toEqual({ value: 12, suppressed: false });
    expect(cells.byBuilding.get('D')).toEqual({ value: 0, suppressed: false });
  });
});
