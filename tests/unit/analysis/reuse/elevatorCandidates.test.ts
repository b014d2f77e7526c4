import { describe, expect, it } from 'vitest';
import type { AgeBand, Building, House, Person, PersonTag } from '../../../../src/core/model/types';
import { elevatorCandidates } from '../../../../src/analysis/reuse/elevatorCandidates';
import { DEFAULT_ELEVATOR_RULES } from '../../../../src/analysis/reuse/elevatorRules';
import { stubBuilding } from '../../support/stubCommunity';
import { at } from '../localMeters';
import { loadSampleCommunity } from '../../support/samplePackage';

const building = (id: string, b: Partial<Building>): Building =>
  stubBuilding(id, {
    footprint: [[at(0, 0), at(10, 0), at(10, 10), at(0, 10), at(0, 0)]],
    yearBuilt: 1990,
    propertyManagement: 'professional',
    grossFloorAreaM2: 2000,
    ...b,
  });

const houses: House[] = [];
const people: Person[] = [];
/** A house on a floor of a building, with residents of the given age bands (and tags). */
function home(buildingId: string, floor: number, residents: (AgeBand | [AgeBand, PersonTag])[]) {
  const id = `${buildingId}-${floor}-${houses.length}`;
  houses.push({
    id,
    buildingId,
    entrance: 1,
    floor,
    room: `${floor}01`,
    areaM2: 60,
    use: 'residential',
    occupancy: residents.length ? 'owner-occupied' : 'vacant',
  });
  for (const r of residents) {
    const [ageBand, tag] = Array.isArray(r) ? r : [r, undefined];
    people.push({ id: `P${people.length}`, houseId: id, ageBand, sex: 'F', tags: tag ? [tag] : [] });
  }
}

// R1 (6 floors, 1990): 2 + 3 + 1 = 6 residents, 4 of them above the 3rd floor; elderly above the
//   3rd floor: 2 on floor 5 + 1 aged 80+ on floor 6 = 3;
//   households above: floors 5 and 6 = 2 (the empty flat on floor 4 is no household);
//   one elderly on floor 3 does not count (not above the 3rd floor).
// R2 (5 floors, 1995): elderly above: 1 + 1 + 1 = 3 on floors 4, 4, 5 in 3 households → ties R1 on
//   the elderly, wins on households (3 > 2).
// R7 (4 floors, built 2000): 1 elderly on floor 4, with a disability.
// R5 (6 floors, built 2005) qualifies too, the 2000 filter being off; nobody lives above floor 3: last.
// Not eligible: R3 has an elevator, R4 has 3 floors, R6 is commercial.
const buildings = [
  building('R1', {}),
  building('R2', { floors: 5, yearBuilt: 1995 }),
  building('R3', { hasElevator: true }),
  building('R4', { floors: 3 }),
  building('R5', { yearBuilt: 2005 }),
  building('R6', { use: 'commercial' }),
  building('R7', { floors: 4, yearBuilt: 2000, name: '7幢', entrances: 2 }),
];
home('R1', 3, ['70-79', '18-59']);
home('R1', 4, []);
home('R1', 5, ['60-69', '70-79', '18-59']);
home('R1', 6, ['80+']);
home('R2', 4, ['60-69', '18-59']);
home('R2', 4, ['70-79']);
home('R2', 5, ['60-69', '3-5']);
home('R7', 4, [['70-79', 'disability']]);
for (const id of ['R3', 'R4', 'R5', 'R6']) home(id, 3, ['80+', '80+']);

describe('elevatorCandidates', () => {
  const ranked = elevatorCandidates({ buildings, houses, people });

  it('keeps residential buildings of ≥ 4 floors without an elevator, of any year (the 老旧小区 year filter is off)', () => {
    expect(ranked.map((c) => c.buildingId)).toEqual(['R2', 'R1', 'R7', 'R5']);
    expect(ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4]);
  });

  it('counts the elderly and households above the 3rd floor from houses and people (hand-checked)', () => {
    const [r2, r1, r7] = ranked;
    expect(r1).toMatchObject({
      residents: 6,
      elderly: 4,
      households: 3,
      residentsAboveFloor: 4,
      elderlyAboveFloor: 3,
      elderly80PlusAboveFloor: 1,
      householdsAboveFloor: 2,
    });
    expect(r2).toMatchObject({
      residents: 5,
      elderly: 3,
      households: 3,
      residentsAboveFloor: 5,
      elderlyAboveFloor: 3,
      householdsAboveFloor: 3,
    });
    expect(r7).toMatchObject({
      name: '7幢',
      entrances: 2,
      floors: 4,
      yearBuilt: 2000,
      elderlyAboveFloor: 1,
      disabilityAboveFloor: 1,
      householdsAboveFloor: 1,
    });
  });

  it('ranks by the keys of the rules: households first when asked', () => {
    const byHouseholds = elevatorCandidates(
      { buildings, houses, people },
      { ...DEFAULT_ELEVATOR_RULES, rankBy: ['householdsAboveFloor', 'residentsAboveFloor'] },
    );
    // Households above: R2 3, R1 2, R7 1.
    expect(byHouseholds.map((c) => c.buildingId)).toEqual(['R2', 'R1', 'R7', 'R5']);
    const from1995 = elevatorCandidates(
      { buildings, houses, people },
      { ...DEFAULT_ELEVATOR_RULES, builtByFilter: { enabled: true, maxYearBuilt: 1994 } },
    );
    expect(from1995.map((c) => c.buildingId)).toEqual(['R1']);
    // The 老旧小区改造 year is a filter, off in the bundled rules: a 2010 walk-up is a candidate too.
    expect(DEFAULT_ELEVATOR_RULES.builtByFilter).toEqual({ enabled: false, maxYearBuilt: 2000 });
  });
});

describe('elevator candidates of the sample package 景和新村', async () => {
  const community = await loadSampleCommunity();

  it('lists every eligible building once, ranked by the elderly above the 3rd floor', () => {
    const ranked = elevatorCandidates(community);
    const eligible = community.buildings.filter((b) => b.use === 'residential' && b.floors >= 4 && !b.hasElevator);
    expect(ranked.map((c) => c.buildingId).sort()).toEqual(eligible.map((b) => b.id).sort());
    for (let i = 1; i < ranked.length; i++) {
      const [p, q] = [ranked[i - 1], ranked[i]];
      expect(
        p.elderlyAboveFloor > q.elderlyAboveFloor ||
          (p.elderlyAboveFloor === q.elderlyAboveFloor && p.householdsAboveFloor >= q.householdsAboveFloor),
      ).toBe(true);
    }
  });
});
