import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import { snapToSolids, type SnapSolid } from '../../../../src/core/geo/snap';
import type { LonLat } from '../../../../src/core/model/types';

const frame = createLocalFrame([120.18, 30.25]);
const at = (east: number, north: number): LonLat => frame.toLonLat(east, north);
const local = (p: readonly number[]) => frame.toLocal([p[0], p[1]]);

// A 20 m × 10 m slab block, 30 m high, its south-west corner at the origin.
const block: SnapSolid = {
  id: 'B1',
  ring: [at(0, 0), at(20, 0), at(20, 10), at(0, 10), at(0, 0)],
  baseHeightMeters: 0,
  roofHeightMeters: 30,
};
const far: SnapSolid = { id: 'B2', ring: [at(500, 500), at(510, 500), at(510, 510)], baseHeightMeters: 0, roofHeightMeters: 9 };

describe('snapToSolids', () => {
  it('snaps a click 0.6 m from a roof corner exactly onto the corner', () => {
    const snapped = snapToSolids([...at(19.6, 9.7), 29.8], [far, block], 1.5);
    expect(snapped.kind).toBe('vertex');
    expect(snapped.solidId).toBe('B1');
    const [e, n] = local(snapped.position);
    expect(e).toBeCloseTo(20, 6);
    expect(n).toBeCloseTo(10, 6);
    expect(snapped.position[2]).toBe(30);
    // √(0.4² + 0.3² + 0.2²) = 0.539 m
    expect(snapped.distanceMeters).toBeCloseTo(0.5385, 3);
  });

  it('snaps a click near the middle of a roof edge onto that edge', () => {
    const snapped = snapToSolids([...at(8, 9.4), 30], [block], 1.5);
    expect(snapped.kind).toBe('edge');
    const [e, n] = local(snapped.position);
    expect(e).toBeCloseTo(8, 6);
    expect(n).toBeCloseTo(10, 6);
    expect(snapped.position[2]).toBeCloseTo(30, 9);
  });

  it('snaps to a vertical corner edge and to a base corner at the ground', () => {
    const up = snapToSolids([...at(20.5, -0.4), 12], [block], 1.5);
    expect(up.kind).toBe('edge');
    expect(local(up.position)[0]).toBeCloseTo(20, 6);
    expect(up.position[2]).toBeCloseTo(12, 9);
    const base = snapToSolids([...at(-0.3, 0.2), 0.1], [block], 1.5);
    expect(base.kind).toBe('vertex');
    expect(base.position[2]).toBe(0);
  });

  it('leaves a point beyond the tolerance (or with no tolerance) where it was', () => {
    const point: [number, number, number] = [...at(10, 5), 30];
    // Mid-roof: 5 m from the nearest edge.
    expect(snapToSolids(point, [block], 1.5)).toEqual({ position: point, kind: 'none', solidId: null, distanceMeters: 0 });
    expect(snapToSolids([...at(19.9, 9.9), 30], [block], 0).kind).toBe('none');
    expect(snapToSolids(point, [], 3).kind).toBe('none');
  });
});
