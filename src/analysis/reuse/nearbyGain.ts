import type { LonLat } from '../../core/model/types';
import { attachPoints, type AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import type { EdgeGridIndex } from '../network/edgeIndex';
import { shortestPathTree, type ShortestPathWorkspace } from '../network/shortestPaths';
import type { PointsByEdge } from '../service-circles/capacity';

/**
 * A candidate's gain for one category in time that does not grow with the city: only buildings within
 * the rule's distance of the candidate can become covered, so one search from the candidate bounded by
 * that distance finds them, and only the buildings on the edges it reached are compared with the base
 * walks (from the city's sweep, service-circles/sweepCoverage.ts, or any coverage). walkFromPoint +
 * compareWalks give the same counts by reading every building of the city
 * (tests/unit/analysis/reuse/nearbyGain.test.ts).
 */
export interface NearbyGainNetwork {
  graph: WalkGraph;
  buildings: AttachedPoints;
  buildingsByEdge: PointsByEdge;
  edgeIndex: EdgeGridIndex;
  /** One workspace for every candidate (the searches reset only what they touched). */
  workspace: ShortestPathWorkspace;
  /** Per edge: the stamp of the last candidate that counted its buildings. */
  edgeStamp: Uint32Array;
  stamp: number;
  maxSnapMeters?: number;
}

export interface NearbyGainInput {
  /** Per building: metres to the category's nearest facility today (Infinity when none). */
  baseWalkMeters: Float64Array;
  thresholdMeters: number;
  /** Residents of the category's target group per building, when known. */
  targetPopulation?: Float64Array;
  /** 1 = the building counts in building shares (homes); default all. */
  countedBuildings?: Uint8Array;
}

export interface NearbyGain {
  attached: boolean;
  buildingsNewlyWithinThreshold: number;
  targetPopulationNewlyWithinThreshold: number | null;
  relaxations: number;
}

export function nearbyGainNetwork(
  graph: WalkGraph,
  buildings: AttachedPoints,
  buildingsByEdge: PointsByEdge,
  edgeIndex: EdgeGridIndex,
  workspace: ShortestPathWorkspace,
): NearbyGainNetwork {
  return { graph, buildings, buildingsByEdge, edgeIndex, workspace, edgeStamp: new Uint32Array(graph.edgeCount), stamp: 0 };
}

export function nearbyGain(network: NearbyGainNetwork, position: LonLat, input: NearbyGainInput): NearbyGain {
  const { graph, buildings, buildingsByEdge } = network;
  const point = attachPoints(graph, Float64Array.of(position[0], position[1]), {
    index: network.edgeIndex,
    ...(network.maxSnapMeters !== undefined ? { maxSnapMeters: network.maxSnapMeters } : {}),
  });
  const pointEdge = point.edge[0];
  const none = {
    attached: false,
    buildingsNewlyWithinThreshold: 0,
    targetPopulationNewlyWithinThreshold: input.targetPopulation ? 0 : null,
    relaxations: 0,
  };
  if (pointEdge < 0) return none;
  const threshold = input.thresholdMeters;
  const tree = shortestPathTree(
    graph,
    {
      nodes: [graph.edgeNodes[2 * pointEdge], graph.edgeNodes[2 * pointEdge + 1]],
      initialMeters: [point.toStartMeters[0], point.toEndMeters[0]],
    },
    { cutoffMeters: threshold, workspace: network.workspace },
  );
  const dist = tree.distanceMeters;
  network.stamp = (network.stamp + 1) >>> 0 || 1;
  const stamp = network.stamp;
  let newBuildings = 0;
  let newPeople = 0;
  const countEdge = (e: number) => {
    if (network.edgeStamp[e] === stamp) return;
    network.edgeStamp[e] = stamp;
    const start = graph.edgeNodes[2 * e];
    const end = graph.edgeNodes[2 * e + 1];
    for (let i = buildingsByEdge.start[e]; i < buildingsByEdge.start[e + 1]; i++) {
      const b = buildingsByEdge.items[i];
      // The arithmetic of walkFromPoint: via either end, or along the edge when it is the candidate's.
      let d = Math.min(dist[start] + buildings.toStartMeters[b], dist[end] + buildings.toEndMeters[b]);
      if (e === pointEdge) {
        d = Math.min(
          d,
          buildings.connectorMeters[b] +
            Math.abs(buildings.fraction[b] - point.fraction[0]) * graph.edgeLengthsMeters[e] +
            point.connectorMeters[0],
        );
      }
      if (!(d <= threshold) || input.baseWalkMeters[b] <= threshold) continue;
      if (!input.countedBuildings || input.countedBuildings[b]) newBuildings++;
      if (input.targetPopulation) newPeople += input.targetPopulation[b];
    }
  };
  countEdge(pointEdge);
  for (let i = 0; i < tree.settledCount; i++) {
    const u = tree.settledOrder[i];
    for (let arc = graph.offsets[u]; arc < graph.offsets[u + 1]; arc++) countEdge(graph.arcEdge[arc]);
  }
  return {
    attached: true,
    buildingsNewlyWithinThreshold: newBuildings,
    targetPopulationNewlyWithinThreshold: input.targetPopulation ? newPeople : null,
    relaxations: tree.relaxations,
  };
}
