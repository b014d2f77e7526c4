import { describe, expect, it } from 'vitest';
import { prismBounds, type Prisms } from '../../../../src/analysis/sunlight/sunlightHours';
import { buildingsOverLimit } from '../../../../src/analysis/viewshed/heightLimit';
import { prismBlocks, sightBlocked } from '../../../../src/analysis/viewshed/lineOfSight';
import { computeSkyline } from '../../../../src/analysis/viewshed/skyline';
import { computeViewshed } from '../../../../src/analysis/viewshed/viewshed';

/** Axis-aligned boxes as prisms: [x0, y0, x1, y1, height] each, rings counter-clockwise. */
function boxes(...list: [number, number, number, number, number][]): Prisms {
  const ringStart = [0];
  const coords: number[] = [];
  for (const [x0, y0, x1, y1] of list) {
    coords.push(x0, y0, x1, y0, x1, y1, x0, y1);
    ringStart.push(coords.length / 2);
  }
  return { ringStart: Int32Array.from(ringStart), coords: Float64Array.from(coords), heights: Float64Array.from(list, (b) => b[4]) };
}

// A 10 m × 10 m block, 10 m high, 20–30 m east of an eye at 1.6 m.
const block = boxes([20, -5, 30, 5, 10]);

describe('lines of sight among prisms', () => {
  it('is blocked by a block between the eye and the ground behind it', () => {
    // At the near wall (x = 20, half way to x = 40) the line is at 1.6 + 0.5·(0.5 − 1.6) = 1.05 m < 10 m.
    expect(prismBlocks(block, 0, 0, 0, 1.6, 40, 0, 0.5)).toBe(true);
    expect(prismBlocks(block, 0, 0, 0, 1.6, 0, 40, 0.5)).toBe(false);
  });

  it('is blocked where the line, over the near roof edge, sinks below the roof before the far edge', () => {
    // From 30 m up to a point 40 m east: at x = 20 the line is at 30 − 0.5·29.5 = 15.25 m (over the roof),
    // at x = 30 at 30 − 0.75·29.5 = 7.875 m (under it): blocked at the far wall.
    expect(prismBlocks(block, 0, 0, 0, 30, 40, 0, 0.5)).toBe(true);
    // 60 m east: at x = 20 it is at 30 − (1/3)·29.5 = 20.17 m, at x = 30 at 15.25 m: clear of the roof.
    expect(prismBlocks(block, 0, 0, 0, 30, 60, 0, 0.5)).toBe(false);
  });

  it('skips prisms whose bounds miss the line and those lower than both ends', () => {
    const both = boxes([20, -5, 30, 5, 10], [-30, 50, -20, 60, 100]);
    expect(sightBlocked(both, prismBounds(both), 0, 0, 1.6, 40, 0, 0.5)).toBe(true);
    expect(sightBlocked(both, prismBounds(both), 0, 0, 11, 25, 0, 10.5)).toBe(false);
  });
});

describe('computeViewshed', () => {
  it('sees the whole west wall of a free-standing block, and nothing of its back walls', () => {
    const view = computeViewshed({ prisms: block, observer: { x: 0, y: 0, z: 1.6 }, radiusMeters: 100, cellMeters: 10 });
    // Only the west wall faces the eye: 10 m → 2 pieces × 3 heights = 6 samples, all seen.
    expect(view.samples[0]).toBe(6);
    expect(view.seenShare[0]).toBe(1);
  });

  it('sees a third of the block behind a 5 m wall: only the top row of samples clears it', () => {
    // Wall at x 10–12, 5 m high. Samples 0.3 m off the block's west wall (x = 19.7) at 1.5, 5 and 9.5 m:
    // at x = 10 (t = 10/19.7) the lines are at 1.55, 3.33 and 5.61 m; at x = 12 the top one is at 6.41 m > 5.
    const scene = boxes([20, -5, 30, 5, 10], [10, -20, 12, 20, 5]);
    const view = computeViewshed({ prisms: scene, observer: { x: 0, y: 0, z: 1.6 }, radiusMeters: 100, cellMeters: 10 });
    expect(view.samples[0]).toBe(6);
    expect(view.seen[0]).toBe(2);
    expect(view.seenShare[0]).toBeCloseTo(1 / 3, 12);
  });

  it('marks the ground behind the block hidden and the open ground seen', () => {
    const view = computeViewshed({ prisms: block, observer: { x: 0, y: 0, z: 1.6 }, radiusMeters: 50, cellMeters: 10 });
    const at = (x: number, y: number) => {
      for (let i = 0; i < view.cells.x.length; i++) if (view.cells.x[i] === x && view.cells.y[i] === y) return view.cells.seen[i];
      return undefined;
    };
    expect(at(40, 0)).toBe(0);
    expect(at(0, 40)).toBe(1);
    // 50 m east: at x = 20 the line is at 1.6 − 0.4·1.1 = 1.16 m, under the roof.
    expect(at(50, 0)).toBe(0);
    // Within 50 m: π·50² / 100 ≈ 78.5 cells in a disc; the lattice has 81 points within the radius, minus those in the footprint.
    expect(view.cells.x.length).toBeGreaterThan(70);
    expect(view.seenCellShare).toBeGreaterThan(0.8);
    expect(view.seenCellShare).toBeLessThan(1);
  });
});

describe('computeSkyline', () => {
  it('rises over the block to the angle of its near roof edge and is open elsewhere', () => {
    const sky = computeSkyline(block, { x: 0, y: 0, z: 1.6 }, 100, 1);
    expect(sky.elevationDeg).toHaveLength(360);
    // Due east the near roof edge is 20 m away and 8.4 m above the eye: atan(8.4 / 20) = 22.78°.
    expect(sky.elevationDeg[90]).toBeCloseTo((Math.atan(8.4 / 20) * 180) / Math.PI, 10);
    expect(sky.prism[90]).toBe(0);
    // At 80° the ray meets x = 20 after 20 / sin 80° = 20.31 m (y = 3.53 m, on the wall).
    expect(sky.elevationDeg[80]).toBeCloseTo((Math.atan(8.4 / (20 / Math.sin((80 * Math.PI) / 180))) * 180) / Math.PI, 10);
    // North and west are open; the block spans atan(5/20) = 14.04° either side of east, so 105° misses it.
    expect(sky.elevationDeg[0]).toBe(0);
    expect(sky.prism[270]).toBe(-1);
    expect(sky.prism[90 + 15]).toBe(-1);
  });

  it('ignores buildings beyond reach and those below the eye', () => {
    expect(computeSkyline(block, { x: 0, y: 0, z: 1.6 }, 15).prism[90]).toBe(-1);
    expect(computeSkyline(block, { x: 0, y: 0, z: 12 }, 100).prism[90]).toBe(-1);
  });
});

describe('buildingsOverLimit', () => {
  it('lists the buildings above the limit, largest excess first', () => {
    const over = buildingsOverLimit(
      [
        { id: 'a', heightMeters: 18 },
        { id: 'b', heightMeters: 36 },
        { id: 'c', heightMeters: 24 },
        { id: 'd', heightMeters: 24.1 },
      ],
      24,
    );
    expect(over.map((o) => [o.id, +o.excessMeters.toFixed(2)])).toEqual([
      ['b', 12],
      ['d', 0.1],
    ]);
  });
});
