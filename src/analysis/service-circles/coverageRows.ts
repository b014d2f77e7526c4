import type { FacilityCategory } from '../../core/model/types';
import type { CategoryCoverage, ServiceCoverage } from './computeServiceCoverage';
import { DEFAULT_SERVICE_RULES, tierOf, type ServiceLevel, type ServiceRuleSet, type ServiceTier, type TargetPopulation } from './rules';

/** The columns every coverage table opens with: the category and its rule (circle, distance, who it serves). */
export interface CoverageRuleColumns {
  category: FacilityCategory;
  /** 街道 (15-minute) or 社区 (5-minute) tier, 杭政办函〔2023〕52号 四(一)1. */
  tier: ServiceTier;
  level: ServiceLevel;
  maxDistanceMeters: number;
  targetPopulation: TargetPopulation;
}

/**
 * One row per category of a coverage result, in its order: the rule's columns, then the columns
 * `columns` picks from the category's figures (rounded for the CLI's JSON, suppressed for the
 * report), in the order it gives them.
 */
export function coverageRows<T extends object>(
  coverage: Pick<ServiceCoverage, 'categories'>,
  columns: (c: CategoryCoverage) => T,
  rules: Pick<ServiceRuleSet, 'tiers'> = DEFAULT_SERVICE_RULES,
): (CoverageRuleColumns & T)[] {
  return coverage.categories.map((c) => ({
    category: c.category,
    tier: tierOf(rules, c.rule),
    level: c.rule.level,
    maxDistanceMeters: c.rule.maxDistanceMeters,
    targetPopulation: c.rule.targetPopulation,
    ...columns(c),
  }));
}
