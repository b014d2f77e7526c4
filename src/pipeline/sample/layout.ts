/**
 * The spatial plan of the synthetic sample community 景和新村, in local metres around its centre
 * (x east, y north). Pure and deterministic for a given Random.
 *
 * The plan follows the 行列式 layout of 1980s–90s Hangzhou 新村: six-storey walk-up slabs in
 * east–west rows, ~22 m apart, served by a footway along each row, between a grid of internal lanes;
 * a block of 2000s high-rises in the south-east, a primary school in the north-east, shops along the
 * main street (south) and a canal beyond the north road.
 *
 *          canal ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
 *          新村北路 (y = 275) ────────────────────────────────────────────────────────────
 *          │ A-north: 1980s   │ B-north: walk-ups │ C-north: walk-ups │ D-north: 小学   │
 *          │ 4–5F, day care ↖ │                   │                   │                 │
 *   景和西路 ──────────────────────────── 新村横路 (y = 100) ──────────────────────────── 东园路
 *          │ A-south: walk-ups│ B-south: walk-ups │ C: 游园, 社区中心 │ D: high-rises   │ ── 育才路 → 初中
 *          │ kindergarten     │                   │                   │                 │
 *          │ shops            │ 底商 (mixed)      │ market, shops     │ shops, 超市     │
 *          景和路 (main street, y = −275) ─────────────────────────────────────────────────
 *                 x = −180 (西支路)      x = −20 (新村中路)      x = 150 (东支路)
 */
import type {
  BaseKind,
  Building,
  BuildingUse,
  CapacityUnit,
  FacilityCategory,
  IdleStatus,
  NetworkKind,
  OwnerType,
  PropertyManagement,
  ReuseKind,
  Structure,
} from '../../core/model/types';
import type { Random } from '../../core/random';
import {
  type Interval,
  type Pt,
  type Rect,
  expandRect,
  nodePolylines,
  rect,
  rectArea,
  rectCentre,
  rectRing,
  rectsOverlap,
  segmentStrip,
  subtractIntervals,
} from './localGeometry';

/** Whether a house stock is the 1980s–90s walk-up stock or the 2000s high-rise stock (drives the population mix). */
export type HousingStock = 'old' | 'new';

export interface ResidentialSpec {
  entrances: number;
  householdsPerFloor: number;
  stock: HousingStock;
  /** Ground floor is shops (底商) and homes start on floor 2. */
  firstResidentialFloor: number;
  /** Range of a home's floor area (m²). */
  areaRangeM2: [number, number];
  /** Share of homes that are 直管公房 (public housing). */
  publicHousingShare: number;
}

/** A building of the plan: its rectangle and the attributes it will have in the package. */
export interface PlannedBuilding extends Pick<
  Building,
  'floors' | 'use' | 'yearBuilt' | 'structure' | 'hasElevator' | 'propertyManagement' | 'idleStatus'
> {
  /** Internal key for buildings that facilities or reuse spaces refer to. */
  key?: string;
  /** Name for non-residential buildings; residential ones are numbered (…幢) later. */
  label?: string;
  rect: Rect;
  residential?: ResidentialSpec;
  /** Ground-floor commercial units (shops of a commercial building, 底商 of a mixed one). */
  shopUnits?: number;
  /** Small ancillary building kind, for facilities that sit in one. */
  ancillary?: 'bike-shed' | 'storage' | 'waste-room' | 'substation';
}

export interface PlannedFacility {
  category: FacilityCategory;
  name: string;
  /** Inside a building (key), or at a point. */
  buildingKey?: string;
  point?: Pt;
  floorAreaM2?: number;
  capacity?: number;
  capacityUnit?: CapacityUnit;
  chargers?: number;
  /** 错时共享: the categories it serves in the hours residents may use it. */
  sharing?: { categories: FacilityCategory[]; hours: string };
}

export interface PlannedLine {
  kind: NetworkKind;
  name?: string;
  points: Pt[];
}

export interface PlannedSurface {
  kind: BaseKind;
  name?: string;
  ring: Pt[];
}

export interface PlannedReuse {
  kind: ReuseKind;
  name: string;
  ring: Pt[];
  ownerType: OwnerType;
  buildingKey?: string;
  floors?: number;
  groundFloorAccess?: boolean;
  currentUse?: string;
}

export interface LocalPlan {
  boundary: Pt[];
  buildings: PlannedBuilding[];
  facilities: PlannedFacility[];
  network: PlannedLine[];
  base: PlannedSurface[];
  reuse: PlannedReuse[];
}

// ---- The frame of the plan (local metres) ---------------------------------------------------

/** Half extents: 650 m east–west × 550 m north–south, the boundary on the outer road centrelines. */
const HALF_W = 325;
const HALF_H = 275;
/** Outer roads continue this far past the corners, so the junctions read as real crossings. */
const ROAD_OVERRUN = 20;
/**
 * The street (街道) around the community: 景和路 runs on to x = ±STREET_REACH, 新村北路 west to the
 * nursing home. The street-tier facilities (GB 50180-2018 表B.0.1) stand out there, 200–400 m beyond
 * the boundary, so some homes are within their 800–1,000 m and some are not.
 */
const STREET_REACH_W = 600;
const STREET_REACH_E = 720;
const NORTH_ROAD_W = 540;
/** Buildings keep this far from the edge of a road or lane surface (building line). */
const SETBACK = 5;
/** Gap between the ends of neighbouring buildings in a row (fire spacing of multi-storey walk-ups ≥ 6 m). */
const END_GAP_MIN = 7;
const END_GAP_MAX = 11;
/** Residential row pitch: ~12 m slab + 22 m spacing (≈ 1.2 × the height of a six-storey walk-up). */
const ROW_PITCH = 34;
/** Row footways run along the north side of each row, this far from the row's south face. */
const ROW_PATH_OFFSET = 18;
/** Path pieces shorter than this that lead nowhere are dropped. */
const MIN_PATH_PIECE = 15;

interface Road {
  name: string;
  kind: NetworkKind;
  points: Pt[];
  widthMeters: number;
}

const OUTER_ROADS: Road[] = [
  // 景和路, the main street with the shops and two bus stops (x = −120, 200).
  {
    name: '景和路',
    kind: 'road',
    widthMeters: 16,
    // It runs on beyond the community to the street's health centre (west) and the metro station (east).
    points: [
      [-STREET_REACH_W, -HALF_H],
      [-HALF_W - ROAD_OVERRUN, -HALF_H],
      [-120, -HALF_H],
      [200, -HALF_H],
      [HALF_W + ROAD_OVERRUN, -HALF_H],
      [STREET_REACH_E, -HALF_H],
    ],
  },
  {
    name: '新村北路',
    kind: 'road',
    widthMeters: 12,
    // West past 景和西路 to the street's nursing home.
    points: [
      [-NORTH_ROAD_W, HALF_H],
      [-HALF_W - ROAD_OVERRUN, HALF_H],
      [HALF_W + ROAD_OVERRUN, HALF_H],
    ],
  },
  {
    name: '景和西路',
    kind: 'road',
    widthMeters: 12,
    points: [
      [-HALF_W, -HALF_H - ROAD_OVERRUN],
      [-HALF_W, 40],
      [-HALF_W, HALF_H + ROAD_OVERRUN],
    ],
  },
  {
    name: '东园路',
    kind: 'road',
    widthMeters: 14,
    points: [
      [HALF_W, -HALF_H - ROAD_OVERRUN],
      [HALF_W, HALF_H + ROAD_OVERRUN],
    ],
  },
  // 育才路: a stub east to the middle school outside the community, with a bus stop at x = 470.
  {
    name: '育才路',
    kind: 'road',
    widthMeters: 10,
    points: [
      [HALF_W, -120],
      [470, -120],
      [660, -120],
    ],
  },
];

/** Internal lanes (7 m, 小区道路): three north–south, one east–west. */
const LANE_WIDTH = 7;
const LANE_X = { west: -180, middle: -20, east: 150 } as const;
const LANE_Y = 100;
const INTERNAL_LANES: Road[] = [
  {
    name: '西支路',
    kind: 'footway',
    widthMeters: LANE_WIDTH,
    points: [
      [LANE_X.west, -HALF_H],
      [LANE_X.west, HALF_H],
    ],
  },
  {
    name: '新村中路',
    kind: 'footway',
    widthMeters: LANE_WIDTH,
    points: [
      [LANE_X.middle, -HALF_H],
      [LANE_X.middle, HALF_H],
    ],
  },
  {
    name: '东支路',
    kind: 'footway',
    widthMeters: LANE_WIDTH,
    points: [
      [LANE_X.east, -HALF_H],
      [LANE_X.east, HALF_H],
    ],
  },
  {
    name: '新村横路',
    kind: 'footway',
    widthMeters: LANE_WIDTH,
    points: [
      [-HALF_W, LANE_Y],
      [HALF_W, LANE_Y],
    ],
  },
];

/** A column of blocks between two north–south lines; `pathFrom`/`pathTo` are where row paths end. */
interface Column {
  id: 'A' | 'B' | 'C' | 'D';
  x0: number;
  x1: number;
  pathFrom: number;
  pathTo: number;
}

const halfLane = LANE_WIDTH / 2;
const COLUMNS: Record<Column['id'], Column> = {
  A: { id: 'A', x0: -HALF_W + 6 + SETBACK, x1: LANE_X.west - halfLane - SETBACK, pathFrom: -HALF_W, pathTo: LANE_X.west },
  B: {
    id: 'B',
    x0: LANE_X.west + halfLane + SETBACK,
    x1: LANE_X.middle - halfLane - SETBACK,
    pathFrom: LANE_X.west,
    pathTo: LANE_X.middle,
  },
  C: {
    id: 'C',
    x0: LANE_X.middle + halfLane + SETBACK,
    x1: LANE_X.east - halfLane - SETBACK,
    pathFrom: LANE_X.middle,
    pathTo: LANE_X.east,
  },
  D: { id: 'D', x0: LANE_X.east + halfLane + SETBACK, x1: HALF_W - 7 - SETBACK, pathFrom: LANE_X.east, pathTo: HALF_W },
};

/** South faces of the walk-up rows south of 新村横路 (−236 … 70) and north of it (110 … 246). */
const SOUTH_ROWS = Array.from({ length: 10 }, (_, i) => -236 + i * ROW_PITCH);
const NORTH_ROWS = Array.from({ length: 5 }, (_, i) => 110 + i * ROW_PITCH);
/** The last row of each half is served by the lane or road just north of it. */
const ROWS_WITHOUT_PATH = new Set([70, 246]);

/** Shops along 景和路: 12 m deep, behind a 5 m building line. */
const SHOP_Y0 = -262;
const SHOP_Y1 = -250;
const BACK_LANE_Y = -244;

/** High-rise rows of 景和苑 (2000s) in column D: wider spacing for 11–18 storeys. */
const TOWER_ROWS = [-200, -120, -40, 40];

/** Things that keep walk-up slabs away; `cutsPaths` when row footways must go round them. */
interface Reservation {
  rect: Rect;
  cutsPaths: boolean;
}

// ---- Named sites (local metres) -------------------------------------------------------------

const SITE = {
  dayCare: rect(-312, 244, -284, 260),
  kindergartenSite: rect(-314, -112, -232, -40),
  kindergarten: rect(-306, -68, -266, -48), // 40 × 20 m, 3 floors = 2,400 m²
  kindergartenYard: rect(-306, -106, -238, -76),
  park: rect(-11.5, -72, 100, -4), // 社区游园 ≈ 7,600 m² (完整社区: ≥ 4,000 m²)
  pond: rect(8, -40, 40, -22),
  parkPlaza: rect(55, -70, 98, -52),
  toilet: rect(-8, -70, 2, -62),
  communityCentreSite: rect(-11.5, 0, 74, 18),
  communityCentre: rect(-8, 2, 36, 18), // 44 × 16 m, 3 floors
  centrePlaza: rect(40, 2, 70, 18),
  market: rect(20, -262, 70, -236), // 景和菜市场, 50 × 26 m, 2 floors
  supermarket: rect(255, -262, 313, -236),
  idleOffice: rect(-62, 70, -32, 84), // 原街道办公楼, idle, 3 floors
  grainStore: rect(-218, -168, -194, -156), // 原粮站, low use
  boilerHouse: rect(100, 110, 116, 120), // 原锅炉房, idle
  propertyOld: rect(-100, 144, -80, 154),
  scatteredPlot: rect(60, 176, 86, 192), // 插花地 416 m²
  bikeShedYard: rect(-120, 208, -80, 226), // 低效地: disused bike-shed yard, 720 m²
  northParking: rect(90, 244, 138, 262),
  southParking: rect(-171.5, -134, -140, -121),
  school: rect(COLUMNS.D.x0, LANE_Y + halfLane + SETBACK, COLUMNS.D.x1, HALF_H - 6 - SETBACK),
  schoolA: rect(175, 232, 245, 246),
  schoolB: rect(175, 196, 235, 210),
  schoolHall: rect(258, 190, 298, 214),
  schoolField: rect(190, 116, 300, 176),
  propertyNew: rect(222, -78, 246, -66),
  garageRamp: rect(300, -76, 310, -64),
  towerGate: rect(296, -10, 304, -5),
  schoolGate: rect(160, 225, 166, 230),
  schoolCanteen: rect(258, 230, 298, 246),
  pocketGreenNorth: rect(-300, 232, -200, 242),
  pocketGreenSouth: rect(-150, -216, -60, -205),
} as const;

const CAMPUS_PATH_Y = 222;

// ---- Builders -------------------------------------------------------------------------------

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

interface RowContext {
  rng: Random;
  buildings: PlannedBuilding[];
  reservations: Reservation[];
  ancillaryCounter: { n: number };
}

interface SlabStyle {
  floors: () => number;
  entranceWeights: readonly (readonly [number, number])[];
  entranceWidth: [number, number];
  depth: [number, number];
  yearBuilt: [number, number];
  propertyManagement: PropertyManagement;
  publicHousingShare: number;
  areaRangeM2: [number, number];
}

/**
 * Fills one row of a column with walk-up slabs from west to east, skipping reservations, and puts a
 * small ancillary building (bike shed, waste room, substation) in a leftover gap too short for a slab.
 */
function fillRow(ctx: RowContext, column: Column, y0: number, style: SlabStyle): void {
  const { rng } = ctx;
  const rowBand = rect(column.x0, y0, column.x1, y0 + style.depth[1]);
  const holes: Interval[] = ctx.reservations
    .filter((r) => rectsOverlap(expandRect(r.rect, 3), rowBand))
    .map((r) => [r.rect.x0 - END_GAP_MIN, r.rect.x1 + END_GAP_MIN]);
  for (const [a, b] of subtractIntervals([column.x0, column.x1], holes)) {
    let x = a;
    for (;;) {
      const room = b - x;
      const width = rng.range(style.entranceWidth[0], style.entranceWidth[1]);
      let entrances = rng.weighted(style.entranceWeights);
      while (entrances > 2 && entrances * width > room) entrances--;
      if (entrances * width > room) break;
      const length = entrances * width;
      const depth = rng.range(style.depth[0], style.depth[1]);
      const floors = style.floors();
      ctx.buildings.push({
        rect: rect(x, y0, x + length, y0 + depth),
        floors,
        use: 'residential',
        yearBuilt: rng.int(style.yearBuilt[0], style.yearBuilt[1]),
        structure: 'brick-concrete',
        hasElevator: false,
        // A few old buildings have lost their management altogether (无物业).
        propertyManagement: rng.chance(0.06) ? 'none' : style.propertyManagement,
        idleStatus: 'in-use',
        residential: {
          entrances,
          householdsPerFloor: 2,
          stock: 'old',
          firstResidentialFloor: 1,
          areaRangeM2: style.areaRangeM2,
          publicHousingShare: style.publicHousingShare,
        },
      });
      x += length + rng.range(END_GAP_MIN, END_GAP_MAX);
    }
    const leftover = b - x;
    if (leftover >= 8) addAncillary(ctx, x, y0, Math.min(leftover, 30), style, 8);
  }
}

/**
 * One-storey sheds in the yard south of the next row (宅前车棚), between the row footway and the
 * next row's south face: y0 + 21 … y0 + 27, leaving 7 m in front of the next row.
 */
function addYardSheds(ctx: RowContext, column: Column, y0: number, style: SlabStyle): void {
  const { rng } = ctx;
  const wanted = column.x1 - column.x0 > 140 ? rng.int(1, 2) : rng.int(0, 1);
  for (let n = 0; n < wanted; n++) {
    for (let attempt = 0; attempt < 6; attempt++) {
      const length = rng.range(14, 26);
      const x = rng.range(column.x0, column.x1 - length);
      const candidate = rect(x, y0 + 21, x + length, y0 + 27);
      const clash =
        ctx.reservations.some((r) => rectsOverlap(expandRect(r.rect, 3), candidate)) ||
        ctx.buildings.some((b) => rectsOverlap(expandRect(b.rect, 6), candidate));
      if (clash) continue;
      const kind = rng.weighted([
        ['bike-shed', 0.5],
        ['storage', 0.3],
        ['waste-room', 0.12],
        ['substation', 0.08],
      ] as const);
      addAncillary(ctx, x, y0 + 21, length, style, 6, kind);
      break;
    }
  }
}

type AncillaryKind = NonNullable<PlannedBuilding['ancillary']>;

function addAncillary(
  ctx: RowContext,
  x: number,
  y0: number,
  room: number,
  style: SlabStyle,
  maxDepth: number,
  chosen?: AncillaryKind,
): void {
  const { rng } = ctx;
  // Gaps at row ends cycle through the kinds so every part of the estate gets some of each.
  const cycle = ['bike-shed', 'waste-room', 'bike-shed', 'substation'] as const;
  let kind: AncillaryKind = chosen ?? cycle[ctx.ancillaryCounter.n++ % cycle.length];
  if ((kind === 'bike-shed' || kind === 'storage') && room < 14) kind = 'waste-room';
  const long = kind === 'bike-shed' || kind === 'storage';
  const length = long ? room - rng.range(0, 2) : Math.min(room, kind === 'waste-room' ? 10 : 8);
  const depth = long ? rng.range(maxDepth - 2, maxDepth) : 6;
  const label = { 'bike-shed': '自行车棚', storage: '储藏室', 'waste-room': '垃圾分类房', substation: '配电房' }[kind];
  ctx.buildings.push({
    label,
    ancillary: kind,
    rect: rect(x, y0, x + length, y0 + depth),
    floors: 1,
    use: kind === 'waste-room' ? 'public-service' : 'other',
    yearBuilt: rng.int(style.yearBuilt[0], style.yearBuilt[1] + 10),
    structure: kind === 'bike-shed' ? 'steel' : 'brick-concrete',
    hasElevator: false,
    propertyManagement: style.propertyManagement,
    // One bike shed in seven stands empty since residents moved to e-bikes.
    idleStatus: kind === 'bike-shed' && rng.chance(0.15) ? 'low-use' : 'in-use',
  });
}

function special(
  key: string,
  label: string,
  r: Rect,
  floors: number,
  use: BuildingUse,
  yearBuilt: number,
  structure: Structure,
  propertyManagement: PropertyManagement,
  idleStatus: IdleStatus = 'in-use',
  extra: Partial<PlannedBuilding> = {},
): PlannedBuilding {
  return { key, label, rect: r, floors, use, yearBuilt, structure, hasElevator: false, propertyManagement, idleStatus, ...extra };
}

/** Shops of 1–3 floors along the main street between x0 and x1. */
function fillShops(ctx: RowContext, x0: number, x1: number, firstKey?: string): void {
  const { rng } = ctx;
  let x = x0;
  let first = true;
  while (x1 - x >= 10) {
    // A keyed shop hosts a facility (the elderly canteen, 180 m²), so it is at least 18 m long.
    const keyed = first && firstKey !== undefined;
    const length = Math.min(rng.range(keyed ? 18 : 12, 28), x1 - x);
    const units = Math.max(2, Math.round(length / rng.range(6, 8)));
    ctx.buildings.push({
      key: keyed ? firstKey : undefined,
      label: '沿街商铺',
      rect: rect(x, SHOP_Y0, x + length, SHOP_Y1),
      floors: rng.weighted([
        [1, 3],
        [2, 4],
        [3, 2],
      ]),
      use: 'commercial',
      yearBuilt: rng.int(1992, 2008),
      structure: rng.chance(0.5) ? 'brick-concrete' : 'reinforced-concrete',
      hasElevator: false,
      propertyManagement: 'self-managed',
      idleStatus: rng.chance(0.1) && !keyed ? 'low-use' : 'in-use',
      shopUnits: units,
    });
    first = false;
    x += length + rng.range(4, 8);
  }
}

/** A row footway across a column at height y, cut round reservations that block paths. */
function rowPath(column: Column, y: number, reservations: readonly Reservation[]): PlannedLine[] {
  const holes: Interval[] = reservations
    .filter((r) => r.cutsPaths && r.rect.y0 - 1.5 < y && y < r.rect.y1 + 1.5)
    .map((r) => [r.rect.x0 - 1.5, r.rect.x1 + 1.5]);
  return subtractIntervals([column.pathFrom, column.pathTo], holes)
    .filter(([a, b]) => (a === column.pathFrom || b === column.pathTo) && b - a >= MIN_PATH_PIECE)
    .map(([a, b]) => ({
      kind: 'footway' as const,
      points: [
        [a, y],
        [b, y],
      ] as Pt[],
    }));
}

export function planLayout(rng: Random): LocalPlan {
  const buildings: PlannedBuilding[] = [];
  const network: PlannedLine[] = [];
  const base: PlannedSurface[] = [];
  const reuse: PlannedReuse[] = [];

  const reservations: Reservation[] = [
    { rect: SITE.dayCare, cutsPaths: true },
    { rect: SITE.kindergartenSite, cutsPaths: true },
    { rect: SITE.park, cutsPaths: false },
    { rect: SITE.communityCentreSite, cutsPaths: false },
    { rect: SITE.market, cutsPaths: true },
    { rect: SITE.supermarket, cutsPaths: true },
    { rect: SITE.idleOffice, cutsPaths: true },
    { rect: SITE.grainStore, cutsPaths: true },
    { rect: SITE.boilerHouse, cutsPaths: true },
    { rect: SITE.propertyOld, cutsPaths: true },
    { rect: SITE.scatteredPlot, cutsPaths: true },
    { rect: SITE.bikeShedYard, cutsPaths: true },
    { rect: SITE.northParking, cutsPaths: true },
    { rect: SITE.southParking, cutsPaths: true },
    { rect: SITE.pocketGreenNorth, cutsPaths: false },
    { rect: SITE.pocketGreenSouth, cutsPaths: false },
  ];
  const ctx: RowContext = { rng, buildings, reservations, ancillaryCounter: { n: 0 } };

  // ---- Walk-up rows ----
  const sixFloors = (): number => 6;
  const walkUp = (yearBuilt: [number, number], propertyManagement: PropertyManagement, publicHousingShare: number): SlabStyle => ({
    floors: sixFloors,
    // Mostly 3–4 单元 slabs (≈ 40–55 m); some 2 and 5.
    entranceWeights: [
      [2, 0.15],
      [3, 0.33],
      [4, 0.34],
      [5, 0.18],
    ],
    entranceWidth: [12.5, 14],
    depth: [11, 13],
    yearBuilt,
    propertyManagement,
    publicHousingShare,
    areaRangeM2: [45, 95],
  });
  const early80s: SlabStyle = {
    floors: () => rng.int(4, 5),
    entranceWeights: [
      [2, 0.3],
      [3, 0.45],
      [4, 0.25],
    ],
    entranceWidth: [11, 12.5],
    depth: [10, 11],
    yearBuilt: [1981, 1985],
    propertyManagement: 'self-managed',
    publicHousingShare: 0.25,
    areaRangeM2: [45, 70],
  };
  const styles: Record<string, SlabStyle> = {
    'A-south': walkUp([1986, 1990], 'government-backstop', 0.15),
    'B-south': walkUp([1988, 1993], 'government-backstop', 0.1),
    'C-south': walkUp([1993, 1998], 'professional', 0.04),
    'A-north': early80s,
    'B-north': walkUp([1987, 1991], 'self-managed', 0.12),
    'C-north': walkUp([1990, 1995], 'government-backstop', 0.08),
  };
  for (const columnId of ['A', 'B', 'C'] as const) {
    const column = COLUMNS[columnId];
    for (const y0 of SOUTH_ROWS) fillRow(ctx, column, y0, styles[`${columnId}-south`]);
    for (const y0 of NORTH_ROWS) fillRow(ctx, column, y0, styles[`${columnId}-north`]);
    for (const y0 of [...SOUTH_ROWS, ...NORTH_ROWS]) {
      if (ROWS_WITHOUT_PATH.has(y0)) continue;
      network.push(...rowPath(column, y0 + ROW_PATH_OFFSET, reservations));
      addYardSheds(ctx, column, y0, styles[`${columnId}-${y0 < LANE_Y ? 'south' : 'north'}`]);
    }
  }

  // ---- 景和苑: 2000s high-rises with elevators and professional management (column D, south) ----
  const D = COLUMNS.D;
  TOWER_ROWS.forEach((y0, rowIndex) => {
    const midRise = rowIndex === 0; // the row nearest the main street is an 11-storey 小高层
    for (const side of [0, 1]) {
      const entrances = midRise ? 3 : 2;
      const householdsPerFloor = midRise
        ? 2
        : rng.weighted([
            [2, 0.4],
            [3, 0.6],
          ]);
      const entranceWidth = householdsPerFloor === 3 ? rng.range(22, 24) : rng.range(16, 18);
      const length = entrances * (midRise ? rng.range(14, 15) : entranceWidth);
      const depth = midRise ? 14 : 16;
      const x0 = side === 0 ? D.x0 + 6 + rng.range(0, 6) : D.x1 - 6 - rng.range(0, 6) - length;
      buildings.push({
        rect: rect(x0, y0, x0 + length, y0 + depth),
        floors: midRise ? 11 : rng.int(14, 18),
        use: 'residential',
        yearBuilt: rng.int(2003, 2008),
        structure: 'reinforced-concrete',
        hasElevator: true,
        propertyManagement: 'professional',
        idleStatus: 'in-use',
        residential: {
          entrances,
          householdsPerFloor,
          stock: 'new',
          firstResidentialFloor: 1,
          areaRangeM2: [90, 140],
          publicHousingShare: 0,
        },
      });
    }
    network.push({
      kind: 'footway',
      points: [
        [D.pathFrom, y0 + 26],
        [D.pathTo, y0 + 26],
      ],
    });
  });

  // ---- Main street: shops, 底商 walk-ups, market, supermarket ----
  fillShops(ctx, -296, COLUMNS.A.x1);
  const B = COLUMNS.B;
  const mixedWidth = 13;
  const mixedSpec = (entrances: number): ResidentialSpec => ({
    entrances,
    householdsPerFloor: 2,
    stock: 'old',
    firstResidentialFloor: 2,
    areaRangeM2: [50, 90],
    publicHousingShare: 0.05,
  });
  const mixed = (x0: number, entrances: number): PlannedBuilding => ({
    rect: rect(x0, SHOP_Y0, x0 + entrances * mixedWidth, SHOP_Y1),
    floors: 6,
    use: 'mixed',
    yearBuilt: rng.int(1994, 1997),
    structure: 'brick-concrete',
    hasElevator: false,
    propertyManagement: 'government-backstop',
    idleStatus: 'in-use',
    residential: mixedSpec(entrances),
    shopUnits: entrances * 2,
  });
  buildings.push(mixed(B.x0, 3));
  buildings.push(mixed(B.x1 - 4 * mixedWidth, 4));
  fillShops(ctx, B.x0 + 3 * mixedWidth + 8, B.x1 - 4 * mixedWidth - 8);
  fillShops(ctx, COLUMNS.C.x0, SITE.market.x0 - 5);
  fillShops(ctx, SITE.market.x1 + 5, COLUMNS.C.x1, 'canteen');
  fillShops(ctx, D.x0, SITE.supermarket.x0 - 5);
  buildings.push(
    special('market', '景和菜市场', SITE.market, 2, 'commercial', 1998, 'reinforced-concrete', 'professional', 'in-use', { shopUnits: 1 }),
  );
  buildings.push(
    special('supermarket', '景和生活超市', SITE.supermarket, 2, 'commercial', 2005, 'steel', 'professional', 'in-use', { shopUnits: 1 }),
  );
  // Back lane behind the shops, one piece per column (cut at the market and the supermarket).
  for (const column of Object.values(COLUMNS)) network.push(...rowPath(column, BACK_LANE_Y, reservations));

  // ---- Public buildings ----
  buildings.push(special('day-care', '颐乐园日间照料中心', SITE.dayCare, 2, 'public-service', 2019, 'reinforced-concrete', 'professional'));
  buildings.push(special('kindergarten', '景和幼儿园', SITE.kindergarten, 3, 'education', 2012, 'reinforced-concrete', 'self-managed'));
  buildings.push(
    special(
      'community-centre',
      '景和新村社区服务中心',
      SITE.communityCentre,
      3,
      'public-service',
      2016,
      'reinforced-concrete',
      'professional',
    ),
  );
  buildings.push(special('toilet', '公共厕所', SITE.toilet, 1, 'public-service', 2018, 'brick-concrete', 'professional'));
  buildings.push(special('idle-office', '原街道办公楼', SITE.idleOffice, 3, 'office', 1989, 'brick-concrete', 'none', 'idle'));
  buildings.push(
    special('grain-store', '原粮站', SITE.grainStore, 1, 'commercial', 1984, 'brick-concrete', 'none', 'low-use', { shopUnits: 1 }),
  );
  buildings.push(special('boiler-house', '原锅炉房', SITE.boilerHouse, 1, 'industrial', 1990, 'brick-concrete', 'none', 'idle'));
  buildings.push(
    special('property-old', '景和新村物业服务站', SITE.propertyOld, 2, 'public-service', 2008, 'brick-concrete', 'government-backstop'),
  );
  buildings.push(
    special('property-new', '景和苑物业服务中心', SITE.propertyNew, 2, 'public-service', 2006, 'reinforced-concrete', 'professional'),
  );
  buildings.push(special('school-a', '景和小学教学楼', SITE.schoolA, 4, 'education', 2009, 'reinforced-concrete', 'self-managed'));
  buildings.push(special('school-b', '景和小学综合楼', SITE.schoolB, 4, 'education', 1996, 'reinforced-concrete', 'self-managed'));
  buildings.push(special('school-hall', '景和小学体艺馆', SITE.schoolHall, 2, 'education', 2009, 'steel', 'self-managed'));
  buildings.push(
    special('school-canteen', '景和小学食堂', SITE.schoolCanteen, 2, 'education', 2009, 'reinforced-concrete', 'self-managed'),
  );
  buildings.push(special('school-gate', '景和小学门卫', SITE.schoolGate, 1, 'education', 2009, 'brick-concrete', 'self-managed'));
  buildings.push(special('garage-ramp', '景和苑地下车库出入口', SITE.garageRamp, 1, 'other', 2006, 'reinforced-concrete', 'professional'));
  buildings.push(special('tower-gate', '景和苑门卫', SITE.towerGate, 1, 'public-service', 2006, 'brick-concrete', 'professional'));

  // ---- Network: roads, lanes, special paths ----
  for (const road of [...OUTER_ROADS, ...INTERNAL_LANES]) {
    network.push({ kind: road.kind, name: road.name, points: road.points });
    for (let i = 0; i + 1 < road.points.length; i++) {
      base.push({ kind: 'road', ring: segmentStrip(road.points[i], road.points[i + 1], road.widthMeters) });
    }
  }
  // Canal-side promenade (滨河步道) with three zebra crossings over 新村北路 and 河埠头 steps.
  const promenadeY = 285;
  network.push({
    kind: 'path',
    name: '景和河滨步道',
    points: [
      [-HALF_W, promenadeY],
      [HALF_W, promenadeY],
    ],
  });
  for (const x of [-250, 60, 250])
    network.push({
      kind: 'crossing',
      points: [
        [x, HALF_H],
        [x, promenadeY],
      ],
    });
  network.push({
    kind: 'steps',
    name: '河埠头',
    points: [
      [-100, promenadeY],
      [-100, 289],
    ],
  });
  // Zebra crossing over 景和路 to the bus stop on its south side.
  network.push({
    kind: 'crossing',
    points: [
      [-120, -HALF_H],
      [-120, -284],
    ],
  });
  // Kindergarten gate from 景和西路.
  network.push({
    kind: 'footway',
    points: [
      [-HALF_W, -58],
      [SITE.kindergarten.x0 - 2, -58],
    ],
  });
  // School campus path from the gate on 东支路.
  network.push({
    kind: 'footway',
    name: '校园路',
    points: [
      [LANE_X.east, CAMPUS_PATH_Y],
      [300, CAMPUS_PATH_Y],
    ],
  });
  // Park paths: a north–south walk past the pond, and steps up a small mound (假山).
  network.push({
    kind: 'path',
    points: [
      [SITE.pond.x1 + 6, -48],
      [SITE.pond.x1 + 6, -14],
    ],
  });
  network.push({
    kind: 'path',
    points: [
      [85, -48],
      [85, -34],
    ],
  });
  network.push({
    kind: 'steps',
    points: [
      [85, -34],
      [85, -28],
    ],
  });
  network.push({
    kind: 'path',
    points: [
      [85, -28],
      [85, -14],
    ],
  });

  const noded = nodePolylines(network.map((line) => line.points));
  noded.forEach((points, i) => {
    network[i] = { ...network[i], points };
  });

  // ---- Base map ----
  const ground = rect(-HALF_W - 20, -HALF_H - 20, HALF_W + 20, HALF_H + 40);
  base.unshift({ kind: 'ground', ring: rectRing(ground) });
  // What each surface is decides what counts (scenarios/surfaceRules.json): public green and plazas
  // do; car parks, school grounds, 宅间绿地 and the gated 景和苑 gardens do not.
  base.push({ kind: 'public-green', name: '景和河滨绿带', ring: rectRing(rect(-HALF_W - 20, HALF_H + 6, HALF_W + 20, 289)) }); // 8 m wide: no park
  base.push({ kind: 'water', ring: rectRing(rect(-HALF_W - 40, 289, HALF_W + 40, 307)) }); // 景和河
  base.push({ kind: 'public-green', name: '景和游园', ring: rectRing(SITE.park) });
  base.push({ kind: 'water', ring: rectRing(SITE.pond) });
  base.push({ kind: 'plaza', name: '游园健身广场', ring: rectRing(SITE.parkPlaza) });
  base.push({ kind: 'plaza', name: '社区中心广场', ring: rectRing(SITE.centrePlaza) });
  base.push({ kind: 'school-yard', name: '景和幼儿园户外场地', ring: rectRing(SITE.kindergartenYard) });
  base.push({ kind: 'school-yard', name: '景和小学运动场', ring: rectRing(SITE.schoolField) });
  base.push({ kind: 'parking', name: '新村北停车场', ring: rectRing(SITE.northParking) });
  base.push({ kind: 'parking', name: '南区停车场', ring: rectRing(SITE.southParking) });
  // 景和苑 gardens between the high-rise rows: behind the compound's gate, the residents' own green.
  base.push({ kind: 'block-green', name: '景和苑中庭', ring: rectRing(rect(D.x0 + 4, -88, 215, -46)) });
  base.push({ kind: 'block-green', name: '景和苑中庭', ring: rectRing(rect(253, -88, D.x1 - 4, -46)) });
  base.push({ kind: 'block-green', name: '景和苑中庭', ring: rectRing(rect(D.x0 + 4, -8, D.x1 - 4, 34)) });
  // Pocket greens (宅间绿地) in the old estate, and a ground-floor garden fenced off by its flat.
  const north = SITE.pocketGreenNorth;
  base.push({ kind: 'block-green', ring: rectRing(rect(north.x0, north.y0, north.x1 - 20, north.y1)) });
  base.push({ kind: 'private-garden', ring: rectRing(rect(north.x1 - 20, north.y0, north.x1, north.y1)) });
  base.push({ kind: 'block-green', ring: rectRing(SITE.pocketGreenSouth) });

  // ---- Reuse spaces (闲置房产 / 插花地 / 边角地 / 低效地) ----
  reuse.push({
    kind: 'idle-property',
    name: '原街道办公楼',
    ring: rectRing(SITE.idleOffice),
    ownerType: 'state',
    buildingKey: 'idle-office',
    floors: 3,
    groundFloorAccess: true,
    currentUse: '闲置',
  });
  reuse.push({
    kind: 'idle-property',
    name: '原粮站',
    ring: rectRing(SITE.grainStore),
    ownerType: 'enterprise',
    buildingKey: 'grain-store',
    floors: 1,
    groundFloorAccess: true,
    currentUse: '临时仓储',
  });
  reuse.push({
    kind: 'idle-property',
    name: '原锅炉房',
    ring: rectRing(SITE.boilerHouse),
    ownerType: 'community',
    buildingKey: 'boiler-house',
    floors: 1,
    groundFloorAccess: true,
    currentUse: '闲置',
  });
  reuse.push({
    kind: 'scattered-plot',
    name: '北区插花地',
    ring: rectRing(SITE.scatteredPlot),
    ownerType: 'collective',
    currentUse: '临时堆场',
  });
  reuse.push({
    kind: 'inefficient-land',
    name: '废弃自行车棚院落',
    ring: rectRing(SITE.bikeShedYard),
    ownerType: 'state',
    currentUse: '废弃自行车棚',
  });
  reuse.push({
    kind: 'corner-plot',
    name: '西南角边角地',
    // The corner between 景和西路, 景和路 and the first shop, with a cut corner.
    ring: [
      [-314, -262],
      [-300, -262],
      [-300, -248],
      [-306, -240],
      [-314, -240],
      [-314, -262],
    ],
    ownerType: 'community',
    currentUse: '空地',
  });
  reuse.push({
    kind: 'corner-plot',
    name: '东支路口边角地',
    ring: rectRing(rect(LANE_X.east + halfLane + 1, LANE_Y - halfLane - 24, LANE_X.east + halfLane + 16, LANE_Y - halfLane - 4)),
    ownerType: 'state',
    currentUse: '绿化带',
  });

  // ---- Facilities ----
  const facilities = planFacilities(buildings);
  return {
    boundary: rectRing(rect(-HALF_W, -HALF_H, HALF_W, HALF_H)),
    buildings,
    facilities,
    network,
    base,
    reuse,
  };
}

/**
 * The facility inventory, with the deliberate gaps an analysis should find: no 托育 (nursery),
 * no 助残 (disability aid), no middle school inside, and the only day-care centre in one corner.
 */
function planFacilities(buildings: readonly PlannedBuilding[]): PlannedFacility[] {
  const f: PlannedFacility[] = [
    // 9 classes × 30 places (GB 50180: 30 per class).
    { category: 'kindergarten', name: '景和幼儿园', buildingKey: 'kindergarten', floorAreaM2: 2400, capacity: 270, capacityUnit: 'places' },
    // 24 classes × 45 places. Its sports field opens to residents after school hours and at weekends
    // (错时共享, 杭政办函〔2023〕52号 四(二)4): a fitness ground then.
    {
      category: 'primary-school',
      name: '景和小学',
      sharing: { categories: ['fitness'], hours: 'Mo-Fr 17:30-20:30; Sa,Su 07:00-20:00' },
      buildingKey: 'school-a',
      floorAreaM2: round1(
        rectArea(SITE.schoolA) * 4 + rectArea(SITE.schoolB) * 4 + rectArea(SITE.schoolHall) * 2 + rectArea(SITE.schoolCanteen) * 2,
      ),
      capacity: 1080,
      capacityUnit: 'places',
    },
    { category: 'middle-school', name: '育才中学', point: [640, -108], capacity: 1350, capacityUnit: 'places' },
    // 完整社区: day care ≥ 350 m².
    { category: 'elderly-care', name: '颐乐园日间照料中心', buildingKey: 'day-care', floorAreaM2: 420, capacity: 24, capacityUnit: 'beds' },
    { category: 'elderly-canteen', name: '景和老年食堂', buildingKey: 'canteen', floorAreaM2: 180, capacity: 80, capacityUnit: 'seats' },
    // 完整社区: health station ≥ 120 m².
    { category: 'health-station', name: '景和社区卫生服务站', buildingKey: 'community-centre', floorAreaM2: 150 },
    { category: 'culture-station', name: '景和文化家园', buildingKey: 'community-centre', floorAreaM2: 320 },
    { category: 'community-service', name: '景和新村社区服务站', buildingKey: 'community-centre', floorAreaM2: 800 },
    { category: 'party-service-centre', name: '景和新村党群服务中心', buildingKey: 'community-centre', floorAreaM2: 420 },
    { category: 'fitness', name: '游园健身广场', point: [76, -61], floorAreaM2: 774 },
    { category: 'fitness', name: '北区健身点', point: [-250, 237], floorAreaM2: 160 },
    { category: 'fitness', name: '景和苑健身场', point: [232, 12], floorAreaM2: 300 },
    { category: 'grocery', name: '景和菜市场', buildingKey: 'market', floorAreaM2: 2600 },
    { category: 'grocery', name: '景和生活超市', buildingKey: 'supermarket', floorAreaM2: 3016 },
    { category: 'property-service', name: '景和新村物业服务站', buildingKey: 'property-old', floorAreaM2: 400 },
    { category: 'property-service', name: '景和苑物业服务中心', buildingKey: 'property-new', floorAreaM2: 576 },
    { category: 'bus-stop', name: '景和路西站', point: [-120, -286] },
    { category: 'bus-stop', name: '景和路东站', point: [200, -268] },
    { category: 'bus-stop', name: '景和西路站', point: [-333, 40] },
    { category: 'bus-stop', name: '育才路站', point: [470, -127] },
    { category: 'parking', name: '景和苑地下车库', buildingKey: 'garage-ramp', capacity: 420, capacityUnit: 'spaces', chargers: 84 },
    { category: 'parking', name: '新村北停车场', point: [114, 253], capacity: 40, capacityUnit: 'spaces', chargers: 6 },
    { category: 'parking', name: '南区停车场', point: [-155.75, -127.5], capacity: 24, capacityUnit: 'spaces', chargers: 4 },
    { category: 'parking', name: '景和路路内停车', point: [-60, -269], capacity: 30, capacityUnit: 'spaces', chargers: 0 },
    { category: 'public-toilet', name: '景和游园公共厕所', buildingKey: 'toilet', floorAreaM2: 40 },
    // 便民商业网点 in the shop row along 景和路.
    { category: 'convenience-shop', name: '景和便利店', point: [-250, -256] },
    { category: 'convenience-shop', name: '景和大药房', point: [-60, -256] },
    { category: 'convenience-shop', name: '洁丽洗衣店', point: [120, -256] },
    // The street (街道) 15-minute tier, outside the community (GB 50180-2018 表B.0.1).
    { category: 'community-health-centre', name: '景和街道社区卫生服务中心', point: [-540, -290], floorAreaM2: 3200 },
    { category: 'street-service-centre', name: '景和街道社区服务中心', point: [560, -136], floorAreaM2: 1500 },
    { category: 'street-culture-centre', name: '景和街道文化活动中心', point: [585, -136], floorAreaM2: 2000 },
    { category: 'nursing-home', name: '景和街道颐养院', point: [-500, 262], capacity: 120, capacityUnit: 'beds' },
    { category: 'sports-centre', name: '景和全民健身中心', point: [520, -104], floorAreaM2: 4800 },
    { category: 'metro-station', name: '地铁景和站', point: [700, -290] },
  ];
  // Parcel lockers (快递柜): four in bike sheds spread over the old estate, one at 景和苑's property
  // office. Waste-sorting points (垃圾分类投放点): up to nine waste rooms spread over the old estate and
  // an open-air kiosk in 景和苑.
  const sheds = buildings.filter((b) => b.ancillary === 'bike-shed' && b.idleStatus === 'in-use');
  nearestTo(sheds, [
    [-250, 170],
    [20, 190],
    [-100, 0],
    [-240, -180],
  ]).forEach((b, i) => {
    b.key = `parcel-${i + 1}`;
    f.push({ category: 'parcel', name: `智能快递柜${i + 1}号`, buildingKey: b.key, capacity: 60 + 20 * (i % 3), capacityUnit: 'lockers' });
  });
  f.push({ category: 'parcel', name: '智能快递柜5号', buildingKey: 'property-new', capacity: 120, capacityUnit: 'lockers' });
  const wasteRooms = buildings.filter((b) => b.ancillary === 'waste-room');
  const wasteTargets: Pt[] = [
    [-250, 200],
    [-100, 200],
    [60, 200],
    [-250, 20],
    [-100, 40],
    [90, 40],
    [-250, -180],
    [-100, -160],
    [90, -160],
  ];
  const chosenRooms = nearestTo(wasteRooms, wasteTargets);
  chosenRooms.forEach((b, i) => {
    b.key = `waste-${i + 1}`;
    f.push({ category: 'waste-sorting', name: `垃圾分类投放点${i + 1}号`, buildingKey: b.key });
  });
  // Too few waste rooms (other seeds): open-air kiosks beside row footways make up six.
  const kiosks: Pt[] = [
    [-120, 21],
    [60, -114.5],
    [-250, 125],
    [-100, -182.5],
    [40, 159],
  ];
  for (let i = chosenRooms.length; i < 5; i++) {
    f.push({ category: 'waste-sorting', name: `垃圾分类投放点${i + 1}号`, point: kiosks[i] });
  }
  f.push({ category: 'waste-sorting', name: '景和苑垃圾分类亭', point: [280, -10.5] });
  return f;
}

/** For each target in turn, the nearest item not taken yet (by building centre); fewer when items run out. */
function nearestTo(items: readonly PlannedBuilding[], targets: readonly Pt[]): PlannedBuilding[] {
  const free = [...items];
  const chosen: PlannedBuilding[] = [];
  for (const [tx, ty] of targets) {
    if (free.length === 0) break;
    let best = 0;
    let bestDistance = Infinity;
    free.forEach((b, i) => {
      const [cx, cy] = rectCentre(b.rect);
      const d = Math.hypot(cx - tx, cy - ty);
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    });
    chosen.push(free[best]);
    free.splice(best, 1);
  }
  return chosen;
}
