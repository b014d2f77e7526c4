import { because, issueMessage, type DataIssue } from '../../core/errors';

/** "none" where a geometry type is missing. */
const NONE = issueMessage('issue.value.none');
import { polygonAreaM2 } from '../../core/geo/localFrame';
import type { Building, BuildingUse, IdleStatus, PolygonCoords, PropertyManagement, Structure } from '../../core/model/types';
import { FieldReader } from '../package/fieldReader';
import { columnsOf, findField, textOf } from './fieldNames';
import { fileStem, locateFeature, type ImportResult } from './importResult';

/**
 * Imported polygons → our `Building`s: which columns hold height, floors, year and use (guessed
 * from common names, Chinese and OSM included), how their values are read ("12.5米", "6层",
 * "1990年代", building=apartments), and how the fields imports never carry are filled.
 */

export interface BuildingFieldMapping {
  id?: string;
  name?: string;
  height?: string;
  floors?: string;
  year?: string;
  use?: string;
}

/**
 * Candidate names, most specific first. Pinyin initials (JZGD 建筑高度, CS 层数, JCND 建成年代,
 * FWYT 房屋用途) are common in Chinese survey shapefiles, whose DBF field names are limited to
 * 10 bytes.
 */
export const BUILDING_FIELD_CANDIDATES: Record<keyof BuildingFieldMapping, readonly string[]> = {
  id: ['id', '@id', '幢编码', '建筑编码', '楼栋编码', '楼栋编号', '建筑编号', 'bldg_id', 'building_id', 'BM', 'OBJECTID', 'FID'],
  name: ['name', '名称', '建筑名称', '楼栋名称', '幢号', '楼号', '楼栋号', 'MC', 'name:zh'],
  height: ['heightMeters', 'height_m', 'height', 'measuredHeight', '建筑高度', '高度', '楼高', '建筑物高度', 'JZGD', 'GD', 'bldg_height'],
  floors: [
    'floors',
    'building:levels',
    'storeysAboveGround',
    'storeys',
    'stories',
    'levels',
    '地上层数',
    '层数',
    '总层数',
    '楼层数',
    '建筑层数',
    'JZCS',
    'DSCS',
    'CS',
  ],
  year: [
    'yearBuilt',
    'yearOfConstruction',
    'start_date',
    'year',
    '建成年代',
    '建成年份',
    '建造年代',
    '建造年份',
    '竣工年份',
    '竣工时间',
    '建成时间',
    '年代',
    'JCND',
    'JZND',
  ],
  use: ['use', '用途', '建筑用途', '房屋用途', '使用性质', '规划用途', 'FWYT', 'JZYT', 'function', 'usage', 'building:use', 'building'],
};

export function guessBuildingFields(columns: readonly string[]): BuildingFieldMapping {
  const mapping: BuildingFieldMapping = {};
  for (const key of Object.keys(BUILDING_FIELD_CANDIDATES) as (keyof BuildingFieldMapping)[]) {
    const column = findField(columns, BUILDING_FIELD_CANDIDATES[key]);
    if (column !== undefined) mapping[key] = column;
  }
  return mapping;
}

/** "12.5", "12.5m", "12.5 米", 12.5 → 12.5; anything else is left for FieldReader to reject. */
export function parseMeters(value: unknown): unknown {
  const text = textOf(value);
  const match = text === undefined ? null : /^([-+]?\d+(?:\.\d+)?)\s*(m|米|meters?|metres?)?$/i.exec(text);
  return match ? Number(match[1]) : value;
}

/** "6", "6层", "6F", "地上6层" → 6. */
export function parseFloors(value: unknown): unknown {
  const text = textOf(value);
  const match = text === undefined ? null : /^(?:地上)?\s*(\d+)\s*(层|f|floors?|storeys?)?$/i.exec(text);
  return match ? Number(match[1]) : value;
}

/** "1995", "1995-06-01", "1995年", "1990年代", "1990s", "c. 1990" → the first plausible year. */
export function parseYear(value: unknown): unknown {
  const text = textOf(value);
  const match = text === undefined ? null : /(?:^|\D)(1[89]\d\d|20\d\d)(?:\D|$)/.exec(text);
  return match ? Number(match[1]) : value;
}

/**
 * Use from free text (Chinese survey values) or OSM `building=*`. Order matters: 商住 is tested
 * before 住 so that 商住楼 is mixed, not residential. Unknown text and OSM "yes" give undefined,
 * leaving the caller's default.
 */
const USE_RULES: [RegExp, BuildingUse][] = [
  [/商住|综合楼|混合|^mixed(_use)?$/i, 'mixed'],
  [/住宅|居住|宿舍|公寓|住房|^(residential|apartments|house|detached|semidetached_house|terrace|dormitory|bungalow)$/i, 'residential'],
  [/教育|学校|幼儿园|教学|^(school|kindergarten|university|college)$/i, 'education'],
  [/办公|写字楼|^office$/i, 'office'],
  [/工业|厂房|仓库|仓储|^(industrial|warehouse|factory|manufacture)$/i, 'industrial'],
  [/商业|商铺|商场|酒店|宾馆|^(commercial|retail|shop|supermarket|hotel|kiosk)$/i, 'commercial'],
  [
    /公共|医院|卫生|社区|文化|体育|政府|行政|^(public|civic|hospital|government|townhall|community_centre|sports_centre)$/i,
    'public-service',
  ],
];

export function useFromText(value: unknown): BuildingUse | undefined {
  const text = textOf(value);
  if (text === undefined) return undefined;
  return USE_RULES.find(([pattern]) => pattern.test(text))?.[1];
}

export interface BuildingDraft {
  id: string;
  name?: string;
  footprint: PolygonCoords;
  heightMeters?: number;
  floors?: number;
  yearBuilt?: number;
  use?: BuildingUse;
  /** Where it came from, to locate issues. */
  row?: number;
  feature?: number;
  properties: Record<string, unknown>;
}

/**
 * Reads building drafts from the polygon features of an import. A bad value (height "abc",
 * floors 0) becomes a located issue and leaves that field empty — the footprint is still worth
 * importing. Multipolygons become one building per part, with "-1", "-2"… appended to the id.
 */
export function readBuildingDrafts(
  result: Pick<ImportResult, 'file' | 'features' | 'columns'>,
  mapping: BuildingFieldMapping = guessBuildingFields(result.columns ?? columnsOf(result.features.map((f) => f.properties))),
): { drafts: BuildingDraft[]; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const drafts: BuildingDraft[] = [];
  const usedIds = new Set<string>();
  const stem = fileStem(result.file);
  result.features.forEach((feature, index) => {
    const location = locateFeature(result.file, feature);
    const geometry = feature.geometry;
    const polygons = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
    if (polygons.length === 0) {
      const got = geometry?.type ?? 'none';
      issues.push({
        ...location,
        field: 'geometry',
        ...because(`a building needs a polygon footprint, got ${got}`, 'issue.mapping.buildingNeedsPolygon', {
          got: geometry?.type ?? NONE,
        }),
      });
      return;
    }
    const p = feature.properties;
    // Values are cleaned under their own column names so FieldReader's issues name the user's column.
    const cleaned: Record<string, unknown> = { ...p };
    if (mapping.height) cleaned[mapping.height] = parseMeters(p[mapping.height]);
    if (mapping.floors) cleaned[mapping.floors] = parseFloors(p[mapping.floors]);
    if (mapping.year) cleaned[mapping.year] = parseYear(p[mapping.year]);
    const reader = new FieldReader(cleaned, location, issues, true);
    const height = mapping.height ? reader.optionalNumber(mapping.height, { above: 0, max: 1000 }) : undefined;
    const floors = mapping.floors ? reader.optionalInteger(mapping.floors, { min: 1, max: 200 }) : undefined;
    const year = mapping.year ? reader.optionalInteger(mapping.year, { min: 1800, max: 2100 }) : undefined;
    const use = mapping.use ? useFromText(p[mapping.use]) : undefined;
    const name = mapping.name ? textOf(p[mapping.name]) : undefined;
    const baseId = (mapping.id ? textOf(p[mapping.id]) : undefined) ?? feature.id ?? `${stem}-${index + 1}`;
    polygons.forEach((footprint, part) => {
      let id = polygons.length > 1 ? `${baseId}-${part + 1}` : baseId;
      if (usedIds.has(id)) {
        let n = 2;
        while (usedIds.has(`${id}~${n}`)) n++;
        issues.push({
          ...location,
          field: mapping.id ?? 'id',
          ...because(`duplicate id "${id}"; renamed to "${id}~${n}"`, 'issue.mapping.duplicateId', { id, renamed: `${id}~${n}` }),
        });
        id = `${id}~${n}`;
      }
      usedIds.add(id);
      const pick = <T>(value: T | undefined) => (value !== undefined && !Number.isNaN(value) ? value : undefined);
      const heightMeters = pick(height) ?? feature.heightMeters;
      drafts.push({
        id,
        footprint,
        properties: p,
        ...(name !== undefined ? { name } : {}),
        ...(heightMeters !== undefined ? { heightMeters } : {}),
        ...(pick(floors) !== undefined ? { floors } : {}),
        ...(pick(year) !== undefined ? { yearBuilt: year } : {}),
        ...(use !== undefined ? { use } : {}),
        ...(feature.row !== undefined ? { row: feature.row } : {}),
        ...(feature.feature !== undefined ? { feature: feature.feature } : {}),
      });
    });
  });
  return { drafts, issues };
}

/** What an import cannot know about a building; the import dialog asks for these. */
export interface BuildingDefaults {
  use: BuildingUse;
  yearBuilt: number;
  structure: Structure;
  hasElevator: boolean;
  propertyManagement: PropertyManagement;
  idleStatus: IdleStatus;
  /** Floors when neither floors nor height is known. */
  floors: number;
  /**
   * Metres per storey to derive floors from height and back. 3 m matches the context-building
   * reader (`parseContextBuildings`); GB 50096-2011 recommends a 2.8 m storey for housing.
   */
  storeyHeightMeters?: number;
  cimLevel?: number;
}

/**
 * A complete `Building` from a draft. Floors come from height ÷ storey height when missing (and
 * the reverse); the gross floor area is estimated as footprint area × floors — flagged as an
 * estimate in the UI, since real 建筑面积 excludes voids and includes balconies by rule.
 */
export function completeBuilding(draft: BuildingDraft, defaults: BuildingDefaults): Building {
  const storey = defaults.storeyHeightMeters ?? 3;
  const floors =
    draft.floors ?? (draft.heightMeters !== undefined ? Math.max(1, Math.round(draft.heightMeters / storey)) : defaults.floors);
  const heightMeters = draft.heightMeters ?? floors * storey;
  return {
    id: draft.id,
    ...(draft.name !== undefined ? { name: draft.name } : {}),
    footprint: draft.footprint,
    floors,
    heightMeters,
    use: draft.use ?? defaults.use,
    yearBuilt: draft.yearBuilt ?? defaults.yearBuilt,
    structure: defaults.structure,
    hasElevator: defaults.hasElevator,
    propertyManagement: defaults.propertyManagement,
    idleStatus: defaults.idleStatus,
    grossFloorAreaM2: Math.round(polygonAreaM2(draft.footprint) * floors),
    cimLevel: defaults.cimLevel ?? 2,
  };
}
