import { describe, expect, it } from 'vitest';
import { pointInPolygon, ringCentroid } from '../../../../src/core/geo/polygon';
import type { LonLat, PolygonCoords } from '../../../../src/core/model/types';

/** A closed axis-aligned square ring from (west, south) to (east, north). */
const square = (west: number, south: number, east: number, north: number): LonLat[] => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

describe('pointInPolygon', () => {
  // 120.10–120.20 × 30.20–30.30 with a hole 120.14–120.16 × 30.24–30.26.
  const withHole: PolygonCoords = [square(120.1, 30.2, 120.2, 30.3), square(120.14, 30.24, 120.16, 30.26)];

  it('finds a point inside the exterior ring and outside its holes', () => {
    expect(pointInPolygon([120.12, 30.22], withHole)).toBe(true);
  });

  it('excludes points in a hole and points outside the exterior ring', () => {
    expect(pointInPolygon([120.15, 30.25], withHole)).toBe(false);
    expect(pointInPolygon([120.25, 30.25], withHole)).toBe(false);
    expect(pointInPolygon([120.15, 30.35], withHole)).toBe(false);
  });

  it('contains nothing in a polygon with no rings', () => {
    expect(pointInPolygon([120.15, 30.25], [])).toBe(false);
  });
});

describe('ringCentroid', () => {
  it('averages the exterior ring without counting the closing vertex twice', () => {
    // Vertices 120.1, 120.2, 120.2, 120.1 → lon 120.15; 30.2, 30.2, 30.3, 30.3 → lat 30.25.
    const [lon, lat] = ringCentroid([square(120.1, 30.2, 120.2, 30.3)]);
    expect(lon).toBeCloseTo(120.15, 12);
    expect(lat).toBeCloseTo(30.25, 12);
  });

  it('ignores holes', () => {
    const [lon, lat] = ringCentroid([square(120.1, 30.2, 120.2, 30.3), square(120.1, 30.2, 120.12, 30.22)]);
    expect(lon).toBeCloseTo(120.15, 12);
    expect(lat).toBeCloseTo(30.25, 12);
  });
});
