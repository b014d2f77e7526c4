import { describe, expect, it } from 'vitest';
import { communityGaps, districtGaps, sortGaps } from '../../../../src/analysis/city/districtCoverage';
import type { CommunityCoverageFile, PublishedCommunityCoverage } from '../../../../src/data/city/communityCoverageFile';

const n = (value: number) => ({ value, suppressed: false as const });
const hidden = { suppressed: true as const };

/** A community whose two priority-1 categories have `totals` residents, `uncovered` of them beyond the walk. */
function community(
  id: string,
  district: string,
  totals: [number, number],
  uncovered: [number, number],
  gapSuppressed = false,
): PublishedCommunityCoverage {
  const cell = (category: 'nursery' | 'elderly-care', k: number) => ({
    category,
    homesWithin: 0,
    shareHomesWithin: null,
    target: { total: n(totals[k]!), within: n(totals[k]! - uncovered[k]!), uncovered: n(uncovered[k]!) },
    shareTargetWithin: null,
  });
  return {
    id,
    district,
    homes: 10,
    categories: [
      cell('nursery', 0),
      cell('elderly-care', 1),
      {
        category: 'grocery',
        homesWithin: 3,
        shareHomesWithin: 0.3,
        target: { total: n(900), within: n(0), uncovered: n(900) },
        shareTargetWithin: 0,
      },
    ],
    oneOldOneYoungUncovered: gapSuppressed ? hidden : n(uncovered[0] + uncovered[1]),
  };
}

const file: Pick<CommunityCoverageFile, 'categories' | 'communities'> = {
  categories: [
    { category: 'nursery', maxDistanceMeters: 300, priority: 1 },
    { category: 'elderly-care', maxDistanceMeters: 300, priority: 1 },
    { category: 'grocery', maxDistanceMeters: 300, priority: 3 },
  ],
  communities: [
    // a-1: 40 + 160 = 200 target residents, 10 + 50 = 60 beyond the walk → 30 %
    community('a-1', 'a', [40, 160], [10, 50]),
    // a-2: 100 + 100 = 200, 0 + 20 = 20 → 10 %
    community('a-2', 'a', [100, 100], [0, 20]),
    // b-1: 50 + 50 = 100, 25 + 25 = 50 → 50 %
    community('b-1', 'b', [50, 50], [25, 25]),
    // b-2: its gap (1–4) is suppressed: left out of b's sums
    community('b-2', 'b', [30, 30], [1, 2], true),
  ],
};

describe('communityGaps', () => {
  it('takes the published gap and divides it by the priority-1 target residents only (grocery is priority 3)', () => {
    const gaps = communityGaps(file);
    expect(gaps.map((g) => [g.id, g.gap, g.targets, g.gapShare])).toEqual([
      ['a-1', 60, 200, 0.3],
      ['a-2', 20, 200, 0.1],
      ['b-1', 50, 100, 0.5],
      ['b-2', null, 60, null],
    ]);
    expect(gaps[3]!.suppressed).toBe(true);
  });
});

describe('districtGaps', () => {
  it('sums published gaps and targets per district and counts the communities it had to leave out', () => {
    const [a, b] = districtGaps(communityGaps(file));
    // a: (60 + 20) / (200 + 200) = 20 %, worst a-1
    expect(a).toMatchObject({ district: 'a', communities: 2, gap: 80, targets: 400, gapShare: 0.2, leftOut: 0 });
    expect(a!.worst!.id).toBe('a-1');
    // b: only b-1 is published: 50 / 100; b-2 left out
    expect(b).toMatchObject({ district: 'b', communities: 2, gap: 50, targets: 100, gapShare: 0.5, leftOut: 1 });
  });
});

describe('sortGaps', () => {
  const districts = districtGaps(communityGaps(file));
  it('puts the largest gap first, or the largest share, or sorts by name', () => {
    expect(sortGaps(districts, 'gap', (d) => d.district, 'en').map((d) => d.district)).toEqual(['a', 'b']);
    expect(sortGaps(districts, 'gapShare', (d) => d.district, 'en').map((d) => d.district)).toEqual(['b', 'a']);
    expect(sortGaps(districts, 'name', (d) => (d.district === 'a' ? 'Zeta' : 'Alpha'), 'en').map((d) => d.district)).toEqual(['b', 'a']);
  });
  it('puts unknown gaps last', () => {
    const rows = communityGaps(file);
    expect(sortGaps(rows, 'gap', (g) => g.id, 'en').map((g) => g.id)).toEqual(['a-1', 'b-1', 'a-2', 'b-2']);
  });
});
