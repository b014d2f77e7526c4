import type { FacilityCategory } from '../../core/model/types';
import type { ServiceRuleSet } from './rules';

/**
 * A rule set with the user's edited walking limits and speed. The cited source of an edited row is
 * marked, so a report can tell a standard's value from a local choice.
 */
export function withUserSettings(
  rules: ServiceRuleSet,
  maxDistanceOverrides: Partial<Record<FacilityCategory, number>>,
  walkSpeedMetersPerSecond: number,
): ServiceRuleSet {
  return {
    ...rules,
    walkSpeedMetersPerSecond,
    rules: rules.rules.map((rule) => {
      const meters = maxDistanceOverrides[rule.category];
      return meters === undefined || meters === rule.maxDistanceMeters
        ? rule
        : {
            ...rule,
            maxDistanceMeters: meters,
            source: `user setting ${meters} m (standard: ${rule.maxDistanceMeters} m; ${rule.source})`,
          };
    }),
  };
}
