import { describe, expect, it } from 'vitest';
import { createLocalFrame, polygonAreaM2 } from '../../../../src/core/geo/localFrame';
import {
  densifyGeodesic,
  ellipsoidAreaM2,
  geodesicDistanceM,
  groundDistanceM,
  pathLength3dM,
  polylineLengthM,
  slantDistanceM,
  surfaceAreaM2,
} from '../../../../src/core/geo/measure';
import type { LonLat } from '../../../../src/core/model/types';

// The sample community's origin in 上城区, Hangzhou.
const ORIGIN: LonLat = [120.18, 30.25];
const frame = createLocalFrame(ORIGIN);
const at = (east: number, north: number): LonLat => frame.toLonLat(east, north);
const flat = () => 0;

describe('geodesicDistanceM', () => {
  it('gives one degree along the equator as a·π/180 (the equator is a geodesic for short spans)', () => {
    // 6378137 × π / 180 = 111 319.490 793 m
    expect(geodesicDistanceM([0, 0], [1, 0])).toBeCloseTo(111319.490793, 4);
  });

  it('gives one degree along the meridian from the equator as the tabulated 110 574.389 m', () => {
    // Meridian arc 0°–1° on WGS84 (e.g. NGA's length-of-a-degree tables: 110 574.39 m).
    expect(geodesicDistanceM([0, 0], [0, 1])).toBeCloseTo(110574.389, 2);
  });

  it('gives a 300 m east, 400 m north offset in Hangzhou as 500 m (3-4-5), heights ignored', () => {
    const a: [number, number, number] = [...at(0, 0), 0];
    const b: [number, number, number] = [...at(300, 400), 80];
    expect(geodesicDistanceM(a, b)).toBeCloseTo(500, 2);
  });

  it('sums a polyline segment by segment', () => {
    expect(polylineLengthM([at(0, 0), at(300, 0), at(300, 400)])).toBeCloseTo(700, 2);
    expect(polylineLengthM([at(0, 0)])).toBe(0);
  });
});

describe('slantDistanceM', () => {
  it('is the height difference straight up and the 3-4-5 hypotenuse on a slant', () => {
    expect(slantDistanceM([...ORIGIN, 0], [...ORIGIN, 30])).toBeCloseTo(30, 6);
    // 40 m east, 30 m up: 50 m (the tangent plane's drop over 40 m is 0.1 mm).
    expect(slantDistanceM([...at(0, 0), 0], [...at(40, 0), 30])).toBeCloseTo(50, 3);
    expect(
      pathLength3dM([
        [...at(0, 0), 0],
        [...at(40, 0), 30],
        [...at(40, 0), 0],
      ]),
    ).toBeCloseTo(80, 3);
  });
});

describe('densifyGeodesic and groundDistanceM', () => {
  it('keeps both ends and spaces samples no farther apart than the step', () => {
    const points = densifyGeodesic(at(0, 0), at(100, 0), 7);
    expect(points[0]).toEqual(at(0, 0));
    expect(points.at(-1)).toEqual(at(100, 0));
    expect(points).toHaveLength(Math.ceil(100 / 7) + 1);
    for (let i = 1; i < points.length; i++) expect(geodesicDistanceM(points[i - 1], points[i])).toBeLessThanOrEqual(7 + 1e-9);
    expect(() => densifyGeodesic(at(0, 0), at(1, 0), 0)).toThrow(RangeError);
  });

  it('equals the geodesic on flat ground and the slope length on a ramp', () => {
    expect(groundDistanceM(at(0, 0), at(400, 0), flat)).toBeCloseTo(400, 2);
    // A ramp rising 3 m per 4 m east: 400 m east climbs 300 m, 500 m along the ground.
    const ramp = (lon: number, lat: number) => (frame.toLocal([lon, lat])[0] * 3) / 4;
    expect(groundDistanceM(at(0, 0), at(400, 0), ramp)).toBeCloseTo(500, 1);
    // A ridge: up 30 m over 40 m and down again, 2 × 50 m against 80 m straight.
    const ridge = (lon: number, lat: number) => 30 - Math.abs(frame.toLocal([lon, lat])[0] - 40) * 0.75;
    // A crest between two samples is cut short by under a quarter of a step: 0.1 m steps, within 5 cm.
    expect(groundDistanceM(at(0, 0), at(80, 0), ridge, 0.1)).toBeCloseTo(100, 1);
    expect(groundDistanceM(at(0, 0), at(80, 0), ridge, 1)).toBeLessThan(100);
  });
});

describe('ellipsoidAreaM2 and surfaceAreaM2', () => {
  const square = [at(0, 0), at(100, 0), at(100, 100), at(0, 100)];

  it('gives a 100 m square 10 000 m², open or closed, either winding', () => {
    expect(ellipsoidAreaM2(square)).toBeCloseTo(10000, 0);
    expect(ellipsoidAreaM2([...square, square[0]])).toBeCloseTo(ellipsoidAreaM2(square), 6);
    expect(ellipsoidAreaM2([...square].reverse())).toBeCloseTo(ellipsoidAreaM2(square), 6);
    expect(ellipsoidAreaM2(square.slice(0, 2))).toBe(0);
  });

  it('agrees with the local-frame area of an L-shaped block (an independent planar computation)', () => {
    const l = [at(0, 0), at(60, 0), at(60, 20), at(20, 20), at(20, 50), at(0, 50)];
    // 60 × 20 + 20 × 30 = 1 800 m² by hand.
    expect(ellipsoidAreaM2(l)).toBeCloseTo(1800, 0);
    expect(ellipsoidAreaM2(l)).toBeCloseTo(polygonAreaM2([[...l, l[0]]]), 1);
  });

  it('gives the horizontal area on flat ground and area / cos θ on a slope of angle θ', () => {
    expect(surfaceAreaM2(square, flat)).toBeCloseTo(10000, 0);
    const tan30 = Math.tan(Math.PI / 6);
    const slope = (lon: number, lat: number) => frame.toLocal([lon, lat])[0] * tan30;
    // 10 000 / cos 30° = 11 547.005 m²
    expect(surfaceAreaM2(square, slope)).toBeCloseTo(11547.005, 0);
  });

  it('follows a folded, roof-like surface', () => {
    // A ridge along north at east = 50, rising 50 m: two 45° faces of 100 m × 50√2 m → 14 142.1 m².
    const ridge = (lon: number, lat: number) => 50 - Math.abs(frame.toLocal([lon, lat])[0] - 50);
    expect(surfaceAreaM2(square, ridge, 2)).toBeCloseTo(14142.14, 0);
    expect(() => surfaceAreaM2(square, flat, -1)).toThrow(RangeError);
  });
});
