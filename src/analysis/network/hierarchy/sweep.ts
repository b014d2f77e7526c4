import { DeveloperError } from '../../../core/errors';
import type { WalkHierarchy } from './buildHierarchy';

/**
 * PHAST on the hierarchy of buildHierarchy.ts, for K source sets at once (one per facility category):
 * K distance labels per node, side by side in memory (an arc's K labels are one or two cache lines).
 *
 * 1. Up: in rank order (sweep positions from the last to the core), each node pushes its labels along
 *    its up-arcs. The up-graph is acyclic and this is its topological order, so every node ends with
 *    its shortest UP-path distance from the sources (PHAST runs a Dijkstra on the up-graph from one
 *    source; with thousands of sources per category the sweep is cheaper and has no queue).
 * 2. Core: one Dijkstra per label on the core's graph, seeded with the labels the up pass left there
 *    (a bucket queue when the label has a cutoff, as every category has in the app; else a heap).
 * 3. Down: in position order, each contracted node takes the minimum over its up-arcs of the
 *    neighbour's (final) label plus the arc. Every shortest path is up-arcs, core, down-arcs, so the
 *    labels are now exact.
 * Labels beyond their set's cutoff are cleared to Infinity, as a Dijkstra with that cutoff leaves
 * them; a label over the cutoff is never pushed (any path through it is longer still).
 *
 * Labels are metres in doubles, not the suggested integer decimetres: rounding every arc to a
 * decimetre moved walks by up to 0.47 m on the benchmark city and put 5 of 200,000 building × category
 * pairs on the other side of a rule's distance, so the city view would disagree with the community's
 * own service-circle tab. In doubles the sweeps differ from the Dijkstra only by the order of the
 * additions (a shortcut holds a + b, the search adds them one by one): below 1e-9 m.
 */
export interface SweepSourceSet {
  /** Nodes of the graph (not positions) where searches start. */
  nodes: ArrayLike<number>;
  /** Starting distance at each node, metres; default 0. */
  initialMeters?: ArrayLike<number>;
  /** Labels beyond this stay unreached (metres); default none. */
  cutoffMeters?: number;
}

export interface SweepLabels {
  /** Labels per set. */
  labelCount: number;
  /** `labels[position * labelCount + k]`: metres from set k, Infinity when unreached. Indexed by SWEEP POSITION. */
  labels: Float64Array;
  /** Arcs read by the sweeps (each serving all labels). */
  arcsScanned: number;
  /** Time of each phase, ms (for the benchmark). */
  phaseMs: { up: number; core: number; down: number };
}

export interface SweepWorkspace {
  labels: Float64Array;
  /** Per position: 1 once its labels were written in this sweep (they are not filled beforehand). */
  written: Uint8Array;
  /** The core search's heap and one label of the core, dense. */
  heapNodes: Int32Array;
  heapKeys: Float64Array;
  coreDistance?: Float64Array;
  /** The core's shortest arc, metres: the width of the core search's buckets (coreBuckets). */
  coreShortestArcMeters: number;
  /** The bucket queue: list heads per bucket, entries (node, next) and settled flags. */
  bucketHead?: Int32Array;
  entryNode?: Int32Array;
  entryNext?: Int32Array;
  coreSettled?: Uint8Array;
}

/** Most buckets the core search may use (its cutoff over its shortest arc); beyond, the heap. */
const MAX_CORE_BUCKETS = 1 << 20;

export function createSweepWorkspace(hierarchy: WalkHierarchy, labelCount: number): SweepWorkspace {
  let shortest = Infinity;
  for (let a = 0; a < hierarchy.coreMeters.length; a++) if (hierarchy.coreMeters[a] < shortest) shortest = hierarchy.coreMeters[a];
  return {
    coreShortestArcMeters: shortest,
    labels: new Float64Array(hierarchy.nodeCount * labelCount),
    written: new Uint8Array(hierarchy.nodeCount),
    heapNodes: new Int32Array(Math.max(16, hierarchy.coreTargets.length + hierarchy.coreCount)),
    heapKeys: new Float64Array(Math.max(16, hierarchy.coreTargets.length + hierarchy.coreCount)),
  };
}

export function sweepDistances(hierarchy: WalkHierarchy, sets: readonly SweepSourceSet[], workspace?: SweepWorkspace): SweepLabels {
  const K = sets.length;
  const n = hierarchy.nodeCount;
  if (workspace && workspace.labels.length !== n * K)
    throw new DeveloperError(`the workspace holds ${workspace.labels.length / n} labels, not ${K}`);
  const ws = workspace ?? createSweepWorkspace(hierarchy, K);
  const labels = ws.labels;
  // No fill of all n × K labels beforehand (a pass over tens of MB that cost as much as a tenth of the
  // sweep): a position's labels are written whole the first time anything reaches it, or set to
  // Infinity when the sweeps pass it unreached.
  const written = ws.written;
  written.fill(0);
  const cutoff = new Float64Array(K);
  sets.forEach((set, k) => {
    cutoff[k] = set.cutoffMeters ?? Infinity;
    for (let i = 0; i < set.nodes.length; i++) {
      const v = set.nodes[i];
      if (!(v >= 0 && v < n)) throw new RangeError(`source node ${v} is not a node of the graph (0 … ${n - 1})`);
      const d0 = set.initialMeters ? set.initialMeters[i] : 0;
      if (!(d0 >= 0)) throw new RangeError(`source ${i} of set ${k} starts at ${d0} m; it must be ≥ 0`);
      const p = hierarchy.positionOfNode[v];
      if (!written[p]) {
        labels.fill(Infinity, p * K, p * K + K);
        written[p] = 1;
      }
      if (d0 <= cutoff[k] && d0 < labels[p * K + k]) labels[p * K + k] = d0;
    }
  });
  const { upOffsets, upTargets, upMeters, coreCount } = hierarchy;
  let arcsScanned = 0;

  const t0 = performance.now();
  // 1. Up.
  for (let p = n - 1; p >= coreCount; p--) {
    const base = p * K;
    if (!written[p]) {
      for (let k = 0; k < K; k++) labels[base + k] = Infinity;
      continue;
    }
    let any = false;
    for (let k = 0; k < K; k++) if (labels[base + k] <= cutoff[k]) any = true;
    if (!any) continue;
    const end = upOffsets[p + 1];
    arcsScanned += end - upOffsets[p];
    for (let a = upOffsets[p]; a < end; a++) {
      const t = upTargets[a];
      const target = t * K;
      const w = upMeters[a];
      if (!written[t]) {
        written[t] = 1;
        for (let k = 0; k < K; k++) labels[target + k] = labels[base + k] + w;
        continue;
      }
      for (let k = 0; k < K; k++) {
        const d = labels[base + k] + w;
        if (d < labels[target + k]) labels[target + k] = d;
      }
    }
  }
  for (let p = 0; p < coreCount; p++) if (!written[p]) labels.fill(Infinity, p * K, p * K + K);

  const t1 = performance.now();
  // 2. Core.
  // Buckets where the cutoff allows them (every category has one in the app), else the heap.
  const width = ws.coreShortestArcMeters * (1 - 1e-6);
  for (let k = 0; k < K; k++)
    arcsScanned +=
      width > 0 && cutoff[k] / width < MAX_CORE_BUCKETS
        ? coreBuckets(hierarchy, labels, K, k, cutoff[k], width, ws)
        : coreDijkstra(hierarchy, labels, K, k, cutoff[k], ws);

  const t2 = performance.now();
  // 3. Down.
  for (let p = coreCount; p < n; p++) {
    const base = p * K;
    const end = upOffsets[p + 1];
    arcsScanned += end - upOffsets[p];
    for (let a = upOffsets[p]; a < end; a++) {
      const source = upTargets[a] * K;
      const w = upMeters[a];
      for (let k = 0; k < K; k++) {
        const d = labels[source + k] + w;
        if (d < labels[base + k]) labels[base + k] = d;
      }
    }
    for (let k = 0; k < K; k++) if (labels[base + k] > cutoff[k]) labels[base + k] = Infinity;
  }
  for (let p = 0; p < coreCount; p++) for (let k = 0; k < K; k++) if (labels[p * K + k] > cutoff[k]) labels[p * K + k] = Infinity;
  return { labelCount: K, labels, arcsScanned, phaseMs: { up: t1 - t0, core: t2 - t1, down: performance.now() - t2 } };
}

/** Label k of a node of the graph, metres (Infinity when unreached). */
export function labelOf(hierarchy: WalkHierarchy, result: SweepLabels, node: number, k: number): number {
  return result.labels[hierarchy.positionOfNode[node] * result.labelCount + k];
}

/**
 * Dijkstra on the core for label k with a bucket queue (Dial's algorithm, as shortestPaths.ts's):
 * buckets no wider than the core's shortest arc, so every node in the lowest non-empty bucket is final
 * and no heap is needed — the heap's sift-downs were most of the core's time, with tens of thousands
 * of seeds per label. The cutoff bounds the buckets (the core's shortest arc on the benchmark city is
 * 18.6 m: 54 buckets for 1,000 m). A node's distance is the minimum over the same relaxations as
 * with the heap (every neighbour nearer than it is settled first), so the labels are the same.
 */
function coreBuckets(
  hierarchy: WalkHierarchy,
  labels: Float64Array,
  K: number,
  k: number,
  cutoff: number,
  width: number,
  ws: SweepWorkspace,
): number {
  const { coreCount, coreOffsets, coreTargets, coreMeters } = hierarchy;
  if (!ws.coreDistance || ws.coreDistance.length < coreCount) ws.coreDistance = new Float64Array(coreCount);
  const bucketCount = Math.floor(cutoff / width) + 1;
  if (!ws.bucketHead || ws.bucketHead.length < bucketCount) ws.bucketHead = new Int32Array(bucketCount);
  // Each entry is a seed or an improvement, at most one per core node and one per arc.
  const poolSize = coreCount + coreTargets.length;
  if (!ws.entryNode || ws.entryNode.length < poolSize) {
    ws.entryNode = new Int32Array(poolSize);
    ws.entryNext = new Int32Array(poolSize);
  }
  if (!ws.coreSettled || ws.coreSettled.length < coreCount) ws.coreSettled = new Uint8Array(coreCount);
  const dist = ws.coreDistance;
  const head = ws.bucketHead;
  const entryNode = ws.entryNode;
  const entryNext = ws.entryNext!;
  const settled = ws.coreSettled;
  head.fill(-1, 0, bucketCount);
  settled.fill(0, 0, coreCount);
  const inverseWidth = 1 / width;
  let pool = 0;
  for (let p = 0; p < coreCount; p++) {
    const d = labels[p * K + k];
    dist[p] = d;
    if (d <= cutoff) {
      const b = Math.floor(d * inverseWidth);
      entryNode[pool] = p;
      entryNext[pool] = head[b];
      head[b] = pool++;
    }
  }
  let scanned = 0;
  for (let b = 0; b < bucketCount; b++) {
    // Relaxations from this bucket land in later ones (an arc is longer than a bucket), so the list
    // does not change while it is read.
    for (let e = head[b]; e >= 0; e = entryNext[e]) {
      const u = entryNode[e];
      // An older entry of a node settled in an earlier bucket, or a second one in this bucket.
      if (settled[u]) continue;
      settled[u] = 1;
      const du = dist[u];
      const end = coreOffsets[u + 1];
      scanned += end - coreOffsets[u];
      for (let a = coreOffsets[u]; a < end; a++) {
        const v = coreTargets[a];
        const d = du + coreMeters[a];
        if (d < dist[v] && d <= cutoff) {
          dist[v] = d;
          const target = Math.floor(d * inverseWidth);
          entryNode[pool] = v;
          entryNext[pool] = head[target];
          head[target] = pool++;
        }
      }
    }
  }
  for (let p = 0; p < coreCount; p++) labels[p * K + k] = dist[p];
  return scanned;
}

/**
 * Dijkstra on the core for label k, from every core node the up pass reached (lazy-deletion binary
 * heap). The label is copied into a dense array first: the core's K-wide records would put one useful
 * double in each cache line read, the copy keeps the whole search in a few hundred kB.
 */
function coreDijkstra(hierarchy: WalkHierarchy, labels: Float64Array, K: number, k: number, cutoff: number, ws: SweepWorkspace): number {
  const { coreCount, coreOffsets, coreTargets, coreMeters } = hierarchy;
  if (!ws.coreDistance || ws.coreDistance.length < coreCount) ws.coreDistance = new Float64Array(coreCount);
  const dist = ws.coreDistance;
  const nodes = ws.heapNodes;
  const keys = ws.heapKeys;
  let size = 0;
  for (let p = 0; p < coreCount; p++) {
    const d = labels[p * K + k];
    dist[p] = d;
    if (d <= cutoff) {
      nodes[size] = p;
      keys[size++] = d;
    }
  }
  const siftDown = (i: number, node: number, key: number) => {
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      nodes[i] = nodes[child];
      keys[i] = keys[child];
      i = child;
    }
    nodes[i] = node;
    keys[i] = key;
  };
  // Bottom-up heap construction of the seeds: O(n).
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i, nodes[i], keys[i]);
  let scanned = 0;
  while (size > 0) {
    const u = nodes[0];
    const du = keys[0];
    size--;
    if (size > 0) siftDown(0, nodes[size], keys[size]);
    if (du > dist[u]) continue; // stale
    const end = coreOffsets[u + 1];
    scanned += end - coreOffsets[u];
    for (let a = coreOffsets[u]; a < end; a++) {
      const v = coreTargets[a];
      const d = du + coreMeters[a];
      if (d < dist[v] && d <= cutoff) {
        dist[v] = d;
        // Sift-up of the new entry.
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (keys[parent] <= d) break;
          nodes[i] = nodes[parent];
          keys[i] = keys[parent];
          i = parent;
        }
        nodes[i] = v;
        keys[i] = d;
      }
    }
  }
  for (let p = 0; p < coreCount; p++) labels[p * K + k] = dist[p];
  return scanned;
}
