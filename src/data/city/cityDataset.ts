/**
 * The city-wide list of future communities (`fct-city-communities` 1.0, see models/README.md,
 * "City list of future communities"): one record per community with its district, status and
 * scores, plus the number of urban communities (城镇社区) per district so coverage can be computed.
 *
 * These are the in-memory shapes after `readCityDataset` has validated a file.
 */
import type { CommunityType, LocalizedText, LonLat, RenewalType } from '../../core/model/types';

export const CITY_FORMAT = 'fct-city-communities';
export const CITY_FORMAT_VERSIONS = ['1.0'] as const;

/** Where the bundled Hangzhou list lives, relative to models/. */
export const HANGZHOU_CITY_FILE = 'city/hangzhou-future-communities.json';

/**
 * 创建 (named in a creation batch, works not started) → 在建 (under construction) → 已验收 (accepted).
 * Every listed community counts as "created" (累计创建) whatever its status.
 */
export const CITY_STATUSES = ['created', 'building', 'accepted'] as const;
export type CityStatus = (typeof CITY_STATUSES)[number];

export const COMMUNITY_TYPES: readonly CommunityType[] = ['puhui', 'yinling'];
export const RENEWAL_TYPES: readonly RenewalType[] = ['renewal', 'new-build', 'whole-area'];

/** The first creation batch of Zhejiang's future communities was named in 2019. */
export const FIRST_CREATION_YEAR = 2019;

export interface CityDistrict {
  /** Stable id, e.g. `shangcheng`. */
  id: string;
  name: LocalizedText;
  /** Approximate centre of the district's urban area, for labels; not an official point. */
  centre: LonLat;
  /** Urban communities (城镇社区) in the district: the denominator of coverage. */
  urbanCommunities: number;
}

export interface CityCommunity {
  id: string;
  name: LocalizedText;
  /** A `CityDistrict.id`. */
  district: string;
  street: LocalizedText;
  /** Approximate position, degrees WGS84. */
  position: LonLat;
  status: CityStatus;
  type: CommunityType;
  renewal: RenewalType;
  /** Year of the creation batch. */
  yearCreated: number;
  /** Year of acceptance; present exactly when status is 'accepted'. */
  yearAccepted?: number;
  scores: { overall: number };
  /** Folder of a community package under models/ (e.g. `sample-jinghe/`), when one exists. */
  package?: string;
}

export interface CityDataset {
  format: typeof CITY_FORMAT;
  formatVersion: string;
  city: LocalizedText;
  /** Date the list describes, YYYY-MM-DD. */
  asOf: string;
  /** Present when the list is synthetic; the UI shows the notice. */
  synthetic?: { notice: LocalizedText };
  sources: { text: string; url?: string }[];
  districts: CityDistrict[];
  communities: CityCommunity[];
}

/** The year of `asOf`. */
export function asOfYear(dataset: Pick<CityDataset, 'asOf'>): number {
  return Number(dataset.asOf.slice(0, 4));
}
