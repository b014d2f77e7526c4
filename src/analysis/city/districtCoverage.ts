import type { CommunityCoverageFile, PublishedCommunityCoverage } from '../../data/city/communityCoverageFile';

/**
 * The city view's 补短板 ranking from a published coverage file: per community and per district, the
 * 一老一小 gap (priority-1 target residents beyond the rule's walk, summed over the priority-1
 * categories — a resident who lacks both elderly care and an elderly canteen counts twice, as each is a
 * service to provide) and the gap as a share of those residents. Works only on what was published: a
 * suppressed count (1–4) is not known here, so a district's sum is over published counts and says how
 * many communities were left out of it.
 */
export interface CommunityGap {
  id: string;
  district: string;
  /** Published priority-1 gap; null when unknown or suppressed. */
  gap: number | null;
  /** The gap was suppressed (1–4). */
  suppressed: boolean;
  /** Priority-1 target residents (summed over the priority-1 categories, like the gap); null when any is suppressed. */
  targets: number | null;
  /** gap / targets; null when either is unknown or there are none. */
  gapShare: number | null;
}

export interface DistrictGap {
  district: string;
  communities: number;
  /** Sum of the published community gaps. */
  gap: number;
  /** Sum of the published priority-1 target residents of the same communities. */
  targets: number;
  /** gap / targets; null with no known targets. */
  gapShare: number | null;
  /** Communities whose gap is suppressed or unknown: not in the sums. */
  leftOut: number;
  /** The community with the largest published gap. */
  worst: CommunityGap | null;
}

export type GapSortKey = 'gap' | 'gapShare' | 'name';

const published = (count: { suppressed: boolean; value?: number } | null | undefined): number | null =>
  count && !count.suppressed && typeof count.value === 'number' ? count.value : null;

/** Each community's gap and share, from the priority-1 categories of the file. */
export function communityGaps(file: Pick<CommunityCoverageFile, 'categories' | 'communities'>): CommunityGap[] {
  const priorityOne = new Set(file.categories.filter((c) => c.priority === 1).map((c) => c.category));
  return file.communities.map((c: PublishedCommunityCoverage) => {
    const gap = published(c.oneOldOneYoungUncovered);
    let targets = 0;
    let targetsKnown = true;
    for (const cell of c.categories) {
      if (!priorityOne.has(cell.category) || !cell.target) continue;
      const total = published(cell.target.total);
      if (total === null) targetsKnown = false;
      else targets += total;
    }
    return {
      id: c.id,
      district: c.district,
      gap,
      suppressed: c.oneOldOneYoungUncovered?.suppressed === true,
      targets: targetsKnown ? targets : null,
      gapShare: gap !== null && targetsKnown && targets > 0 ? gap / targets : null,
    };
  });
}

/** Per district (in the order districts are first met): the sums of published gaps and targets. */
export function districtGaps(gaps: readonly CommunityGap[]): DistrictGap[] {
  const byDistrict = new Map<string, DistrictGap>();
  for (const g of gaps) {
    let d = byDistrict.get(g.district);
    if (!d) {
      d = { district: g.district, communities: 0, gap: 0, targets: 0, gapShare: null, leftOut: 0, worst: null };
      byDistrict.set(g.district, d);
    }
    d.communities++;
    if (g.gap === null || g.targets === null) {
      d.leftOut++;
      continue;
    }
    d.gap += g.gap;
    d.targets += g.targets;
    if (!d.worst || g.gap > d.worst.gap!) d.worst = g;
  }
  for (const d of byDistrict.values()) d.gapShare = d.targets > 0 ? d.gap / d.targets : null;
  return [...byDistrict.values()];
}

/**
 * Sorted for the table: the largest gap (or share) first, unknowns last; ties and 'name' by the
 * `nameOf` text in the locale's order, so the order is stable and reproducible.
 */
export function sortGaps<T extends { gap: number | null; gapShare: number | null }>(
  rows: readonly T[],
  key: GapSortKey,
  nameOf: (row: T) => string,
  locale: string,
): T[] {
  const byName = (a: T, b: T) => nameOf(a).localeCompare(nameOf(b), locale);
  if (key === 'name') return rows.slice().sort(byName);
  const value = (row: T) => row[key] ?? Number.NEGATIVE_INFINITY;
  return rows.slice().sort((a, b) => value(b) - value(a) || byName(a, b));
}
