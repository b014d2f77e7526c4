import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { memoSelector } from '../../../src/stores/memo';
import { watch } from '../../../src/stores/watch';

describe('memoSelector', () => {
  it('recomputes only when an input changes by identity', () => {
    const compute = vi.fn((a: number[], b: string) => `${a.length}${b}`);
    const select = memoSelector((s: { a: number[]; b: string; c: number }) => [s.a, s.b], compute);
    const a = [1, 2];
    expect(select({ a, b: 'x', c: 1 })).toBe('2x');
    expect(select({ a, b: 'x', c: 2 })).toBe('2x'); // c is not an input
    expect(compute).toHaveBeenCalledTimes(1);
    expect(select({ a: [1, 2], b: 'x', c: 2 })).toBe('2x'); // equal but not the same array
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('returns the same object while nothing changed, so subscribers can compare by identity', () => {
    const select = memoSelector(
      (s: { n: number }) => [s.n],
      (n) => ({ n }),
    );
    expect(select({ n: 1 })).toBe(select({ n: 1 }));
    expect(select({ n: 2 })).not.toBe(select({ n: 1 }));
  });
});

describe('watch', () => {
  it('calls back with the new and previous value only when the selected value changes', () => {
    const store = createStore<{ a: number; b: number }>()(() => ({ a: 1, b: 1 }));
    const seen: [number, number][] = [];
    const stop = watch(
      store,
      (s) => s.a,
      (next, previous) => seen.push([next, previous]),
    );
    store.setState({ b: 2 });
    store.setState({ a: 2 });
    store.setState({ a: 2 });
    store.setState({ a: 3 });
    stop();
    store.setState({ a: 4 });
    expect(seen).toEqual([
      [2, 1],
      [3, 2],
    ]);
  });

  it('takes an equality for selectors that build new objects', () => {
    const store = createStore<{ a: number; b: number }>()(() => ({ a: 1, b: 1 }));
    const onChange = vi.fn();
    watch(
      store,
      (s) => [s.a],
      onChange,
      (x, y) => x[0] === y[0],
    );
    store.setState({ b: 5 });
    expect(onChange).not.toHaveBeenCalled();
    store.setState({ a: 5 });
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
