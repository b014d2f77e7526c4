/**
 * Matching attribute names across the spellings found in Chinese GIS exports, OSM and
 * spreadsheets: "建筑高度(m)", "HEIGHT", "building:levels", "Building_Levels" all reduce to a key
 * that candidate lists can be written against.
 */

/** Lower-case, without a trailing unit in brackets, spaces, "_", "-", ":" or ".". */
export function normalizeFieldName(name: string): string {
  return name
    .trim()
    .replace(/[(（[【][^)）\]】]*[)）\]】]\s*$/, '')
    .toLowerCase()
    .replace(/[\s_\-:.]/g, '');
}

/** The first column (original spelling) whose normalised name is in `candidates`, in candidate order. */
export function findField(columns: readonly string[], candidates: readonly string[]): string | undefined {
  const byKey = new Map<string, string>();
  for (const column of columns) {
    const key = normalizeFieldName(column);
    if (!byKey.has(key)) byKey.set(key, column);
  }
  for (const candidate of candidates) {
    const column = byKey.get(normalizeFieldName(candidate));
    if (column !== undefined) return column;
  }
  return undefined;
}

/** Column names of a set of records, in first-seen order (GeoJSON properties vary per feature). */
export function columnsOf(records: Iterable<Record<string, unknown>>, limit = 1000): string[] {
  const seen = new Set<string>();
  let n = 0;
  for (const record of records) {
    for (const key of Object.keys(record)) seen.add(key);
    if (++n >= limit) break;
  }
  return [...seen];
}

/** A property as trimmed text, or undefined when missing or blank. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
