import { vincentyDistanceMeters } from '../analysis/network/geodesic';
import { polygonAreaM2 } from '../core/geo/localFrame';
import { pointInPolygon, ringCentroid } from '../core/geo/polygon';
import type { Building, Community, Facility, FacilityCategory, LocalizedText, LonLat } from '../core/model/types';
import type { BuildingSummary } from '../data/community/buildingSummaries';

/** Small measurements the scenario KPIs share. Areas in m², lengths in metres. */

/** Roof area = footprint area (flat-roof assumption, as the CIM2 block models draw them). */
export function footprintAreaM2(building: Pick<Building, 'footprint'>): number {
  return polygonAreaM2(building.footprint);
}

/** Geodesic length of a polyline (Vincenty, as the walking network measures its edges). */
export function polylineLengthMeters(coordinates: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < coordinates.length; i++) {
    total += vincentyDistanceMeters(coordinates[i - 1][0], coordinates[i - 1][1], coordinates[i][0], coordinates[i][1]);
  }
  return total;
}

/** Homes: residential and mixed-use buildings (the same buildings the service circles count). */
export function isHome(building: Pick<Building, 'use'>): boolean {
  return building.use === 'residential' || building.use === 'mixed';
}

export function sumSummaries(summaries: ReadonlyMap<string, BuildingSummary>, pick: (s: BuildingSummary) => number): number {
  let total = 0;
  for (const s of summaries.values()) total += pick(s);
  return total;
}

export const totalResidents = (summaries: ReadonlyMap<string, BuildingSummary>) => sumSummaries(summaries, (s) => s.residents);
/** Dwellings (houses used as homes, vacant ones included): the denominator of per-household supply. */
export const totalHouseholds = (summaries: ReadonlyMap<string, BuildingSummary>) => sumSummaries(summaries, (s) => s.households);

export function facilitiesOf(community: Pick<Community, 'facilities'>, ...categories: FacilityCategory[]): Facility[] {
  return community.facilities.filter((f) => categories.includes(f.category));
}

/** Σ capacity of facilities, or null when any of them has no capacity (0 when there are none). */
export function totalCapacity(facilities: readonly Facility[]): number | null {
  let total = 0;
  for (const f of facilities) {
    if (typeof f.capacity !== 'number') return null;
    total += f.capacity;
  }
  return total;
}

/** A building's name for charts: its name in Chinese, its id in English (names are Chinese-only). */
export function buildingLabel(building: Pick<Building, 'id' | 'name'>): LocalizedText {
  return { zh: building.name ?? building.id, en: building.id };
}

export function facilityLabel(facility: Pick<Facility, 'id' | 'name'>): LocalizedText {
  return { zh: facility.name, en: facility.id };
}

export function buildingCentroid(building: Pick<Building, 'footprint'>): LonLat {
  return ringCentroid(building.footprint);
}

/** Index of the first polygon containing the point, or −1. */
export function polygonIndexContaining(point: LonLat, polygons: readonly { polygon: Building['footprint'] }[]): number {
  return polygons.findIndex((p) => pointInPolygon(point, p.polygon));
}

/** Calendar year of an ISO date ("2026-06-30" → 2026), or null. */
export function yearOf(isoDate: string): number | null {
  const year = Number.parseInt(isoDate.slice(0, 4), 10);
  return Number.isFinite(year) ? year : null;
}
