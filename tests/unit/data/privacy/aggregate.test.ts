import { describe, expect, it } from 'vitest';
import { formatSuppressed, suppressCount, suppressTable } from '../../../../src/data/privacy/aggregate';

describe('small-cell suppression (k = 5)', () => {
  it('shows counts of 1–4 as "<5" and keeps 0 and counts of 5 or more', () => {
    expect([0, 1, 4, 5, 31].map((n) => formatSuppressed(suppressCount(n)))).toEqual(['0', '<5', '<5', '5', '31']);
  });

  it('hides a second cell when only one cell of a totalled table is small, so it cannot be recovered by subtraction', () => {
    // Total 60 = 40 + 12 + 5 + 3: with only the 3 hidden, 60 − 40 − 12 − 5 would reveal it; the 5 goes too.
    const cells = suppressTable([40, 12, 5, 3]).map((c) => formatSuppressed(c));
    expect(cells).toEqual(['40', '12', '<5', '<5']);
  });

  it('needs no extra suppression when two or more cells are already small', () => {
    expect(suppressTable([20, 2, 3, 0]).map((c) => formatSuppressed(c))).toEqual(['20', '<5', '<5', '0']);
  });

  it('also protects a published sub-total: 60–69 = 6, 70–79 = 4, 80+ = 0 under "aged 60+ = 10" hides the 6 as well', () => {
    // Ages 0-2 … 80+ of a 50-resident walk-up; the panel also shows "aged 60+ = 10" (indexes 6–8).
    const counts = [0, 3, 0, 2, 3, 32, 6, 4, 0];
    const cells = suppressTable(counts, [[6, 7, 8]]).map((c) => formatSuppressed(c));
    expect(cells.slice(6)).toEqual(['<5', '<5', '0']);
  });

  it('leaves a table without small cells untouched', () => {
    expect(suppressTable([7, 0, 12]).map((c) => formatSuppressed(c))).toEqual(['7', '0', '12']);
  });
});
