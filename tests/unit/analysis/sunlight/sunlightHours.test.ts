import { describe, expect, it } from 'vitest';
import { sunPath } from '../../../../src/analysis/sunlight/solarPosition';
import { computeSunlightHours, type Prisms, type SunlightInput } from '../../../../src/analysis/sunlight/sunlightHours';

const HANGZHOU = { lon: 120.16, lat: 30.27 };

/** Rectangles [x0, y0, x1, y1, height] as prisms (counter-clockwise). */
function prisms(...boxes: [number, number, number, number, number][]): Prisms {
  const coords: number[] = [];
  const ringStart = [0];
  for (const [x0, y0, x1, y1] of boxes) {
    coords.push(x0, y0, x1, y0, x1, y1, x0, y1);
    ringStart.push(coords.length / 2);
  }
  return { ringStart: Int32Array.from(ringStart), coords: Float64Array.from(coords), heights: Float64Array.from(boxes.map((b) => b[4])) };
}

const dahan = sunPath('2027-01-20', HANGZHOU, { startHours: 8, endHours: 16, stepMinutes: 1 });
const rule = { minSegmentMinutes: 0, summing: 'cumulative' as const, sillHeightMeters: 0.9, pointSpacingMeters: 100 };

/** A one-storey 10 × 10 m house at the origin (south wall on y = 0) and the given obstacles; the hours of its south-wall point. */
function southWallHours(obstacles: [number, number, number, number, number][], overrides: Partial<SunlightInput> = {}) {
  const input: SunlightInput = {
    obstacles: prisms([-5, 0, 5, 10, 3], ...obstacles),
    assessed: Int32Array.of(0),
    floors: Int32Array.of(1),
    storeyHeights: Float64Array.of(3),
    sun: { directions: dahan.directions, tanElevation: dahan.tanElevation, stepMinutes: 1 },
    rule,
    ...overrides,
  };
  const result = computeSunlightHours(input);
  const south = [...result.facadeAzimuthDeg].findIndex((az, p) => Math.abs(az - 180) < 1e-6 && Math.abs(result.positions[3 * p]) < 0.5);
  expect(result.positions[3 * south]).toBeCloseTo(0, 9);
  expect(result.positions[3 * south + 2]).toBeCloseTo(0.9, 9);
  return { hours: result.hours[south], result };
}

describe('sunlight hours on façades', () => {
  it('a south-facing point with no obstacle gets the whole 08:00–16:00 window: 8 h', () => {
    expect(southWallHours([]).hours).toBe(8);
  });

  it('a north-facing point gets nothing on 大寒 (the sun stays south of east–west all window)', () => {
    const { result } = southWallHours([]);
    const north = [...result.facadeAzimuthDeg].findIndex((az) => Math.abs(az) < 1e-6 || Math.abs(az - 360) < 1e-6);
    expect(result.hours[north]).toBe(0);
  });

  // Hand check. A long east–west slab 20 m south of a south wall blocks the sun while the sun's profile
  // angle β (its elevation seen in the north–south plane) is below atan((H − z)/D): tan β = U / −N with
  // U = sin φ sin δ + cos φ cos δ cos h and −N = sin φ cos δ cos h − cos φ sin δ. Hangzhou φ = 30.27°,
  // 大寒 δ ≈ −20.2° (sin φ 0.5041, cos φ 0.8636, sin δ −0.3453, cos δ 0.9385):
  //   h = ±30°: U = −0.17407 + 0.70191 = 0.52784, −N = 0.40972 + 0.29820 = 0.70792 → tan β = 0.74563
  //   h = ±45°: U = −0.17407 + 0.57310 = 0.39903, −N = 0.33453 + 0.29820 = 0.63273 → tan β = 0.63065
  // So with (H − z)/D = 0.74563 the point is lit for |h| ≤ 30°, 10:00–14:00 true solar time, 4 h;
  // with 0.63065 for |h| ≤ 45°, 09:00–15:00, 6 h (±5 min for δ's change over the day and refraction).
  it('a slab of (H − z)/D = tan β(±30°) leaves 4 h, of tan β(±45°) 6 h (hand-computed profile angles)', () => {
    const slab = (ratio: number): [number, number, number, number, number] => [-300, -30, 300, -20, 0.9 + 20 * ratio];
    expect(southWallHours([slab(0.74563)]).hours).toBeGreaterThan(4 - 5 / 60);
    expect(southWallHours([slab(0.74563)]).hours).toBeLessThan(4 + 5 / 60);
    expect(southWallHours([slab(0.63065)]).hours).toBeGreaterThan(6 - 5 / 60);
    expect(southWallHours([slab(0.63065)]).hours).toBeLessThan(6 + 5 / 60);
  });

  it('agrees minute by minute with the closed-form slab criterion tan α / cos γ ≥ (H − z)/D on the same sun samples', () => {
    for (const [distance, height] of [
      [12, 9],
      [25, 18],
      [40, 30],
    ]) {
      let expected = 0;
      for (let k = 0; k < dahan.tanElevation.length; k++) {
        const [n, u] = [dahan.directions[3 * k + 1], dahan.directions[3 * k + 2]];
        if (u > 0 && n < 0 && u / -n >= (height - 0.9) / distance) expected++;
      }
      expect(southWallHours([[-500, -distance - 10, 500, -distance, height]]).hours * 60).toBeCloseTo(expected, 3);
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(480);
    }
  });

  it('a tower to the south-east takes the morning, not the afternoon', () => {
    const { result } = southWallHours([[-40, -50, -20, -30, 60]]);
    const south = [...result.facadeAzimuthDeg].findIndex((az) => Math.abs(az - 180) < 1e-6);
    expect(result.hours[south]).toBeLessThan(8);
    expect(result.hours[south]).toBeGreaterThan(4);
  });

  it('counts segments by the rule: shortest segment dropped, cumulative or longest', () => {
    // Synthetic sun: due south at 45°, below the horizon at chosen steps → lit runs of 3, 10, 6 minutes.
    const pattern = [1, 1, 1, 0, ...Array(10).fill(1), 0, 0, ...Array(6).fill(1)];
    const directions = new Float64Array(pattern.length * 3);
    const tanElevation = new Float64Array(pattern.length);
    pattern.forEach((lit, k) => {
      directions.set([0, -Math.SQRT1_2, lit ? Math.SQRT1_2 : -Math.SQRT1_2], 3 * k);
      tanElevation[k] = lit ? 1 : -1;
    });
    const sun = { directions, tanElevation, stepMinutes: 1 };
    const hoursWith = (minSegmentMinutes: number, summing: 'cumulative' | 'longest') =>
      southWallHours([], { sun, rule: { ...rule, minSegmentMinutes, summing } }).hours * 60;
    expect(hoursWith(0, 'cumulative')).toBeCloseTo(19, 3);
    expect(hoursWith(5, 'cumulative')).toBeCloseTo(16, 3);
    expect(hoursWith(7, 'cumulative')).toBeCloseTo(10, 3);
    expect(hoursWith(0, 'longest')).toBeCloseTo(10, 3);
  });

  it('samples every floor at sill height and every wall at the spacing', () => {
    const { result } = southWallHours([], {
      floors: Int32Array.of(3),
      storeyHeights: Float64Array.of(3),
      obstacles: prisms([-5, 0, 5, 10, 9]),
      rule: { ...rule, pointSpacingMeters: 2 },
    });
    // 4 walls of 10 m at ≤ 2 m → 5 points each, on 3 floors.
    expect(result.stats.points).toBe(60);
    expect(new Set(Array.from({ length: 60 }, (_, p) => result.positions[3 * p + 2].toFixed(2)))).toEqual(
      new Set(['0.90', '3.90', '6.90']),
    );
  });
});
