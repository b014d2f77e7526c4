import { ringCentroid } from '../../core/geo/polygon';
import type { Community, LonLat } from '../../core/model/types';
import { DEFAULT_ELEVATOR_RULES, type ElevatorRankKey, type ElevatorRuleSet } from './elevatorRules';

/**
 * Buildings to consider for an added elevator (既有住宅加装电梯), ranked by who would gain most. A
 * household is a house with at least one resident in the people table; residents are counted
 * person → house → building, by the floor of their house. Raw counts: personal data in aggregate
 * form; suppress small cells (src/data/privacy/aggregate.ts) before showing them beyond the planners.
 */
export interface ElevatorCandidate extends Record<ElevatorRankKey, number> {
  buildingId: string;
  name?: string;
  floors: number;
  yearBuilt: number;
  entrances?: number;
  position: LonLat;
  residents: number;
  elderly: number;
  households: number;
  /** 1-based position in the ranking. */
  rank: number;
}

export function elevatorCandidates(
  community: Pick<Community, 'buildings' | 'houses' | 'people'>,
  rules: ElevatorRuleSet = DEFAULT_ELEVATOR_RULES,
): ElevatorCandidate[] {
  const eligible = community.buildings.filter(
    (b) =>
      rules.uses.includes(b.use) &&
      b.floors >= rules.minFloors &&
      !(rules.requireNoElevator && b.hasElevator) &&
      (!rules.builtByFilter.enabled || b.yearBuilt <= rules.builtByFilter.maxYearBuilt),
  );
  const rows = new Map<string, Omit<ElevatorCandidate, 'rank'>>(
    eligible.map((b) => [
      b.id,
      {
        buildingId: b.id,
        ...(b.name !== undefined ? { name: b.name } : {}),
        floors: b.floors,
        yearBuilt: b.yearBuilt,
        ...(b.entrances !== undefined ? { entrances: b.entrances } : {}),
        position: ringCentroid(b.footprint),
        residents: 0,
        elderly: 0,
        households: 0,
        residentsAboveFloor: 0,
        elderlyAboveFloor: 0,
        elderly80PlusAboveFloor: 0,
        disabilityAboveFloor: 0,
        householdsAboveFloor: 0,
      },
    ]),
  );
  const houses = new Map(community.houses.filter((h) => rows.has(h.buildingId)).map((h) => [h.id, h]));
  const occupied = new Set<string>();
  for (const person of community.people) {
    const house = houses.get(person.houseId);
    if (!house) continue;
    const row = rows.get(house.buildingId)!;
    const above = house.floor > rules.aboveFloor;
    const elderly = rules.elderlyAgeBands.includes(person.ageBand);
    row.residents++;
    if (elderly) row.elderly++;
    if (!occupied.has(house.id)) {
      occupied.add(house.id);
      row.households++;
      if (above) row.householdsAboveFloor++;
    }
    if (!above) continue;
    row.residentsAboveFloor++;
    if (elderly) row.elderlyAboveFloor++;
    if (person.ageBand === '80+') row.elderly80PlusAboveFloor++;
    if (person.tags.includes('disability')) row.disabilityAboveFloor++;
  }
  const sorted = [...rows.values()].sort((p, q) => {
    for (const key of rules.rankBy) if (p[key] !== q[key]) return q[key] - p[key];
    return p.buildingId < q.buildingId ? -1 : p.buildingId > q.buildingId ? 1 : 0;
  });
  return sorted.map((row, i) => ({ ...row, rank: i + 1 }));
}
