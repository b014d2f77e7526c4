import type { CandidateSpace } from './feasibility';
import type { ReuseRule } from './reuseRules';

/**
 * The floors (1-based) a conversion would occupy: those the category may use without an elevator,
 * or every floor where the space has one or the rule sets no limit. The same floors usableAreaM2
 * counts, so the inspector marks exactly the area the feasibility check relied on.
 */
export function convertedFloors(
  space: Pick<CandidateSpace, 'floors' | 'hasElevator'>,
  rule: Pick<ReuseRule, 'maxFloorWithoutElevator'>,
): number[] {
  const limit = rule.maxFloorWithoutElevator;
  const top = limit === null || space.hasElevator ? space.floors : Math.min(limit, space.floors);
  return Array.from({ length: Math.max(0, top) }, (_, i) => i + 1);
}
