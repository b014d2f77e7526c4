import type { LonLat } from '../../core/model/types';
import { attachPoints, sameEdgeDistanceMeters, type AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import type { EdgeGridIndex } from '../network/edgeIndex';
import { shortestPathTree, type QueueKind, type ShortestPathWorkspace } from '../network/shortestPaths';
import type { PointsByEdge } from '../service-circles/capacity';

/**
 * The walks from one new point to the buildings within a bound of it, in time that grows with the
 * bound, not the city: one search from the point stops at the bound, and only the buildings on the
 * edges it reached are read. A building whose walk is within the bound has an edge end the search
 * settled (or lies on the point's own edge), so none is missed; the arithmetic is walkFromPoint's, so
 * the walks are its walks (the same distances at the settled nodes: Dijkstra settles every node nearer
 * than one before it, with or without a bound). The candidate's gain (nearbyGain.ts) and the what-if
 * (evaluateReuseOption.ts) both read their buildings from here.
 */
export interface NearbyNetwork {
  graph: WalkGraph;
  buildings: AttachedPoints;
  buildingsByEdge: PointsByEdge;
  edgeIndex: EdgeGridIndex;
  /** One workspace for every point (the searches reset only what they touched). */
  workspace: ShortestPathWorkspace;
  /** Per edge: the stamp of the last point that read its buildings. */
  edgeStamp: Uint32Array;
  stamp: number;
  /** Per building: its walk from the current point while it is being read (scratch). */
  walkScratch: Float64Array;
  maxSnapMeters?: number;
}

export interface NearbyWalks {
  /** The point as attached (count 1; edge −1 with a reason when it is off the network). */
  attached: AttachedPoints;
  /** Buildings within the bound of the point, in building order (sums over them add in the order a whole-city loop would). */
  buildings: Uint32Array;
  /** Their walks from the point, metres (same order). */
  walkMeters: Float64Array;
  relaxations: number;
}

export function nearbyNetwork(
  graph: WalkGraph,
  buildings: AttachedPoints,
  buildingsByEdge: PointsByEdge,
  edgeIndex: EdgeGridIndex,
  workspace: ShortestPathWorkspace,
): NearbyNetwork {
  return {
    graph,
    buildings,
    buildingsByEdge,
    edgeIndex,
    workspace,
    edgeStamp: new Uint32Array(graph.edgeCount),
    stamp: 0,
    walkScratch: new Float64Array(buildings.count),
  };
}

export function walksNearPoint(
  network: NearbyNetwork,
  position: LonLat,
  boundMeters: number,
  options: { maxSnapMeters?: number; queue?: QueueKind } = {},
): NearbyWalks {
  const { graph, buildings, buildingsByEdge } = network;
  const maxSnapMeters = options.maxSnapMeters ?? network.maxSnapMeters;
  const attached = attachPoints(graph, Float64Array.of(position[0], position[1]), {
    index: network.edgeIndex,
    ...(maxSnapMeters !== undefined ? { maxSnapMeters } : {}),
  });
  const pointEdge = attached.edge[0];
  if (pointEdge < 0) return { attached, buildings: new Uint32Array(0), walkMeters: new Float64Array(0), relaxations: 0 };
  const tree = shortestPathTree(
    graph,
    {
      nodes: [graph.edgeNodes[2 * pointEdge], graph.edgeNodes[2 * pointEdge + 1]],
      initialMeters: [attached.toStartMeters[0], attached.toEndMeters[0]],
    },
    { cutoffMeters: boundMeters, workspace: network.workspace, ...(options.queue ? { queue: options.queue } : {}) },
  );
  const dist = tree.distanceMeters;
  network.stamp = (network.stamp + 1) >>> 0 || 1;
  const stamp = network.stamp;
  const scratch = network.walkScratch;
  const found: number[] = [];
  const readEdge = (e: number) => {
    if (network.edgeStamp[e] === stamp) return;
    network.edgeStamp[e] = stamp;
    const start = graph.edgeNodes[2 * e];
    const end = graph.edgeNodes[2 * e + 1];
    for (let i = buildingsByEdge.start[e]; i < buildingsByEdge.start[e + 1]; i++) {
      const b = buildingsByEdge.items[i];
      // walkFromPoint's arithmetic: via either end, or straight along the edge when it is the point's.
      let d = Math.min(dist[start] + buildings.toStartMeters[b], dist[end] + buildings.toEndMeters[b]);
      if (e === pointEdge) d = Math.min(d, sameEdgeDistanceMeters(graph, buildings, b, attached, 0));
      if (!(d <= boundMeters)) continue;
      scratch[b] = d;
      found.push(b);
    }
  };
  readEdge(pointEdge);
  for (let i = 0; i < tree.settledCount; i++) {
    const u = tree.settledOrder[i];
    for (let arc = graph.offsets[u]; arc < graph.offsets[u + 1]; arc++) readEdge(graph.arcEdge[arc]);
  }
  const inOrder = Uint32Array.from(found).sort();
  const walkMeters = new Float64Array(inOrder.length);
  for (let i = 0; i < inOrder.length; i++) walkMeters[i] = scratch[inOrder[i]];
  return { attached, buildings: inOrder, walkMeters, relaxations: tree.relaxations };
}
