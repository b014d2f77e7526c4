import { describe, expect, it } from 'vitest';
import { attachPoints } from '../../../../src/analysis/network/attachPoints';
import { buildWalkGraph } from '../../../../src/analysis/network/buildGraph';
import { buildEdgeGridIndex, createNearestEdgeSearch } from '../../../../src/analysis/network/edgeIndex';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import { createRandom } from '../../../../src/core/random';
import { at, frame, line, lonLats, nodeAt } from '../localMeters';

const near = (actual: number, expected: number, toleranceMeters = 0.01) =>
  expect(Math.abs(actual - expected)).toBeLessThan(toleranceMeters);

describe('attachPoints', () => {
  it('projects a point onto the middle of an edge; the connector counts in both links', () => {
    // One 200 m edge west→east; the point is 30 m north of x = 50:
    // fraction 50/200 = 0.25, connector 30, to start 50 + 30 = 80, to end 150 + 30 = 180.
    const graph = buildWalkGraph([line([0, 0], [200, 0])]);
    const p = attachPoints(graph, lonLats([50, 30]));
    const start = graph.edgeNodes[0] === nodeAt(graph, 0, 0);
    expect(p.edge[0]).toBe(0);
    near(start ? p.fraction[0] : 1 - p.fraction[0], 0.25, 1e-6);
    near(p.connectorMeters[0], 30);
    near(start ? p.toStartMeters[0] : p.toEndMeters[0], 80);
    near(start ? p.toEndMeters[0] : p.toStartMeters[0], 180);
    const [qx, qy] = frame.toLocal([p.projectedLonLat[0], p.projectedLonLat[1]]);
    near(qx, 50);
    near(qy, 0);
  });

  it('takes the nearest EDGE, not the nearest vertex', () => {
    // A long edge (0,0)–(400,0) and a spur (200,90)–(200,300). The point (200,40) is 50 m from the
    // spur's end vertex, the nearest vertex of all, but only 40 m from the long edge.
    const graph = buildWalkGraph([line([0, 0], [400, 0]), line([200, 90], [200, 300])]);
    const p = attachPoints(graph, lonLats([200, 40]));
    const a = graph.edgeNodes[2 * p.edge[0]];
    const b = graph.edgeNodes[2 * p.edge[0] + 1];
    expect([a, b].sort()).toEqual([nodeAt(graph, 0, 0), nodeAt(graph, 400, 0)].sort());
    near(p.connectorMeters[0], 40);
  });

  it('reports points beyond maxSnapMeters (default 500 m) as unreachable, with the reason', () => {
    const graph = buildWalkGraph([line([0, 0], [100, 0])]);
    const points = lonLats([50, 600], [50, 499]);
    const p = attachPoints(graph, points);
    expect(p.edge[0]).toBe(-1);
    expect(p.toStartMeters[0]).toBe(Infinity);
    expect(p.unreachable).toEqual([{ index: 0, reason: 'no walkable network edge within 500 m' }]);
    near(p.connectorMeters[1], 499);
    expect(attachPoints(graph, points, { maxSnapMeters: 1000 }).unreachable).toEqual([]);
  });

  it('reports bad positions and an empty network as unreachable', () => {
    const graph = buildWalkGraph([line([0, 0], [100, 0])]);
    expect(attachPoints(graph, Float64Array.from([Number.NaN, 30])).unreachable[0].reason).toMatch(/longitude, latitude/);
    const empty = attachPoints(buildWalkGraph([]), lonLats([0, 0]));
    expect(empty.unreachable[0].reason).toMatch(/no edges/);
  });

  it('finds the same nearest edge as a brute-force scan on 20 seeded random networks', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = createRandom(seed);
      const lines = Array.from({ length: 40 }, () => {
        const x = random.range(-800, 800);
        const y = random.range(-800, 800);
        return line([x, y], [x + random.range(-150, 150), y + random.range(-150, 150)]);
      });
      const graph = buildWalkGraph(lines);
      const index = buildEdgeGridIndex(graph, { cellSizeMeters: random.range(15, 120) });
      const nearest = createNearestEdgeSearch(graph, index);
      for (let k = 0; k < 30; k++) {
        const [lon, lat] = at(random.range(-1000, 1000), random.range(-1000, 1000));
        const hit = nearest(lon, lat, 300);
        // Brute force in the index's local frame (at the graph's data centre).
        const local = createLocalFrame(graph.originLonLat);
        let best = Infinity;
        const [px, py] = local.toLocal([lon, lat]);
        for (let e = 0; e < graph.edgeCount; e++) {
          const [ax, ay] = local.toLocal([graph.nodeLonLat[2 * graph.edgeNodes[2 * e]], graph.nodeLonLat[2 * graph.edgeNodes[2 * e] + 1]]);
          const [bx, by] = local.toLocal([
            graph.nodeLonLat[2 * graph.edgeNodes[2 * e + 1]],
            graph.nodeLonLat[2 * graph.edgeNodes[2 * e + 1] + 1],
          ]);
          const dx = bx - ax;
          const dy = by - ay;
          const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
          best = Math.min(best, Math.hypot(ax + t * dx - px, ay + t * dy - py));
        }
        if (best > 300) expect(hit).toBeNull();
        else expect(Math.abs(hit!.planarDistanceMeters - best)).toBeLessThan(1e-6);
      }
    }
  });
});
