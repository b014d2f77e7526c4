import { describe, expect, it } from 'vitest';
import type { LonLat, PolygonCoords } from '../../../../src/core/model/types';
import type { TiledBuilding } from '../../../../src/data/tiles/buildingGlb';
import { coarseBuildings, coarseFootprint, convexHull, MAX_COARSE_VERTICES } from '../../../../src/data/tiles/coarseBuildings';

const building = (id: string, parts: PolygonCoords[], heightMeters: number): TiledBuilding => ({
  id,
  parts,
  heightMeters,
  attributes: { district: 'xihu' },
});
const square = (x: number, y: number, side: number): LonLat[] => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
  [x, y],
];

describe('coarseBuildings: what an inner city tile draws from afar', () => {
  it('convexHull: the hull of an L-shape drops its re-entrant corner, counter-clockwise and closed', () => {
    const l: LonLat[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    expect(convexHull(l)).toEqual([
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 2],
      [0, 2],
      [0, 0],
    ]);
  });

  it('coarseFootprint: a simple ring stays; a round tower becomes ≤ 8 of its own vertices; holes and smaller parts go', () => {
    const simple = [square(120, 30, 0.001)];
    expect(coarseFootprint([simple])).toEqual(simple);
    const circle: LonLat[] = Array.from({ length: 33 }, (_, i) => [
      120 + 0.001 * Math.cos((i * 2 * Math.PI) / 32),
      30 + 0.001 * Math.sin((i * 2 * Math.PI) / 32),
    ]);
    circle[32] = circle[0];
    const [ring] = coarseFootprint([[circle]]);
    expect(ring.length - 1).toBe(MAX_COARSE_VERTICES);
    expect(ring[0]).toEqual(ring.at(-1));
    for (const p of ring) expect(circle.some((q) => q[0] === p[0] && q[1] === p[1])).toBe(true);
    const withHole = [square(120, 30, 0.002), square(120.0005, 30.0005, 0.0005)];
    const small = [square(121, 30, 0.0001)];
    expect(coarseFootprint([small, withHole])).toEqual([withHole[0]]);
  });

  it('keeps the max largest by volume (area × height), largest first, ids and attributes kept; equal volumes ordered by id', () => {
    const buildings = [
      building('low-big', [[square(120, 30, 0.002)]], 10), // 4 area units × 10 = 40
      building('tall-small', [[square(120.01, 30, 0.001)]], 30), // 1 × 30 = 30
      building('b-tiny', [[square(120.02, 30, 0.0005)]], 20), // 0.25 × 20 = 5
      building('a-tiny', [[square(120.02, 30, 0.0005)]], 20), // 5, the same footprint
    ];
    expect(coarseBuildings(buildings, 3).map((b) => b.id)).toEqual(['low-big', 'tall-small', 'a-tiny']);
    expect(coarseBuildings(buildings, 10)[0].attributes.district).toBe('xihu');
    // The top of a union is the top of the parts' tops: a parent made from its children's selections.
    const top = coarseBuildings(buildings, 2);
    expect(coarseBuildings([...coarseBuildings(buildings.slice(0, 2), 2), ...coarseBuildings(buildings.slice(2), 2)], 2)).toEqual(top);
  });
});
