import { describe, expect, it } from 'vitest';
import { aggregateToGrid, classOf, equalIntervalBreaks, type AggregationInput } from '../../../../src/analysis/aggregate/gridAggregation';
import { createLocalFrame, polygonAreaM2 } from '../../../../src/core/geo/localFrame';
import type { LonLat } from '../../../../src/core/model/types';

const ORIGIN: LonLat = [120.18, 30.25];
const frame = createLocalFrame(ORIGIN);
const at = (east: number, north: number): LonLat => frame.toLonLat(east, north);
const building = (east: number, north: number, elderly: number, residents: number): AggregationInput => ({
  position: at(east, north),
  numerator: elderly,
  denominator: residents,
  count: residents,
});

describe('aggregateToGrid on squares', () => {
  const inputs = [building(10, 10, 3, 10), building(90, 40, 9, 30), building(150, 20, 2, 4), building(-10, 5, 0, 0)];
  const cells = aggregateToGrid(inputs, { shape: 'square', sizeMeters: 100, origin: ORIGIN, suppressSmallCells: true });
  const byKey = new Map(cells.map((c) => [c.key, c]));

  it('pools buildings of a cell as Σ elderly / Σ residents, not as a mean of shares', () => {
    // Cell (0,0): (3 + 9) / (10 + 30) = 0.30 (the mean of 0.3 and 0.3 agrees here; see the next cell).
    expect(byKey.get('0,0')).toMatchObject({ value: 0.3, inputs: 2, count: 40, suppressed: false });
    expect(cells).toHaveLength(3);
  });

  it('suppresses a cell counting fewer than 5 people, and gives no value where nobody lives', () => {
    expect(byKey.get('1,0')).toMatchObject({ value: null, count: 0, suppressed: true, inputs: 1 });
    // West of the origin: column -1. Nobody lives there: suppressed (0 < 5), no value.
    expect(byKey.get('-1,0')).toMatchObject({ value: null, suppressed: true });
  });

  it('draws each square as a closed 100 m × 100 m ring anchored at the origin', () => {
    const ring = byKey.get('1,0')!.ring;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    const [x0, y0] = frame.toLocal(ring[0]);
    expect(x0).toBeCloseTo(100, 6);
    expect(y0).toBeCloseTo(0, 6);
    expect(polygonAreaM2([ring])).toBeCloseTo(10000, 1);
  });

  it('keeps small cells when the values are not person-derived, and refuses a size of 0', () => {
    const open = aggregateToGrid(inputs, { shape: 'square', sizeMeters: 100, origin: ORIGIN, suppressSmallCells: false });
    expect(open.find((c) => c.key === '1,0')).toMatchObject({ value: 0.5, count: 4, suppressed: false });
    expect(() => aggregateToGrid(inputs, { shape: 'square', sizeMeters: 0, origin: ORIGIN, suppressSmallCells: false })).toThrow(
      RangeError,
    );
  });
});

describe('aggregateToGrid on hexagons', () => {
  const width = 100; // across the flats; circumradius 100/√3 = 57.735 m
  const cellsOf = (...points: [number, number][]) =>
    aggregateToGrid(
      points.map(([e, n]) => building(e, n, 1, 5)),
      { shape: 'hexagon', sizeMeters: width, origin: ORIGIN, suppressSmallCells: false },
    );

  it('centres hexagon 0,0 on the origin, with the neighbour one width east', () => {
    // 49 m east is inside the centre hexagon (its flats are 50 m away); 51 m east is in the neighbour 1,0.
    expect(cellsOf([0, 0], [49, 0]).map((c) => c.key)).toEqual(['0,0']);
    expect(cellsOf([51, 0]).map((c) => c.key)).toEqual(['1,0']);
    // Straight north, the pointy top is at R = 57.7 m: 55 m is still inside, 60 m is in the row above (0,1) or (-1,1).
    expect(cellsOf([0, 55])[0].key).toBe('0,0');
    expect(['0,1', '-1,1']).toContain(cellsOf([0, 60])[0].key);
  });

  it('outlines a regular hexagon of area √3/2 × width² (8 660.25 m² for 100 m)', () => {
    const [cell] = cellsOf([0, 0]);
    expect(cell.ring).toHaveLength(7);
    expect(polygonAreaM2([cell.ring])).toBeCloseTo((Math.sqrt(3) / 2) * width * width, 0);
    for (const corner of cell.ring) expect(Math.hypot(...frame.toLocal(corner))).toBeCloseTo(width / Math.sqrt(3), 6);
  });
});

describe('equalIntervalBreaks and classOf', () => {
  it('splits 0–1 in five equal classes and classes values by upper bound', () => {
    expect(equalIntervalBreaks([0, 0.5, 1], 5).map((b) => Number(b.toFixed(6)))).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    const breaks = equalIntervalBreaks([0, 1], 5);
    expect(classOf(0, breaks)).toBe(0);
    expect(classOf(0.2, breaks)).toBe(0);
    expect(classOf(0.21, breaks)).toBe(1);
    expect(classOf(1, breaks)).toBe(4);
    expect(equalIntervalBreaks([], 5)).toEqual([]);
    expect(equalIntervalBreaks([3, 3], 5)).toEqual([3]);
  });
});
