import type { CrsDetection, CrsId } from '../../core/geo/crs';
import type { DataIssue, ImportError, ImportErrorCode, TextPosition } from '../../core/errors';
import type { LonLat, PolygonCoords } from '../../core/model/types';
import type { ImportLimits } from '../limits';

/**
 * The common shape every format reader returns: features in WGS84 lon/lat plus an explicit list
 * of what was skipped and why, so a partial import is visible rather than silent
 * (a bad feature is skipped and counted, not fatal).
 * Everything here is plain data, so a result can be posted from a Web Worker as it is.
 */

export type ImportKind = 'buildings' | 'facilities' | 'network' | 'points' | 'polygons' | 'lines' | 'table';

/** GeoJSON-like geometry in WGS84 [lon, lat]; polygons are closed, exterior counter-clockwise (RFC 7946). */
export type ImportedGeometry =
  | { type: 'Point'; coordinates: LonLat }
  | { type: 'MultiPoint'; coordinates: LonLat[] }
  | { type: 'LineString'; coordinates: LonLat[] }
  | { type: 'MultiLineString'; coordinates: LonLat[][] }
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

export type ImportedGeometryType = ImportedGeometry['type'];

export interface ImportedFeature {
  /** The record's own id (`id`, `@id`, a CityObject key…) when it has one. */
  id?: string;
  /** CSV row as a spreadsheet shows it (header = 1). */
  row?: number;
  /** 0-based index of the feature / shapefile record / CityObject in its file. */
  feature?: number;
  /** null for table rows without coordinates. */
  geometry: ImportedGeometry | null;
  /** Attributes as read (CSV and DBF text stays text; GeoJSON keeps JSON types). */
  properties: Record<string, unknown>;
  /** Height from 3D geometry (max z − min z), metres; CityJSON only. */
  heightMeters?: number;
}

/**
 * Why a feature was skipped, in one word: the import summary names it (`issue.skip.<code>` of the
 * dictionaries); the skipped issue's `reason` and `message` say it in detail.
 */
export const SKIP_CODES = [
  'no-geometry',
  'bad-coordinate',
  'out-of-range',
  'too-few-positions',
  'self-intersection',
  'unsupported-geometry',
  'bad-record',
] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

export interface SkippedFeature extends DataIssue {
  code: SkipCode;
}

export interface ImportResult {
  /** File name as given (the .shp for shapefiles). */
  file: string;
  /** What the features most likely are; a suggestion the import dialog lets the user change. */
  kind: ImportKind;
  /** The CRS the coordinates were converted from. */
  sourceCrs: CrsId;
  /** How `sourceCrs` was found (declared, guessed from values, or chosen by the caller). */
  crs: CrsDetection;
  /** True when x held northings (latitudes) and the axes were swapped on reading. */
  axesSwapped: boolean;
  features: ImportedFeature[];
  skipped: SkippedFeature[];
  /** Harmless fixes made on reading, e.g. rings closed; located like issues. */
  repaired: DataIssue[];
  /** What the user should know that concerns no single feature: a missing .dbf or .prj, a truncated table. */
  warnings?: DataIssue[];
  /**
   * A coordinate system the file's look suggests though nothing declares it: a CSV that looks like a
   * Chinese web-map export (AMap type codes, 高德/腾讯 in its names) is probably GCJ-02, ~500 m off if
   * read as WGS84. The import panel shows it beside the layer's CRS choice; nothing is changed for it.
   */
  suggestedCrs?: CrsId;
  /** Text encoding used for text files and DBF attributes. */
  encoding?: string;
  /** Attribute names in file order (CSV header, DBF fields), for the field-mapping step. */
  columns?: string[];
}

/** Options every reader accepts. */
export interface ImportOptions {
  /** Overrides the detected CRS (e.g. GCJ-02 for POIs from AMap, which files never declare). */
  sourceCrs?: CrsId;
  /** Overrides the detected axis order: true reads x as northing. */
  swapAxes?: boolean;
  /** Overrides the detected text encoding ('utf-8', 'gbk', 'gb18030', …). */
  encoding?: string;
  /** What a file may cost (data/limits.ts); the defaults when absent. Plain data, so it crosses to the worker. */
  limits?: ImportLimits;
}

export { ImportError, type ImportErrorCode, type TextPosition } from '../../core/errors';

/** Plain-object form of an ImportError, for postMessage. */
export interface ImportFailure {
  name: 'ImportError';
  code: ImportErrorCode;
  message: string;
  issues: DataIssue[];
  position?: TextPosition;
}

export function toImportFailure(error: ImportError): ImportFailure {
  return {
    name: 'ImportError',
    code: error.code,
    message: error.message,
    issues: error.issues,
    ...(error.position ? { position: error.position } : {}),
  };
}

/** Ids commonly found in GIS and OSM exports, in order of preference. */
const ID_FIELDS = ['id', 'ID', 'Id', '@id', '编号', 'OBJECTID', 'FID'];

export function pickId(properties: Record<string, unknown>): string | undefined {
  for (const field of ID_FIELDS) {
    const value = properties[field];
    if ((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value))) {
      return String(value).trim();
    }
  }
  return undefined;
}

/** Where an imported feature came from (file, row or feature index, id), for a located issue. */
export function locateFeature(file: string, feature: Pick<ImportedFeature, 'row' | 'feature' | 'id'>): Omit<DataIssue, 'reason'> {
  return {
    file,
    ...(feature.row !== undefined ? { row: feature.row } : {}),
    ...(feature.feature !== undefined ? { feature: feature.feature } : {}),
    ...(feature.id !== undefined ? { id: feature.id } : {}),
  };
}

/** A file's name without folders or extension, used to make ids for records that have none. */
export const fileStem = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
