import { DeveloperError } from '../../core/errors';
import type { FacilityCategory, LonLat } from '../../core/model/types';
import { ROUTE_SAME_EDGE, ROUTE_VIA_START, coverageOf, type ServiceCoverage } from './computeServiceCoverage';
import type { ServiceBand } from './rules';

export interface Route {
  /** Building → its projection on the network → … → the facility's projection → the facility. */
  coordinates: LonLat[];
  distanceMeters: number;
  walkSeconds: number;
  /** Index of the facility (into the input facilities). */
  facility: number;
  facilityId?: string;
}

/**
 * The walking route from a building to the nearest facility of a category, rebuilt on demand from
 * the category's predecessor tree (kept when keepNodeArrays is on). null when no facility is reachable.
 */
export function routeToNearest(coverage: ServiceCoverage, buildingIndex: number, category: FacilityCategory): Route | null {
  const c = coverageOf(coverage, category);
  if (!c) throw new DeveloperError(`category "${category}" was not computed`);
  if (!(buildingIndex >= 0 && buildingIndex < coverage.buildings.count)) throw new DeveloperError(`no building ${buildingIndex}`);
  const f = c.nearestFacility[buildingIndex];
  if (f < 0) return null;
  const { graph, buildings, facilities } = coverage;
  const point = (array: Float64Array, i: number): LonLat => [array[2 * i], array[2 * i + 1]];
  const coordinates: LonLat[] = [point(buildings.pointLonLat, buildingIndex), point(buildings.projectedLonLat, buildingIndex)];
  const via = c.routeVia[buildingIndex];
  if (via !== ROUTE_SAME_EDGE) {
    if (!c.nodePredecessor || !c.nodeDistanceMeters) throw new DeveloperError('routes need keepNodeArrays: true');
    const e = buildings.edge[buildingIndex];
    let v = graph.edgeNodes[2 * e + (via === ROUTE_VIA_START ? 0 : 1)];
    let guard = 0;
    while (v >= 0) {
      coordinates.push(point(graph.nodeLonLat, v));
      v = c.nodePredecessor[v];
      if (++guard > graph.nodeCount) throw new Error('predecessor tree has a cycle');
    }
  }
  coordinates.push(point(facilities.projectedLonLat, f), point(facilities.pointLonLat, f));
  const deduplicated = coordinates.filter((p, i) => i === 0 || p[0] !== coordinates[i - 1][0] || p[1] !== coordinates[i - 1][1]);
  return {
    coordinates: deduplicated,
    distanceMeters: c.walkDistanceMeters[buildingIndex],
    walkSeconds: c.walkSeconds[buildingIndex],
    facility: f,
    ...(coverage.facilityIds ? { facilityId: coverage.facilityIds[f] } : {}),
  };
}

/**
 * The parts of the network within `limitMeters` of the nearest facility of a category — the
 * service circle drawn as streets. Each edge is clipped: from an end at distance d the walk goes
 * (limit − d) metres further along it, and from a facility attached to the edge (limit − connector)
 * metres both ways. Returns [lon1, lat1, lon2, lat2] per segment, flat (ready for a polyline
 * batch); segments are cut by linear interpolation in lon/lat, as the edges are straight.
 */
export function reachedNetworkSegments(coverage: ServiceCoverage, category: FacilityCategory, limitMeters: number): Float64Array {
  const c = coverageOf(coverage, category);
  if (!c) throw new DeveloperError(`category "${category}" was not computed`);
  if (!c.nodeDistanceMeters) throw new DeveloperError('reached segments need keepNodeArrays: true');
  const { graph, facilities } = coverage;
  const dist = c.nodeDistanceMeters;
  const sourcesOnEdge = new Map<number, number[]>();
  for (const f of c.facilityIndices) {
    const e = facilities.edge[f];
    if (e < 0) continue;
    const list = sourcesOnEdge.get(e);
    if (list) list.push(f);
    else sourcesOnEdge.set(e, [f]);
  }
  const out: number[] = [];
  const intervals: [number, number][] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = graph.edgeNodes[2 * e];
    const b = graph.edgeNodes[2 * e + 1];
    const length = graph.edgeLengthsMeters[e];
    intervals.length = 0;
    if (dist[a] <= limitMeters) intervals.push([0, Math.min(1, (limitMeters - dist[a]) / length)]);
    if (dist[b] <= limitMeters) intervals.push([Math.max(0, 1 - (limitMeters - dist[b]) / length), 1]);
    for (const f of sourcesOnEdge.get(e) ?? []) {
      const spare = limitMeters - facilities.connectorMeters[f];
      if (spare < 0) continue;
      const t = facilities.fraction[f];
      intervals.push([Math.max(0, t - spare / length), Math.min(1, t + spare / length)]);
    }
    if (!intervals.length) continue;
    intervals.sort((p, q) => p[0] - q[0]);
    let [from, to] = intervals[0];
    const emit = (t0: number, t1: number) => {
      if (t1 <= t0) return;
      const ax = graph.nodeLonLat[2 * a];
      const ay = graph.nodeLonLat[2 * a + 1];
      const dx = graph.nodeLonLat[2 * b] - ax;
      const dy = graph.nodeLonLat[2 * b + 1] - ay;
      out.push(ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy);
    };
    for (let k = 1; k < intervals.length; k++) {
      if (intervals[k][0] <= to) to = Math.max(to, intervals[k][1]);
      else {
        emit(from, to);
        [from, to] = intervals[k];
      }
    }
    emit(from, to);
  }
  return Float64Array.from(out);
}

/**
 * The reached network per living circle (300 / 500 / 1,000 m by default), cumulative: band k holds
 * every street within its distance, so a UI draws the widest band first and the narrower ones over it.
 */
export function reachedNetworkSegmentsByBand(
  coverage: ServiceCoverage,
  category: FacilityCategory,
  bands: readonly ServiceBand[] = coverage.bands,
): { band: ServiceBand; limitMeters: number; segments: Float64Array }[] {
  return bands.map((band) => ({
    band,
    limitMeters: band.maxDistanceMeters,
    segments: reachedNetworkSegments(coverage, category, band.maxDistanceMeters),
  }));
}
