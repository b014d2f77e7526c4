import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../src/core/geo/localFrame';
import type { AgeBand, Building, House, Person, Right } from '../../../src/core/model/types';
import { formatSuppressed } from '../../../src/data/privacy/aggregate';
import { dictionaryKeys } from '../../../src/i18n/translate';
import { ageClassColor, INSPECTOR_COLOR_MODES, UNIT_LEGENDS } from '../../../src/layers/unitColorModes';
import { dominantRightType, findUnit, footprintExtents, layoutBuildingUnits } from '../../../src/layers/unitLayout';

/**
 * A hand-made walk-up: 30 m × 12 m, its long side turned 30° from east (so the long axis must be
 * found, not read off the lon/lat box), 3 floors, 9 m high (3 m storeys), 2 entrances.
 */
const frame = createLocalFrame([120.18, 30.27]);
const turn = (x: number, y: number, deg = 30) => {
  const r = (deg * Math.PI) / 180;
  return frame.toLonLat(x * Math.cos(r) - y * Math.sin(r), x * Math.sin(r) + y * Math.cos(r));
};
const building: Building = {
  id: 'B1',
  name: '7幢',
  footprint: [[turn(0, 0), turn(30, 0), turn(30, 12), turn(0, 12), turn(0, 0)]],
  floors: 3,
  heightMeters: 9,
  use: 'residential',
  yearBuilt: 1988,
  structure: 'brick-concrete',
  hasElevator: false,
  propertyManagement: 'self-managed',
  idleStatus: 'in-use',
  grossFloorAreaM2: 1080,
  entrances: 2,
};

const house = (
  entrance: number,
  floor: number,
  room: string,
  areaM2: number,
  occupancy: House['occupancy'] = 'owner-occupied',
  buildingId = 'B1',
): House => ({
  id: `${buildingId}-${entrance}-${room}`,
  buildingId,
  entrance,
  floor,
  room,
  areaM2,
  use: 'residential',
  occupancy,
});
// Floor 1 totals 200 m² over 30 m: 60 → 9 m, 40 → 6 m, 50 → 7.5 m, 50 → 7.5 m. Listed out of order on purpose.
const houses: House[] = [
  house(2, 1, '0102', 50, 'vacant'),
  house(1, 1, '0102', 40),
  house(2, 1, '0101', 50, 'rented'),
  house(1, 1, '0101', 60),
  // Floor 2: rooms "2" and "10" sort numerically (2 before 10), 45 + 45 m² → 15 m each.
  house(1, 2, '10', 45),
  house(1, 2, '2', 45),
  // Floor 3 has no house records; floor 0 is a basement store the schematic cannot place.
  house(1, 0, '0001', 10),
  house(1, 1, '0101', 70, 'owner-occupied', 'OTHER'),
];

let personCount = 0;
const people = (houseId: string, bands: AgeBand[]): Person[] =>
  bands.map((ageBand) => ({ id: `P${++personCount}`, houseId, ageBand, sex: 'F', tags: [] }));
const residents: Person[] = [
  // 1-0101: 6 people, five of them 70–79 (an elderly-care group home, say).
  ...people('B1-1-0101', ['70-79', '70-79', '70-79', '70-79', '70-79', '18-59']),
  // 1-0102: a grandparent and an infant: 2 people.
  ...people('B1-1-0102', ['80+', '0-2']),
  // 2-0101: 5 people, two of them 3–5.
  ...people('B1-2-0101', ['18-59', '18-59', '18-59', '3-5', '3-5']),
  // 2-0102 is vacant: nobody. 1-2 (floor 2): five adults.
  ...people('B1-1-2', ['18-59', '18-59', '18-59', '18-59', '18-59']),
  // Someone in the other building never counts here.
  ...people('OTHER-1-0101', ['80+']),
];

const right = (houseId: string, rightType: Right['rightType'], share: number): Right => ({
  id: `R-${houseId}-${rightType}-${share}`,
  houseId,
  rightType,
  holderRef: 'H-x',
  share,
});
const rights: Right[] = [
  right('B1-1-0101', 'property', 0.5),
  right('B1-1-0101', 'property', 0.5),
  right('B1-1-0101', 'lease', 1),
  right('B1-1-0102', 'lease', 1),
  right('B1-2-0101', 'public-housing', 1),
  right('B1-2-0101', 'property', 0.4),
];

const data = { houses, rights, people: residents };
const publicLayout = layoutBuildingUnits(building, data, { role: 'public', highlightFloors: [1, 3] });
const caseworkerLayout = layoutBuildingUnits(building, data, { role: 'caseworker' });
const unit = (layout: typeof publicLayout, id: string) => {
  const found = findUnit(layout, id);
  if (!found) throw new Error(`no unit ${id}`);
  return found;
};

describe('layoutBuildingUnits: geometry', () => {
  it('measures the footprint along its long axis even when the block is turned (30 m × 12 m at 30°)', () => {
    expect(publicLayout.lengthMeters).toBeCloseTo(30, 1);
    expect(publicLayout.depthMeters).toBeCloseTo(12, 1);
    expect(footprintExtents({ footprint: [] })).toEqual({ lengthMeters: 1, depthMeters: 1 });
  });

  it('has every floor 1..floors, also one without house records, at 3 m storeys', () => {
    expect(publicLayout.floors.map((f) => f.floor)).toEqual([1, 2, 3]);
    expect(publicLayout.floors.map((f) => f.elevationMeters)).toEqual([0, 3, 6]);
    expect(publicLayout.floorHeightMeters).toBe(3);
    expect(publicLayout.floors[2].units).toEqual([]);
  });

  it('orders units by entrance then room and gives each a share of the length equal to its share of floor area', () => {
    const floor1 = publicLayout.floors[0].units;
    expect(floor1.map((u) => u.id)).toEqual(['B1-1-0101', 'B1-1-0102', 'B1-2-0101', 'B1-2-0102']);
    expect(floor1.map((u) => u.widthMeters).map((w) => Number(w.toFixed(2)))).toEqual([9, 6, 7.5, 7.5]);
    expect(floor1.map((u) => Number(u.xMeters.toFixed(2)))).toEqual([0, 9, 15, 22.5]);
    expect(publicLayout.floors[1].units.map((u) => u.address.room)).toEqual(['2', '10']);
  });

  it('counts houses outside 1..floors as unplaced and ignores other buildings', () => {
    expect(publicLayout.unplacedHouses).toBe(1);
    expect(publicLayout.floors.flatMap((f) => f.units).length).toBe(6);
  });

  it('marks the floors asked for', () => {
    expect(publicLayout.floors.map((f) => f.highlighted)).toEqual([true, false, true]);
    expect(caseworkerLayout.floors.every((f) => !f.highlighted)).toBe(true);
  });

  it('addresses a unit 幢-单元-层-室 with the building name', () => {
    expect(unit(publicLayout, 'B1-2-0101').address).toEqual({ building: '7幢', entrance: 2, floor: 1, room: '0101' });
  });
});

describe('layoutBuildingUnits: attributes and privacy', () => {
  it('takes the right type with the largest summed share, ties to the earlier type (property before lease)', () => {
    expect(unit(publicLayout, 'B1-1-0101').rightType).toBe('property'); // 0.5 + 0.5 vs lease 1
    expect(unit(publicLayout, 'B1-1-0102').rightType).toBe('lease');
    expect(unit(publicLayout, 'B1-2-0101').rightType).toBe('public-housing'); // 1 vs 0.4
    expect(unit(publicLayout, 'B1-2-0102').rightType).toBeNull();
    expect(dominantRightType([])).toBeNull();
  });

  it('shows resident counts of 1–4 as "<5" for every role, and 0 and 5+ as they are', () => {
    const shown = (id: string, layout = publicLayout) => formatSuppressed(unit(layout, id).residents!);
    expect(shown('B1-1-0101')).toBe('6');
    expect(shown('B1-1-0102')).toBe('<5');
    expect(shown('B1-1-0102', caseworkerLayout)).toBe('<5');
    expect(shown('B1-2-0101')).toBe('5');
    expect(shown('B1-2-0102')).toBe('0');
  });

  it('gives the public no age detail for a household under 5, and the same colour whatever its ages', () => {
    const twoPeople = unit(publicLayout, 'B1-1-0102'); // truly "both": 80+ and 0–2
    expect(twoPeople.ageBands).toBeNull();
    expect(twoPeople.ageClass).toBe('suppressed');
    // 2-0101 (five people, two small children) is also suppressed: 2 children is a small cell.
    const fivePeople = unit(publicLayout, 'B1-2-0101');
    expect(fivePeople.ageClass).toBe('suppressed');
    expect(fivePeople.colors.ageBand).toEqual(twoPeople.colors.ageBand);
    expect(fivePeople.colors.ageBand).toEqual(ageClassColor('suppressed'));
  });

  it('suppresses small age cells of a 5+ household, with the complementary cell so no band can be recovered', () => {
    // 1-0101: 5 × 70–79 and 1 × 18–59, total 6 published: the 1 is small, so the 5 goes too.
    const bands = unit(publicLayout, 'B1-1-0101').ageBands!;
    expect(bands['18-59']).toEqual({ suppressed: true });
    expect(bands['70-79']).toEqual({ suppressed: true });
    expect(bands['0-2']).toEqual({ value: 0, suppressed: false });
    // Five elderly is not a small cell: the class may say "has 60+".
    expect(unit(publicLayout, 'B1-1-0101').ageClass).toBe('elderly');
    expect(unit(publicLayout, 'B1-1-2').ageClass).toBe('other');
    expect(unit(publicLayout, 'B1-1-2').ageBands!['18-59']).toEqual({ value: 5, suppressed: false });
  });

  it('gives caseworkers (who see person rows) the true age bands and classes', () => {
    expect(unit(caseworkerLayout, 'B1-1-0102').ageClass).toBe('both');
    expect(unit(caseworkerLayout, 'B1-2-0101').ageClass).toBe('child');
    expect(unit(caseworkerLayout, 'B1-1-0102').ageBands!['80+']).toEqual({ value: 1, suppressed: false });
    expect(unit(caseworkerLayout, 'B1-1-0102').colors.ageBand).not.toEqual(unit(publicLayout, 'B1-1-0102').colors.ageBand);
  });

  it('calls an unoccupied unit empty, in a colour apart from the suppressed one', () => {
    const vacant = unit(publicLayout, 'B1-2-0102');
    expect(vacant.occupancy).toBe('vacant');
    expect(vacant.ageClass).toBe('empty');
    expect(vacant.colors.ageBand).not.toEqual(ageClassColor('suppressed'));
  });

  it('colours each unit in every mode from its own attributes', () => {
    const rented = unit(publicLayout, 'B1-2-0101');
    const vacant = unit(publicLayout, 'B1-2-0102');
    expect(rented.colors.occupancy).not.toEqual(vacant.colors.occupancy);
    expect(unit(publicLayout, 'B1-1-0101').colors.rightType).not.toEqual(unit(publicLayout, 'B1-1-0102').colors.rightType);
  });
});

describe('layoutBuildingUnits: a package with building statistics and no person rows', () => {
  // The bundled packages: residents per building in resident-stats.csv, no people.csv or rights.csv.
  const statsOnly = layoutBuildingUnits(building, { houses, rights: [], people: [], residentStats: [{}] }, { role: 'caseworker' });

  it('knows no residents or ages per home (unknown, not zero) and keeps the occupancy of houses.csv', () => {
    const home = unit(statsOnly, 'B1-1-0101');
    expect(home.residents).toBeNull();
    expect(home.ageBands).toBeNull();
    expect(home.ageClass).toBe('unknown');
    expect(home.colors.ageBand).not.toEqual(ageClassColor('empty'));
    expect(home.colors.occupancy).toEqual(unit(caseworkerLayout, 'B1-1-0101').colors.occupancy);
    expect(home.rightType).toBeNull();
  });

  it('still counts nobody in a community that has neither person rows nor statistics', () => {
    const empty = layoutBuildingUnits(building, { houses, rights: [], people: [] }, { role: 'public' });
    expect(unit(empty, 'B1-1-0101').residents).toEqual({ value: 0, suppressed: false });
    expect(unit(empty, 'B1-1-0101').ageClass).toBe('empty');
  });
});

describe('unit colour legends', () => {
  it('name every legend entry with a key present in the dictionaries', () => {
    const known = new Set(dictionaryKeys('zh-CN'));
    for (const mode of INSPECTOR_COLOR_MODES)
      for (const entry of UNIT_LEGENDS[mode]) expect(known.has(entry.label), entry.label).toBe(true);
  });
});
