import { describe, expect, it } from 'vitest';
import type { CategoryCoverage } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import { coverageRows } from '../../../../src/analysis/service-circles/coverageRows';
import { DEFAULT_SERVICE_RULES, ruleFor } from '../../../../src/analysis/service-circles/rules';

/** A category's coverage with only its rule and facilities (all coverageRows and these columns read). */
const category = (c: 'nursery' | 'elderly-care', facilities: number) =>
  ({ category: c, rule: ruleFor(DEFAULT_SERVICE_RULES, c)!, facilityIndices: new Int32Array(facilities) }) as CategoryCoverage;

describe('coverageRows', () => {
  it('opens each row with the category and its rule, then the picked columns, in the coverage order', () => {
    const rows = coverageRows({ categories: [category('nursery', 0), category('elderly-care', 2)] }, (c) => ({
      facilities: c.facilityIndices.length,
    }));
    // rules.json: 托儿所 and 老年人日间照料中心 are 5-minute-circle facilities within 300 m, of the community (社区) tier.
    expect(rows).toEqual([
      { category: 'nursery', tier: 'community', level: '5min', maxDistanceMeters: 300, targetPopulation: '0-2', facilities: 0 },
      { category: 'elderly-care', tier: 'community', level: '5min', maxDistanceMeters: 300, targetPopulation: '60+', facilities: 2 },
    ]);
    expect(Object.keys(rows[1])).toEqual(['category', 'tier', 'level', 'maxDistanceMeters', 'targetPopulation', 'facilities']);
  });
});
