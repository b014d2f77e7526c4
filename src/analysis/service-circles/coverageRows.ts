import type { FacilityCategory } from '../../core/model/types';
import type { CategoryCoverage, ServiceCoverage } from './computeServiceCoverage';
import type { ServiceLevel, TargetPopulation } from './rules';

/** The columns every coverage table opens with: the category and its rule (circle, distance, who it serves). */
export interface CoverageRuleColumns {
  category: FacilityCategory;
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
): (CoverageRuleColumns & T)[] {
  return coverage.categories.map((c) => ({
    category: c.category,
    level: c.rule.level,
    maxDistanceMeters: c.rule.maxDistanceMeters,
    targetPopulation: c.rule.targetPopulation,
    ...columns(c),
  }));
}
