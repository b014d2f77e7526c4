import { ELDERLY_AGE_BANDS, type AgeBand, type Person } from '../../core/model/types';
import { summariseBuildings, type BuildingSummary, type SummarySource } from '../../data/community/buildingSummaries';
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
 * A community's residents per building and target population, from the building summaries (person
 * rows where the package has them, else its resident statistics: the same counts). Raw counts:
 * personal data in aggregate form; suppress small cells before showing them.
 */
export function populationByTargetFromCommunity(
  community: SummarySource,
  buildingIds: readonly string[] = community.buildings.map((b) => b.id),
  summaries: ReadonlyMap<string, BuildingSummary> = summariseBuildings(community),
): PopulationByTarget {
  const out: PopulationByTarget = {};
  for (const target of TARGET_POPULATIONS) out[target] = new Float64Array(buildingIds.length);
  buildingIds.forEach((id, b) => {
    const s = summaries.get(id);
    if (!s) return;
    for (const target of TARGET_POPULATIONS) out[target]![b] = targetCount(s, target);
  });
  return out;
}

/** The residents of a building in one target population, as `targetsOf` sorts them. */
function targetCount(s: BuildingSummary, target: TargetPopulation): number {
  switch (target) {
    case 'all':
      return s.residents;
    case '60+':
      return s.elderly;
    case 'disability':
      return s.withDisability;
    default:
      return s.residentsByAgeBand[target];
  }
}

/** Sum of a per-building array over the buildings where `include` holds. */
export function sumWhere(values: Float64Array, include: (building: number) => boolean): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) if (include(i)) total += values[i];
  return total;
}
