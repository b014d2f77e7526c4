import type { CsrGraph } from '../buildGraph';
import { hilbertKeys } from './hilbert';

/**
 * A contraction hierarchy of the walking graph (R. Geisberger, P. Sanders, D. Schultes, D. Delling,
 * "Contraction Hierarchies: Faster and Simpler Hierarchical Routing in Road Networks", WEA 2008),
 * laid out for PHAST sweeps (D. Delling, A. V. Goldberg, A. Nowatzyk, R. F. Werneck, "PHAST:
 * Hardware-accelerated shortest path trees", JPDC 73(7), 2013; IPDPS 2011).
 *
 * Nodes are contracted one by one, least important first; contracting v removes it and adds a
 * shortcut u–w of length d(u,v) + d(v,w) for each pair of its neighbours unless a local "witness"
 * search finds a path u → w avoiding v that is no longer. Every edge a node has when it is contracted
 * goes to a node contracted later ("up"); every shortest path is then up-arcs followed by down-arcs.
 *
 * Why this and not per-category Dijkstra: a service-circle run is many sources (all facilities of a
 * category) to ALL nodes, ten categories at once. PHAST answers one-to-all with two linear sweeps over
 * the arcs in rank order — no priority queue, memory read in order — and ten categories share one
 * sweep (ten labels per node, side by side in memory: one or two cache lines per arc). RPHAST (restricted to
 * a target set) would only pay off for few targets; the city's targets are every building.
 *
 * Three steps before the ordinary contraction:
 * 1. degree-≤2 chains (the vertices of a street's polyline) are contracted first, without witness
 *    searches: a chain becomes one arc between its junctions, its vertices hang below it;
 * 2. the remaining nodes are contracted by priority (edge difference, contracted neighbours, level),
 *    with lazy updates and the neighbours re-evaluated after each contraction;
 * 3. contraction stops when the cheapest node has more than `maxContractDegree` neighbours: the rest
 *    is a small dense CORE (a grid-like city has no hierarchy at the top) searched by Dijkstra in each
 *    query, instead of a near-clique of shortcuts.
 * Nodes are then renumbered: the core first, then by level, highest first (all arcs of a level point
 * to earlier positions, so the down sweep is one pass), and within a level along a Hilbert curve so
 * that neighbours sit near each other in memory (PHAST §4 reorders by level for the same reason).
 */
export interface WalkHierarchy {
  nodeCount: number;
  /** Positions 0 … coreCount − 1 are the uncontracted core. */
  coreCount: number;
  /** Sweep position → node of the graph. */
  nodeAtPosition: Uint32Array;
  /** Node of the graph → sweep position. */
  positionOfNode: Uint32Array;
  /** Position p's arcs to higher-ranked nodes (at positions < p): `upOffsets[p] … upOffsets[p + 1] − 1`. Core positions have none. */
  upOffsets: Uint32Array;
  upTargets: Uint32Array;
  upMeters: Float64Array;
  /** The core's own graph (positions < coreCount, both directions). */
  coreOffsets: Uint32Array;
  coreTargets: Uint32Array;
  coreMeters: Float64Array;
  stats: HierarchyStats;
}

export interface HierarchyStats {
  /** Undirected edges of the input graph. */
  edges: number;
  /** Shortcuts added (undirected). */
  shortcuts: number;
  /** Nodes contracted in the degree-≤2 pass. */
  chainNodes: number;
  levels: number;
  /** Witness searches run (simulations included). */
  witnessSearches: number;
}

export interface BuildHierarchyOptions {
  /** Node positions, [lon, lat] interleaved, for the locality renumbering; without them the input order is kept within a level. */
  nodeLonLat?: Float64Array;
  /** Stop contracting when the next node has more neighbours than this (the rest is the core). Default 24. */
  maxContractDegree?: number;
  /** Nodes a witness search may settle before it gives up (and a shortcut is added). Default 40. */
  witnessSettleLimit?: number;
  /** The same limit when only estimating a node's priority (an overestimate just delays the node). Default 8. */
  simulationSettleLimit?: number;
  /** Called now and then with the share of nodes contracted (0 … 1). */
  onProgress?: (share: number) => void;
}

export function buildHierarchy(graph: CsrGraph, options: BuildHierarchyOptions = {}): WalkHierarchy {
  const n = graph.nodeCount;
  const maxContractDegree = options.maxContractDegree ?? 24;
  const settleLimit = options.witnessSettleLimit ?? 40;
  const simulationLimit = options.simulationSettleLimit ?? 8;
  const adjacency = new DynamicAdjacency(graph);
  const witness = new WitnessSearch(n, adjacency);
  const contracted = new Uint8Array(n);
  const deleted = new Uint32Array(n);
  const level = new Uint32Array(n);
  const up = new ArcList(graph.targets.length);
  let shortcuts = 0;
  let contractedCount = 0;
  let nextProgress = 0;

  const progress = () => {
    if (options.onProgress && contractedCount >= nextProgress) {
      options.onProgress(contractedCount / Math.max(1, n));
      nextProgress += Math.max(1, Math.floor(n / 100));
    }
  };

  /** Shortcuts contracting v needs (added when `apply`). */
  const contract = (v: number, apply: boolean, limit = settleLimit): number => {
    const start = adjacency.start[v];
    const degree = adjacency.length[v];
    if (degree < 2) return 0;
    // The neighbour lists may move while shortcuts are added: copy them first.
    witness.reserveNeighbours(degree);
    const nodes = witness.neighbourNodes;
    const weights = witness.neighbourWeights;
    for (let i = 0; i < degree; i++) {
      nodes[i] = adjacency.nodes[start + i];
      weights[i] = adjacency.weights[start + i];
    }
    let needed = 0;
    for (let i = 0; i + 1 < degree; i++) {
      let farthest = 0;
      for (let j = i + 1; j < degree; j++) if (weights[j] > farthest) farthest = weights[j];
      witness.run(nodes[i], v, weights[i] + farthest, limit);
      for (let j = i + 1; j < degree; j++) {
        const via = weights[i] + weights[j];
        if (witness.distance[nodes[j]] <= via) continue;
        needed++;
        if (apply) {
          adjacency.addOrShorten(nodes[i], nodes[j], via);
          adjacency.addOrShorten(nodes[j], nodes[i], via);
        }
      }
      witness.reset();
    }
    return needed;
  };

  const removeNode = (v: number) => {
    const start = adjacency.start[v];
    const degree = adjacency.length[v];
    for (let i = 0; i < degree; i++) {
      const u = adjacency.nodes[start + i];
      up.push(v, u, adjacency.weights[start + i]);
      adjacency.remove(u, v);
      deleted[u]++;
      if (level[u] < level[v] + 1) level[u] = level[v] + 1;
    }
    adjacency.length[v] = 0;
    contracted[v] = 1;
    contractedCount++;
  };

  // 1. Degree-≤2 chains: a chain vertex's two neighbours get one arc (kept at the shorter of it and
  // any arc they already share), which is exact without a witness search.
  let chainNodes = 0;
  {
    const queue: number[] = [];
    for (let v = 0; v < n; v++) if (adjacency.length[v] <= 2) queue.push(v);
    while (queue.length > 0) {
      const v = queue.pop()!;
      if (contracted[v] || adjacency.length[v] > 2) continue;
      const s = adjacency.start[v];
      if (adjacency.length[v] === 2) {
        const a = adjacency.nodes[s];
        const b = adjacency.nodes[s + 1];
        const via = adjacency.weights[s] + adjacency.weights[s + 1];
        if (adjacency.addOrShorten(a, b, via)) shortcuts++;
        adjacency.addOrShorten(b, a, via);
      }
      const neighbours = Array.from(adjacency.nodes.subarray(s, s + adjacency.length[v]));
      removeNode(v);
      chainNodes++;
      for (const u of neighbours) if (!contracted[u] && adjacency.length[u] <= 2) queue.push(u);
      progress();
    }
  }

  // 2. The rest by priority, lazily updated.
  const priority = (v: number) => 2 * (contract(v, false, simulationLimit) - adjacency.length[v]) + deleted[v] + level[v];
  const heap = new IndexedMinHeap(n);
  for (let v = 0; v < n; v++) if (!contracted[v]) heap.set(v, priority(v));
  while (heap.size > 0) {
    const v = heap.peek();
    const p = priority(v);
    if (p > heap.peekKey()) {
      heap.set(v, p);
      if (heap.peek() !== v) continue;
    }
    if (adjacency.length[v] > maxContractDegree) break;
    heap.pop();
    shortcuts += contract(v, true);
    const s = adjacency.start[v];
    const neighbours = Array.from(adjacency.nodes.subarray(s, s + adjacency.length[v]));
    removeNode(v);
    // Neighbours are not re-simulated (most of the cost of a classic CH build; on the 90,000-node
    // benchmark grid it took 2.2× as long for the same core and 5 % fewer shortcuts): their key moves
    // by the contracted-neighbour term, and a stale edge difference is caught when the node comes to the top.
    for (const u of neighbours) heap.set(u, heap.keyOf(u) + 1);
    progress();
  }

  // 3. Renumbering: the core first, then by level, highest first; Hilbert order within.
  const keys = options.nodeLonLat ? hilbertKeys(options.nodeLonLat, n) : null;
  const order = new Uint32Array(n);
  for (let v = 0; v < n; v++) order[v] = v;
  const levelOf = (v: number) => (contracted[v] ? level[v] : 0x7fffffff);
  const sorted = Array.from(order).sort((a, b) => levelOf(b) - levelOf(a) || (keys ? keys[a] - keys[b] : 0) || a - b);
  const nodeAtPosition = Uint32Array.from(sorted);
  const positionOfNode = new Uint32Array(n);
  for (let p = 0; p < n; p++) positionOfNode[nodeAtPosition[p]] = p;
  const coreCount = n - contractedCount;
  let levels = 0;
  for (let v = 0; v < n; v++) if (contracted[v] && level[v] + 1 > levels) levels = level[v] + 1;

  const upCsr = up.toCsr(n, positionOfNode);
  const core = coreCsr(adjacency, nodeAtPosition, positionOfNode, coreCount);
  return {
    nodeCount: n,
    coreCount,
    nodeAtPosition,
    positionOfNode,
    upOffsets: upCsr.offsets,
    upTargets: upCsr.targets,
    upMeters: upCsr.weights,
    coreOffsets: core.offsets,
    coreTargets: core.targets,
    coreMeters: core.weights,
    stats: { edges: graph.targets.length / 2, shortcuts, chainNodes, levels, witnessSearches: witness.runs },
  };
}

/** Every node's current neighbours in one pool of typed arrays; a full list moves to the pool's end with room to grow. */
class DynamicAdjacency {
  start: Int32Array;
  length: Int32Array;
  capacity: Int32Array;
  nodes: Int32Array;
  weights: Float64Array;
  private used: number;

  constructor(graph: CsrGraph) {
    const n = graph.nodeCount;
    this.start = new Int32Array(n);
    this.length = new Int32Array(n);
    this.capacity = new Int32Array(n);
    const size = Math.ceil(graph.targets.length * 1.5) + 4 * n + 16;
    this.nodes = new Int32Array(size);
    this.weights = new Float64Array(size);
    let at = 0;
    for (let v = 0; v < n; v++) {
      const degree = graph.offsets[v + 1] - graph.offsets[v];
      this.start[v] = at;
      this.capacity[v] = degree + 2;
      for (let a = graph.offsets[v]; a < graph.offsets[v + 1]; a++) {
        const u = graph.targets[a];
        if (u === v) continue;
        this.addOrShortenAt(v, u, graph.lengthsMeters[a]);
      }
      at += degree + 2;
    }
    this.used = at;
  }

  /** Adds arc v → u or shortens it; true when it was new. */
  addOrShorten(v: number, u: number, w: number): boolean {
    return this.addOrShortenAt(v, u, w);
  }

  private addOrShortenAt(v: number, u: number, w: number): boolean {
    const s = this.start[v];
    const len = this.length[v];
    for (let i = s; i < s + len; i++) {
      if (this.nodes[i] === u) {
        if (w < this.weights[i]) this.weights[i] = w;
        return false;
      }
    }
    if (len === this.capacity[v]) this.grow(v);
    const at = this.start[v] + len;
    this.nodes[at] = u;
    this.weights[at] = w;
    this.length[v] = len + 1;
    return true;
  }

  remove(v: number, u: number): void {
    const s = this.start[v];
    const last = s + this.length[v] - 1;
    for (let i = s; i <= last; i++) {
      if (this.nodes[i] === u) {
        this.nodes[i] = this.nodes[last];
        this.weights[i] = this.weights[last];
        this.length[v]--;
        return;
      }
    }
  }

  private grow(v: number): void {
    const newCapacity = Math.max(4, this.capacity[v] * 2);
    if (this.used + newCapacity > this.nodes.length) {
      const size = Math.ceil((this.used + newCapacity) * 1.5);
      const nodes = new Int32Array(size);
      nodes.set(this.nodes.subarray(0, this.used));
      const weights = new Float64Array(size);
      weights.set(this.weights.subarray(0, this.used));
      this.nodes = nodes;
      this.weights = weights;
    }
    this.nodes.copyWithin(this.used, this.start[v], this.start[v] + this.length[v]);
    this.weights.copyWithin(this.used, this.start[v], this.start[v] + this.length[v]);
    this.start[v] = this.used;
    this.capacity[v] = newCapacity;
    this.used += newCapacity;
  }
}

/** A bounded Dijkstra on the remaining graph that avoids one node: is there a path no longer than the shortcut? */
class WitnessSearch {
  distance: Float64Array;
  neighbourNodes = new Int32Array(64);
  neighbourWeights = new Float64Array(64);
  runs = 0;
  private touched: Int32Array;
  private touchedCount = 0;
  private heapNodes = new Int32Array(256);
  private heapKeys = new Float64Array(256);

  constructor(
    nodeCount: number,
    private readonly adjacency: DynamicAdjacency,
  ) {
    this.distance = new Float64Array(nodeCount).fill(Infinity);
    this.touched = new Int32Array(nodeCount);
  }

  /** Distances from `source` not through `avoid`, exact up to `maxDistance` for the nodes it settled. */
  run(source: number, avoid: number, maxDistance: number, settleLimit: number): void {
    this.runs++;
    const adjacency = this.adjacency;
    const dist = this.distance;
    dist[source] = 0;
    this.touched[this.touchedCount++] = source;
    let size = this.push(0, source, 0);
    let settled = 0;
    while (size > 0) {
      const u = this.heapNodes[0];
      const du = this.heapKeys[0];
      size = this.popTop(size);
      if (du > dist[u]) continue; // a stale entry
      if (du > maxDistance || ++settled > settleLimit) break;
      const s = adjacency.start[u];
      const end = s + adjacency.length[u];
      for (let i = s; i < end; i++) {
        const x = adjacency.nodes[i];
        if (x === avoid) continue;
        const d = du + adjacency.weights[i];
        if (d < dist[x] && d <= maxDistance) {
          if (dist[x] === Infinity) this.touched[this.touchedCount++] = x;
          dist[x] = d;
          size = this.push(size, x, d);
        }
      }
    }
  }

  reserveNeighbours(count: number): void {
    if (this.neighbourNodes.length >= count) return;
    this.neighbourNodes = new Int32Array(count * 2);
    this.neighbourWeights = new Float64Array(count * 2);
  }

  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) this.distance[this.touched[i]] = Infinity;
    this.touchedCount = 0;
  }

  private push(size: number, node: number, key: number): number {
    if (size === this.heapNodes.length) {
      const nodes = new Int32Array(size * 2);
      nodes.set(this.heapNodes);
      const keys = new Float64Array(size * 2);
      keys.set(this.heapKeys);
      this.heapNodes = nodes;
      this.heapKeys = keys;
    }
    let i = size;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.heapKeys[parent] <= key) break;
      this.heapNodes[i] = this.heapNodes[parent];
      this.heapKeys[i] = this.heapKeys[parent];
      i = parent;
    }
    this.heapNodes[i] = node;
    this.heapKeys[i] = key;
    return size + 1;
  }

  private popTop(size: number): number {
    size--;
    const node = this.heapNodes[size];
    const key = this.heapKeys[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.heapKeys[child + 1] < this.heapKeys[child]) child++;
      if (this.heapKeys[child] >= key) break;
      this.heapNodes[i] = this.heapNodes[child];
      this.heapKeys[i] = this.heapKeys[child];
      i = child;
    }
    this.heapNodes[i] = node;
    this.heapKeys[i] = key;
    return size;
  }
}

/** Min-heap of nodes by priority with change-key (ties: lower node first, for a deterministic order). */
class IndexedMinHeap {
  size = 0;
  private readonly nodes: Int32Array;
  private readonly keys: Float64Array;
  private readonly position: Int32Array;

  constructor(capacity: number) {
    this.nodes = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  peek(): number {
    return this.nodes[0];
  }

  keyOf(node: number): number {
    return this.position[node] >= 0 ? this.keys[this.position[node]] : 0;
  }

  peekKey(): number {
    return this.size > 1 ? Math.min(this.keys[1], this.size > 2 ? this.keys[2] : Infinity) : Infinity;
  }

  set(node: number, key: number): void {
    let i = this.position[node];
    if (i < 0) {
      i = this.size++;
      this.nodes[i] = node;
      this.position[node] = i;
    }
    this.keys[i] = key;
    this.siftDown(this.siftUp(i));
  }

  pop(): number {
    const top = this.nodes[0];
    this.position[top] = -1;
    this.size--;
    if (this.size > 0) {
      this.nodes[0] = this.nodes[this.size];
      this.keys[0] = this.keys[this.size];
      this.position[this.nodes[0]] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private less(i: number, j: number): boolean {
    return this.keys[i] < this.keys[j] || (this.keys[i] === this.keys[j] && this.nodes[i] < this.nodes[j]);
  }

  private swap(i: number, j: number): void {
    const ni = this.nodes[i];
    const ki = this.keys[i];
    this.nodes[i] = this.nodes[j];
    this.keys[i] = this.keys[j];
    this.nodes[j] = ni;
    this.keys[j] = ki;
    this.position[this.nodes[i]] = i;
    this.position[this.nodes[j]] = j;
  }

  private siftUp(i: number): number {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
    return i;
  }

  private siftDown(i: number): void {
    for (;;) {
      let best = i;
      const l = 2 * i + 1;
      if (l < this.size && this.less(l, best)) best = l;
      if (l + 1 < this.size && this.less(l + 1, best)) best = l + 1;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }
}

/** Up-arcs as they are recorded (from the contracted node to a later one), then laid out by sweep position. */
class ArcList {
  private from: Uint32Array;
  private to: Uint32Array;
  private weight: Float64Array;
  private count = 0;

  constructor(expected: number) {
    this.from = new Uint32Array(Math.max(16, expected));
    this.to = new Uint32Array(this.from.length);
    this.weight = new Float64Array(this.from.length);
  }

  push(from: number, to: number, weight: number): void {
    if (this.count === this.from.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.from = grow(this.from);
      this.to = grow(this.to);
      const weight = new Float64Array(this.weight.length * 2);
      weight.set(this.weight);
      this.weight = weight;
    }
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.weight[this.count] = weight;
    this.count++;
  }

  /** CSR by the position of the tail; each node's arcs sorted by the head's position (memory order in the sweep). */
  toCsr(n: number, positionOf: Uint32Array): { offsets: Uint32Array; targets: Uint32Array; weights: Float64Array } {
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < this.count; i++) offsets[positionOf[this.from[i]] + 1]++;
    for (let p = 0; p < n; p++) offsets[p + 1] += offsets[p];
    const cursor = offsets.slice(0, n);
    const targets = new Uint32Array(this.count);
    const weights = new Float64Array(this.count);
    for (let i = 0; i < this.count; i++) {
      const at = cursor[positionOf[this.from[i]]]++;
      targets[at] = positionOf[this.to[i]];
      weights[at] = this.weight[i];
    }
    sortRuns(offsets, targets, weights);
    return { offsets, targets, weights };
  }
}

function coreCsr(adjacency: DynamicAdjacency, nodeAtPosition: Uint32Array, positionOf: Uint32Array, coreCount: number) {
  const offsets = new Uint32Array(coreCount + 1);
  for (let p = 0; p < coreCount; p++) offsets[p + 1] = offsets[p] + adjacency.length[nodeAtPosition[p]];
  const targets = new Uint32Array(offsets[coreCount]);
  const weights = new Float64Array(offsets[coreCount]);
  for (let p = 0; p < coreCount; p++) {
    const v = nodeAtPosition[p];
    for (let i = 0; i < adjacency.length[v]; i++) {
      targets[offsets[p] + i] = positionOf[adjacency.nodes[adjacency.start[v] + i]];
      weights[offsets[p] + i] = adjacency.weights[adjacency.start[v] + i];
    }
  }
  sortRuns(offsets, targets, weights);
  return { offsets, targets, weights };
}

/** Sorts each node's run of arcs by target (insertion sort: runs are short). */
function sortRuns(offsets: Uint32Array, targets: Uint32Array, weights: Float64Array): void {
  for (let p = 0; p + 1 < offsets.length; p++) {
    for (let i = offsets[p] + 1; i < offsets[p + 1]; i++) {
      const t = targets[i];
      const w = weights[i];
      let j = i - 1;
      while (j >= offsets[p] && targets[j] > t) {
        targets[j + 1] = targets[j];
        weights[j + 1] = weights[j];
        j--;
      }
      targets[j + 1] = t;
      weights[j + 1] = w;
    }
  }
}
