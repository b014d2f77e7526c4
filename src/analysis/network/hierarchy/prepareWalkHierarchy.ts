import type { WorkerTask, WorkerTaskContext } from '../../../core/worker/serveWorker';
import { buildWalkGraphFromPacked, type BuildWalkGraphOptions, type PackedLines } from '../buildGraph';
import { buildHierarchy, type HierarchyStats } from './buildHierarchy';
import { networkHash, writeHierarchyFile } from './hierarchyFile';

/**
 * The preprocessing of a walking network, as the CLI (`npm run graph`) and the import worker run it:
 * the graph exactly as the service circles build it (same snapping, so the same hash), its hierarchy,
 * and the file that stores it beside the network. Pure; one call per network.
 */
export interface PrepareHierarchyRequest extends BuildWalkGraphOptions {
  lines: PackedLines;
}

export interface PreparedHierarchy {
  /** The network's hash, the file's version key. */
  networkHash: string;
  nodeCount: number;
  edgeCount: number;
  coreCount: number;
  stats: HierarchyStats;
  /** `walk-hierarchy.bin`. */
  file: Uint8Array;
  buildMs: number;
}

export function prepareWalkHierarchy(request: PrepareHierarchyRequest, onProgress?: (share: number) => void): PreparedHierarchy {
  const graph = buildWalkGraphFromPacked(request.lines, request);
  const started = performance.now();
  const hierarchy = buildHierarchy(graph, { nodeLonLat: graph.nodeLonLat, ...(onProgress ? { onProgress } : {}) });
  const buildMs = performance.now() - started;
  const hash = networkHash(graph);
  return {
    networkHash: hash,
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    coreCount: hierarchy.coreCount,
    stats: hierarchy.stats,
    file: writeHierarchyFile(hierarchy, hash),
    buildMs,
  };
}

/** `prepareWalkHierarchy` as a worker task (an imported network is preprocessed off the page's thread): progress as the share contracted. */
export const prepareWalkHierarchyTask: WorkerTask<PrepareHierarchyRequest, PreparedHierarchy, number> = Object.assign(
  (request: PrepareHierarchyRequest, context: WorkerTaskContext<number>) =>
    prepareWalkHierarchy(request, (share) => context.progress(share)),
  { transferOutput: (output: PreparedHierarchy) => [output.file.buffer as ArrayBuffer] },
);
