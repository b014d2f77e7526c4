import { describe, expect, it } from 'vitest';
import { isEmptyBounds, lonLatBounds } from '../../../../src/core/geo/bounds';

describe('lonLatBounds', () => {
  it('gives west, east, south and north of the points in any order', () => {
    const b = lonLatBounds([
      [120.2, 30.3],
      [120.1, 30.4],
      [120.15, 30.25],
    ]);
    expect(b).toEqual({ west: 120.1, east: 120.2, south: 30.25, north: 30.4 });
    expect(isEmptyBounds(b)).toBe(false);
  });

  it('reads any iterable and treats one point as a box of no size', () => {
    function* one(): Generator<[number, number]> {
      yield [120, 30];
    }
    const b = lonLatBounds(one());
    expect(b).toEqual({ west: 120, east: 120, south: 30, north: 30 });
    expect(isEmptyBounds(b)).toBe(false);
  });

  it('marks no points as empty', () => {
    expect(isEmptyBounds(lonLatBounds([]))).toBe(true);
  });
});
