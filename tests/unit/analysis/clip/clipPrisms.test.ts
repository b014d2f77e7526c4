import { describe, expect, it } from 'vitest';
import { boxHalfPlanes, clipPrisms, clipRingByHalfPlane, ringArea, verticalPlane } from '../../../../src/analysis/clip/clipPrisms';
import type { Prisms } from '../../../../src/analysis/sunlight/sunlightHours';

/** Prisms from open rings (local metres) and heights. */
function prismsOf(rings: [number, number][][], heights: number[]): Prisms {
  const ringStart = [0];
  const coords: number[] = [];
  for (const ring of rings) {
    for (const p of ring) coords.push(...p);
    ringStart.push(coords.length / 2);
  }
  return { ringStart: Int32Array.from(ringStart), coords: Float64Array.from(coords), heights: Float64Array.from(heights) };
}

// A 40 m × 12 m slab, long side east–west, south-west corner at the origin, 30 m high (10 storeys of 3 m).
const slab: [number, number][] = [
  [0, 0],
  [40, 0],
  [40, 12],
  [0, 12],
];
// An L-shaped block: a 20 × 20 square less its north-east 10 × 10 quarter (300 m²), 9 m high.
const ell: [number, number][] = [
  [100, 0],
  [120, 0],
  [120, 10],
  [110, 10],
  [110, 20],
  [100, 20],
];

describe('clipping a footprint by a half-plane', () => {
  it('keeps the side the normal points to, with the crossing points', () => {
    // Keep x ≥ 10 of the slab: a 30 × 12 rectangle.
    const kept = clipRingByHalfPlane(slab, { nx: 1, ny: 0, offsetMeters: 10 });
    expect(ringArea(kept)).toBeCloseTo(360, 9);
    expect(kept).toContainEqual([10, 0]);
    expect(kept).toContainEqual([10, 12]);
  });

  it('is exact for a concave footprint (the L) cut through both arms', () => {
    // y ≥ 5: the west arm above 5 (10 × 15) and the south-east arm's strip 5 ≤ y ≤ 10 (10 × 5) = 200 m².
    expect(ringArea(clipRingByHalfPlane(ell, { nx: 0, ny: 1, offsetMeters: 5 }))).toBeCloseTo(200, 9);
  });

  it('returns nothing when the ring is wholly on the removed side', () => {
    expect(clipRingByHalfPlane(slab, { nx: 1, ny: 0, offsetMeters: 50 })).toEqual([]);
  });
});

describe('clip and section of buildings', () => {
  const prisms = prismsOf([slab, ell], [30, 9]);

  it('a horizontal section at 10.5 m cuts only the slab, whose section is its whole footprint', () => {
    const clipped = clipPrisms(prisms, { halfPlanes: [], topMeters: 10.5 });
    expect(clipped.map((c) => [c.prism, c.cut, c.topMeters])).toEqual([
      [0, true, 10.5],
      [1, false, 9],
    ]);
    expect(clipped[0].sectionAreaM2).toBeCloseTo(40 * 12, 9);
    expect(clipped[1].sectionAreaM2).toBe(0);
  });

  it('a vertical plane across the slab at its middle, facing west, keeps its west half: the cut is its 12 m depth × 30 m', () => {
    const [piece] = clipPrisms(prisms, { halfPlanes: [verticalPlane([20, 6], 270)] });
    expect(piece.prism).toBe(0);
    expect(ringArea(piece.ring)).toBeCloseTo(20 * 12, 9);
    expect(Math.max(...piece.ring.map((p) => p[0]))).toBeCloseTo(20, 9);
    expect(piece.cutLengthMeters).toBeCloseTo(12, 9);
    expect(piece.cutFaceAreaM2).toBeCloseTo(12 * 30, 9);
    // The L lies east of the plane: gone.
    expect(clipPrisms(prisms, { halfPlanes: [verticalPlane([20, 6], 270)] })).toHaveLength(1);
  });

  it('a plane along the azimuth: facing north at y = 5 the L keeps 200 m² and one 20 m cut edge across both arms', () => {
    const piece = clipPrisms(prisms, { halfPlanes: [verticalPlane([0, 5], 0)] }).find((c) => c.prism === 1)!;
    expect(ringArea(piece.ring)).toBeCloseTo(200, 9);
    expect(piece.cutLengthMeters).toBeCloseTo(20, 9);
    expect(piece.cutFaceAreaM2).toBeCloseTo(20 * 9, 9);
  });

  it('a box keeps what is inside it, rotated boxes included; its floor and ceiling cut heights', () => {
    // 10 × 10 box (half sizes 5) at the slab's middle, heading 0: x 15…25, y 1…11 → 10 × 10 = 100 m² of the slab.
    const [inBox] = clipPrisms(prisms, { halfPlanes: boxHalfPlanes([20, 6], 0, 5, 5), bottomMeters: 3, topMeters: 12 });
    expect(inBox.prism).toBe(0);
    expect(ringArea(inBox.ring)).toBeCloseTo(100, 9);
    expect([inBox.baseMeters, inBox.topMeters, inBox.cut]).toEqual([3, 12, true]);
    // The box lies wholly within the slab's footprint: all four of its faces are cut faces, 4 × 10 m.
    expect(inBox.cutLengthMeters).toBeCloseTo(40, 9);
    // Heading 90° turns the box's length east: half length 5 along x, half width 5 along y — the same square.
    const [turned] = clipPrisms(prisms, { halfPlanes: boxHalfPlanes([20, 6], 90, 5, 5) });
    expect(ringArea(turned.ring)).toBeCloseTo(100, 9);
    // Heading 45°: a 10 × 10 square turned 45° around (20, 6) lies inside the 12 m deep slab only in part:
    // its corners reach 7.07 m north and south, past the slab's edges at 6 m, clipping two 1.07 m tips.
    const [diamond] = clipPrisms(prisms, { halfPlanes: boxHalfPlanes([20, 6], 45, 5, 5) });
    const tip = Math.SQRT2 * 5 - 6;
    expect(ringArea(diamond.ring)).toBeCloseTo(100 - 2 * tip * tip, 9);
  });

  it('leaves a building out when the box misses it and keeps it whole (not cut) when the box holds it', () => {
    const around = clipPrisms(prisms, { halfPlanes: boxHalfPlanes([110, 10], 0, 15, 15) });
    expect(around.map((c) => [c.prism, c.cut])).toEqual([[1, false]]);
    expect(around[0].cutLengthMeters).toBe(0);
  });
});
