import { describe, expect, it } from 'vitest';
import type { CsrGraph } from '../../../../src/analysis/network/buildGraph';
import { buildWalkGraph } from '../../../../src/analysis/network/buildGraph';
import {
  bucketWidthFor,
  createShortestPathWorkspace,
  pathToSource,
  shortestPathTree,
  type QueueKind,
} from '../../../../src/analysis/network/shortestPaths';
import { createRandom } from '../../../../src/core/random';
import { grid3x3, line, nodeAt } from '../localMeters';

const QUEUES: QueueKind[] = ['binary-heap', 'buckets'];

/** CSR from an undirected edge list [a, b, length], for hand-made graphs. */
function csr(nodeCount: number, edges: [number, number, number][]): CsrGraph {
  const offsets = new Uint32Array(nodeCount + 1);
  for (const [a, b] of edges) {
    offsets[a + 1]++;
    offsets[b + 1]++;
  }
  for (let i = 0; i < nodeCount; i++) offsets[i + 1] += offsets[i];
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(edges.length * 2);
  const lengthsMeters = new Float64Array(edges.length * 2);
  for (const [a, b, w] of edges) {
    targets[cursor[a]] = b;
    lengthsMeters[cursor[a]++] = w;
    targets[cursor[b]] = a;
    lengthsMeters[cursor[b]++] = w;
  }
  return { nodeCount, offsets, targets, lengthsMeters };
}

/** Textbook O(n²) Dijkstra on an adjacency matrix scan: the reference the engine must match. */
function referenceDijkstra(graph: CsrGraph, sources: number[], initial: number[], cutoff = Infinity): Float64Array {
  const n = graph.nodeCount;
  const dist = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  sources.forEach((s, i) => {
    if (initial[i] <= cutoff) dist[s] = Math.min(dist[s], initial[i]);
  });
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
    if (u < 0) break;
    done[u] = 1;
    for (let arc = graph.offsets[u]; arc < graph.offsets[u + 1]; arc++) {
      const v = graph.targets[arc];
      const d = dist[u] + graph.lengthsMeters[arc];
      if (d < dist[v] && d <= cutoff) dist[v] = d;
    }
  }
  return dist;
}

describe.each(QUEUES)('shortestPathTree with the %s', (queue) => {
  it('on a 3 × 3 grid of 100 m from a corner: 0 … 400 m; a 360 m cutoff reaches 8 of 9 nodes (the far corner is 400 m away)', () => {
    const graph = buildWalkGraph(grid3x3());
    const corner = nodeAt(graph, 0, 0);
    const tree = shortestPathTree(graph, { nodes: [corner] }, { queue });
    // Manhattan distances: x + y for the node at (x, y).
    for (const [x, y] of [
      [0, 0],
      [100, 0],
      [200, 0],
      [0, 100],
      [100, 100],
      [200, 100],
      [0, 200],
      [100, 200],
      [200, 200],
    ]) {
      expect(Math.abs(tree.distanceMeters[nodeAt(graph, x, y)] - (x + y))).toBeLessThan(0.02);
    }
    // Every node is settled once and scans its arcs once: 12 edges → 24 relaxations.
    expect(tree.settledCount).toBe(9);
    expect(tree.relaxations).toBe(24);
    const cut = shortestPathTree(graph, { nodes: [corner] }, { queue, cutoffMeters: 360 });
    expect(cut.settledCount).toBe(8);
    expect(cut.distanceMeters[nodeAt(graph, 200, 200)]).toBe(Infinity);
  });

  it('rebuilds the path to the source: far corner → corner is 5 nodes whose edges sum to the distance', () => {
    const graph = buildWalkGraph(grid3x3());
    const tree = shortestPathTree(graph, { nodes: [nodeAt(graph, 0, 0)] }, { queue });
    const far = nodeAt(graph, 200, 200);
    const path = pathToSource(tree, far)!;
    expect(path.length).toBe(5);
    expect(path[path.length - 1]).toBe(nodeAt(graph, 0, 0));
    let sum = 0;
    for (let i = 1; i < path.length; i++) {
      for (let arc = graph.offsets[path[i]]; arc < graph.offsets[path[i] + 1]; arc++)
        if (graph.targets[arc] === path[i - 1]) sum += graph.lengthsMeters[arc];
    }
    expect(sum).toBeCloseTo(tree.distanceMeters[far], 9);
  });

  it('leaves a disconnected part unreached: Infinity, predecessor −1, label −1, no path', () => {
    const graph = buildWalkGraph([line([0, 0], [100, 0]), line([500, 0], [600, 0])]);
    const tree = shortestPathTree(graph, { nodes: [nodeAt(graph, 0, 0)] }, { queue });
    const island = nodeAt(graph, 500, 0);
    expect(tree.distanceMeters[island]).toBe(Infinity);
    expect(tree.predecessor[island]).toBe(-1);
    expect(tree.sourceLabel[island]).toBe(-1);
    expect(pathToSource(tree, island)).toBeNull();
  });

  it('starts sources at their link lengths and carries their labels (hand-checked on a 5-node line)', () => {
    // 0 —100— 1 —100— 2 —100— 3 —100— 4; source A at node 0 starts at 0 m (label 7), source B at
    // node 4 starts at 150 m (label 9): node 2 = min(200, 350) = 200 from A; node 3 = min(300, 250)
    // = 250 from B; node 4 = 150 from B.
    const graph = csr(5, [
      [0, 1, 100],
      [1, 2, 100],
      [2, 3, 100],
      [3, 4, 100],
    ]);
    const tree = shortestPathTree(graph, { nodes: [0, 4], initialMeters: [0, 150], labels: [7, 9] }, { queue });
    expect(Array.from(tree.distanceMeters)).toEqual([0, 100, 200, 250, 150]);
    expect(Array.from(tree.sourceLabel)).toEqual([7, 7, 7, 9, 9]);
    expect(Array.from(tree.predecessor)).toEqual([-1, 0, 1, 4, -1]);
  });

  it('matches a plain O(n²) Dijkstra on 24 seeded random graphs (multi-source, random starts, with and without cutoff)', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const random = createRandom(seed * 7919);
      const n = random.int(2, 120);
      const edges: [number, number, number][] = [];
      const m = random.int(0, 3 * n);
      for (let e = 0; e < m; e++) {
        const a = random.int(0, n - 1);
        const b = random.int(0, n - 1);
        // Lengths from 0.5 m to 300 m; self-loops and parallel edges included on purpose.
        edges.push([a, b, Math.round(random.range(0.5, 300) * 1000) / 1000]);
      }
      const graph = csr(n, edges);
      const sourceCount = random.int(1, 4);
      const sources = Array.from({ length: sourceCount }, () => random.int(0, n - 1));
      const initial = sources.map(() => (random.chance(0.5) ? 0 : random.range(0, 200)));
      // One workspace for all searches on this graph: each search must clean up after the last.
      const ws = createShortestPathWorkspace(n);
      for (const cutoff of [random.range(50, 600), Infinity, random.range(50, 600)]) {
        const expected = referenceDijkstra(graph, sources, initial, cutoff);
        for (const reuse of [false, true]) {
          const tree = shortestPathTree(
            graph,
            { nodes: sources, initialMeters: initial },
            { queue, cutoffMeters: cutoff, ...(reuse ? { workspace: ws } : {}) },
          );
          for (let v = 0; v < n; v++) {
            if (expected[v] === Infinity) expect(tree.distanceMeters[v]).toBe(Infinity);
            else expect(Math.abs(tree.distanceMeters[v] - expected[v])).toBeLessThan(1e-9);
            // The tree is consistent: a node's distance is its predecessor's plus the arc, and its
            // label is the predecessor's; sources start at their own starting distance.
            const p = tree.predecessor[v];
            if (p >= 0) {
              let arcLength = Infinity;
              for (let arc = graph.offsets[p]; arc < graph.offsets[p + 1]; arc++)
                if (graph.targets[arc] === v) arcLength = Math.min(arcLength, graph.lengthsMeters[arc]);
              expect(Math.abs(tree.distanceMeters[p] + arcLength - tree.distanceMeters[v])).toBeLessThan(1e-9);
              expect(tree.sourceLabel[v]).toBe(tree.sourceLabel[p]);
            } else if (tree.distanceMeters[v] < Infinity) {
              expect(tree.distanceMeters[v]).toBe(initial[tree.sourceLabel[v]]);
            }
          }
        }
      }
    }
  });
});

describe('bucket queue with many entries per bucket', () => {
  it('keeps the shortest of repeated improvements of one node within one bucket', () => {
    // Source 0 → 20 middle nodes at 10 + 0.001·i m (all in one bucket) → 20 targets, each joined to
    // every middle node by 20 − 0.01·i m: middle nodes settle in id order, and every one of them
    // improves every target again (totals 30 − 0.009·i fall with i): 400 entries in one bucket.
    // Target distances: 30 − 0.009 · 20 = 29.82 m, via middle node 20.
    const k = 20;
    const edges: [number, number, number][] = [];
    for (let i = 1; i <= k; i++) {
      edges.push([0, i, 10 + 0.001 * i]);
      for (let t = 0; t < k; t++) edges.push([i, k + 1 + t, 20 - 0.01 * i]);
    }
    const graph = csr(1 + 2 * k, edges);
    for (const queue of QUEUES) {
      const tree = shortestPathTree(graph, { nodes: [0] }, { queue });
      for (let t = 0; t < k; t++) {
        expect(tree.distanceMeters[k + 1 + t]).toBeCloseTo(29.82, 9);
        expect(tree.predecessor[k + 1 + t]).toBe(k);
      }
      expect(tree.settledCount).toBe(1 + 2 * k);
    }
  });
});

describe('queue choice', () => {
  it('uses buckets only when the shortest edge bounds their count; zero-length arcs force the heap', () => {
    // ⌈25 / 10⌉ + 2 = 5 buckets, rounded up to a power of two.
    expect(
      bucketWidthFor(
        csr(3, [
          [0, 1, 10],
          [1, 2, 25],
        ]),
      ).buckets,
    ).toBe(8);
    expect(bucketWidthFor(csr(2, [[0, 1, 0]])).buckets).toBe(0);
    expect(
      bucketWidthFor(
        csr(3, [
          [0, 1, 0.001],
          [1, 2, 1000],
        ]),
      ).buckets,
    ).toBe(0);
    const zero = csr(3, [
      [0, 1, 0],
      [1, 2, 5],
    ]);
    expect(Array.from(shortestPathTree(zero, { nodes: [0] }).distanceMeters)).toEqual([0, 0, 5]);
    expect(() => shortestPathTree(zero, { nodes: [0] }, { queue: 'buckets' })).toThrow(RangeError);
  });

  it('rejects a source that is not a node, or a negative start', () => {
    const graph = csr(2, [[0, 1, 10]]);
    expect(() => shortestPathTree(graph, { nodes: [2] })).toThrow(RangeError);
    expect(() => shortestPathTree(graph, { nodes: [0], initialMeters: [-1] })).toThrow(RangeError);
  });
});
