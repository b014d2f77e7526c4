import type { ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import type { CommunitySunlight } from '../analysis/sunlight/homeSunlight';
import type { CameraBookmark, Community, CommunityType, FacilityCategory, LocalizedText } from '../core/model/types';
import type { BuildingSummary } from '../data/community/buildingSummaries';
import type { Language } from '../i18n/translate';
import type { ColorMode, Rgb } from '../layers/buildingColorModes';
import type { LayerId } from '../layers/layerCatalog';
import type { UnitId } from './units';

/**
 * The nine scenarios (九场景) of the Zhejiang future community plus 一统 (党建统领), all of one shape.
 * Everything here is plain data and pure functions of a ScenarioContext: no React, no cesium/three.
 * The UI renders KPIs and charts, the engine applies the scene; both read only these types.
 */

/**
 * What every scenario function reads. The functions are pure and cheap (milliseconds on the sample)
 * but not free: a UI should memoise their results per context (community, summaries, coverage).
 */
export interface ScenarioContext {
  community: Community;
  /** From `summariseBuildings(community)`. */
  summaries: ReadonlyMap<string, BuildingSummary>;
  /**
   * Service circles of every category (as the store's analysis slice holds them); null while the
   * worker runs — KPIs that need it then report status 'pending'.
   */
  coverage: ServiceCoverage | null;
  /** Sunlight of every home against the chosen preset (analysis/sunlight); absent or null while not computed. */
  sunlight?: CommunitySunlight | null;
  /**
   * The UI language. Every text the functions return is bilingual ({zh, en}), so none of them needs
   * it today; it is part of the context so a scenario may later sort or word by language.
   */
  language?: Language;
}

/** Evidence behind a value: where to look in the scene and, in a sentence, why. */
export interface Evidence {
  buildingIds: string[];
  facilityIds: string[];
  reason: LocalizedText;
}

export type KpiStatus = 'good' | 'warn' | 'bad' | 'pending';

/**
 * How to print a value: 'percent' = a share 0–1 shown ×100 with a % sign; 'integer' / 'decimal1' /
 * 'decimal2' = the value in its unit with 0 / 1 / 2 decimals. See `formatValue` in units.ts.
 */
export type KpiDisplay = 'percent' | 'integer' | 'decimal1' | 'decimal2';

/**
 * Why a value is null: 'pending' = the service circles are still computing; 'no-data' = the package
 * lacks what it needs (e.g. no grid cells, no survey, capacities unknown); 'not-applicable' = nothing
 * to measure (e.g. places per child where no child lives); 'suppressed' = a count of people below 5,
 * hidden (data/privacy/aggregate).
 */
export type Unavailable = 'pending' | 'no-data' | 'not-applicable' | 'suppressed';

export interface Kpi {
  /** Unique within its scenario; indicators.json refers to it as `formula`. */
  id: string;
  label: LocalizedText;
  value: number | null;
  unit: UnitId;
  display: KpiDisplay;
  status: KpiStatus;
  /**
   * The indicator (indicators.json) that judges this KPI and so sets its status. Without one the
   * KPI is informational: its status only flags a concern the KPI itself names (default 'good').
   */
  indicatorId?: string;
  /** Set exactly when value is null. */
  unavailable?: Unavailable;
  /** A caveat or the reason for null, for a tooltip. */
  note?: LocalizedText;
  evidence: Evidence;
}

/** A chart as plain data; the UI turns it into an ECharts option. */
export type ChartKind = 'bar' | 'horizontal-bar' | 'stacked-bar' | 'pie' | 'gauge';

export interface ChartSeries {
  name: LocalizedText;
  /** One value per category; null where unknown or suppressed. */
  values: (number | null)[];
  color?: Rgb;
  /** Per value: true where a count of people below 5 is hidden (show "<5"); values[i] is null there. */
  suppressed?: boolean[];
}

export interface ChartSpec {
  /** Unique within its scenario. */
  id: string;
  kind: ChartKind;
  title: LocalizedText;
  unit: UnitId;
  /** X-axis categories (bar), slices (pie), or one entry (gauge). */
  categories: LocalizedText[];
  /** A colour per category (pie slices, or bars coloured by category), same order as categories. */
  categoryColors?: Rgb[];
  series: ChartSeries[];
  /** Reference lines (bars) or marks (gauge), e.g. the 普惠型 and 引领型 thresholds. */
  thresholds?: { label: LocalizedText; value: number }[];
  /** Axis or gauge range, in the unit. */
  min?: number;
  max?: number;
  /** True while the data it needs is computing (the values are then empty or partial). */
  pending?: boolean;
  note?: LocalizedText;
}

export interface ScenarioLegendEntry {
  label: LocalizedText;
  color: Rgb;
}

/** A built-in colour mode of layers/buildingColorModes, or a scenario's own colouring. */
export type BuildingColoring =
  | { kind: 'mode'; mode: ColorMode }
  | {
      kind: 'custom';
      title: LocalizedText;
      /** A colour for every building of the community, by id. */
      colors: ReadonlyMap<string, Rgb>;
      legend: ScenarioLegendEntry[];
    };

/** What the 3D scene shows for a scenario. */
export interface ScenarioScene {
  /** Layers forced on or off; absent layers keep the user's choice (or the defaults, if the UI resets on switching). */
  layers: Partial<Record<LayerId, boolean>>;
  coloring: BuildingColoring;
  /** The category for walk-time colouring, reach bands and routes; null keeps the user's choice. */
  serviceCategory: FacilityCategory | null;
  /** Facility categories to emphasise (others may be dimmed). */
  highlightedCategories: FacilityCategory[];
  /** Buildings to emphasise: the evidence of this scenario (also what the camera frames). */
  highlightedBuildingIds: string[];
  highlightedFacilityIds: string[];
}

/** 'min': the threshold is a minimum (value ≥ threshold passes); 'max': a maximum (value ≤ threshold passes). */
export type IndicatorDirection = 'min' | 'max';

/** One row of a scenario's indicators.json: the indicator system as data. */
export interface Indicator {
  /** Unique across scenarios: "<scenario>.<name>". */
  id: string;
  name: LocalizedText;
  unit: UnitId;
  /** The id of the KPI (same scenario) that computes the value. */
  formula: string;
  direction: IndicatorDirection;
  /** Baseline threshold for 普惠型; null = not required of 普惠型 (a leading, 引导性 indicator). */
  puhui: number | null;
  /** Threshold for 引领型. */
  yinling: number;
  /** Where the threshold comes from; [M] marks values still to verify against the official text. */
  source: string;
}

/** The threshold a community of this type must meet, or null when the indicator does not apply to it. */
export function thresholdFor(indicator: Pick<Indicator, 'puhui' | 'yinling'>, type: CommunityType): number | null {
  return type === 'puhui' ? indicator.puhui : indicator.yinling;
}

export function meetsThreshold(value: number, threshold: number, direction: IndicatorDirection): boolean {
  return direction === 'min' ? value >= threshold : value <= threshold;
}

/**
 * A scenario module. `kind: 'overlay'` (一统, 党建统领) is meant to be drawn over the current scenario
 * rather than replace it: see `overlayScene` in scene.ts.
 */
export interface ScenarioModule<Id extends string = string> {
  /** Stable URL id. */
  id: Id;
  kind: 'scenario' | 'overlay';
  /** Full name, e.g. 未来健康场景. */
  name: LocalizedText;
  /** For the scenario bar, e.g. 健康. */
  shortName: LocalizedText;
  /** One or two sentences: what this scenario shows and why. */
  narrative: LocalizedText;
  accent: Rgb;
  indicators: readonly Indicator[];
  scene(ctx: ScenarioContext): ScenarioScene;
  /** The view to fly to: frames the scene's highlighted buildings (or the community). */
  camera(ctx: ScenarioContext): CameraBookmark;
  /** KPIs with status (from the indicators where one reads the KPI). */
  kpis(ctx: ScenarioContext): Kpi[];
  charts(ctx: ScenarioContext): ChartSpec[];
}
