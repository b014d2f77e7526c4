import { describe, expect, it } from 'vitest';
import { checkRingSimple } from '../../../../src/data/formats/selfIntersection';

type P = [number, number];
const close = (points: P[]): P[] => [...points, points[0]];

describe('checkRingSimple', () => {
  it('accepts a square, a concave L-shape and a triangle', () => {
    expect(
      checkRingSimple(
        close([
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
        ]),
      ).kind,
    ).toBe('simple');
    expect(
      checkRingSimple(
        close([
          [0, 0],
          [4, 0],
          [4, 1],
          [1, 1],
          [1, 4],
          [0, 4],
        ]),
      ).kind,
    ).toBe('simple');
    expect(
      checkRingSimple(
        close([
          [0, 0],
          [1, 0],
          [0, 1],
        ]),
      ).kind,
    ).toBe('simple');
  });

  it('finds the crossing of a bow-tie at its centre (2, 2)', () => {
    // Segments 0 (0,0)→(4,4) and 2 (4,0)→(0,4) cross at (2, 2).
    expect(
      checkRingSimple(
        close([
          [0, 0],
          [4, 4],
          [4, 0],
          [0, 4],
        ]),
      ),
    ).toEqual({ kind: 'crossing', at: [2, 2], segments: [0, 2] });
  });

  it('finds a ring touching itself at a vertex (figure eight) and a spike folding back', () => {
    expect(
      checkRingSimple(
        close([
          [0, 0],
          [2, 2],
          [4, 0],
          [4, 4],
          [2, 2],
          [0, 4],
        ]),
      ).kind,
    ).toBe('crossing');
    expect(
      checkRingSimple(
        close([
          [0, 0],
          [4, 0],
          [4, 4],
          [4, 2],
          [0, 4],
        ]),
      ).kind,
    ).toBe('crossing');
  });

  it('checks a 20,000-vertex circle quickly (the sweep is ~n log n for footprint-like rings)', () => {
    const n = 20_000;
    const circle: P[] = Array.from({ length: n }, (_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
    const started = performance.now();
    expect(checkRingSimple(close(circle)).kind).toBe('simple');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives up (unchecked) rather than hanging when the pair budget runs out', () => {
    // A zig-zag comb: every segment spans the full width, so the sweep cannot prune.
    const comb: P[] = [];
    for (let i = 0; i < 400; i++) comb.push(i % 2 === 0 ? [0, i] : [100, i]);
    comb.push([-1, 399], [-1, 0]);
    expect(checkRingSimple(close(comb), 1000).kind).toBe('unchecked');
  });
});
