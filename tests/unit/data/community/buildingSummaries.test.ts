import { describe, expect, it } from 'vitest';
import type { House, Person, Right } from '../../../../src/core/model/types';
import { summariseBuildings } from '../../../../src/data/community/buildingSummaries';
import { stubBuilding } from '../../support/stubCommunity';

const house = (id: string, floor: number, occupancy: House['occupancy']): House => ({
  id,
  buildingId: 'B1',
  entrance: 1,
  floor,
  room: `0${floor}01`,
  areaM2: 60,
  use: 'residential',
  occupancy,
});
const person = (id: string, houseId: string, ageBand: Person['ageBand'], tags: Person['tags'] = []): Person => ({
  id,
  houseId,
  ageBand,
  sex: 'F',
  tags,
});

describe('summariseBuildings', () => {
  // Hand-built: 4 houses (one vacant); 5 residents of whom 3 are 60+, 2 of those above the 3rd floor.
  const houses = [house('H1', 1, 'owner-occupied'), house('H2', 4, 'rented'), house('H3', 5, 'owner-occupied'), house('H4', 6, 'vacant')];
  const people = [
    person('P1', 'H1', '60-69'),
    person('P2', 'H1', '18-59'),
    person('P3', 'H2', '80+', ['living-alone-elderly']),
    person('P4', 'H3', '70-79', ['disability']),
    person('P5', 'H3', '0-2', ['infant']),
  ];
  const rights: Right[] = houses.map((h, i) => ({ id: `R${i}`, houseId: h.id, rightType: 'property', holderRef: `X${i}`, share: 1 }));
  rights.push({ id: 'R9', houseId: 'H2', rightType: 'lease', holderRef: 'Y', share: 1 });
  const summaries = summariseBuildings({ buildings: [stubBuilding('B1'), stubBuilding('B2')], houses, rights, people });

  it('counts houses by occupancy and rights by type', () => {
    const s = summaries.get('B1')!;
    expect(s.households).toBe(4);
    expect(s.housesByOccupancy).toEqual({ 'owner-occupied': 2, rented: 1, vacant: 1 });
    expect(s.rightsByType).toEqual({ property: 4, lease: 1, 'public-housing': 0, 'use-right': 0 });
    expect(s.vacancyRate).toBe(0.25);
  });

  it('counts residents by age band, elderly above the third floor, and tagged groups', () => {
    const s = summaries.get('B1')!;
    expect(s.residents).toBe(5);
    expect(s.elderly).toBe(3);
    expect(s.elderlyAboveThirdFloor).toBe(2); // P3 on floor 4, P4 on floor 5; P1 lives on floor 1
    expect(s.livingAloneElderly).toBe(1);
    expect(s.withDisability).toBe(1);
    expect(s.infants).toBe(1);
    expect(s.elderlyShare).toBeCloseTo(0.6);
    expect(s.residentsByAgeBand['80+']).toBe(1);
  });

  it('gives a building without houses an empty summary rather than none', () => {
    expect(summaries.get('B2')).toMatchObject({ houses: 0, residents: 0, elderlyShare: 0, vacancyRate: 0 });
  });
});
