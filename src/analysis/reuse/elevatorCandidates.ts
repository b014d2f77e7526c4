import { ringCentroid } from '../../core/geo/polygon';
import { STATS_ABOVE_FLOOR, type LonLat } from '../../core/model/types';
import { summariseBuildings, type BuildingSummary, type SummarySource } from '../../data/community/buildingSummaries';
import { DEFAULT_ELEVATOR_RULES, type ElevatorRankKey, type ElevatorRuleSet } from './elevatorRules';

/**
 * Buildings to consider for an added elevator (既有住宅加装电梯), ranked by who would gain most. A
 * household is a house with at least one resident; the counts are the building summaries' (from
 * person rows where the package has them, else from its resident statistics, which count above the
 * rules' 3rd floor: elevatorRules.ts holds the rules to that floor and to the 60+ bands). Raw counts:
 * personal data in aggregate form; suppress small cells (src/data/privacy/aggregate.ts) before
 * showing them beyond the planners.
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
  community: SummarySource,
  rules: ElevatorRuleSet = DEFAULT_ELEVATOR_RULES,
  summaries: ReadonlyMap<string, BuildingSummary> = summariseBuildings(community),
): ElevatorCandidate[] {
  if (rules.aboveFloor !== STATS_ABOVE_FLOOR)
    throw new Error(`elevator rules: aboveFloor must be ${STATS_ABOVE_FLOOR}, got ${rules.aboveFloor}`);
  const eligible = community.buildings.filter(
    (b) =>
      rules.uses.includes(b.use) &&
      b.floors >= rules.minFloors &&
      !(rules.requireNoElevator && b.hasElevator) &&
      (!rules.builtByFilter.enabled || b.yearBuilt <= rules.builtByFilter.maxYearBuilt),
  );
  const rows = eligible.map((b): Omit<ElevatorCandidate, 'rank'> => {
    const s = summaries.get(b.id);
    return {
      buildingId: b.id,
      ...(b.name !== undefined ? { name: b.name } : {}),
      floors: b.floors,
      yearBuilt: b.yearBuilt,
      ...(b.entrances !== undefined ? { entrances: b.entrances } : {}),
      position: ringCentroid(b.footprint),
      residents: s?.residents ?? 0,
      elderly: s ? rules.elderlyAgeBands.reduce((sum, band) => sum + s.residentsByAgeBand[band], 0) : 0,
      households: s?.occupiedHomes ?? 0,
      residentsAboveFloor: s?.residentsAboveThirdFloor ?? 0,
      elderlyAboveFloor: s?.elderlyAboveThirdFloor ?? 0,
      elderly80PlusAboveFloor: s?.elderly80PlusAboveThirdFloor ?? 0,
      disabilityAboveFloor: s?.withDisabilityAboveThirdFloor ?? 0,
      householdsAboveFloor: s?.occupiedHomesAboveThirdFloor ?? 0,
    };
  });
  const sorted = [...rows].sort((p, q) => {
    for (const key of rules.rankBy) if (p[key] !== q[key]) return q[key] - p[key];
    return p.buildingId < q.buildingId ? -1 : p.buildingId > q.buildingId ? 1 : 0;
  });
  return sorted.map((row, i) => ({ ...row, rank: i + 1 }));
}
