import {
  AGE_BANDS,
  ELDERLY_AGE_BANDS,
  OCCUPANCIES,
  RIGHT_TYPES,
  STATS_ABOVE_FLOOR,
  type BuildingResidentStats,
  type Community,
  type House,
  type Occupancy,
  type Person,
} from '../../core/model/types';

/**
 * What is known about one building from the 人房权 tables, as raw counts: the houses from houses.csv,
 * the residents and rights from person rows where the package has them, else from its resident
 * statistics (resident-stats.csv, the same counts kept per building). Counts of people are personal
 * data in aggregate form: the UI passes them through `data/privacy/aggregate` before showing them.
 */
export interface BuildingSummary extends BuildingResidentStats {
  houses: number;
  /** Houses used as homes (户). */
  households: number;
  housesByOccupancy: Record<Occupancy, number>;
  /** Residents 60+ / residents; 0 when nobody lives there. */
  elderlyShare: number;
  /** Vacant houses / houses; 0 when there are no houses. */
  vacancyRate: number;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptySummary(buildingId: string): BuildingSummary {
  return {
    buildingId,
    houses: 0,
    households: 0,
    housesByOccupancy: zeros(OCCUPANCIES),
    residents: 0,
    residentsByAgeBand: zeros(AGE_BANDS),
    elderly: 0,
    elderlyAboveThirdFloor: 0,
    elderly80PlusAboveThirdFloor: 0,
    residentsAboveThirdFloor: 0,
    livingAloneElderly: 0,
    withDisability: 0,
    withDisabilityAboveThirdFloor: 0,
    infants: 0,
    occupiedHomes: 0,
    occupiedHomesAboveThirdFloor: 0,
    rightsByType: zeros(RIGHT_TYPES),
    elderlyShare: 0,
    vacancyRate: 0,
  };
}

/** What a summary is computed from: houses always; residents and rights from rows or statistics. */
export type SummarySource = Pick<Community, 'buildings' | 'houses'> & Partial<Pick<Community, 'rights' | 'people' | 'residentStats'>>;

/**
 * One pass over houses, rights and people: a summary for every building (also those without houses).
 * Residents come from person rows when the community has any, else from its resident statistics;
 * rights likewise from rights rows, else from the statistics. Both give the same counts for the same
 * community (the statistics are written from the rows: `residentStatsFromRows`).
 */
export function summariseBuildings(community: SummarySource): Map<string, BuildingSummary> {
  const summaries = new Map<string, BuildingSummary>();
  for (const b of community.buildings) summaries.set(b.id, emptySummary(b.id));
  const houseById = new Map<string, House>();
  for (const h of community.houses) {
    houseById.set(h.id, h);
    const s = summaries.get(h.buildingId);
    if (!s) continue;
    s.houses++;
    if (h.use === 'residential') s.households++;
    s.housesByOccupancy[h.occupancy]++;
  }
  const people = community.people ?? [];
  const rights = community.rights ?? [];
  const stats = community.residentStats ?? [];
  if (people.length) addPeople(summaries, houseById, people);
  if (rights.length) {
    for (const r of rights) {
      const house = houseById.get(r.houseId);
      const s = house && summaries.get(house.buildingId);
      if (s) s.rightsByType[r.rightType]++;
    }
  }
  for (const row of stats) {
    const s = summaries.get(row.buildingId);
    if (!s) continue;
    if (!people.length) copyResidents(s, row);
    if (!rights.length) s.rightsByType = { ...row.rightsByType };
  }
  for (const s of summaries.values()) {
    s.elderlyShare = s.residents ? s.elderly / s.residents : 0;
    s.vacancyRate = s.houses ? s.housesByOccupancy.vacant / s.houses : 0;
  }
  return summaries;
}

/** The resident statistics of every building, counted from person and rights rows (what resident-stats.csv holds). */
export function residentStatsFromRows(community: Pick<Community, 'buildings' | 'houses' | 'rights' | 'people'>): BuildingResidentStats[] {
  const summaries = summariseBuildings({
    buildings: community.buildings,
    houses: community.houses,
    rights: community.rights,
    people: community.people,
  });
  return [...summaries.values()].map((s) => ({
    buildingId: s.buildingId,
    residents: s.residents,
    residentsByAgeBand: { ...s.residentsByAgeBand },
    elderly: s.elderly,
    elderlyAboveThirdFloor: s.elderlyAboveThirdFloor,
    elderly80PlusAboveThirdFloor: s.elderly80PlusAboveThirdFloor,
    residentsAboveThirdFloor: s.residentsAboveThirdFloor,
    livingAloneElderly: s.livingAloneElderly,
    withDisability: s.withDisability,
    withDisabilityAboveThirdFloor: s.withDisabilityAboveThirdFloor,
    infants: s.infants,
    occupiedHomes: s.occupiedHomes,
    occupiedHomesAboveThirdFloor: s.occupiedHomesAboveThirdFloor,
    rightsByType: { ...s.rightsByType },
  }));
}

function copyResidents(s: BuildingSummary, row: BuildingResidentStats): void {
  s.residents = row.residents;
  s.residentsByAgeBand = { ...row.residentsByAgeBand };
  s.elderly = row.elderly;
  s.elderlyAboveThirdFloor = row.elderlyAboveThirdFloor;
  s.elderly80PlusAboveThirdFloor = row.elderly80PlusAboveThirdFloor;
  s.residentsAboveThirdFloor = row.residentsAboveThirdFloor;
  s.livingAloneElderly = row.livingAloneElderly;
  s.withDisability = row.withDisability;
  s.withDisabilityAboveThirdFloor = row.withDisabilityAboveThirdFloor;
  s.infants = row.infants;
  s.occupiedHomes = row.occupiedHomes;
  s.occupiedHomesAboveThirdFloor = row.occupiedHomesAboveThirdFloor;
}

function addPeople(summaries: Map<string, BuildingSummary>, houseById: Map<string, House>, people: readonly Person[]): void {
  const occupied = new Set<string>();
  for (const p of people) {
    const house = houseById.get(p.houseId);
    const s = house && summaries.get(house.buildingId);
    if (!s || !house) continue;
    const above = house.floor > STATS_ABOVE_FLOOR;
    s.residents++;
    s.residentsByAgeBand[p.ageBand]++;
    if (above) s.residentsAboveThirdFloor++;
    if (!occupied.has(house.id)) {
      occupied.add(house.id);
      s.occupiedHomes++;
      if (above) s.occupiedHomesAboveThirdFloor++;
    }
    if (ELDERLY_AGE_BANDS.includes(p.ageBand)) {
      s.elderly++;
      if (above) s.elderlyAboveThirdFloor++;
      if (above && p.ageBand === '80+') s.elderly80PlusAboveThirdFloor++;
    }
    if (p.tags.includes('living-alone-elderly')) s.livingAloneElderly++;
    if (p.tags.includes('disability')) {
      s.withDisability++;
      if (above) s.withDisabilityAboveThirdFloor++;
    }
    if (p.tags.includes('infant')) s.infants++;
  }
}
