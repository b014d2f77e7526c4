import {
  AGE_BANDS,
  ELDERLY_AGE_BANDS,
  OCCUPANCIES,
  RIGHT_TYPES,
  type AgeBand,
  type Community,
  type House,
  type Occupancy,
  type Person,
  type RightType,
} from '../../core/model/types';

/**
 * What is known about one building from the 人房权 tables, as raw counts. Counts of people are
 * personal data in aggregate form: the UI passes them through `data/privacy/aggregate` before showing them.
 */
export interface BuildingSummary {
  buildingId: string;
  houses: number;
  /** Houses used as homes (户). */
  households: number;
  housesByOccupancy: Record<Occupancy, number>;
  residents: number;
  residentsByAgeBand: Record<AgeBand, number>;
  elderly: number;
  /** Residents aged 60+ living above the 3rd floor (elevator need). */
  elderlyAboveThirdFloor: number;
  livingAloneElderly: number;
  withDisability: number;
  infants: number;
  rightsByType: Record<RightType, number>;
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
    livingAloneElderly: 0,
    withDisability: 0,
    infants: 0,
    rightsByType: zeros(RIGHT_TYPES),
    elderlyShare: 0,
    vacancyRate: 0,
  };
}

/** One pass over houses, rights and people: a summary for every building (also those without houses). */
export function summariseBuildings(community: Pick<Community, 'buildings' | 'houses' | 'rights' | 'people'>): Map<string, BuildingSummary> {
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
  for (const r of community.rights) {
    const house = houseById.get(r.houseId);
    const s = house && summaries.get(house.buildingId);
    if (s) s.rightsByType[r.rightType]++;
  }
  for (const p of community.people) addPerson(summaries, houseById, p);
  for (const s of summaries.values()) {
    s.elderlyShare = s.residents ? s.elderly / s.residents : 0;
    s.vacancyRate = s.houses ? s.housesByOccupancy.vacant / s.houses : 0;
  }
  return summaries;
}

function addPerson(summaries: Map<string, BuildingSummary>, houseById: Map<string, House>, p: Person): void {
  const house = houseById.get(p.houseId);
  const s = house && summaries.get(house.buildingId);
  if (!s || !house) return;
  s.residents++;
  s.residentsByAgeBand[p.ageBand]++;
  if (ELDERLY_AGE_BANDS.includes(p.ageBand)) {
    s.elderly++;
    if (house.floor > 3) s.elderlyAboveThirdFloor++;
  }
  if (p.tags.includes('living-alone-elderly')) s.livingAloneElderly++;
  if (p.tags.includes('disability')) s.withDisability++;
  if (p.tags.includes('infant')) s.infants++;
}
