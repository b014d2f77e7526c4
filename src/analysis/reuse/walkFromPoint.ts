import { DeveloperError } from '../../core/errors';
import type { LonLat } from '../../core/model/types';
import { attachPoints, sameEdgeDistanceMeters, type AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import { buildEdgeGridIndex, type EdgeGridIndex } from '../network/edgeIndex';
import { createShortestPathWorkspace, shortestPathTree, type QueueKind, type ShortestPathWorkspace } from '../network/shortestPaths';

/**
 * The walk from ONE new point (a facility that might be opened) to every building, on the graph the
 * base coverage was computed on: the point is attached like any facility (nearest edge, two links)
 * and one single-source search runs from it. With the base coverage's per-building distances, the
 * coverage with the new facility is then min(old, new) per building, exactly what a full multi-source
 * run with the facility added would give (its distance at a node is the minimum over the sources).
 */
export interface PointWalk {
  position: LonLat;
  /** The point as attached (count 1; edge −1 with a reason when it is off the network). */
  attached: AttachedPoints;
  /** Per building: walk from the point, metres; Infinity when unreachable (or beyond the cutoff). */
  walkDistanceMeters: Float64Array;
  relaxations: number;
}

export interface PointWalkOptions {
  /** The graph's edge index, to attach many points without rebuilding it (prepareNetwork builds one per run). */
  edgeIndex?: EdgeGridIndex;
  /** As for the base run; default attachPoints' 500 m. */
  maxSnapMeters?: number;
  /** As for the base run: walks beyond this are Infinity. Default no limit. */
  cutoffMeters?: number;
  workspace?: ShortestPathWorkspace;
  queue?: QueueKind;
}

export function walkFromPoint(
  network: { graph: WalkGraph; buildings: AttachedPoints },
  position: LonLat,
  options: PointWalkOptions = {},
): PointWalk {
  const { graph, buildings } = network;
  const attached = attachPoints(graph, Float64Array.of(position[0], position[1]), {
    ...(options.edgeIndex ? { index: options.edgeIndex } : {}),
    ...(options.maxSnapMeters !== undefined ? { maxSnapMeters: options.maxSnapMeters } : {}),
  });
  const walk = new Float64Array(buildings.count).fill(Infinity);
  const e = attached.edge[0];
  if (e < 0) return { position, attached, walkDistanceMeters: walk, relaxations: 0 };
  if (options.workspace && options.workspace.nodeCount !== graph.nodeCount) throw new DeveloperError('workspace is for another graph');

  const cutoff = options.cutoffMeters ?? Infinity;
  const tree = shortestPathTree(
    graph,
    { nodes: [graph.edgeNodes[2 * e], graph.edgeNodes[2 * e + 1]], initialMeters: [attached.toStartMeters[0], attached.toEndMeters[0]] },
    {
      ...(options.cutoffMeters !== undefined ? { cutoffMeters: options.cutoffMeters } : {}),
      ...(options.workspace ? { workspace: options.workspace } : {}),
      ...(options.queue ? { queue: options.queue } : {}),
    },
  );
  const dist = tree.distanceMeters;
  // The same arithmetic as computeServiceCoverage: via either end of the building's edge, or
  // straight along the edge when the point is on the building's own edge.
  for (let b = 0; b < buildings.count; b++) {
    const be = buildings.edge[b];
    if (be < 0) continue;
    let d = Math.min(
      dist[graph.edgeNodes[2 * be]] + buildings.toStartMeters[b],
      dist[graph.edgeNodes[2 * be + 1]] + buildings.toEndMeters[b],
    );
    if (be === e) d = Math.min(d, sameEdgeDistanceMeters(graph, buildings, b, attached, 0));
    walk[b] = d > cutoff ? Infinity : d;
  }
  return { position, attached, walkDistanceMeters: walk, relaxations: tree.relaxations };
}

/**
 * The walk from each of many points (candidates), keyed by id: one edge index and one search
 * workspace for all of them, one search each.
 */
export function walkFromEachPoint(
  network: { graph: WalkGraph; buildings: AttachedPoints },
  points: readonly { id: string; position: LonLat }[],
  options: Omit<PointWalkOptions, 'workspace'> = {},
): Map<string, PointWalk> {
  const edgeIndex = options.edgeIndex ?? (network.graph.edgeCount > 0 ? buildEdgeGridIndex(network.graph) : undefined);
  const workspace = createShortestPathWorkspace(network.graph.nodeCount);
  const out = new Map<string, PointWalk>();
  for (const p of points) out.set(p.id, walkFromPoint(network, p.position, { ...options, ...(edgeIndex ? { edgeIndex } : {}), workspace }));
  return out;
}
