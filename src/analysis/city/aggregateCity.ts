/**
 * Totals of a city list of future communities: by status, type and renewal class, per district, per
 * year (cumulative), and against the policy targets. Pure functions of a validated `CityDataset`; the
 * progress screen, its browser test and the unit tests all count with these.
 *
 * Counting rules (models/README.md): every listed community is "created" (累计创建) from its
 * `yearCreated` on; "built" (建成) is approximated by "accepted" (已验收) from its `yearAccepted` on;
 * coverage = created ÷ urban communities (城镇社区).
 */
import type { CommunityType, RenewalType } from '../../core/model/types';
import {
  CITY_STATUSES,
  COMMUNITY_TYPES,
  FIRST_CREATION_YEAR,
  RENEWAL_TYPES,
  asOfYear,
  type CityCommunity,
  type CityDataset,
  type CityDistrict,
  type CityStatus,
} from '../../data/city/cityDataset';
import { HANGZHOU_TARGETS, type ProgressTarget } from './targets';

export type StatusCounts = Record<CityStatus, number> & { total: number };

export function countByStatus(communities: readonly CityCommunity[]): StatusCounts {
  const counts = { created: 0, building: 0, accepted: 0, total: communities.length };
  for (const c of communities) counts[c.status]++;
  return counts;
}

function countKeys<K extends string>(keys: readonly K[], values: Iterable<K>): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) counts[v]++;
  return counts;
}

export const countByType = (communities: readonly CityCommunity[]): Record<CommunityType, number> =>
  countKeys(
    COMMUNITY_TYPES,
    communities.map((c) => c.type),
  );

export const countByRenewal = (communities: readonly CityCommunity[]): Record<RenewalType, number> =>
  countKeys(
    RENEWAL_TYPES,
    communities.map((c) => c.renewal),
  );

/** Mean overall score, or null for an empty list. */
export function meanScore(communities: readonly CityCommunity[]): number | null {
  if (!communities.length) return null;
  return communities.reduce((sum, c) => sum + c.scores.overall, 0) / communities.length;
}

export interface AreaSummary {
  counts: StatusCounts;
  byType: Record<CommunityType, number>;
  byRenewal: Record<RenewalType, number>;
  urbanCommunities: number;
  /** counts.total ÷ urbanCommunities (0–1). */
  coverageShare: number;
  meanScore: number | null;
}

function summarise(communities: readonly CityCommunity[], urbanCommunities: number): AreaSummary {
  const counts = countByStatus(communities);
  return {
    counts,
    byType: countByType(communities),
    byRenewal: countByRenewal(communities),
    urbanCommunities,
    coverageShare: urbanCommunities > 0 ? counts.total / urbanCommunities : 0,
    meanScore: meanScore(communities),
  };
}

export function summariseCity(dataset: CityDataset): AreaSummary {
  return summarise(
    dataset.communities,
    dataset.districts.reduce((sum, d) => sum + d.urbanCommunities, 0),
  );
}

export interface DistrictSummary extends AreaSummary {
  district: CityDistrict;
}

/** One summary per district, in the dataset's district order, districts without communities included. */
export function summariseDistricts(dataset: CityDataset): DistrictSummary[] {
  const byDistrict = new Map<string, CityCommunity[]>(dataset.districts.map((d) => [d.id, []]));
  for (const c of dataset.communities) byDistrict.get(c.district)?.push(c);
  return dataset.districts.map((district) => ({ district, ...summarise(byDistrict.get(district.id) ?? [], district.urbanCommunities) }));
}

export function communitiesOfDistrict(dataset: CityDataset, districtId: string): CityCommunity[] {
  return dataset.communities.filter((c) => c.district === districtId);
}

export interface YearProgress {
  year: number;
  createdInYear: number;
  /** Created up to the end of the year. */
  cumulativeCreated: number;
  acceptedInYear: number;
  cumulativeAccepted: number;
  /** cumulativeCreated ÷ urbanCommunities. */
  cumulativeCoverageShare: number;
}

/** Year by year from `fromYear` to `toYear` (default: first creation year to the list's year). */
export function progressByYear(
  communities: readonly CityCommunity[],
  urbanCommunities: number,
  fromYear = FIRST_CREATION_YEAR,
  toYear = Math.max(fromYear, ...communities.map((c) => Math.max(c.yearCreated, c.yearAccepted ?? 0))),
): YearProgress[] {
  const rows: YearProgress[] = [];
  let cumulativeCreated = communities.filter((c) => c.yearCreated < fromYear).length;
  let cumulativeAccepted = communities.filter((c) => c.yearAccepted !== undefined && c.yearAccepted < fromYear).length;
  for (let year = fromYear; year <= toYear; year++) {
    const createdInYear = communities.filter((c) => c.yearCreated === year).length;
    const acceptedInYear = communities.filter((c) => c.yearAccepted === year).length;
    cumulativeCreated += createdInYear;
    cumulativeAccepted += acceptedInYear;
    rows.push({
      year,
      createdInYear,
      cumulativeCreated,
      acceptedInYear,
      cumulativeAccepted,
      cumulativeCoverageShare: urbanCommunities > 0 ? cumulativeCreated / urbanCommunities : 0,
    });
  }
  return rows;
}

export function cityProgressByYear(dataset: CityDataset): YearProgress[] {
  return progressByYear(dataset.communities, summariseCity(dataset).urbanCommunities, FIRST_CREATION_YEAR, asOfYear(dataset));
}

export interface TargetProgress {
  target: ProgressTarget;
  /** 'ended': the target year is over at the list's date; 'open': still running (figures so far). */
  phase: 'ended' | 'open';
  /** Created up to the end of the target year (or up to the list's date while open). */
  created: number;
  /** Accepted (≈ built) up to the end of the target year (or so far). */
  built: number;
  coverageShare: number;
  /** created ÷ the target's count, or coverage ÷ the target's share where it sets no count (0–1+). */
  ratio: number;
  /** Whether every number the target sets is reached (≥); null while open and not yet reached. */
  met: boolean | null;
}

/**
 * Each target against the list. A target year that ends before the list's date is judged on the
 * communities created (and accepted) up to that year; later targets show the figures so far.
 */
export function progressAgainstTargets(dataset: CityDataset, targets: readonly ProgressTarget[] = HANGZHOU_TARGETS): TargetProgress[] {
  const urban = summariseCity(dataset).urbanCommunities;
  // A list dated 31 December describes the end of its year.
  const endedUpTo = dataset.asOf.endsWith('-12-31') ? asOfYear(dataset) : asOfYear(dataset) - 1;
  return targets.map((target) => {
    const phase = target.year <= endedUpTo ? 'ended' : 'open';
    const upTo = phase === 'ended' ? target.year : Number.POSITIVE_INFINITY;
    const created = dataset.communities.filter((c) => c.yearCreated <= upTo).length;
    const built = dataset.communities.filter((c) => c.yearAccepted !== undefined && c.yearAccepted <= upTo).length;
    const coverageShare = urban > 0 ? created / urban : 0;
    const reached =
      (target.created === null || created >= target.created) &&
      (target.built === null || built >= target.built) &&
      coverageShare >= target.coverageShare;
    const ratio = target.created !== null ? created / target.created : coverageShare / target.coverageShare;
    return { target, phase, created, built, coverageShare, ratio, met: reached ? true : phase === 'ended' ? false : null };
  });
}

/** Status order for legends and stacks. */
export const STATUS_ORDER: readonly CityStatus[] = CITY_STATUSES;
