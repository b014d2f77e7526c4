import { describe, expect, it } from 'vitest';
import { createLocalFrame, polygonAreaM2 } from '../../../../src/core/geo/localFrame';

describe('createLocalFrame', () => {
  it('uses the WGS84 radii of curvature: at 30°N one degree is 110,852 m of latitude and 96,486 m of longitude', () => {
    // Reference values: standard tables of the length of a degree on the WGS84 ellipsoid at 30°.
    const frame = createLocalFrame([120, 30]);
    expect(frame.metersPerDegreeLat).toBeCloseTo(110852.4, 0);
    expect(frame.metersPerDegreeLon).toBeCloseTo(96486.3, 0);
  });

  it('round-trips local metres and lon/lat', () => {
    const frame = createLocalFrame([120.1805, 30.269]);
    const [lon, lat] = frame.toLonLat(321.5, -154.25);
    const [east, north] = frame.toLocal([lon, lat]);
    expect(east).toBeCloseTo(321.5, 6);
    expect(north).toBeCloseTo(-154.25, 6);
  });
});

describe('polygonAreaM2', () => {
  it('gives 100 m × 50 m = 5,000 m² minus a 10 m × 10 m hole = 4,900 m²', () => {
    const frame = createLocalFrame([120.18, 30.27]);
    const ring = (points: [number, number][]) => points.map(([e, n]) => frame.toLonLat(e, n));
    const outer = ring([
      [0, 0],
      [100, 0],
      [100, 50],
      [0, 50],
      [0, 0],
    ]);
    const hole = ring([
      [10, 10],
      [10, 20],
      [20, 20],
      [20, 10],
      [10, 10],
    ]);
    expect(polygonAreaM2([outer])).toBeCloseTo(5000, 1);
    expect(polygonAreaM2([outer, hole])).toBeCloseTo(4900, 1);
  });
});
