import type { CapacityUnit } from '../../core/model/types';
import type { AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import { shortestPathTree, type QueueKind, type ShortestPathWorkspace } from '../network/shortestPaths';

/**
 * Capacity-aware coverage by the two-step floating catchment area method (2SFCA; W. Luo and F. Wang,
 * "Measures of spatial accessibility to health care in a GIS environment", Environment and Planning B
 * 30(6), 2003), with walking distance on the network and the rule's threshold d₀ as catchment:
 *
 *   step 1, per facility j:  Rⱼ = Sⱼ / Σ_{i: dᵢⱼ ≤ d₀} Dᵢ      (places per unit of demand in its catchment)
 *   step 2, per building i:  Aᵢ = Σ_{j: dᵢⱼ ≤ d₀} Rⱼ           (places per unit of demand reachable from i)
 *
 * with Sⱼ the facility's capacity (places, beds …) and Dᵢ = target residents of building i ×
 * demandPerTargetPerson. Aᵢ ≥ 1 means building i's demand is matched by places within reach; the
 * served population is Σ Pᵢ · min(1, Aᵢ). 2SFCA conserves capacity: Σ Dᵢ Aᵢ = Σ Sⱼ over the facilities
 * with any demand in reach, which the tests use as a check.
 */
export interface CapacityCoverage {
  method: '2SFCA';
  unit: CapacityUnit;
  thresholdMeters: number;
  demandPerTargetPerson: number;
  /** Σ Sⱼ of the category. */
  totalCapacity: number;
  /** Σ Dᵢ over all buildings. */
  totalDemand: number;
  /** Demand of buildings within reach of at least one facility. */
  demandWithinReach: number;
  /** Per building: Aᵢ, places per unit of demand within reach (0 when none). */
  placesPerDemandByBuilding: Float64Array;
  /** Per facility of the category (same order as facilityIndices): Rⱼ, NaN when no demand is in reach. */
  placesPerDemandByFacility: Float64Array;
  /** Per facility of the category: Σ Dᵢ in its catchment. */
  demandInCatchmentByFacility: Float64Array;
  /** Σ Pᵢ · min(1, Aᵢ): target residents with a place, in persons. */
  servedTargetPopulation: number;
  /** servedTargetPopulation / target residents; null when there are none. */
  servedShare: number | null;
  relaxations: number;
}

/** Points grouped by the edge they are attached to (CSR): points of edge e are items[start[e] … start[e+1]-1]. */
export interface PointsByEdge {
  start: Uint32Array;
  items: Uint32Array;
}

export function groupPointsByEdge(edgeCount: number, points: AttachedPoints): PointsByEdge {
  const start = new Uint32Array(edgeCount + 1);
  for (let i = 0; i < points.count; i++) if (points.edge[i] >= 0) start[points.edge[i] + 1]++;
  for (let e = 0; e < edgeCount; e++) start[e + 1] += start[e];
  const cursor = start.slice(0, edgeCount);
  const items = new Uint32Array(start[edgeCount]);
  for (let i = 0; i < points.count; i++) if (points.edge[i] >= 0) items[cursor[points.edge[i]]++] = i;
  return { start, items };
}

export interface CapacityInput {
  graph: WalkGraph;
  buildings: AttachedPoints;
  facilities: AttachedPoints;
  facilityIndices: readonly number[];
  facilityCapacity: Float64Array;
  /** Target residents per building. */
  targetPopulation: Float64Array;
  thresholdMeters: number;
  demandPerTargetPerson: number;
  unit: CapacityUnit;
  workspace: ShortestPathWorkspace;
  buildingsByEdge: PointsByEdge;
  queue?: QueueKind;
}

export function computeCapacityCoverage(input: CapacityInput): CapacityCoverage {
  const { graph, buildings, facilities, facilityIndices, thresholdMeters: d0, buildingsByEdge } = input;
  const demand = new Float64Array(buildings.count);
  let totalDemand = 0;
  for (let i = 0; i < buildings.count; i++) {
    demand[i] = input.targetPopulation[i] * input.demandPerTargetPerson;
    totalDemand += demand[i];
  }
  const stamp = new Int32Array(buildings.count).fill(-1);
  const catchments: { buildings: number[] }[] = [];
  const demandInCatchment = new Float64Array(facilityIndices.length);
  const inReach = new Uint8Array(buildings.count);
  let relaxations = 0;
  let totalCapacity = 0;

  facilityIndices.forEach((f, j) => {
    totalCapacity += input.facilityCapacity[f];
    const members: number[] = [];
    catchments.push({ buildings: members });
    const fe = facilities.edge[f];
    if (fe < 0) return;
    const tree = shortestPathTree(
      graph,
      {
        nodes: [graph.edgeNodes[2 * fe], graph.edgeNodes[2 * fe + 1]],
        initialMeters: [facilities.toStartMeters[f], facilities.toEndMeters[f]],
        labels: [f, f],
      },
      { cutoffMeters: d0, workspace: input.workspace, ...(input.queue ? { queue: input.queue } : {}) },
    );
    relaxations += tree.relaxations;
    const dist = tree.distanceMeters;
    const consider = (b: number) => {
      if (stamp[b] === j) return;
      stamp[b] = j;
      const e = buildings.edge[b];
      const s = graph.edgeNodes[2 * e];
      const t = graph.edgeNodes[2 * e + 1];
      let d = Math.min(dist[s] + buildings.toStartMeters[b], dist[t] + buildings.toEndMeters[b]);
      if (e === fe) {
        d = Math.min(
          d,
          buildings.connectorMeters[b] +
            Math.abs(buildings.fraction[b] - facilities.fraction[f]) * graph.edgeLengthsMeters[e] +
            facilities.connectorMeters[f],
        );
      }
      if (d <= d0) {
        members.push(b);
        demandInCatchment[j] += demand[b];
        inReach[b] = 1;
      }
    };
    const visitEdge = (e: number) => {
      for (let k = buildingsByEdge.start[e]; k < buildingsByEdge.start[e + 1]; k++) consider(buildingsByEdge.items[k]);
    };
    // Buildings on the facility's own edge, then on every edge touching a node within d₀.
    visitEdge(fe);
    for (let k = 0; k < tree.settledCount; k++) {
      const u = tree.settledOrder[k];
      for (let arc = graph.offsets[u]; arc < graph.offsets[u + 1]; arc++) visitEdge(graph.arcEdge[arc]);
    }
  });

  const placesPerDemandByFacility = new Float64Array(facilityIndices.length);
  const placesPerDemandByBuilding = new Float64Array(buildings.count);
  facilityIndices.forEach((f, j) => {
    const ratio = demandInCatchment[j] > 0 ? input.facilityCapacity[f] / demandInCatchment[j] : Number.NaN;
    placesPerDemandByFacility[j] = ratio;
    if (!(ratio >= 0)) return;
    for (const b of catchments[j].buildings) placesPerDemandByBuilding[b] += ratio;
  });

  let served = 0;
  let targetTotal = 0;
  let demandWithinReach = 0;
  for (let i = 0; i < buildings.count; i++) {
    const p = input.targetPopulation[i];
    targetTotal += p;
    served += p * Math.min(1, placesPerDemandByBuilding[i]);
    if (inReach[i]) demandWithinReach += demand[i];
  }
  return {
    method: '2SFCA',
    unit: input.unit,
    thresholdMeters: d0,
    demandPerTargetPerson: input.demandPerTargetPerson,
    totalCapacity,
    totalDemand,
    demandWithinReach,
    placesPerDemandByBuilding,
    placesPerDemandByFacility,
    demandInCatchmentByFacility: demandInCatchment,
    servedTargetPopulation: served,
    servedShare: targetTotal > 0 ? served / targetTotal : null,
    relaxations,
  };
}
