import { describe, expect, it } from 'vitest';
import type { Building } from '../../../src/core/model/types';
import type { BuildingSummary } from '../../../src/data/community/buildingSummaries';
import { COLOR_MODES, COLOR_MODE_DEFINITIONS, colorBuildings } from '../../../src/layers/buildingColorModes';
import { stubBuilding } from '../support/stubCommunity';

const base: Building = stubBuilding('B', { propertyManagement: 'none', grossFloorAreaM2: 1000 });
const summary = (over: Partial<BuildingSummary>) =>
  ({ houses: 10, residents: 20, vacancyRate: 0, elderlyShare: 0, ...over }) as BuildingSummary;

describe('building colour modes', () => {
  it('colours every mode from its own legend, so the legend always explains the map', () => {
    for (const mode of COLOR_MODES) {
      const definition = COLOR_MODE_DEFINITIONS[mode];
      const legendColors = definition.legend.map((e) => String(e.color));
      for (const building of [base, { ...base, floors: 2, yearBuilt: 2015, hasElevator: true, use: 'commercial' as const }]) {
        expect(legendColors).toContain(
          String(definition.colorOf(building, { summary: summary({ vacancyRate: 0.33, elderlyShare: 0.12 }), value: 420 })),
        );
      }
    }
  });

  it('puts a 1988 building in the 1980–1989 class and 2000 in 2000–2009 (lower bounds inclusive)', () => {
    const year = COLOR_MODE_DEFINITIONS.yearBuilt;
    const label = (y: number) => year.legend.find((e) => String(e.color) === String(year.colorOf({ ...base, yearBuilt: y }, {})))!.label;
    expect(label(1988)).toBe('1980–1989');
    expect(label(2000)).toBe('2000–2009');
    expect(label(1979)).toBe('< 1980');
  });

  it('marks walk-ups of 4+ floors without an elevator apart from low buildings', () => {
    const elevator = COLOR_MODE_DEFINITIONS.elevator;
    expect(elevator.colorOf({ ...base, floors: 6 }, {})).toEqual(elevator.legend[1].color);
    expect(elevator.colorOf({ ...base, floors: 3 }, {})).toEqual(elevator.legend[2].color);
    expect(elevator.colorOf({ ...base, hasElevator: true }, {})).toEqual(elevator.legend[0].color);
  });

  it('shows "no data" for the elderly share of a building where nobody lives, not 0 %', () => {
    const mode = COLOR_MODE_DEFINITIONS.elderlyShare;
    const noData = mode.legend.find((e) => e.label === 'legend.noData')!.color;
    expect(mode.colorOf(base, { summary: summary({ residents: 0 }) })).toEqual(noData);
    expect(mode.colorOf(base, { summary: summary({ residents: 10, elderlyShare: 0.45 }) })).toEqual(mode.legend[4].color); // ≥ 40 %
  });

  it('bands walk times at the 5/10/15-minute living circles, inclusive of the limit, and marks the unreachable', () => {
    const walk = COLOR_MODE_DEFINITIONS.walkTime;
    const label = (seconds: number | undefined) =>
      walk.legend.find((e) => String(e.color) === String(walk.colorOf(base, { value: seconds })))!.label;
    expect(label(300)).toBe('≤ 5 min'); // exactly 300 m at 1 m/s is inside the 5-minute circle
    expect(label(301)).toBe('5–10 min');
    expect(label(900)).toBe('10–15 min');
    expect(label(1200)).toBe('> 15 min');
    expect(label(Infinity)).toBe('legend.unreachable');
    expect(label(undefined)).toBe('legend.noData');
  });

  it('colours a whole community keyed by building id', () => {
    const colors = colorBuildings([base, { ...base, id: 'C', use: 'education' }], new Map(), 'use');
    expect([...colors.keys()]).toEqual(['B', 'C']);
    expect(colors.get('C')).toEqual(COLOR_MODE_DEFINITIONS.use.colorOf({ ...base, use: 'education' }, {}));
  });
});
