/**
 * Small-cell suppression for counts of people (k-anonymity with k = 5): a count of 1–4 is shown as
 * "<5". Where a table also shows its total, one suppressed cell could be recovered by subtraction,
 * so the next-smallest non-zero cell is suppressed too (complementary suppression).
 */
export const MIN_CELL_SIZE = 5;

export type SuppressedCount = { value: number; suppressed: false } | { suppressed: true };

export function isSmallCell(count: number, minCellSize = MIN_CELL_SIZE): boolean {
  return count > 0 && count < minCellSize;
}

/** One count on its own (no total shown beside it). */
export function suppressCount(count: number, minCellSize = MIN_CELL_SIZE): SuppressedCount {
  return isSmallCell(count, minCellSize) ? { suppressed: true } : { value: count, suppressed: false };
}

/**
 * Cells of one table whose total is published, plus any published sub-totals (`groups`: lists of cell
 * indexes whose sum is shown elsewhere, e.g. the 60+ bands whose sum is the "aged 60+" figure).
 * Within the whole table and within each group, a lone suppressed cell could be recovered by
 * subtraction, so the smallest other non-zero cell of that group is suppressed too, until no group
 * has exactly one. Zero cells stay visible: they disclose nothing about a person.
 */
export function suppressTable(
  counts: readonly number[],
  groups: readonly (readonly number[])[] = [],
  minCellSize = MIN_CELL_SIZE,
): SuppressedCount[] {
  const suppressed = counts.map((c) => isSmallCell(c, minCellSize));
  const allGroups = [counts.map((_, i) => i), ...groups];
  for (let changed = true; changed;) {
    changed = false;
    for (const group of allGroups) {
      if (group.filter((i) => suppressed[i]).length !== 1) continue;
      let candidate = -1;
      for (const i of group) if (!suppressed[i] && counts[i] > 0 && (candidate < 0 || counts[i] < counts[candidate])) candidate = i;
      if (candidate >= 0) {
        suppressed[candidate] = true;
        changed = true;
      }
    }
  }
  return counts.map((value, i) => (suppressed[i] ? { suppressed: true } : { value, suppressed: false }));
}

/**
 * Counts bound by an equation, published side by side (today, with a plan, and the difference: plan =
 * today + delta): any one of them known gives a suppressed one away through the others, so when one is
 * a small cell, all are suppressed. (Today "<5", plan 8 and delta 5 would say today = 3.)
 */
export function suppressTogether(counts: readonly number[], minCellSize = MIN_CELL_SIZE): SuppressedCount[] {
  const any = counts.some((count) => isSmallCell(Math.abs(count), minCellSize));
  return counts.map((value) => (any && value !== 0 ? { suppressed: true } : { value, suppressed: false }));
}

export function formatSuppressed(cell: SuppressedCount, format: (n: number) => string = String): string {
  return cell.suppressed ? `<${MIN_CELL_SIZE}` : format(cell.value);
}
