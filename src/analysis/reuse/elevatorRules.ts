import { DataError, type DataIssue } from '../../core/errors';
import { AGE_BANDS, BUILDING_USES, ELDERLY_AGE_BANDS, STATS_ABOVE_FLOOR, type AgeBand, type BuildingUse } from '../../core/model/types';
import defaultElevatorRulesJson from './elevatorRules.json';

/**
 * Elevator-addition screening rules (既有住宅加装电梯) as data, each value with its source in
 * `elevatorRules.json`: which buildings qualify (use, storeys, no elevator, year built) and how the
 * qualifying ones are ranked (residents above a floor, the elderly first).
 */
export const ELEVATOR_RANK_KEYS = [
  'elderlyAboveFloor',
  'householdsAboveFloor',
  'residentsAboveFloor',
  'elderly80PlusAboveFloor',
  'disabilityAboveFloor',
] as const;
export type ElevatorRankKey = (typeof ELEVATOR_RANK_KEYS)[number];

export interface ElevatorRuleSet {
  uses: BuildingUse[];
  /** Above-ground storeys, at least. */
  minFloors: number;
  requireNoElevator: boolean;
  /**
   * Only buildings built in `maxYearBuilt` or earlier, when enabled: the 老旧小区改造 scope (built
   * before the end of 2000), not an elevator rule; off in the bundled rules.
   */
  builtByFilter: { enabled: boolean; maxYearBuilt: number };
  /** Residents on floors strictly above this one count as "above". */
  aboveFloor: number;
  elderlyAgeBands: AgeBand[];
  /** Sort keys, most important first, all descending; ties by building id. */
  rankBy: ElevatorRankKey[];
  sources: { uses: string; minFloors: string; builtByFilter: string; aboveFloor: string; elderlyAgeBands: string; rankBy: string };
}

type Json = Record<string, unknown>;

/** Validates an elevator rule set, naming the field of each problem; throws a DataError listing them all. */
export function parseElevatorRules(json: unknown, file = 'elevatorRules.json'): ElevatorRuleSet {
  const issues: DataIssue[] = [];
  const fail = (field: string, reason: string) => issues.push({ file, field, reason });
  const root = (typeof json === 'object' && json !== null && !Array.isArray(json) ? json : {}) as Json;
  if (root !== json) issues.push({ file, reason: 'must be a JSON object' });
  const listOf = <T extends string>(field: string, allowed: readonly T[]): T[] => {
    const v = root[field];
    if (!Array.isArray(v) || v.length === 0 || !v.every((x) => (allowed as readonly unknown[]).includes(x))) {
      fail(field, `must be a non-empty list of ${allowed.join(', ')}, got ${show(v)}`);
      return [];
    }
    return v as T[];
  };
  const integer = (field: string, min: number, max: number): number => {
    const v = root[field];
    if (!(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max))
      fail(field, `must be an integer in [${min}, ${max}], got ${show(v)}`);
    return v as number;
  };
  const source = (field: string): string => {
    const v = root[field];
    if (typeof v !== 'string' || v.trim() === '') fail(field, 'must cite where the value comes from');
    return v as string;
  };
  const filter = (typeof root.builtByFilter === 'object' && root.builtByFilter !== null ? root.builtByFilter : {}) as Json;
  if (typeof filter.enabled !== 'boolean') fail('builtByFilter.enabled', `must be true or false, got ${show(filter.enabled)}`);
  if (!(
    typeof filter.maxYearBuilt === 'number' &&
    Number.isInteger(filter.maxYearBuilt) &&
    filter.maxYearBuilt >= 1800 &&
    filter.maxYearBuilt <= 2100
  ))
    fail('builtByFilter.maxYearBuilt', `must be an integer in [1800, 2100], got ${show(filter.maxYearBuilt)}`);
  if (typeof filter.source !== 'string' || filter.source.trim() === '')
    fail('builtByFilter.source', 'must cite where the value comes from');
  const rules: ElevatorRuleSet = {
    uses: listOf('uses', BUILDING_USES),
    minFloors: integer('minFloors', 2, 100),
    requireNoElevator: root.requireNoElevator as boolean,
    builtByFilter: { enabled: filter.enabled as boolean, maxYearBuilt: filter.maxYearBuilt as number },
    aboveFloor: integer('aboveFloor', 1, 100),
    elderlyAgeBands: listOf('elderlyAgeBands', AGE_BANDS),
    rankBy: listOf('rankBy', ELEVATOR_RANK_KEYS),
    sources: {
      uses: source('usesSource'),
      minFloors: source('minFloorsSource'),
      builtByFilter: filter.source as string,
      aboveFloor: source('aboveFloorSource'),
      elderlyAgeBands: source('elderlyAgeBandsSource'),
      rankBy: source('rankBySource'),
    },
  };
  if (typeof root.requireNoElevator !== 'boolean') fail('requireNoElevator', `must be true or false, got ${show(root.requireNoElevator)}`);
  // The candidates are counted from building-level statistics (resident-stats.csv), which count the
  // residents above the 3rd floor and the 60+ bands: other values could not be answered from them.
  if (Number.isInteger(root.aboveFloor) && rules.aboveFloor !== STATS_ABOVE_FLOOR)
    fail('aboveFloor', `must be ${STATS_ABOVE_FLOOR}: the resident statistics count residents above the ${STATS_ABOVE_FLOOR}rd floor`);
  if (Array.isArray(root.elderlyAgeBands) && [...rules.elderlyAgeBands].sort().join() !== [...ELDERLY_AGE_BANDS].sort().join())
    fail('elderlyAgeBands', `must be ${ELDERLY_AGE_BANDS.join(', ')}: the resident statistics count the elderly as 60+`);
  if (issues.length) throw new DataError(issues, `Invalid elevator rules "${file}"`);
  return rules;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The bundled screening rules (≥4 storeys, no elevator, any year; elderly above the 3rd floor first). */
export const DEFAULT_ELEVATOR_RULES: ElevatorRuleSet = parseElevatorRules(defaultElevatorRulesJson, 'elevatorRules.json');
