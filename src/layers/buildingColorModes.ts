import { BUILDING_USES, type Building } from '../core/model/types';
import type { BuildingSummary } from '../data/community/buildingSummaries';

/** An sRGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

export const COLOR_MODES = [
  'use',
  'yearBuilt',
  'floors',
  'elevator',
  'occupancy',
  'elderlyShare',
  'walkTime',
  'sunlight',
  'heightLimit',
  'viewshed',
] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export interface LegendEntry {
  color: Rgb;
  /** i18n key, or a literal label such as "1980–1989" when `literal` is set. */
  label: string;
  literal?: boolean;
}

/** What a colour mode may look at besides the building itself. */
export interface BuildingFacts {
  summary?: BuildingSummary;
  /**
   * The building's value from the analysis that feeds this mode (a feature's `buildingValues`), e.g.
   * for walkTime the walk to the nearest facility of the chosen category, seconds (Infinity: none reachable).
   */
  value?: number;
}

export interface ColorModeDefinition {
  id: ColorMode;
  titleKey: string;
  legend: LegendEntry[];
  colorOf(building: Building, facts: BuildingFacts): Rgb;
}

const NO_DATA: Rgb = [120, 124, 132];

/** Categorical palette for building use, tuned to stay distinct on a dark background. */
const USE_COLORS: Record<Building['use'], Rgb> = {
  residential: [222, 205, 170],
  mixed: [240, 170, 110],
  commercial: [236, 112, 99],
  education: [93, 173, 226],
  'public-service': [130, 224, 170],
  office: [187, 143, 206],
  industrial: [160, 160, 160],
  other: [200, 200, 200],
};

/** Sequential classes: upper bounds are exclusive, the last class is open-ended. */
interface ClassBreak {
  upTo: number;
  color: Rgb;
  label: string;
}

function classify(value: number, breaks: ClassBreak[]): Rgb {
  for (const b of breaks) if (value < b.upTo) return b.color;
  return breaks[breaks.length - 1].color;
}

// Viridis-like ramps (perceptually ordered), dark → light = low → high except where noted.
const YEAR_BREAKS: ClassBreak[] = [
  { upTo: 1980, color: [128, 47, 27], label: '< 1980' },
  { upTo: 1990, color: [201, 84, 46], label: '1980–1989' },
  { upTo: 2000, color: [240, 150, 70], label: '1990–1999' },
  { upTo: 2010, color: [120, 190, 200], label: '2000–2009' },
  { upTo: Infinity, color: [70, 130, 220], label: '≥ 2010' },
];

const FLOOR_BREAKS: ClassBreak[] = [
  { upTo: 4, color: [254, 224, 139], label: '1–3' },
  { upTo: 7, color: [253, 174, 97], label: '4–6' },
  { upTo: 12, color: [244, 109, 67], label: '7–11' },
  { upTo: 19, color: [215, 48, 39], label: '12–18' },
  { upTo: Infinity, color: [165, 0, 38], label: '≥ 19' },
];

const SHARE_BREAKS = (palette: Rgb[]): ClassBreak[] =>
  [0.1, 0.2, 0.3, 0.4, Infinity].map((upTo, i) => ({
    upTo,
    color: palette[i],
    label: upTo === Infinity ? '≥ 40%' : `${Math.round((upTo - 0.1) * 100)}–${Math.round(upTo * 100)}%`,
  }));

const BLUES: Rgb[] = [
  [222, 235, 247],
  [158, 202, 225],
  [107, 174, 214],
  [49, 130, 189],
  [8, 81, 156],
];
const PURPLES: Rgb[] = [
  [239, 237, 245],
  [203, 201, 226],
  [158, 154, 200],
  [117, 107, 177],
  [84, 39, 143],
];

const legendOf = (breaks: ClassBreak[]): LegendEntry[] => breaks.map((b) => ({ color: b.color, label: b.label, literal: true }));

/** Colour for a share that only exists where people or houses do. */
function shareColor(breaks: ClassBreak[], has: boolean, share: number): Rgb {
  return has ? classify(share, breaks) : NO_DATA;
}

/** 5/10/15-minute living circles (GB 50180-2018 §3.0.4), then beyond. */
const WALK_BREAKS: ClassBreak[] = [
  { upTo: 300.5, color: [26, 152, 80], label: '≤ 5 min' },
  { upTo: 600.5, color: [166, 217, 106], label: '5–10 min' },
  { upTo: 900.5, color: [253, 174, 97], label: '10–15 min' },
  { upTo: Infinity, color: [215, 48, 39], label: '> 15 min' },
];
const UNREACHABLE: Rgb = [90, 40, 120];

/**
 * Sunlight hours of a building's worst floor (its worst home) on the preset's day: below 1 h, below
 * the 2 h of GB 50180-2018 大寒日 (big cities, zone III), then in steps up to the whole window.
 */
const SUNLIGHT_BREAKS: ClassBreak[] = [
  { upTo: 1 - 1e-6, color: [165, 0, 38], label: '< 1 h' },
  { upTo: 2 - 1e-6, color: [244, 109, 67], label: '1–2 h' },
  { upTo: 3 - 1e-6, color: [254, 224, 139], label: '2–3 h' },
  { upTo: 5 - 1e-6, color: [166, 217, 106], label: '3–5 h' },
  { upTo: Infinity, color: [26, 152, 80], label: '≥ 5 h' },
];

/** 限高: above the limit in red, under it muted. */
const OVER_LIMIT: Rgb = [231, 76, 60];
const UNDER_LIMIT: Rgb = [150, 160, 172];

/** Share of a building's eye-facing surface seen from the viewshed's eye: hidden dark, fully seen bright green. */
const SEEN_BREAKS: ClassBreak[] = [
  { upTo: 1e-9, color: [70, 60, 110], label: '0%' },
  { upTo: 0.34, color: [120, 110, 170], label: '1–33%' },
  { upTo: 0.67, color: [120, 190, 160], label: '34–66%' },
  { upTo: Infinity, color: [46, 204, 113], label: '≥ 67%' },
];

const vacancyBreaks = SHARE_BREAKS(BLUES);
const elderlyBreaks = SHARE_BREAKS(PURPLES);

export const COLOR_MODE_DEFINITIONS: Record<ColorMode, ColorModeDefinition> = {
  use: {
    id: 'use',
    titleKey: 'colorMode.use',
    legend: BUILDING_USES.map((use) => ({ color: USE_COLORS[use], label: `use.${use}` })),
    colorOf: (b) => USE_COLORS[b.use],
  },
  yearBuilt: {
    id: 'yearBuilt',
    titleKey: 'colorMode.yearBuilt',
    legend: legendOf(YEAR_BREAKS),
    colorOf: (b) => classify(b.yearBuilt, YEAR_BREAKS),
  },
  floors: {
    id: 'floors',
    titleKey: 'colorMode.floors',
    legend: legendOf(FLOOR_BREAKS),
    colorOf: (b) => classify(b.floors, FLOOR_BREAKS),
  },
  elevator: {
    id: 'elevator',
    titleKey: 'colorMode.elevator',
    legend: [
      { color: [46, 204, 113], label: 'legend.hasElevator' },
      { color: [231, 76, 60], label: 'legend.noElevatorCandidate' },
      { color: [200, 190, 170], label: 'legend.noElevator' },
    ],
    // Walk-ups of 4+ floors without a lift are what the 加装电梯 programme targets.
    colorOf: (b) => (b.hasElevator ? [46, 204, 113] : b.floors >= 4 ? [231, 76, 60] : [200, 190, 170]),
  },
  occupancy: {
    id: 'occupancy',
    titleKey: 'colorMode.occupancy',
    legend: [...legendOf(vacancyBreaks), { color: NO_DATA, label: 'legend.noData' }],
    colorOf: (_b, { summary: s }) => shareColor(vacancyBreaks, (s?.houses ?? 0) > 0, s?.vacancyRate ?? 0),
  },
  elderlyShare: {
    id: 'elderlyShare',
    titleKey: 'colorMode.elderlyShare',
    legend: [...legendOf(elderlyBreaks), { color: NO_DATA, label: 'legend.noData' }],
    colorOf: (_b, { summary: s }) => shareColor(elderlyBreaks, (s?.residents ?? 0) > 0, s?.elderlyShare ?? 0),
  },
  walkTime: {
    id: 'walkTime',
    titleKey: 'colorMode.walkTime',
    legend: [...legendOf(WALK_BREAKS), { color: UNREACHABLE, label: 'legend.unreachable' }, { color: NO_DATA, label: 'legend.noData' }],
    colorOf: (_b, { value: walkSeconds }) =>
      walkSeconds === undefined || Number.isNaN(walkSeconds)
        ? NO_DATA
        : walkSeconds === Infinity
          ? UNREACHABLE
          : classify(walkSeconds, WALK_BREAKS),
  },
  sunlight: {
    id: 'sunlight',
    titleKey: 'colorMode.sunlight',
    legend: [...legendOf(SUNLIGHT_BREAKS), { color: NO_DATA, label: 'legend.notAssessed' }],
    // The value is the worst floor's hours from the sunlight feature; NaN where the building is not assessed.
    colorOf: (_b, { value: hours }) => (hours === undefined || Number.isNaN(hours) ? NO_DATA : classify(hours, SUNLIGHT_BREAKS)),
  },
  heightLimit: {
    id: 'heightLimit',
    titleKey: 'colorMode.heightLimit',
    legend: [
      { color: OVER_LIMIT, label: 'legend.overLimit' },
      { color: UNDER_LIMIT, label: 'legend.underLimit' },
      { color: NO_DATA, label: 'legend.noLimit' },
    ],
    // The value is metres above the limit (the viewshed feature's); undefined while no limit is set.
    colorOf: (_b, { value: excess }) => (excess === undefined || Number.isNaN(excess) ? NO_DATA : excess > 0 ? OVER_LIMIT : UNDER_LIMIT),
  },
  viewshed: {
    id: 'viewshed',
    titleKey: 'colorMode.viewshed',
    legend: [...legendOf(SEEN_BREAKS), { color: NO_DATA, label: 'legend.outOfView' }],
    // The value is the share of the building's eye-facing surface seen; NaN out of reach or with no eye placed.
    colorOf: (_b, { value: share }) => (share === undefined || Number.isNaN(share) ? NO_DATA : classify(share, SEEN_BREAKS)),
  },
};

export function isColorMode(value: unknown): value is ColorMode {
  return (COLOR_MODES as readonly unknown[]).includes(value);
}

/**
 * Colours of every building for a mode, keyed by building id. `values` (indexed like `buildings`)
 * are the analysis values the mode colours by, where it colours by one (walkTime: walk seconds).
 */
export function colorBuildings(
  buildings: readonly Building[],
  summaries: ReadonlyMap<string, BuildingSummary>,
  mode: ColorMode,
  values?: ArrayLike<number>,
): Map<string, Rgb> {
  const definition = COLOR_MODE_DEFINITIONS[mode];
  return new Map(buildings.map((b, i) => [b.id, definition.colorOf(b, { summary: summaries.get(b.id), value: values?.[i] })]));
}

export function rgbToCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}
