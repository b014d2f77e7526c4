import { ELDERLY_AGE_BANDS, type AgeBand, type Community, type Person } from '../../core/model/types';
import { TARGET_POPULATIONS, type TargetPopulation } from './rules';

/**
 * Residents per building for each target population of the rules, as typed arrays indexed like the
 * buildings (transferable to a worker). A target missing from the record is unknown, not zero.
 */
export type PopulationByTarget = Partial<Record<TargetPopulation, Float64Array>>;

const BAND_TARGET: Partial<Record<AgeBand, TargetPopulation>> = { '0-2': '0-2', '3-5': '3-5', '6-11': '6-11', '12-14': '12-14' };

/** The target populations a person belongs to (always 'all'). */
export function targetsOf(person: Pick<Person, 'ageBand' | 'tags'>): TargetPopulation[] {
  const out: TargetPopulation[] = ['all'];
  const band = BAND_TARGET[person.ageBand];
  if (band) out.push(band);
  if (ELDERLY_AGE_BANDS.includes(person.ageBand)) out.push('60+');
  if (person.tags.includes('disability')) out.push('disability');
  return out;
}

/**
 * Counts a community's residents per building and target population (person → house → building).
 * Raw counts: personal data in aggregate form; suppress small cells before showing them.
 */
export function populationByTargetFromCommunity(
  community: Pick<Community, 'buildings' | 'houses' | 'people'>,
  buildingIds: readonly string[] = community.buildings.map((b) => b.id),
): PopulationByTarget {
  const buildingIndex = new Map(buildingIds.map((id, i) => [id, i]));
  const houseBuilding = new Map(community.houses.map((h) => [h.id, buildingIndex.get(h.buildingId)]));
  const out: PopulationByTarget = {};
  for (const target of TARGET_POPULATIONS) out[target] = new Float64Array(buildingIds.length);
  for (const person of community.people) {
    const b = houseBuilding.get(person.houseId);
    if (b === undefined) continue;
    for (const target of targetsOf(person)) out[target]![b]++;
  }
  return out;
}

/** Sum of a per-building array over the buildings where `include` holds. */
export function sumWhere(values: Float64Array, include: (building: number) => boolean): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (include(i)) total += values[i];
  return total;
}
