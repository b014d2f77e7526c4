import { describe, expect, it } from 'vitest';
import { buildWalkGraph, buildWalkGraphFromPacked, packLines, type WalkGraph } from '../../../../src/analysis/network/buildGraph';
import type { NetworkLine } from '../../../../src/core/model/types';
import { grid3x3, line, nodeAt } from '../localMeters';

/** Every arc a→b has its twin b→a of the same length, and offsets cover the arcs. */
function expectConsistentCsr(graph: WalkGraph) {
  expect(graph.offsets.length).toBe(graph.nodeCount + 1);
  expect(graph.offsets[graph.nodeCount]).toBe(2 * graph.edgeCount);
  for (let a = 0; a < graph.nodeCount; a++) {
    for (let arc = graph.offsets[a]; arc < graph.offsets[a + 1]; arc++) {
      const b = graph.targets[arc];
      let twins = 0;
      for (let back = graph.offsets[b]; back < graph.offsets[b + 1]; back++) {
        if (graph.targets[back] === a && graph.lengthsMeters[back] === graph.lengthsMeters[arc]) twins++;
      }
      expect(twins).toBe(1);
      expect(graph.edgeLengthsMeters[graph.arcEdge[arc]]).toBe(graph.lengthsMeters[arc]);
    }
  }
}

describe('buildWalkGraph', () => {
  it('joins 6 lines of a 3 × 3 grid at their shared vertices: 9 nodes, 12 edges of 100 m', () => {
    // 3 rows + 3 columns, each with 3 vertices: 18 vertices, 9 distinct → 9 merged.
    const graph = buildWalkGraph(grid3x3());
    expect(graph.nodeCount).toBe(9);
    expect(graph.edgeCount).toBe(12);
    expect(graph.stats.mergedVertices).toBe(9);
    for (const length of graph.edgeLengthsMeters) expect(Math.abs(length - 100)).toBeLessThan(0.01);
    expectConsistentCsr(graph);
    // The centre is a 4-way junction, corners have 2 neighbours.
    const centre = nodeAt(graph, 100, 100);
    expect(graph.offsets[centre + 1] - graph.offsets[centre]).toBe(4);
    const corner = nodeAt(graph, 0, 0);
    expect(graph.offsets[corner + 1] - graph.offsets[corner]).toBe(2);
  });

  it('splits a long line where another line shares its middle vertex (degree 4 there)', () => {
    const graph = buildWalkGraph([line([0, 0], [100, 0], [200, 0]), line([100, -50], [100, 0], [100, 50])]);
    expect(graph.nodeCount).toBe(5);
    expect(graph.edgeCount).toBe(4);
    const middle = nodeAt(graph, 100, 0);
    expect(graph.offsets[middle + 1] - graph.offsets[middle]).toBe(4);
  });

  it('keeps steps, footways and every other kind: the builder ignores kinds (all walkable, both ways)', () => {
    const network: NetworkLine[] = [
      { id: 'N1', kind: 'steps', coordinates: line([0, 0], [10, 0]).coordinates },
      { id: 'N2', kind: 'road', coordinates: line([10, 0], [20, 0]).coordinates },
    ];
    const graph = buildWalkGraph(network);
    expect(graph.edgeCount).toBe(2);
    expectConsistentCsr(graph);
  });

  it('drops zero-length segments from repeated vertices', () => {
    const graph = buildWalkGraph([line([0, 0], [0, 0], [50, 0], [50, 0.1])]);
    // [0,0]→[0,0] is one node; [50,0] and [50,0.1] are 0.1 m apart, within 0.5 m: one node.
    expect(graph.nodeCount).toBe(2);
    expect(graph.edgeCount).toBe(1);
    expect(graph.stats.zeroLengthSegmentsDropped).toBe(2);
  });

  it('merges duplicate lines into one edge', () => {
    const graph = buildWalkGraph([line([0, 0], [80, 0]), line([80, 0], [0, 0]), line([0, 0], [80, 0])]);
    expect(graph.edgeCount).toBe(1);
    expect(graph.stats.duplicateEdgesDropped).toBe(2);
    expect(Math.abs(graph.edgeLengthsMeters[0] - 80)).toBeLessThan(0.01);
  });

  it('snaps line ends 0.3 m apart with the default 0.5 m tolerance, not 0.6 m apart, and not with 0.2 m', () => {
    const near = [line([0, 0], [100, 0]), line([100.3, 0], [200, 0])];
    expect(buildWalkGraph(near).nodeCount).toBe(3);
    expect(buildWalkGraph(near, { snapToleranceMeters: 0.2 }).nodeCount).toBe(4);
    expect(buildWalkGraph([line([0, 0], [100, 0]), line([100, 0.6], [200, 0])]).nodeCount).toBe(4);
    // Tolerance 0: only identical coordinates join.
    expect(buildWalkGraph(near, { snapToleranceMeters: 0 }).nodeCount).toBe(4);
    expect(buildWalkGraph([line([0, 0], [100, 0]), line([100, 0], [200, 0])], { snapToleranceMeters: 0 }).nodeCount).toBe(3);
  });

  it('skips vertices that are not lon/lat and the segments touching them', () => {
    const bad = {
      coordinates: [...line([0, 0], [50, 0]).coordinates, [Number.NaN, 30] as [number, number], ...line([60, 0], [90, 0]).coordinates],
    };
    const graph = buildWalkGraph([bad]);
    expect(graph.stats.invalidVertices).toBe(1);
    expect(graph.edgeCount).toBe(2);
  });

  it('measures edges on the ellipsoid, not in the local frame: a 54,972.271 m edge (Flinders Peak – Buninyong)', () => {
    const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
    const graph = buildWalkGraph([
      {
        coordinates: [
          [dms(144, 25, 29.5244), -dms(37, 57, 3.7203)],
          [dms(143, 55, 35.3839), -dms(37, 39, 10.1561)],
        ],
      },
    ]);
    expect(graph.edgeLengthsMeters[0]).toBeCloseTo(54972.271, 3);
  });

  it('builds the same graph from packed lines, and an empty graph from nothing', () => {
    const lines = grid3x3();
    const packed = buildWalkGraphFromPacked(packLines(lines));
    expect(packed.edgeLengthsMeters).toEqual(buildWalkGraph(lines).edgeLengthsMeters);
    const empty = buildWalkGraph([]);
    expect([empty.nodeCount, empty.edgeCount, empty.offsets.length]).toEqual([0, 0, 1]);
  });

  it('rejects a negative tolerance', () => {
    expect(() => buildWalkGraph(grid3x3(), { snapToleranceMeters: -1 })).toThrow(RangeError);
  });
});
