import { createLocalFrame } from '../../core/geo/localFrame';
import type { Building, Community, House } from '../../core/model/types';
import type { BuildingSummary } from '../../data/community/buildingSummaries';
import { suppressTable, type SuppressedCount } from '../../data/privacy/aggregate';
import type { SunlightResult } from './sunlightRequest';

/**
 * Sunlight per home, floor and building, from the façade points of a run.
 *
 * Homes are placed as the building inspector draws them (layers/unitLayout.ts): on each floor, ordered
 * by 单元 then 室, each taking a share of the building's long axis equal to its share of the floor's
 * area, through the building's full depth (a slab walk-up whose homes run from the north to the south
 * façade). A home's points are the floor's façade points whose position along the long axis falls in
 * its stretch (end walls go to the end homes); its hours are the best of them, because GB 50180-2018
 * §4.0.9 asks that one 居住空间 of each home reach the standard.
 *
 * Residents in failing homes come from the per-building aggregates (residents, households), not from
 * person rows: residents × failing occupied homes / occupied homes, an estimate to be shown n < 5 suppressed.
 */

export interface HomeSunlight {
  houseId: string;
  buildingId: string;
  floor: number;
  hours: number;
  passes: boolean;
}

export interface FloorSunlight {
  floor: number;
  /** Best and worst façade point of the floor, hours. */
  bestPointHours: number;
  worstPointHours: number;
  /** Worst home of the floor, hours (NaN when the floor has no homes). */
  worstHomeHours: number;
  homes: number;
  failingHomes: number;
}

export interface BuildingSunlight {
  buildingId: string;
  floors: FloorSunlight[];
  /** The worst floor's worst home, or, without homes, the worst floor's best point: what colours the building. */
  worstFloorHours: number;
  homes: number;
  failingHomes: number;
  /** Residents in failing homes, estimated from the building's aggregates (raw: suppress before showing). */
  residentsInFailingHomes: number;
}

export interface CommunitySunlight {
  presetId: string;
  minHours: number;
  homes: HomeSunlight[];
  buildings: BuildingSunlight[];
  totalHomes: number;
  failingHomes: number;
  /** Share of homes that pass, 0–1 (NaN without homes). */
  passRate: number;
  residentsInFailingHomes: number;
}

const isResidentialHouse = (h: House) => h.use === 'residential';

/** The long axis (unit vector) of a ring in local metres: along its longest edge. */
function longAxis(ring: readonly (readonly [number, number])[]): [number, number] {
  let axis: [number, number] = [1, 0];
  let longest = 0;
  for (let i = 1; i < ring.length; i++) {
    const dx = ring[i][0] - ring[i - 1][0];
    const dy = ring[i][1] - ring[i - 1][1];
    const length = Math.hypot(dx, dy);
    if (length > longest) {
      longest = length;
      axis = [dx / length, dy / length];
    }
  }
  return axis;
}

export function summariseSunlight(
  community: Pick<Community, 'buildings' | 'houses'>,
  result: SunlightResult,
  minHours: number,
  summaries?: ReadonlyMap<string, BuildingSummary>,
): CommunitySunlight {
  const frame = createLocalFrame(result.origin);
  const byId = new Map(community.buildings.map((b) => [b.id, b]));
  const housesByBuilding = new Map<string, House[]>();
  for (const h of community.houses) {
    if (!isResidentialHouse(h)) continue;
    const list = housesByBuilding.get(h.buildingId);
    if (list) list.push(h);
    else housesByBuilding.set(h.buildingId, [h]);
  }
  // Points grouped by assessed building, then floor.
  const pointsOf = result.buildingIds.map(() => new Map<number, number[]>());
  for (let p = 0; p < result.hours.length; p++) {
    const floors = pointsOf[result.building[p]];
    const list = floors.get(result.floor[p]);
    if (list) list.push(p);
    else floors.set(result.floor[p], [p]);
  }

  const homes: HomeSunlight[] = [];
  const buildings: BuildingSunlight[] = [];
  result.buildingIds.forEach((buildingId, a) => {
    const building = byId.get(buildingId);
    const houses = housesByBuilding.get(buildingId) ?? [];
    const along = building ? alongAxis(building, frame) : null;
    const floors: FloorSunlight[] = [];
    let failingHomes = 0;
    let failingOccupied = 0;
    let occupied = 0;
    for (const [floor, points] of [...pointsOf[a].entries()].sort((x, y) => x[0] - y[0])) {
      const hours = points.map((p) => result.hours[p]);
      const onFloor = houses
        .filter((h) => h.floor === floor)
        .sort((x, y) => x.entrance - y.entrance || x.room.localeCompare(y.room, 'en', { numeric: true }));
      const floorArea = onFloor.reduce((sum, h) => sum + Math.max(h.areaM2, 0), 0);
      let start = 0;
      let worstHome = NaN;
      let failing = 0;
      for (const house of onFloor) {
        const share = floorArea > 0 ? Math.max(house.areaM2, 0) / floorArea : 1 / onFloor.length;
        const end = start + share;
        const home = homeHours(points, result, along, start, end);
        start = end;
        const passes = home >= minHours - 1e-9;
        homes.push({ houseId: house.id, buildingId, floor, hours: home, passes });
        worstHome = Number.isNaN(worstHome) ? home : Math.min(worstHome, home);
        if (house.occupancy !== 'vacant') occupied++;
        if (!passes) {
          failing++;
          if (house.occupancy !== 'vacant') failingOccupied++;
        }
      }
      failingHomes += failing;
      floors.push({
        floor,
        bestPointHours: Math.max(...hours),
        worstPointHours: Math.min(...hours),
        worstHomeHours: worstHome,
        homes: onFloor.length,
        failingHomes: failing,
      });
    }
    const withHomes = floors.filter((f) => f.homes > 0);
    const worstFloorHours =
      withHomes.length > 0
        ? Math.min(...withHomes.map((f) => f.worstHomeHours))
        : floors.length > 0
          ? Math.min(...floors.map((f) => f.bestPointHours))
          : NaN;
    const residents = summaries?.get(buildingId)?.residents ?? 0;
    buildings.push({
      buildingId,
      floors,
      worstFloorHours,
      homes: withHomes.reduce((sum, f) => sum + f.homes, 0),
      failingHomes,
      residentsInFailingHomes: occupied > 0 ? Math.round((residents * failingOccupied) / occupied) : 0,
    });
  });
  const failingHomes = homes.filter((h) => !h.passes).length;
  return {
    presetId: result.presetId,
    minHours,
    homes,
    buildings,
    totalHomes: homes.length,
    failingHomes,
    passRate: homes.length > 0 ? (homes.length - failingHomes) / homes.length : NaN,
    residentsInFailingHomes: buildings.reduce((sum, b) => sum + b.residentsInFailingHomes, 0),
  };
}

/** Position of a local point along the building's long axis, as a share (0–1) of its length from the start. */
function alongAxis(building: Building, frame: ReturnType<typeof createLocalFrame>): (x: number, y: number) => number {
  const ring = (building.footprint[0] ?? []).map((p) => frame.toLocal(p));
  const [ax, ay] = longAxis(ring);
  const values = ring.map(([x, y]) => x * ax + y * ay);
  const min = Math.min(...values);
  const length = Math.max(1e-6, Math.max(...values) - min);
  return (x, y) => (x * ax + y * ay - min) / length;
}

/** The best hours of the floor's points whose share along the axis falls in [start, end); the nearest point when none does. */
function homeHours(
  points: readonly number[],
  result: SunlightResult,
  along: ((x: number, y: number) => number) | null,
  start: number,
  end: number,
): number {
  if (!along) return Math.max(...points.map((p) => result.hours[p]));
  let best = -Infinity;
  let nearest = points[0];
  let nearestDistance = Infinity;
  const mid = (start + end) / 2;
  for (const p of points) {
    const t = along(result.positions[3 * p], result.positions[3 * p + 1]);
    const inside = t >= start - 1e-6 && (t < end - 1e-6 || (end >= 1 - 1e-9 && t <= 1 + 1e-6));
    if (inside) best = Math.max(best, result.hours[p]);
    const distance = Math.abs(t - mid);
    if (distance < nearestDistance) {
      nearestDistance = distance;
      nearest = p;
    }
  }
  return best === -Infinity ? result.hours[nearest] : best;
}

/** Worst-floor hours per building of the community, indexed like its buildings (NaN: not assessed). */
export function worstFloorHoursByBuilding(community: Pick<Community, 'buildings'>, sunlight: CommunitySunlight): Float64Array {
  const values = new Float64Array(community.buildings.length).fill(NaN);
  const index = new Map(community.buildings.map((b, i) => [b.id, i]));
  for (const b of sunlight.buildings) {
    const i = index.get(b.buildingId);
    if (i !== undefined) values[i] = b.worstFloorHours;
  }
  return values;
}

/**
 * Residents in failing homes as they may be shown: per building (keyed by id) and in total, with
 * small cells suppressed and, since the total is shown beside them, complementary suppression (one
 * hidden building could otherwise be recovered by subtraction).
 */
export function residentsInFailingHomesCells(sunlight: CommunitySunlight): {
  total: SuppressedCount;
  byBuilding: Map<string, SuppressedCount>;
} {
  const cells = suppressTable(sunlight.buildings.map((b) => b.residentsInFailingHomes));
  const total = sunlight.residentsInFailingHomes;
  return {
    total: total > 0 && total < 5 ? { suppressed: true } : { value: total, suppressed: false },
    byBuilding: new Map(sunlight.buildings.map((b, i) => [b.buildingId, cells[i]])),
  };
}
