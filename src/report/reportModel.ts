import type { Attribution, CommunityType, FacilityCategory, LocalizedText, RenewalType } from '../core/model/types';
import type { SuppressedCount } from '../data/privacy/aggregate';
import type { CoverageRuleColumns } from '../analysis/service-circles/coverageRows';
import type { Acceptance, ChartSpec, IndicatorOutcome, KpiDisplay, UnitId } from '../scenarios';
import type { PackageHash } from './packageHash';

/**
 * The one-click community report (杭政办函〔2023〕52号 四(二)6: 一键生成未来社区建设运营基础信息报告, 作为
 * 未来社区验收的重要评分依据) as plain, serialisable data: `buildReport` fills it from a community and
 * its service coverage, `renderReportHtml` prints it. Aggregates only: every count of people is a
 * SuppressedCount (n < 5 shown as "<5", data/privacy/aggregate.ts); no person row, name, phone or ID
 * number is ever copied into it, whatever the viewer's role.
 */
export interface ReportModel {
  cover: ReportCover;
  basics: BasicInformation;
  inventory: InventoryRow[];
  coverage: CoverageSection;
  scenarios: ScenarioSection[];
  reuse: ReuseSection;
  /** 住宅日照 against the preset named in it; null when the caller computed none. */
  sunlight: SunlightSection | null;
  acceptance: AcceptanceSection;
  sources: SourcesSection;
  reproducibility: Reproducibility;
  /** The charts, referred to by id from the sections. */
  charts: Record<string, ChartSpec>;
  map: CoverageMap;
}

export interface ReportCover {
  communityId: string;
  name: LocalizedText;
  district: LocalizedText;
  street?: LocalizedText;
  communityType: CommunityType;
  renewalType: RenewalType;
  dataDate: string;
  /** When the report was made (ISO date-time), as given by the caller. */
  generatedAt: string;
  /** The synthetic-data notice of the package (manifest.synthetic), shown on the cover. */
  syntheticNotice: LocalizedText | null;
  /** A PNG data URL of the 3D view (the browser's report), or null (the CLI's). */
  snapshotPng: string | null;
}

export interface CountRow<K extends string = string> {
  key: K;
  count: SuppressedCount;
}

export interface BasicInformation {
  buildings: number;
  residentialBuildings: number;
  buildingsByUse: CountRow[];
  /** Houses used as homes (户). */
  households: SuppressedCount;
  residents: SuppressedCount;
  /** Per age band, suppressed as one table whose total (residents) and 60+ sub-total are shown. */
  residentsByAgeBand: CountRow[];
  elderly: SuppressedCount;
  livingAloneElderly: SuppressedCount;
  withDisability: SuppressedCount;
  /** Rights (权) by type, suppressed as one table with its total. */
  rightsByType: CountRow[];
  rights: SuppressedCount;
  buildingsWithoutElevatorFourPlusFloors: number;
}

/** 'not-in-data': the package holds nothing that shows the item; 'not-assessed': its indicator did not run. */
export type InventoryStatus = 'has' | 'missing' | 'below-minimum' | 'area-unknown' | 'not-in-data' | 'not-assessed';

export interface InventoryRow {
  /** 1–20 of the 完整居住社区建设标准, null for a row of the Zhejiang matrix. */
  number: number | null;
  group: string;
  /** The item of the 完整社区 list (or the provincial matrix) it answers. */
  item: LocalizedText;
  /** Its threshold, as the standard words it. */
  threshold: LocalizedText;
  itemSource: string;
  /** The facility categories that answer it (empty for surfaces, indicators and items not in the data). */
  categories: FacilityCategory[];
  /** Facilities (or surfaces) found; null when the item is not counted. */
  count: number | null;
  /** Floor area of the largest facility (or surface), m²; null when none states one. */
  largestFloorAreaM2: number | null;
  /** From the reuse rules (reuseRules.json) or the surface rules; null when they give none. */
  minFloorAreaM2: number | null;
  minAreaSource: string | null;
  status: InventoryStatus;
  /** One line of what was found (or what data would show it). */
  detail: LocalizedText;
}

export interface CoverageRow extends CoverageRuleColumns {
  facilities: number;
  /** Share of the target residents within the rule's distance; null when unknown or none live there. */
  shareWithinRule: number | null;
  /** Share of the target residents within the 5-minute (300 m) and 15-minute (1,000 m) circle. */
  shareWithin5Min: number | null;
  shareWithin15Min: number | null;
  /** Share of counted homes within the rule's distance (when the population is unknown). */
  shareBuildingsWithinRule: number | null;
  uncovered: SuppressedCount | null;
  source: string;
}

export interface GapRow {
  category: FacilityCategory;
  priority: number;
  missing: boolean;
  uncoveredTarget: SuppressedCount | null;
  uncoveredBuildings: number;
  buildingsCounted: number;
  /** Ids of the worst-served buildings (a building id is an address to 幢 level, not a person). */
  worstBuildingIds: string[];
}

export interface CoverageSection {
  walkSpeedMetersPerSecond: number;
  /** Walking distances of the 5- and 15-minute circles (GB 50180-2018 Table 3.0.4), metres. */
  fiveMinuteMeters: number;
  fifteenMinuteMeters: number;
  rows: CoverageRow[];
  gaps: GapRow[];
  chartId: string;
}

export interface IndicatorRow {
  id: string;
  name: LocalizedText;
  outcome: IndicatorOutcome;
  value: number | null;
  threshold: number | null;
  direction: 'min' | 'max';
  unit: UnitId;
  display: KpiDisplay;
  reason: LocalizedText;
  /** How many buildings and facilities back the value (the scene's evidence). */
  evidenceBuildings: number;
  evidenceFacilities: number;
  source: string;
}

export interface ScenarioSection {
  id: string;
  name: LocalizedText;
  kind: 'scenario' | 'overlay';
  score: number | null;
  passed: number;
  failed: number;
  pending: number;
  satisfiedShare: number | null;
  indicators: IndicatorRow[];
}

export interface ReusePick {
  step: number;
  candidateId: string;
  candidateName?: string;
  hub: boolean;
  categories: { category: FacilityCategory; newlyCovered: SuppressedCount | null; buildingsNewlyCovered: number }[];
}

export interface ElevatorRow {
  rank: number;
  buildingId: string;
  floors: number;
  yearBuilt: number;
  elderlyAboveFloor: SuppressedCount;
  householdsAboveFloor: SuppressedCount;
}

export interface ReuseSection {
  budget: number;
  candidates: number;
  picks: ReusePick[];
  stoppedEarly: string | null;
  elevatorCandidates: number;
  elevators: ElevatorRow[];
  /** The floor above which residents count for the elevator ranking (elevatorRules.json). */
  aboveFloor: number;
  /** Sunlight before/after of each plan that builds (empty without one, or without sunlight). */
  sunlight: ReuseSunlightRow[];
}

export interface SunlightSection {
  preset: {
    id: string;
    name: LocalizedText;
    day: string;
    minHours: number;
    windowStartHours: number;
    windowEndHours: number;
    stepMinutes: number;
    /** The source of each value of the preset (sunlightRules.json `<key>Source`). */
    sources: Record<string, string>;
  };
  /** The day analysed, YYYY-MM-DD (Beijing). */
  date: string;
  homes: number;
  failingHomes: number;
  /** Share of homes meeting the rule, 0–1; null without homes. */
  passRate: number | null;
  /** Estimated from per-building aggregates (no person rows). */
  residentsInFailingHomes: SuppressedCount;
  buildingsWithFailingHomes: number;
  worstBuildings: { buildingId: string; homes: number; failingHomes: number; worstFloorHours: number; residents: SuppressedCount }[];
}

export interface ReuseSunlightRow {
  plan: LocalizedText;
  volumeIds: string[];
  elevatorsOnly: boolean;
  failingBefore: number;
  failingAfter: number;
  homesLosingSunlight: number;
  homesDroppingBelow: number;
  /** Neighbour buildings with homes falling below the rule, with the residents in them (estimated, suppressed). */
  buildings: { buildingId: string; homes: number; residents: SuppressedCount }[];
  residents: SuppressedCount;
}

import type { DimensionResult } from '../scenarios/acceptanceDimensions';
export type { DimensionInputResult, DimensionResult } from '../scenarios/acceptanceDimensions';

export interface AcceptanceSection {
  dimensions: DimensionResult[];
  /** Weighted mean of the dimensions that have a score; null when none has. */
  score: number | null;
  /** The total at or above which acceptance is met (acceptance.json), and where it comes from. */
  passMark: number;
  passMarkSource: string;
  decisionMethod: string;
  decisionSource: string;
  /** Failed indicators that block acceptance on their own. */
  blocking: { name: LocalizedText; reason: LocalizedText }[];
  gate: {
    status: 'passed' | 'below' | 'missing';
    satisfiedShare: number | null;
    respondents: number | null;
    threshold: number;
    reason: LocalizedText;
    source: string;
  };
  /** The decision of scoreCommunity (met / not met / blocked / gated / pending). */
  acceptance: Acceptance;
  failedIndicators: number;
  method: string;
  methodSource: string;
  chartId: string;
}

export interface SourcesSection {
  attributions: Attribution[];
  syntheticLayers: string[];
  syntheticNotice: LocalizedText | null;
}

export interface RuleSetVersion {
  file: string;
  version: string;
  /** User edits of the rules in force (e.g. a changed walking distance); empty when none. */
  edits: string[];
}

export interface Reproducibility {
  appVersion: string;
  ruleSets: RuleSetVersion[];
  packageHash: PackageHash;
}

/** The 5-minute elderly-care map: building footprints in local metres, coloured by class. */
export type MapBuildingClass = 'within' | 'beyond' | 'unreachable' | 'not-home';

export interface CoverageMap {
  category: FacilityCategory;
  limitMeters: number;
  /** Width and height of the drawn extent, metres (x east, y north, origin at the south-west corner). */
  widthMeters: number;
  heightMeters: number;
  boundary: [number, number][][];
  buildings: { id: string; rings: [number, number][][]; cls: MapBuildingClass }[];
  streets: [number, number][][];
  facilities: [number, number][];
}
