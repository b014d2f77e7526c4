/**
 * Generates the bundled synthetic sample community 景和新村社区 (`sample-jinghe`): a 旧改类 普惠型
 * community in 上城区, Hangzhou, with buildings, 人·房·权, facilities (with deliberate gaps), a walking
 * network, reuse spaces and a base map. Pure and deterministic: the same seed gives the same
 * Community, and so the same package bytes (see `writePackage`). Runs in Node and in the browser.
 */
import { createLocalFrame, polygonAreaM2, type LocalFrame } from '../../core/geo/localFrame';
import type {
  BaseSurface,
  Building,
  Community,
  CommunityManifest,
  Facility,
  GridCell,
  House,
  LonLat,
  NetworkLine,
  PolygonCoords,
  ReuseSpace,
} from '../../core/model/types';
import { createRandom } from '../../core/random';
import { residentStatsFromRows } from '../../data/community/buildingSummaries';
import { type Pt, type Rect, rect, rectCentre, rectRing } from './localGeometry';
import { type PlannedBuilding, planLayout } from './layout';
import { type IdentifiedBuilding, populate } from './population';

/** The fixed seed of the bundled sample (a nod to 杭政办函〔2023〕52号). */
export const SAMPLE_SEED = 20230052;
export const SAMPLE_ID = 'sample-jinghe';
/** Centre of the sample: a spot of central Hangzhou where the OSM context layer has no buildings. */
export const SAMPLE_CENTRE: LonLat = [120.1805, 30.269];

const COORDINATE_DECIMALS = 1e7; // 7 decimal places ≈ 1 cm

function roundCoordinate(value: number): number {
  return Math.round(value * COORDINATE_DECIMALS) / COORDINATE_DECIMALS;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function toLonLat(frame: LocalFrame, [x, y]: Pt): LonLat {
  const [lon, lat] = frame.toLonLat(x, y);
  return [roundCoordinate(lon), roundCoordinate(lat)];
}

function toPolygon(frame: LocalFrame, ring: readonly Pt[]): PolygonCoords {
  return [ring.map((p) => toLonLat(frame, p))];
}

/** Sort key for numbering buildings: rows from north to south, then west to east (like 幢 plates). */
function numberingOrder(a: PlannedBuilding, b: PlannedBuilding): number {
  const rowA = Math.round(a.rect.y0 / 17);
  const rowB = Math.round(b.rect.y0 / 17);
  return rowB - rowA || a.rect.x0 - b.rect.x0;
}

/** A point inside a building: the i-th of n spots spread along its long (east–west) axis. */
function pointInBuilding(r: Rect, i: number, n: number): Pt {
  const [, cy] = rectCentre(r);
  return [r.x0 + ((i + 1) / (n + 1)) * (r.x1 - r.x0), cy];
}

export function generateSampleCommunity(seed: number = SAMPLE_SEED): Community {
  // Independent streams, so that tuning the population never moves a building.
  const layoutRng = createRandom(seed);
  const populationRng = createRandom((seed ^ 0x5bd1e995) >>> 0);
  const heightRng = createRandom((seed ^ 0x27d4eb2f) >>> 0);
  const frame = createLocalFrame(SAMPLE_CENTRE);
  const plan = planLayout(layoutRng);

  const ordered = [...plan.buildings].sort(numberingOrder);
  const identified: IdentifiedBuilding[] = ordered.map((b, i) => ({ id: `JH-B${String(i + 1).padStart(3, '0')}`, plan: b }));
  const idByKey = new Map<string, string>();
  const rectByKey = new Map<string, Rect>();
  let residentialNumber = 0;
  const buildings: Building[] = identified.map(({ id, plan: b }) => {
    if (b.key) {
      idByKey.set(b.key, id);
      rectByKey.set(b.key, b.rect);
    }
    const footprint = toPolygon(frame, rectRing(b.rect));
    const footprintArea = polygonAreaM2(footprint);
    const isHousing = b.use === 'residential' || b.use === 'mixed';
    // Storey height 2.9–3.1 m for every building of the block model.
    const storeyHeight = heightRng.range(2.9, 3.1);
    const building: Building = {
      id,
      name: isHousing ? `${++residentialNumber}幢` : b.label,
      footprint,
      floors: b.floors,
      heightMeters: round1(b.floors * storeyHeight),
      use: b.use,
      yearBuilt: b.yearBuilt,
      structure: b.structure,
      hasElevator: b.hasElevator,
      propertyManagement: b.propertyManagement,
      idleStatus: b.idleStatus,
      grossFloorAreaM2: round1(footprintArea * b.floors),
      cimLevel: 2,
    };
    if (b.residential) building.entrances = b.residential.entrances;
    if (building.name === undefined) delete building.name;
    return building;
  });

  const population = populate(identified, populationRng);

  // Facilities: inside their building (spread along it when several share one), or at their point.
  const perBuilding = new Map<string, number>();
  for (const f of plan.facilities) if (f.buildingKey) perBuilding.set(f.buildingKey, (perBuilding.get(f.buildingKey) ?? 0) + 1);
  const placed = new Map<string, number>();
  const facilities: Facility[] = plan.facilities.map((f, i) => {
    let position: LonLat;
    let buildingId: string | undefined;
    if (f.buildingKey) {
      const r = rectByKey.get(f.buildingKey);
      buildingId = idByKey.get(f.buildingKey);
      if (!r || !buildingId) throw new Error(`facility ${f.name}: no building with key ${f.buildingKey}`);
      const index = placed.get(f.buildingKey) ?? 0;
      placed.set(f.buildingKey, index + 1);
      position = toLonLat(frame, pointInBuilding(r, index, perBuilding.get(f.buildingKey) ?? 1));
    } else if (f.point) {
      position = toLonLat(frame, f.point);
    } else {
      throw new Error(`facility ${f.name} has neither a building nor a point`);
    }
    const facility: Facility = { id: `JH-F${String(i + 1).padStart(3, '0')}`, category: f.category, name: f.name, position };
    if (f.floorAreaM2 !== undefined) facility.floorAreaM2 = f.floorAreaM2;
    if (f.capacity !== undefined) facility.capacity = f.capacity;
    if (f.capacityUnit !== undefined) facility.capacityUnit = f.capacityUnit;
    if (f.chargers !== undefined) facility.chargers = f.chargers;
    if (buildingId !== undefined) facility.buildingId = buildingId;
    if (f.sharing) facility.sharing = { categories: f.sharing.categories.slice(), hours: f.sharing.hours };
    return facility;
  });

  const network: NetworkLine[] = plan.network.map((line, i) => {
    const out: NetworkLine = {
      id: `JH-N${String(i + 1).padStart(3, '0')}`,
      kind: line.kind,
      coordinates: line.points.map((p) => toLonLat(frame, p)),
    };
    if (line.name !== undefined) out.name = line.name;
    return out;
  });

  const reuse: ReuseSpace[] = plan.reuse.map((r, i) => {
    const footprint = toPolygon(frame, r.ring);
    const space: ReuseSpace = {
      id: `JH-S${String(i + 1).padStart(2, '0')}`,
      kind: r.kind,
      name: r.name,
      footprint,
      areaM2: round1(polygonAreaM2(footprint)),
      ownerType: r.ownerType,
    };
    if (r.buildingKey !== undefined) {
      const buildingId = idByKey.get(r.buildingKey);
      if (!buildingId) throw new Error(`reuse space ${r.name}: no building with key ${r.buildingKey}`);
      space.buildingId = buildingId;
    }
    if (r.floors !== undefined) space.floors = r.floors;
    if (r.groundFloorAccess !== undefined) space.groundFloorAccess = r.groundFloorAccess;
    if (r.currentUse !== undefined) space.currentUse = r.currentUse;
    return space;
  });

  const base: BaseSurface[] = plan.base.map((s) => ({
    kind: s.kind,
    ...(s.name !== undefined ? { name: s.name } : {}),
    polygon: toPolygon(frame, s.ring),
  }));

  const houses = withHouseCodes(population.houses, buildings);
  return {
    manifest: sampleManifest(frame, toPolygon(frame, plan.boundary)),
    buildings,
    houses,
    rights: population.rights,
    people: population.people,
    // The package carries these counts; the rows above go to the residents' data service (samplePackage.ts).
    residentStats: residentStatsFromRows({ buildings, houses, rights: population.rights, people: population.people }),
    facilities,
    grids: sampleGrids(frame),
    network,
    reuse,
    base,
    context: [],
  };
}

/** 上城区's administrative division code (GB/T 2260), the first six characters of a 城乡房屋编码. */
const DIVISION_CODE = '330102';

/**
 * 城乡房屋编码 and 标准地址 for every house — synthetic, in the shape the package validates: the
 * division code, "JH" (this community), building number, entrance and room; the address down to the
 * room (行政区划 + 社区 + 幢 + 单元 + 室), as 一标三实 writes it. No random draws: the other layers keep their bytes.
 */
function withHouseCodes(houses: readonly House[], buildings: readonly Building[]): House[] {
  const nameOf = new Map(buildings.map((b) => [b.id, b.name ?? b.id]));
  return houses.map((h) => {
    const number = h.buildingId.replace(/\D/g, '').padStart(3, '0');
    const entrance = String(h.entrance).padStart(2, '0');
    return {
      ...h,
      houseCode: `${DIVISION_CODE}JH${number}${entrance}${h.room}`,
      standardAddress: `浙江省杭州市上城区景和新村${nameOf.get(h.buildingId)}${h.entrance}单元${h.room}室`,
    };
  });
}

/**
 * Camera: south-south-west of the centre looking north-north-east (heading 20°) down at 40°, from
 * 900 m up; the point looked at is the centre, 900 / tan 40° ≈ 1,073 m away horizontally.
 */
function sampleCamera(frame: LocalFrame): CommunityManifest['camera'] {
  const heightMeters = 900;
  const pitchDeg = -40;
  const headingDeg = 20;
  const horizontal = heightMeters / Math.tan((-pitchDeg * Math.PI) / 180);
  const heading = (headingDeg * Math.PI) / 180;
  const [lon, lat] = toLonLat(frame, [-horizontal * Math.sin(heading), -horizontal * Math.cos(heading)]);
  return { lon, lat, heightMeters, headingDeg, pitchDeg };
}

/**
 * Four governance grid cells (网格), the quadrants of the site (±325 m × ±275 m), with fixed staff
 * counts: Hangzhou's urban grids are sized at roughly 300–500 households per full-time grid worker,
 * and the uneven counts give the governance scenario something to find. No random draws, so the other
 * layers of the sample keep their bytes.
 */
function sampleGrids(frame: LocalFrame): GridCell[] {
  const cells: { id: string; name: string; r: Rect; staff: number; volunteers: number }[] = [
    { id: 'grid-1', name: '景和一网格（西北）', r: rect(-325, 0, 0, 275), staff: 2, volunteers: 14 },
    { id: 'grid-2', name: '景和二网格（东北）', r: rect(0, 0, 325, 275), staff: 2, volunteers: 9 },
    { id: 'grid-3', name: '景和三网格（西南）', r: rect(-325, -275, 0, 0), staff: 1, volunteers: 11 },
    { id: 'grid-4', name: '景和四网格（东南）', r: rect(0, -275, 325, 0), staff: 2, volunteers: 6 },
  ];
  return cells.map((c) => ({
    id: c.id,
    name: c.name,
    polygon: toPolygon(frame, rectRing(c.r)),
    staffCount: c.staff,
    volunteerCount: c.volunteers,
  }));
}

/** A synthetic 2026 resident survey; the per-scenario shares point at the sample's deliberate gaps. */
const SAMPLE_SURVEY: CommunityManifest['survey'] = {
  date: '2026-05-20',
  respondents: 412,
  satisfiedShare: 0.87,
  byScenario: {
    neighbourhood: 0.9,
    education: 0.71,
    health: 0.78,
    entrepreneurship: 0.83,
    architecture: 0.74,
    transport: 0.86,
    'low-carbon': 0.88,
    'property-service': 0.85,
    governance: 0.91,
    'party-building': 0.93,
  },
};

function sampleManifest(frame: LocalFrame, boundary: PolygonCoords): CommunityManifest {
  return {
    format: 'fct-community-package',
    formatVersion: '1.1',
    id: SAMPLE_ID,
    name: { zh: '景和新村社区', en: 'Jinghe Xincun (synthetic sample)' },
    district: { zh: '上城区', en: 'Shangcheng District' },
    street: { zh: '（虚构）示范街道', en: '(fictional) demo subdistrict' },
    communityType: 'puhui',
    renewalType: 'renewal',
    crs: 'EPSG:4326',
    centre: SAMPLE_CENTRE,
    boundary,
    attribution: [{ text: '合成样例数据 / Synthetic sample data, Future Community Twin', license: 'CC0-1.0' }],
    dataDate: '2026-06-30',
    synthetic: {
      layers: ['buildings', 'houses', 'residentStats', 'facilities', 'network', 'reuse', 'base', 'grids', 'survey'],
      notice: {
        zh: '本社区为程序生成的合成样例，人口与房屋数据均为虚构，不对应任何真实个人。',
        en: 'This community is a generated synthetic sample; all people and housing data are fictional and describe no real person.',
      },
    },
    camera: sampleCamera(frame),
    survey: SAMPLE_SURVEY,
    layers: {
      buildings: 'buildings.geojson',
      houses: 'houses.csv',
      facilities: 'facilities.geojson',
      network: 'network.geojson',
      reuse: 'reuse-spaces.geojson',
      base: 'base.geojson',
      residentStats: 'resident-stats.csv',
      grids: 'grids.geojson',
    },
    context: [
      {
        id: 'osm-buildings',
        kind: 'buildings',
        path: '../context/hangzhou-central-osm/buildings.geojson',
        attribution: {
          text: '© OpenStreetMap contributors, ODbL 1.0',
          url: 'https://www.openstreetmap.org/copyright',
          license: 'ODbL-1.0',
        },
      },
    ],
  };
}
