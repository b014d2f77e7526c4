import type { FacilityCategory, LocalizedText } from '../../core/model/types';
import { COVERAGE_FORMAT, COVERAGE_FORMAT_VERSION, type CommunityCoverageFile } from '../../data/city/communityCoverageFile';
import { formatSuppressed, suppressTogether, type SuppressedCount } from '../../data/privacy/aggregate';
import type { PopulationByTarget } from '../service-circles/population';
import type { ServiceRule } from '../service-circles/rules';

/**
 * Service-circle coverage of every community of a city, from the per-building walks of one city-wide
 * run (service-circles/sweepCoverage.ts, or computeServiceCoverage for a small area): per community and
 * category, the homes and the target residents within the rule's distance, and the 一老一小 gap — the
 * residents of the priority-1 groups (the elderly, infants and pre-school children: rules.json
 * `priority: 1`, 浙政办发〔2023〕4号 puts them first) farther than the rule's distance, summed over
 * those categories. Counts of people are published with small-cell suppression (n < 5 as "<5"; total,
 * within and uncovered together, since any two give the third).
 */
export interface CommunityCoverageInput {
  communities: readonly { id: string; district: string }[];
  /** Per building: index into `communities`, −1 when in none. */
  buildingCommunity: Int32Array;
  categories: readonly { category: FacilityCategory; rule: ServiceRule; walkDistanceMeters: Float64Array }[];
  population: PopulationByTarget;
  /** 1 = a home; default every building. */
  countedBuildings?: Uint8Array;
}

export interface CommunityCategoryCoverage {
  category: FacilityCategory;
  homesWithin: number;
  /** null when the community has no homes. */
  shareHomesWithin: number | null;
  /** Target residents (suppressed together); null when the target population is unknown. */
  target: { total: SuppressedCount; within: SuppressedCount; uncovered: SuppressedCount } | null;
  /** Share of the target residents within; null when unknown, when none live there, or when the counts are suppressed. */
  shareTargetWithin: number | null;
}

export interface CommunityCoverageRow {
  id: string;
  district: string;
  homes: number;
  categories: CommunityCategoryCoverage[];
  /** Priority-1 target residents beyond the rule's distance, over the priority-1 categories; null when unknown. */
  oneOldOneYoungUncovered: SuppressedCount | null;
  /** The raw value the list is sorted by (not published). */
  sortKey: number;
}

export function coverageByCommunity(input: CommunityCoverageInput): CommunityCoverageRow[] {
  const { communities, buildingCommunity, categories, population } = input;
  const m = communities.length;
  const homes = new Float64Array(m);
  for (let b = 0; b < buildingCommunity.length; b++) {
    const c = buildingCommunity[b];
    if (c >= 0 && (!input.countedBuildings || input.countedBuildings[b])) homes[c]++;
  }
  const perCategory = categories.map(({ rule, walkDistanceMeters }) => {
    const homesWithin = new Float64Array(m);
    const total = new Float64Array(m);
    const within = new Float64Array(m);
    const target = population[rule.targetPopulation];
    for (let b = 0; b < buildingCommunity.length; b++) {
      const c = buildingCommunity[b];
      if (c < 0) continue;
      const near = walkDistanceMeters[b] <= rule.maxDistanceMeters;
      if (near && (!input.countedBuildings || input.countedBuildings[b])) homesWithin[c]++;
      if (target) {
        total[c] += target[b];
        if (near) within[c] += target[b];
      }
    }
    return { homesWithin, total, within, known: target !== undefined };
  });
  const priorityOne = categories.map((c) => c.rule.priority === 1);
  const rows = communities.map((community, i): CommunityCoverageRow => {
    let gap = 0;
    let gapKnown = false;
    const cells = categories.map(({ category }, k): CommunityCategoryCoverage => {
      const { homesWithin, total, within, known } = perCategory[k];
      if (known && priorityOne[k]) {
        gap += total[i] - within[i];
        gapKnown = true;
      }
      const [t, w, u] = suppressTogether([total[i], within[i], total[i] - within[i]]);
      return {
        category,
        homesWithin: homesWithin[i],
        shareHomesWithin: homes[i] > 0 ? homesWithin[i] / homes[i] : null,
        target: known ? { total: t, within: w, uncovered: u } : null,
        // A share beside suppressed counts would give them away (1 of 2 = 0.5): suppressed with them.
        shareTargetWithin: known && total[i] > 0 && !t.suppressed ? within[i] / total[i] : null,
      };
    });
    return {
      id: community.id,
      district: community.district,
      homes: homes[i],
      categories: cells,
      oneOldOneYoungUncovered: gapKnown ? suppressTogether([gap])[0] : null,
      sortKey: gapKnown ? gap : -1,
    };
  });
  return rows;
}

/** Largest 一老一小 gap first; ties by district, then id (a stable, reproducible order). */
export function sortByOneOldOneYoungGap(rows: readonly CommunityCoverageRow[]): CommunityCoverageRow[] {
  return rows.slice().sort((a, b) => b.sortKey - a.sortKey || a.district.localeCompare(b.district) || a.id.localeCompare(b.id));
}

const csvCell = (text: string) =>
  /[",\n\r]/.test(text) || /^[=+\-@\t]/.test(text) ? `"${text.replace(/"/g, '""').replace(/^([=+\-@\t])/, "'$1")}"` : text;
const share = (x: number | null) => (x === null ? '' : x.toFixed(3));

/**
 * The rows as CSV (UTF-8, one header row): id, district, homes, the 一老一小 gap, then per category the
 * share of homes within and the target residents within / uncovered ("<5" where suppressed). Cells that
 * could start a spreadsheet formula are quoted and prefixed with an apostrophe.
 */
export function communityCoverageCsv(rows: readonly CommunityCoverageRow[]): string {
  const categories = rows[0]?.categories.map((c) => c.category) ?? [];
  const header = ['community', 'district', 'homes', 'one_old_one_young_uncovered'];
  for (const c of categories)
    header.push(`${c}:share_homes_within`, `${c}:target_within`, `${c}:target_uncovered`, `${c}:share_target_within`);
  const lines = [header.join(',')];
  for (const row of rows) {
    const cells = [
      csvCell(row.id),
      csvCell(row.district),
      String(row.homes),
      row.oneOldOneYoungUncovered ? formatSuppressed(row.oneOldOneYoungUncovered) : '',
    ];
    for (const c of row.categories) {
      cells.push(
        share(c.shareHomesWithin),
        c.target ? formatSuppressed(c.target.within) : '',
        c.target ? formatSuppressed(c.target.uncovered) : '',
        share(c.shareTargetWithin),
      );
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The rows as the published file (`fct-community-coverage`): the raw sort key stays out, so only
 * suppressed counts are published.
 */
export function communityCoverageFile(options: {
  city: LocalizedText;
  synthetic?: { notice: LocalizedText };
  networkHash?: string;
  walkSpeedMetersPerSecond: number;
  categories: readonly { category: FacilityCategory; rule: ServiceRule; cutoffMeters?: number }[];
  rows: readonly CommunityCoverageRow[];
}): CommunityCoverageFile {
  return {
    format: COVERAGE_FORMAT,
    formatVersion: COVERAGE_FORMAT_VERSION,
    city: options.city,
    ...(options.synthetic ? { synthetic: options.synthetic } : {}),
    ...(options.networkHash ? { networkHash: options.networkHash } : {}),
    walkSpeedMetersPerSecond: options.walkSpeedMetersPerSecond,
    categories: options.categories.map((c) => ({
      category: c.category,
      maxDistanceMeters: c.rule.maxDistanceMeters,
      ...(c.cutoffMeters !== undefined ? { cutoffMeters: c.cutoffMeters } : {}),
      priority: c.rule.priority,
    })),
    communities: options.rows.map(({ sortKey: _sortKey, ...row }) => ({
      ...row,
      categories: row.categories.map((c) => ({
        ...c,
        shareHomesWithin: roundShare(c.shareHomesWithin),
        shareTargetWithin: roundShare(c.shareTargetWithin),
      })),
    })),
  };
}

/** Shares are published to 4 decimals (0.01 %): more would only be noise in the file. */
const roundShare = (share: number | null) => (share === null ? null : Math.round(share * 1e4) / 1e4);
