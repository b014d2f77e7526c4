import { beforeAll, describe, expect, it } from 'vitest';
import type { CsrGraph } from '../../../../src/analysis/network/buildGraph';
import { buildHierarchy } from '../../../../src/analysis/network/hierarchy/buildHierarchy';
import { readHierarchyFile, networkHash, writeHierarchyFile } from '../../../../src/analysis/network/hierarchy/hierarchyFile';
import { hilbertIndex } from '../../../../src/analysis/network/hierarchy/hilbert';
import { labelOf, sweepDistances, type SweepSourceSet } from '../../../../src/analysis/network/hierarchy/sweep';
import { shortestPathTree } from '../../../../src/analysis/network/shortestPaths';
import { DataError } from '../../../../src/core/errors';
import { createRandom, type Random } from '../../../../src/core/random';

/** CSR from an undirected edge list [a, b, metres]. */
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

/** Random graphs of three shapes: sparse random, a perturbed grid with its streets split into chains, and a few disconnected pieces. */
function randomGraph(random: Random): CsrGraph {
  const edges: [number, number, number][] = [];
  const seen = new Set<number>();
  let n: number;
  const add = (a: number, b: number, w: number) => {
    if (a === b) return;
    const key = Math.min(a, b) * 100000 + Math.max(a, b);
    if (seen.has(key)) return;
    seen.add(key);
    edges.push([a, b, w]);
  };
  const shape = random.int(0, 2);
  if (shape === 0) {
    n = random.int(1, 80);
    const m = random.int(0, 3 * n);
    for (let i = 0; i < m; i++) add(random.int(0, n - 1), random.int(0, n - 1), random.range(0.5, 300));
  } else if (shape === 1) {
    const side = random.int(2, 9);
    const chain = random.int(0, 3);
    n = side * side;
    const link = (a: number, b: number) => {
      if (random.chance(0.1)) return;
      let prev = a;
      for (let c = 0; c < chain; c++) {
        const mid = n++;
        add(prev, mid, random.range(0.5, 20));
        prev = mid;
      }
      add(prev, b, random.range(0.5, 40));
    };
    for (let r = 0; r < side; r++)
      for (let c = 0; c < side; c++) {
        if (c + 1 < side) link(r * side + c, r * side + c + 1);
        if (r + 1 < side) link(r * side + c, (r + 1) * side + c);
        if (r + 1 < side && c + 1 < side && random.chance(0.2)) add(r * side + c, (r + 1) * side + c + 1, random.range(30, 60));
      }
  } else {
    n = random.int(10, 60);
    for (let i = 1; i < n; i++) if (!random.chance(0.15)) add(i, random.int(Math.max(0, i - 5), i - 1), random.range(0.5, 100));
  }
  return csr(n, edges);
}

function randomSets(random: Random, n: number, count: number): SweepSourceSet[] {
  return Array.from({ length: count }, () => {
    const k = random.int(0, 5);
    const nodes = Array.from({ length: k }, () => random.int(0, n - 1));
    return {
      nodes,
      initialMeters: nodes.map(() => (random.chance(0.2) ? 0 : random.range(0, 80))),
      ...(random.chance(0.6) ? { cutoffMeters: random.range(0, 600) } : {}),
    };
  });
}

/** Dijkstra of shortestPaths.ts (today's engine): the reference. */
function reference(graph: CsrGraph, set: SweepSourceSet): number[] {
  const tree = shortestPathTree(
    graph,
    { nodes: set.nodes, initialMeters: set.initialMeters ?? Array.from(set.nodes, () => 0) },
    set.cutoffMeters !== undefined ? { cutoffMeters: set.cutoffMeters } : {},
  );
  return Array.from(tree.distanceMeters);
}

/**
 * The same distances: equal where unreached, within 1e-9 m elsewhere (a shortcut holds a + b, the
 * search adds a then b: doubles may differ in the last bit). Returns the nodes compared.
 */
function expectSameDistances(actual: number[], expected: number[], what: string): number {
  expected.forEach((d, v) => {
    if (d === Infinity || actual[v] === Infinity) expect(actual[v], `${what}, node ${v}`).toBe(d);
    else expect(Math.abs(actual[v] - d), `${what}, node ${v}: ${actual[v]} vs ${d}`).toBeLessThan(1e-9);
  });
  return expected.length;
}

describe('walking-graph hierarchy and its PHAST sweeps', () => {
  it('on a hand-made graph: a 4-node chain with a 25 m spur and a shorter bypass gives the hand-checked metres', () => {
    // 0 —10 m— 1 —10 m— 2 —10 m— 3, bypass 0—3 of 25 m, spur 2—4 of 2.54 m.
    const graph = csr(5, [
      [0, 1, 10],
      [1, 2, 10],
      [2, 3, 10],
      [0, 3, 25],
      [2, 4, 2.54],
    ]);
    const hierarchy = buildHierarchy(graph);
    const result = sweepDistances(hierarchy, [{ nodes: [0] }, { nodes: [3], initialMeters: [0.7], cutoffMeters: 15 }]);
    const from0 = [0, 1, 2, 3, 4].map((v) => labelOf(hierarchy, result, v, 0));
    [0, 10, 20, 25, 22.54].forEach((d, v) => expect(from0[v]).toBeCloseTo(d, 9));
    // From node 3 starting at 0.7 m, nothing beyond 15 m: 0 is 25.7 m away, 1 is 20.7 m (via 2), so both unreached.
    const from3 = [0, 1, 2, 3, 4].map((v) => labelOf(hierarchy, result, v, 1));
    expect(from3.slice(0, 2)).toEqual([Infinity, Infinity]);
    [10.7, 0.7, 13.24].forEach((d, i) => expect(from3[2 + i]).toBeCloseTo(d, 9));
    // The chain 1 is a degree-2 node: contracted in the chain pass.
    expect(hierarchy.stats.chainNodes).toBeGreaterThanOrEqual(2);
  });

  it('gives the Dijkstra distances (to 1e-9 m) on 400 random graphs (several source sets, start offsets, cutoffs, cores of every size)', () => {
    const random = createRandom(19);
    let compared = 0;
    let cored = 0;
    for (let t = 0; t < 400; t++) {
      const graph = randomGraph(random);
      const hierarchy = buildHierarchy(graph, {
        maxContractDegree: random.int(1, 30),
        witnessSettleLimit: random.int(1, 50),
        simulationSettleLimit: random.int(1, 10),
      });
      if (hierarchy.coreCount > 0) cored++;
      const sets = randomSets(random, graph.nodeCount, random.int(1, 4));
      const result = sweepDistances(hierarchy, sets);
      sets.forEach((set, k) => {
        const expected = reference(graph, set);
        compared += expectSameDistances(
          expected.map((_, v) => labelOf(hierarchy, result, v, k)),
          expected,
          `graph ${t}, set ${k}`,
        );
      });
    }
    expect(compared).toBeGreaterThan(10_000);
    // Both paths of the query are exercised: fully contracted and with a core.
    expect(cored).toBeGreaterThan(20);
    expect(cored).toBeLessThan(400);
  }, 60_000);

  it('renumbers so that every up-arc points to an earlier position (one pass per sweep) and keeps a node ↔ position bijection', () => {
    const random = createRandom(7);
    for (let t = 0; t < 30; t++) {
      const graph = randomGraph(random);
      const h = buildHierarchy(graph);
      for (let p = 0; p < h.nodeCount; p++) {
        expect(h.positionOfNode[h.nodeAtPosition[p]]).toBe(p);
        for (let a = h.upOffsets[p]; a < h.upOffsets[p + 1]; a++) expect(h.upTargets[a]).toBeLessThan(p);
      }
      for (let p = 0; p < h.coreCount; p++) expect(h.upOffsets[p + 1] - h.upOffsets[p]).toBe(0);
    }
  });

  it('writes and reads the hierarchy file; refuses another network, another version and a cut-short file, naming the file', () => {
    const graph = randomGraph(createRandom(3));
    const h = buildHierarchy(graph);
    const hash = networkHash(graph);
    const bytes = writeHierarchyFile(h, hash);
    const back = readHierarchyFile(bytes, hash);
    expect(back.nodeCount).toBe(h.nodeCount);
    expect(back.coreCount).toBe(h.coreCount);
    expect(Array.from(back.upTargets)).toEqual(Array.from(h.upTargets));
    expect(Array.from(back.upMeters)).toEqual(Array.from(h.upMeters));
    expect(Array.from(back.coreMeters)).toEqual(Array.from(h.coreMeters));
    const sets = randomSets(createRandom(4), graph.nodeCount, 2);
    expect(Array.from(sweepDistances(back, sets).labels)).toEqual(Array.from(sweepDistances(h, sets).labels));

    const changed = { ...graph, lengthsMeters: graph.lengthsMeters.map((w, i) => (i === 0 ? w + 0.01 : w)) };
    expect(networkHash(changed)).not.toBe(hash);
    expect(() => readHierarchyFile(bytes, networkHash(changed), 'city/walk-hierarchy.bin')).toThrow(
      /city\/walk-hierarchy\.bin.*made for network/s,
    );
    expect(() => readHierarchyFile(bytes.subarray(0, bytes.length - 4), hash)).toThrow(DataError);
    // The same file with "version":2 in its header (same length, so only that byte changes).
    const v2 = bytes.slice();
    const marker = new TextEncoder().encode('"version":1');
    const at = v2.findIndex((_, i) => marker.every((b, j) => v2[i + j] === b));
    v2[at + marker.length - 1] = '2'.charCodeAt(0);
    expect(() => readHierarchyFile(v2, hash)).toThrow(/version 2/);
    // Any other bytes: a located DataError, never a TypeError.
    for (const junk of [
      new Uint8Array(0),
      Uint8Array.of(4, 0, 0, 0, 110, 117, 108, 108),
      new TextEncoder().encode('\u0002\u0000\u0000\u0000{}'),
    ])
      expect(() => readHierarchyFile(junk, hash, 'junk.bin')).toThrow(/junk\.bin/);
  });

  it('orders positions along a Hilbert curve (side 2: (0,0) (0,1) (1,1) (1,0))', () => {
    expect([hilbertIndex(2, 0, 0), hilbertIndex(2, 0, 1), hilbertIndex(2, 1, 1), hilbertIndex(2, 1, 0)]).toEqual([0, 1, 2, 3]);
    // Consecutive cells of a 16 × 16 curve are always grid neighbours.
    const cells = new Map<number, [number, number]>();
    for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) cells.set(hilbertIndex(16, x, y), [x, y]);
    for (let d = 1; d < 256; d++) {
      const [x0, y0] = cells.get(d - 1)!;
      const [x1, y1] = cells.get(d)!;
      expect(Math.abs(x1 - x0) + Math.abs(y1 - y0)).toBe(1);
    }
  });
});

describe('on the sample community 景和新村', () => {
  let graph: CsrGraph;
  beforeAll(async () => {
    const { loadSampleCommunity } = await import('../../support/samplePackage');
    const { buildWalkGraph } = await import('../../../../src/analysis/network/buildGraph');
    graph = buildWalkGraph((await loadSampleCommunity()).network);
  });

  it('gives the Dijkstra distances (to 1e-9 m) from 200 random source sets at every node', () => {
    const hierarchy = buildHierarchy(graph);
    expect(hierarchy.nodeCount).toBeGreaterThan(100);
    const random = createRandom(52);
    for (let round = 0; round < 20; round++) {
      const sets = randomSets(random, graph.nodeCount, 10);
      const result = sweepDistances(hierarchy, sets);
      sets.forEach((set, k) => {
        const expected = reference(graph, set);
        expectSameDistances(
          expected.map((_, v) => labelOf(hierarchy, result, v, k)),
          expected,
          `round ${round}, set ${k}`,
        );
      });
    }
  });
});

describe('preprocessing an imported network in a worker', () => {
  it('returns the hierarchy file for the network’s hash, with progress, across a structured-clone boundary', async () => {
    const { prepareWalkHierarchyAsync } = await import('../../../../src/analysis/network/hierarchy/prepareWalkHierarchyAsync');
    const { prepareWalkHierarchyTask } = await import('../../../../src/analysis/network/hierarchy/prepareWalkHierarchy');
    const { inProcessWorker } = await import('../../../../src/core/worker/inProcessWorker');
    const { buildWalkGraph, packLines } = await import('../../../../src/analysis/network/buildGraph');
    const { loadSampleCommunity } = await import('../../support/samplePackage');
    const network = (await loadSampleCommunity()).network;
    const progress: number[] = [];
    const prepared = await prepareWalkHierarchyAsync(
      { lines: packLines(network) },
      { createWorker: () => inProcessWorker(prepareWalkHierarchyTask), onProgress: (share) => progress.push(share) },
    );
    const hash = networkHash(buildWalkGraph(network));
    expect(prepared.networkHash).toBe(hash);
    expect(readHierarchyFile(prepared.file, hash).nodeCount).toBe(prepared.nodeCount);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((share) => share >= 0 && share <= 1)).toBe(true);
  });
});
