import { because, type DataIssue } from '../../core/errors';
import { textOf } from './fieldNames';
import type { ImportedFeature } from './importResult';

/**
 * Joins a statistics table (CSV rows, e.g. 人口/户数 per 幢) onto buildings by a key, the way a GIS
 * "join attributes by field value" does: one row per building, first row wins, and every row that
 * found no building is reported with its row number — the usual cause is a key typed differently
 * ("12幢" vs "12"), which the user must see.
 */

export interface JoinOptions {
  /** Name of the table file, for issues. */
  tableFile?: string;
  /** Prefix for the joined columns, to keep them apart from the buildings' own attributes. */
  prefix?: string;
}

export interface JoinResult<B> {
  /** The buildings, copied, with the matching row's columns added (row values win on a name clash unless prefixed). */
  buildings: B[];
  /** Buildings that received a row. */
  matchedBuildings: number;
  /** Rows with no building of that key, an empty key, or a key already used by an earlier row. */
  unmatchedRows: DataIssue[];
  /** Ids (or keys) of buildings no row matched. */
  buildingsWithoutRow: string[];
}

/** Keys compare as trimmed text: 12 (a number in GeoJSON) matches "12" (text in CSV). */
const keyOf = (value: unknown) => textOf(value);

export function joinTable<B extends { id?: string; properties: Record<string, unknown> }>(
  buildings: readonly B[],
  rows: readonly Pick<ImportedFeature, 'row' | 'feature' | 'properties'>[],
  buildingKey: string,
  rowKey: string,
  options: JoinOptions = {},
): JoinResult<B> {
  const file = options.tableFile ?? 'table';
  const prefix = options.prefix ?? '';
  const buildingKeyOf = (b: B) => keyOf(b.properties[buildingKey]) ?? (buildingKey === 'id' ? keyOf(b.id) : undefined);
  const byKey = new Map<string, number>();
  buildings.forEach((b, i) => {
    const key = buildingKeyOf(b);
    if (key !== undefined && !byKey.has(key)) byKey.set(key, i);
  });

  const joined: (Record<string, unknown> | undefined)[] = new Array(buildings.length);
  const unmatchedRows: DataIssue[] = [];
  for (const row of rows) {
    const where: DataIssue = {
      file,
      reason: '',
      field: rowKey,
      ...(row.row !== undefined ? { row: row.row } : {}),
      ...(row.feature !== undefined ? { feature: row.feature } : {}),
    };
    const key = keyOf(row.properties[rowKey]);
    if (key === undefined) {
      unmatchedRows.push({ ...where, ...because('empty key', 'issue.join.emptyKey') });
      continue;
    }
    const index = byKey.get(key);
    if (index === undefined) {
      unmatchedRows.push({
        ...where,
        id: key,
        ...because(`no building with ${buildingKey} = "${key}"`, 'issue.join.noBuilding', { field: buildingKey, key }),
      });
      continue;
    }
    if (joined[index]) {
      unmatchedRows.push({
        ...where,
        id: key,
        ...because(`building "${key}" already has a row; only the first row is joined`, 'issue.join.duplicate', { key }),
      });
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row.properties)) if (column !== rowKey) values[prefix + column] = value;
    joined[index] = values;
  }

  const buildingsWithoutRow: string[] = [];
  const out = buildings.map((b, i) => {
    const values = joined[i];
    if (!values) {
      buildingsWithoutRow.push(buildingKeyOf(b) ?? b.id ?? `#${i}`);
      return { ...b, properties: { ...b.properties } };
    }
    return { ...b, properties: { ...b.properties, ...values } };
  });
  return { buildings: out, matchedBuildings: joined.filter(Boolean).length, unmatchedRows, buildingsWithoutRow };
}
