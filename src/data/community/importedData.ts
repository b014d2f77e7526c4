import { because, type DataIssue } from '../../core/errors';
import type { Building, Community, Facility, FacilityCategory, NetworkLine } from '../../core/model/types';
import {
  completeBuilding,
  guessBuildingFields,
  readBuildingDrafts,
  type BuildingDefaults,
  type BuildingFieldMapping,
} from '../formats/buildingMapping';
import { readFacilities } from '../formats/facilityMapping';
import { columnsOf, textOf } from '../formats/fieldNames';
import type { ImportResult } from '../formats/importResult';
import { joinTable } from '../formats/joinTable';
import { readNetworkLines } from '../formats/networkMapping';

/**
 * What an imported layer is to the community model — the user's answer in the mapping step:
 * only drawn, or facilities / walking network / buildings that join the analyses and the exported
 * package, or a statistics table joined to the community's buildings by a key.
 */
export type LayerTarget = 'display' | 'facilities' | 'network' | 'buildings' | 'table';
export const LAYER_TARGETS: readonly LayerTarget[] = ['display', 'facilities', 'network', 'buildings', 'table'];

export interface LayerMapping {
  target: LayerTarget;
  /** Facilities: the column whose values name the category; undefined = guess per feature (OSM tags, AMap codes, names). */
  categoryField?: string;
  /** Facilities: the category chosen for each value of `categoryField` ('' = not a facility, skip). */
  categoryByValue?: Record<string, FacilityCategory | ''>;
  /** Buildings: which columns hold id, name, height, floors, year and use. */
  buildingFields?: BuildingFieldMapping;
  /** Table: the table's key column and the building attribute it matches. */
  join?: { rowKey: string; buildingKey: 'id' | 'name' };
}

/** Values of a column listed in the mapping step; more distinct values than this are not a category column. */
export const MAX_CATEGORY_VALUES = 40;

/** The mapping suggested for a freshly read layer, from what its features look like. */
export function suggestMapping(result: Pick<ImportResult, 'kind' | 'features' | 'columns'>): LayerMapping {
  const columns = result.columns ?? columnsOf(result.features.map((f) => f.properties));
  switch (result.kind) {
    case 'facilities':
    case 'points':
      return { target: 'facilities' };
    case 'network':
    case 'lines':
      return { target: 'network' };
    case 'buildings':
      return { target: 'buildings', buildingFields: guessBuildingFields(columns) };
    case 'table': {
      const rowKey = columns.find((c) => /^(id|buildingId|幢编码|楼栋编号|楼号|幢号|建筑编号)$/i.test(c)) ?? columns[0];
      return { target: 'table', ...(rowKey ? { join: { rowKey, buildingKey: /楼号|幢号/.test(rowKey) ? 'name' : 'id' } } : {}) };
    }
    default:
      return { target: 'display' };
  }
}

/** Distinct values of a column with their counts, most frequent first (for the category table). */
export function distinctValues(result: Pick<ImportResult, 'features'>, column: string): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of result.features) {
    const value = textOf(f.properties[column]);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Defaults for the building fields an import never carries: an unknown residential building of the 1990s stock. */
export const IMPORTED_BUILDING_DEFAULTS: BuildingDefaults = {
  use: 'residential',
  yearBuilt: 1995,
  structure: 'other',
  hasElevator: false,
  propertyManagement: 'none',
  idleStatus: 'in-use',
  floors: 3,
  cimLevel: 2,
};

export interface LayerContribution {
  facilities: Facility[];
  network: NetworkLine[];
  buildings: Building[];
  /** Features that could not be mapped, located (file, row/feature, field, reason). */
  issues: DataIssue[];
  /** Facilities whose category is the nearest one rather than the same thing (a pharmacy as a health station). */
  approximate: number;
}

/** The model objects one imported layer adds under its mapping. */
export function contributionOf(result: Pick<ImportResult, 'file' | 'features' | 'columns'>, mapping: LayerMapping): LayerContribution {
  const empty: LayerContribution = { facilities: [], network: [], buildings: [], issues: [], approximate: 0 };
  switch (mapping.target) {
    case 'facilities': {
      const { categoryField, categoryByValue } = mapping;
      const override = categoryField
        ? (p: Record<string, unknown>) => {
            const chosen = categoryByValue?.[textOf(p[categoryField]) ?? ''];
            return chosen === '' ? null : chosen;
          }
        : undefined;
      // A value mapped to '' means "not a facility": drop those rows rather than guessing.
      const features =
        categoryField && categoryByValue
          ? result.features.filter((f) => categoryByValue[textOf(f.properties[categoryField]) ?? ''] !== '')
          : result.features;
      const { facilities, issues } = readFacilities({ file: result.file, features }, override);
      return {
        ...empty,
        facilities: facilities.map((f) => f.facility),
        issues,
        approximate: facilities.filter((f) => f.match.approximate).length,
      };
    }
    case 'network': {
      const { lines, issues } = readNetworkLines(result);
      return { ...empty, network: lines, issues };
    }
    case 'buildings': {
      const { drafts, issues } = readBuildingDrafts(result, mapping.buildingFields);
      return { ...empty, buildings: drafts.map((d) => completeBuilding(d, IMPORTED_BUILDING_DEFAULTS)), issues };
    }
    default:
      return empty;
  }
}

/**
 * The community with the facilities, network lines and buildings of mapped imported layers added
 * after its own (so indices of its own buildings stay valid). Ids that clash with the community's
 * are prefixed with the layer's file stem, so nothing is overwritten; each rename is reported.
 */
export function withImportedData(
  community: Community,
  layers: readonly { result: Pick<ImportResult, 'file' | 'features' | 'columns'>; mapping: LayerMapping }[],
): { community: Community; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const facilities = [...community.facilities];
  const network = [...community.network];
  const buildings = [...community.buildings];
  const taken = {
    facilities: new Set(facilities.map((f) => f.id)),
    network: new Set(network.map((l) => l.id)),
    buildings: new Set(buildings.map((b) => b.id)),
  };
  const unique = <T extends { id: string }>(item: T, kind: keyof typeof taken, file: string): T => {
    let id = item.id;
    for (let n = 1; taken[kind].has(id); n++) id = `${file.replace(/\.[^.]+$/, '')}:${item.id}${n > 1 ? `~${n}` : ''}`;
    if (id !== item.id)
      issues.push({
        file,
        id: item.id,
        field: 'id',
        ...because(`already used in the community; renamed to "${id}"`, 'issue.mapping.idTaken', { renamed: id }),
      });
    taken[kind].add(id);
    return id === item.id ? item : { ...item, id };
  };
  for (const { result, mapping } of layers) {
    const c = contributionOf(result, mapping);
    issues.push(...c.issues);
    for (const f of c.facilities) facilities.push(unique(f, 'facilities', result.file));
    for (const l of c.network) network.push(unique(l, 'network', result.file));
    for (const b of c.buildings) buildings.push(unique(b, 'buildings', result.file));
  }
  return { community: { ...community, facilities, network, buildings }, issues };
}

/**
 * A statistics table joined to the community's buildings (by id or by name, e.g. 楼号): the row of
 * each building, and the rows that found none, located, so a key typed differently is seen.
 */
export function joinTableToBuildings(
  community: Pick<Community, 'buildings'>,
  table: Pick<ImportResult, 'file' | 'features'>,
  join: NonNullable<LayerMapping['join']>,
): { rows: Map<string, Record<string, unknown>>; unmatchedRows: DataIssue[]; matchedBuildings: number } {
  const targets = community.buildings.map((b) => ({ id: b.id, properties: { id: b.id, name: b.name ?? '' } as Record<string, unknown> }));
  // Joined columns get a prefix so a table column called "name" cannot overwrite the key; it is stripped again.
  const prefix = 'row:';
  const joined = joinTable(targets, table.features, join.buildingKey, join.rowKey, { tableFile: table.file, prefix });
  const rows = new Map<string, Record<string, unknown>>();
  joined.buildings.forEach((b) => {
    const values = Object.fromEntries(
      Object.entries(b.properties)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
    if (Object.keys(values).length) rows.set(b.id, values);
  });
  return { rows, unmatchedRows: joined.unmatchedRows, matchedBuildings: joined.matchedBuildings };
}
