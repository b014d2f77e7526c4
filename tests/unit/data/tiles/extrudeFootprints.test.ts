import { describe, expect, it } from 'vitest';
import type { LocalFrame } from '../../../../src/core/geo/localFrame';
import type { LonLat } from '../../../../src/core/model/types';
import { extrudeFootprints } from '../../../../src/data/tiles/extrudeFootprints';

/** Coordinates taken as metres as they are, so every expected vertex can be written by hand. */
const metres: LocalFrame = {
  origin: [0, 0],
  metersPerDegreeLon: 1,
  metersPerDegreeLat: 1,
  toLonLat: (e, n) => [e, n],
  toLocal: ([e, n]) => [e, n],
};
const closed = (ring: LonLat[]) => [...ring, ring[0]];
const triple = (a: Float32Array, i: number) => [a[3 * i], a[3 * i + 1], a[3 * i + 2]];

describe('extrudeFootprints', () => {
  it('extrudes a 10 m × 4 m rectangle 6 m tall from 2 m up: 4 walls of 4 vertices with outward normals, a 2-triangle roof facing up', () => {
    // Clockwise on purpose: the exterior is turned counter-clockwise.
    const mesh = extrudeFootprints(
      [
        {
          footprint: [
            closed([
              [0, 0],
              [0, 4],
              [10, 4],
              [10, 0],
            ]),
          ],
          heightMeters: 6,
          baseMeters: 2,
        },
      ],
      metres,
    );
    expect(mesh.positions.length).toBe(3 * 20);
    expect(mesh.indices.length).toBe(4 * 6 + 2 * 3);
    expect([...mesh.batchIds]).toEqual(Array(20).fill(0));
    // Reversed: (10,0) (10,4) (0,4) (0,0). The first wall, (10,0) → (10,4), faces east; then north, west, south.
    expect([0, 1, 2, 3].map((i) => triple(mesh.positions, i))).toEqual([
      [10, 2, -0],
      [10, 2, -4],
      [10, 8, -4],
      [10, 8, -0],
    ]);
    expect([0, 4, 8, 12].map((i) => triple(mesh.normals, i))).toEqual([
      [1, 0, 0],
      [0, 0, -1],
      [-1, 0, 0],
      [0, 0, 1],
    ]);
    expect([...mesh.indices.slice(0, 6)]).toEqual([0, 1, 2, 0, 2, 3]);
    // Roof: vertices 16–19 at 8 m, normal up; both triangles counter-clockwise seen from above.
    expect(triple(mesh.positions, 16)).toEqual([10, 8, -0]);
    expect(triple(mesh.normals, 16)).toEqual([0, 1, -0]);
    const roof = [...mesh.indices.slice(24)];
    expect(roof.every((i) => i >= 16 && i < 20)).toBe(true);
    for (let t = 0; t < roof.length; t += 3) {
      const [a, b, c] = [roof[t], roof[t + 1], roof[t + 2]].map((i) => triple(mesh.positions, i));
      // Up component of (b − a) × (c − a) in x = east, z = south: positive when it faces up.
      expect((c[0] - a[0]) * (b[2] - a[2]) - (b[0] - a[0]) * (c[2] - a[2])).toBeGreaterThan(0);
    }
    expect(mesh.min).toEqual([0, 2, -4]);
    expect(mesh.max).toEqual([10, 8, -0]);
  });

  it('walls a courtyard, skips a repeated vertex, numbers each building, and triangulates a roof with a hole into n + 2h − 2 triangles', () => {
    const outer = closed([
      [0, 0],
      [10, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
    const hole = closed([
      [3, 3],
      [7, 3],
      [7, 7],
      [3, 7],
    ]);
    const mesh = extrudeFootprints(
      [
        {
          footprint: [
            closed([
              [20, 0],
              [21, 0],
              [21, 1],
            ]),
          ],
          heightMeters: 3,
        },
        { footprint: [outer, hole], heightMeters: 3 },
      ],
      metres,
    );
    // Triangle: 3 walls + 3 roof vertices; courtyard: (4 + 4) walls + 9 roof vertices (the repeat stays on the roof).
    const first = 3 * 4 + 3;
    expect(mesh.batchIds.length).toBe(first + 8 * 4 + 9);
    expect([...mesh.batchIds.slice(0, first)]).toEqual(Array(first).fill(0));
    expect([...mesh.batchIds.slice(first)]).toEqual(Array(8 * 4 + 9).fill(1));
    // Indices: triangle 3 walls + 1 roof; courtyard 8 walls + at most 9 + 2 − 2 roof triangles.
    const roofTriangles = (mesh.indices.length - 3 * 6 - 3 - 8 * 6) / 3;
    expect(roofTriangles).toBeGreaterThanOrEqual(8);
    expect(roofTriangles).toBeLessThanOrEqual(9);
    // The hole, reversed to clockwise: its first wall, (3,7) → (7,7), faces south into the courtyard.
    const holeWall = first + 4 * 4;
    expect(triple(mesh.positions, holeWall)).toEqual([3, 0, -7]);
    expect(triple(mesh.normals, holeWall)).toEqual([0, 0, 1]);
  });
});
