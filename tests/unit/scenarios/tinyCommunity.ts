import { analyzeSunlight } from '../../../src/analysis/sunlight/analyzeSunlight';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import type { AgeBand, Building, Community, Facility, House, Person, PersonTag, PolygonCoords } from '../../../src/core/model/types';
import { summariseBuildings } from '../../../src/data/community/buildingSummaries';
import type { ScenarioContext } from '../../../src/scenarios/types';
import { at } from '../analysis/localMeters';

/**
 * A hand-made community, drawn in local metres (east, north) around a Hangzhou origin; every test
 * value of tests/unit/scenarios is worked out from this picture. A fresh object on every call.
 *
 * Network (walk 1.0 m/s; lines join only at shared vertices):
 *   footway (0,0)–(100,0)–(300,0)–(400,0)   400 m
 *   road    (400,0)–(600,0)                  200 m
 *   path    (100,0)–(100,100)                100 m
 *   steps   (300,0)–(300,20)                  20 m      → slow network 520 m, all 720 m
 * Boundary (−50,−100)–(650,250): 700 × 350 m = 0.245 km² → density 0.72 / 0.245 = 2.9388 km/km².
 *
 * Buildings (20 × 20 m squares = 400 m² roofs, centred at):
 *   H1 residential (50,20)   6 floors, no lift, 1985, brick-concrete, professional mgmt, CIM2
 *   H2 residential (350,20)  3 floors, no lift, 1995, reinforced,     no management,    CIM2
 *   H3 residential (550,20)  5 floors, lift,    2005, reinforced,     self-managed,     CIM3
 *   S1 public-service (200,−20)  2 floors, 2010, no CIM level (hosts the service station etc.)
 *   C1 commercial (450,−20)      1 floor, 1990, low-use, CIM2
 * Each attaches 20 m from its street: H1 to the footway at x = 50, H2 at x = 350, H3 to the road at 550.
 *
 * Households (residential houses) 17: H1 6 (one per floor), H2 6 (two per floor, one vacant), H3 5.
 * C1 has two shops: 80 m² vacant, 60 m² rented.
 * Residents 24: H1 9 — F1 60–69 living alone; F2 two 18–59; F3 0–2 (infant), 3–5, 6–11;
 *   F4 70–79 living alone; F5 80+ with a disability; F6 70–79 → 4 aged 60+, 3 of them above the 3rd floor;
 *   H2 10 — two per occupied house, 8 aged 18–59 and 2 aged 3–5 (house 1);
 *   H3 5 — F1–F3 18–59, F4 and F5 60–69 → 2 aged 60+.
 *   Totals: 60+ = 6, 0–2 = 1, 3–5 = 3, 6–11 = 1, disability = 1, living alone = 2.
 *
 * Facilities (position; where it attaches; walks from H1 / H2 / H3, metres):
 *   K  kindergarten (0,−10), 2 places      footway end (0,0), 10 m     80 / 380 / 580
 *   P  primary school (600,−10), 100       road end (600,0), 10 m      580 / 280 / 80
 *   S1 services at (200,−10): elderly care, canteen, health station, community service, culture
 *      station (100 m²), party-service centre (300 m²)  → footway at 200, 10 m: 180 / 180 / 380
 *   FI1 fitness (100,60), 200 m², on plaza P1: on the path, 0 m   130 / 330 / 530
 *   FI2 fitness (520,200), 50 m²: road at 520, 200 m               690 / 390 / 250
 *   BUS bus stop (600,10): as P                                    580 / 280 / 80
 *   PA parcel lockers (50,−10), 30: footway at 50, 10 m            30 / 330 / 530
 *   GR grocery (450,−10): road at 450, 10 m                        430 / 130 / 130
 *   WS sorted-waste point (50,10): footway at 50, 10 m             30 / 330 / 530
 *   PK1 parking (400,−10) 10 spaces, 2 chargers; PK2 parking (0,10) 5 spaces, none.
 *   No nursery and no disability aid.
 * Base: plaza P1 (80–120, 40–80) 1,600 m²; plaza P2 (400–410, 40–50) 100 m²; public green (200–300, 60–120) 6,000 m²,
 *   60 m wide (a park: ≥ 4,000 m², ≥ 30 m); NOT counted: car park (420–480, 40–80) 2,400 m², 宅间绿地 (0–50, 150–200) 2,500 m².
 * Reuse: R1 idle property in S1, 120 m²; R2 corner plot, 200 m².
 * Grids: G1 x −50…300 (H1, S1: 6 households), 1 worker, 3 volunteers; G2 x 300…650 (H2, H3, C1: 11), 1 worker, 5 volunteers.
 * Survey: 90 % satisfied of 50; party-building 95 %.
 */

const square = (x: number, y: number, half = 10): PolygonCoords => [
  [at(x - half, y - half), at(x + half, y - half), at(x + half, y + half), at(x - half, y + half), at(x - half, y - half)],
];
const rect = (x0: number, y0: number, x1: number, y1: number): PolygonCoords => [
  [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)],
];

function building(id: string, xy: [number, number], over: Partial<Building>): Building {
  return {
    id,
    name: `${id}楼`,
    footprint: square(...xy),
    floors: 1,
    heightMeters: 3,
    use: 'residential',
    yearBuilt: 2000,
    structure: 'reinforced-concrete',
    hasElevator: false,
    propertyManagement: 'professional',
    idleStatus: 'in-use',
    grossFloorAreaM2: 400,
    ...over,
  };
}

const house = (buildingId: string, floor: number, n: number, over: Partial<House> = {}): House => ({
  id: `${buildingId}-${floor}0${n}`,
  buildingId,
  entrance: 1,
  floor,
  room: `${floor}0${n}`,
  areaM2: 60,
  use: 'residential',
  occupancy: 'owner-occupied',
  ...over,
});

let personCount = 0;
const person = (houseId: string, ageBand: AgeBand, tags: PersonTag[] = []): Person => ({
  id: `P${++personCount}`,
  houseId,
  ageBand,
  sex: 'F',
  tags,
});

const facility = (id: string, category: Facility['category'], xy: [number, number], over: Partial<Facility> = {}): Facility => ({
  id,
  category,
  name: `${id}站`,
  position: at(...xy),
  ...over,
});

export function tinyCommunity(): Community {
  personCount = 0;
  const buildings = [
    building('H1', [50, 20], { floors: 6, yearBuilt: 1985, structure: 'brick-concrete', propertyManagement: 'professional', cimLevel: 2 }),
    building('H2', [350, 20], { floors: 3, yearBuilt: 1995, propertyManagement: 'none', cimLevel: 2 }),
    building('H3', [550, 20], { floors: 5, yearBuilt: 2005, hasElevator: true, propertyManagement: 'self-managed', cimLevel: 3 }),
    building('S1', [200, -20], { use: 'public-service', floors: 2, yearBuilt: 2010 }),
    building('C1', [450, -20], { use: 'commercial', yearBuilt: 1990, idleStatus: 'low-use', cimLevel: 2 }),
  ];
  const houses = [
    ...[1, 2, 3, 4, 5, 6].map((f) => house('H1', f, 1)),
    ...[1, 2, 3].flatMap((f) => [house('H2', f, 1), house('H2', f, 2, f === 3 ? { occupancy: 'vacant' } : {})]),
    ...[1, 2, 3, 4, 5].map((f) => house('H3', f, 1)),
    house('C1', 1, 1, { use: 'commercial', occupancy: 'vacant', areaM2: 80 }),
    house('C1', 1, 2, { use: 'commercial', occupancy: 'rented', areaM2: 60 }),
  ];
  const people = [
    person('H1-101', '60-69', ['living-alone-elderly']),
    person('H1-201', '18-59'),
    person('H1-201', '18-59'),
    person('H1-301', '0-2', ['infant']),
    person('H1-301', '3-5'),
    person('H1-301', '6-11'),
    person('H1-401', '70-79', ['living-alone-elderly']),
    person('H1-501', '80+', ['disability']),
    person('H1-601', '70-79'),
    person('H2-101', '3-5'),
    person('H2-101', '3-5'),
    ...['H2-102', 'H2-201', 'H2-202', 'H2-301'].flatMap((h) => [person(h, '18-59'), person(h, '18-59')]),
    person('H3-101', '18-59'),
    person('H3-201', '18-59'),
    person('H3-301', '18-59'),
    person('H3-401', '60-69'),
    person('H3-501', '60-69'),
  ];
  const services = (['elderly-care', 'elderly-canteen', 'health-station', 'community-service'] as const).map((c) =>
    facility(`S1-${c}`, c, [200, -10], { buildingId: 'S1' }),
  );
  const facilities = [
    facility('K', 'kindergarten', [0, -10], { capacity: 2, capacityUnit: 'places' }),
    facility('P', 'primary-school', [600, -10], { capacity: 100, capacityUnit: 'places' }),
    ...services,
    facility('CU', 'culture-station', [200, -10], { buildingId: 'S1', floorAreaM2: 100 }),
    facility('PC', 'party-service-centre', [200, -10], { buildingId: 'S1', floorAreaM2: 300 }),
    facility('FI1', 'fitness', [100, 60], { floorAreaM2: 200 }),
    facility('FI2', 'fitness', [520, 200], { floorAreaM2: 50 }),
    facility('BUS', 'bus-stop', [600, 10]),
    facility('PA', 'parcel', [50, -10], { capacity: 30, capacityUnit: 'lockers' }),
    facility('GR', 'grocery', [450, -10], { buildingId: 'C1' }),
    facility('WS', 'waste-sorting', [50, 10]),
    facility('PK1', 'parking', [400, -10], { capacity: 10, capacityUnit: 'spaces', chargers: 2 }),
    facility('PK2', 'parking', [0, 10], { capacity: 5, capacityUnit: 'spaces' }),
  ];
  const line = (id: string, kind: Community['network'][number]['kind'], ...xy: [number, number][]) => ({
    id,
    kind,
    coordinates: xy.map((p) => at(...p)),
  });
  return {
    manifest: {
      format: 'fct-community-package',
      formatVersion: '1.0',
      id: 'tiny',
      name: { zh: '小样社区', en: 'Tiny' },
      district: { zh: '上城区', en: 'Shangcheng' },
      communityType: 'puhui',
      renewalType: 'renewal',
      crs: 'EPSG:4326',
      centre: at(300, 75),
      boundary: rect(-50, -100, 650, 250),
      attribution: [],
      dataDate: '2025-01-01',
      camera: { lon: at(300, -400)[0], lat: at(300, -400)[1], heightMeters: 500, headingDeg: 0, pitchDeg: -45 },
      survey: { date: '2024-12-01', respondents: 50, satisfiedShare: 0.9, byScenario: { 'party-building': 0.95 } },
      layers: { buildings: 'b', houses: 'h', rights: 'r', people: 'p', facilities: 'f', network: 'n', reuse: 'u', base: 'a' },
    },
    buildings,
    houses,
    rights: [],
    people,
    facilities,
    network: [
      line('N1', 'footway', [0, 0], [100, 0], [300, 0], [400, 0]),
      line('N2', 'road', [400, 0], [600, 0]),
      line('N3', 'path', [100, 0], [100, 100]),
      line('N4', 'steps', [300, 0], [300, 20]),
    ],
    reuse: [
      { id: 'R1', kind: 'idle-property', name: '旧仓库', footprint: square(200, -20), areaM2: 120, ownerType: 'state', buildingId: 'S1' },
      { id: 'R2', kind: 'corner-plot', footprint: rect(600, 100, 620, 110), areaM2: 200, ownerType: 'community' },
    ],
    base: [
      { kind: 'plaza', polygon: rect(80, 40, 120, 80) },
      { kind: 'plaza', polygon: rect(400, 40, 410, 50) },
      { kind: 'public-green', name: '小游园', polygon: rect(200, 60, 300, 120) },
      { kind: 'parking', polygon: rect(420, 40, 480, 80) },
      { kind: 'block-green', polygon: rect(0, 150, 50, 200) },
    ],
    residentStats: [],
    grids: [
      { id: 'G1', name: '一网格', polygon: rect(-50, -100, 300, 250), staffCount: 1, volunteerCount: 3 },
      { id: 'G2', name: '二网格', polygon: rect(300, -100, 650, 250), staffCount: 1, volunteerCount: 5 },
    ],
    context: [],
  };
}

/** A context for the tiny community; with `coverage: true` the service circles are computed. */
export function tinyContext(community: Community = tinyCommunity(), options: { coverage?: boolean } = {}): ScenarioContext {
  const summaries = summariseBuildings(community);
  // Every analysis done (service circles and sunlight), or none of them yet.
  const done = options.coverage !== false;
  return {
    community,
    summaries,
    coverage: done ? computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community)) : null,
    sunlight: done ? analyzeSunlight(community, { date: '2027-01-20', summaries }).sunlight : null,
  };
}
