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
 * Cells of one table whose total is published. Zero cells stay visible: they disclose nothing about a
 * person. Returns cells in the input order.
 */
export function suppressTable(counts: readonly number[], minCellSize = MIN_CELL_SIZE): SuppressedCount[] {
  const suppressed = counts.map((c) => isSmallCell(c, minCellSize));
  if (suppressed.filter(Boolean).length === 1) {
    // Complementary suppression: hide the smallest other non-zero cell as well.
    let candidate = -1;
    counts.forEach((c, i) => {
      if (!suppressed[i] && c > 0 && (candidate < 0 || c < counts[candidate])) candidate = i;
    });
    if (candidate >= 0) suppressed[candidate] = true;
  }
  return counts.map((value, i) => (suppressed[i] ? { suppressed: true } : { value, suppressed: false }));
}

export function formatSuppressed(cell: SuppressedCount, format: (n: number) => string = String): string {
  return cell.suppressed ? `<${MIN_CELL_SIZE}` : format(cell.value);
}
