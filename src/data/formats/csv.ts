import Papa from 'papaparse';
import { because, englishDetail } from '../../core/errors';
import type { CoordinateSample, CrsId } from '../../core/geo/crs';
import { FeatureCollector } from './featureCollector';
import { findField, normalizeFieldName } from './fieldNames';
import { hasExtension, type FileFormat } from './formatTypes';
import { at, projectXY, SkipFeature } from './geometry';
import { ImportError, pickId, type ImportOptions, type ImportResult } from './importResult';
import { inferKind } from './inferKind';
import { resolveSourceCrs } from './sourceCrs';
import { decodeText, type ImportInput } from './text';

/**
 * CSV/TSV tables, with or without coordinates: points from lon/lat or x/y columns (names in
 * English, Chinese and AMap/Baidu spellings), a table for joining otherwise. Excel in China saves
 * "CSV" as GBK, so bytes that are not UTF-8 are read as GB18030. Rows are numbered as a
 * spreadsheet shows them: the header is row 1, and a quoted cell spanning lines is still one row.
 */

export interface CsvImportOptions extends ImportOptions {
  /** Columns holding x (easting or longitude) and y (northing or latitude), overriding detection. */
  xColumn?: string;
  yColumn?: string;
  /** One column holding "lon,lat" (AMap's `location`), overriding detection. */
  locationColumn?: string;
  /** Field delimiter; sniffed from the text when absent (comma, tab, semicolon, bar). */
  delimiter?: string;
}

export interface CoordinateColumns {
  kind: 'lonlat' | 'xy' | 'combined';
  x: string;
  y: string;
  /** A CRS the column names imply (gcj_lng → GCJ-02, bd_lng → BD-09). */
  crsHint?: CrsId;
}

const LON = [
  'lon',
  'lng',
  'long',
  'longitude',
  '经度',
  '东经',
  'wgs84_lon',
  'wgs84_lng',
  'lon84',
  'lng84',
  'wgs_lng',
  'gcj_lng',
  'gcj02_lng',
  'gcj_lon',
  'bd_lng',
  'bd09_lng',
  'bd_lon',
  '高德经度',
  '百度经度',
  'WGS84经度',
];
const LAT = [
  'lat',
  'latitude',
  '纬度',
  '北纬',
  'wgs84_lat',
  'lat84',
  'wgs_lat',
  'gcj_lat',
  'gcj02_lat',
  'bd_lat',
  'bd09_lat',
  '高德纬度',
  '百度纬度',
  'WGS84纬度',
];
/** In Chinese surveying X is the northing (纵坐标) and Y the easting (横坐标); values decide in the end. */
const X = ['x', 'x坐标', 'xcoord', 'x_coord', 'point_x', 'easting', 'east', '东坐标', '横坐标'];
const Y = ['y', 'y坐标', 'ycoord', 'y_coord', 'point_y', 'northing', 'north', '北坐标', '纵坐标'];
const COMBINED = ['location', 'lnglat', 'lonlat', '经纬度', '坐标', 'coordinates', 'coordinate'];

function crsHintOf(column: string): CrsId | undefined {
  const key = normalizeFieldName(column);
  if (/gcj|高德|gaode|amap/.test(key)) return 'GCJ-02';
  if (/^bd|bd09|百度|baidu/.test(key)) return 'BD-09';
  if (/wgs/.test(key)) return 'EPSG:4326';
  return undefined;
}

export function findCoordinateColumns(header: readonly string[]): CoordinateColumns | null {
  const lon = findField(header, LON);
  const lat = findField(header, LAT);
  if (lon && lat) {
    const hint = crsHintOf(lon) ?? crsHintOf(lat);
    return { kind: 'lonlat', x: lon, y: lat, ...(hint ? { crsHint: hint } : {}) };
  }
  const x = findField(header, X);
  const y = findField(header, Y);
  if (x && y) return { kind: 'xy', x, y };
  const combined = findField(header, COMBINED);
  if (combined) {
    const hint = crsHintOf(combined);
    return { kind: 'combined', x: combined, y: combined, ...(hint ? { crsHint: hint } : {}) };
  }
  return null;
}

/** 120°09′18.5″E / 30°15'00"N as decimal degrees, for sheets typed by surveyors. */
function parseDms(text: string): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分])?\s*(?:(\d+(?:\.\d+)?)\s*["″秒])?\s*([EWNS东西南北])?$/i.exec(text);
  if (!m) return undefined;
  const value = Math.abs(Number(m[1])) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  const negative = m[1].startsWith('-') || /^[WS西南]$/i.test(m[4] ?? '');
  return negative ? -value : value;
}

/** A coordinate cell: plain number (thousands separators allowed), "120.15°", or DMS; NaN when unreadable. */
export function parseCoordinate(cell: string): number {
  const text = cell.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*°?$/i.test(text)) return Number(text.replace('°', ''));
  return parseDms(text) ?? Number.NaN;
}

function uniqueHeader(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `column${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  });
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

function cellsOf(row: Record<string, string>, columns: CoordinateColumns): [x: string, y: string] {
  if (columns.kind !== 'combined') return [row[columns.x] ?? '', row[columns.y] ?? ''];
  const parts = (row[columns.x] ?? '').split(/[,，;；\s]+/).filter(Boolean);
  return [parts[0] ?? '', parts[1] ?? ''];
}

/**
 * Papa Parse's own guess counts blank lines as one-field rows, so a two-column file with a trailing
 * newline (average 1.67 fields) is taken as comma-separated. Guessing on the first rows with blank
 * lines skipped avoids that; the full parse then keeps blank lines so row numbers stay true.
 */
function sniffDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  return preview.meta.delimiter || ',';
}

/** Columns of AMap (高德) POI exports: type codes and the province / city / district names. */
const AMAP_COLUMNS = ['typecode', 'type_code', 'adcode', 'pname', 'cityname', 'adname', 'business_area', '类型编码'];
const WEB_MAP_NAMES = /高德|腾讯|amap|gaode|autonavi|tencent|qqmap|lbs/i;

/**
 * Why a table of unmarked lon/lat looks like a Chinese web-map export (whose coordinates are GCJ-02),
 * or null: AMap's columns, a six-digit type code or an "a;b;c" type in the first rows, or 高德 / 腾讯 in
 * the file or column names.
 */
export function webMapExportClue(file: string, header: readonly string[], rows: readonly Record<string, string>[]): string | null {
  const names = header.map(normalizeFieldName);
  const amap = AMAP_COLUMNS.find((c) => names.includes(normalizeFieldName(c)));
  if (amap) return `column "${header[names.indexOf(normalizeFieldName(amap))]}" of an AMap export`;
  const named = [file, ...header].find((n) => WEB_MAP_NAMES.test(n));
  if (named) return `"${named}" names a Chinese web map`;
  const typeColumn = header.find((h) => /^(type|类型|分类)$/i.test(h.trim()));
  if (typeColumn && rows.slice(0, 20).some((r) => /^[^;]+;[^;]+;[^;]+/.test(r[typeColumn] ?? '')))
    return `column "${typeColumn}" holds AMap types`;
  return null;
}

export function readCsv(input: ImportInput, file: string, options: CsvImportOptions = {}): ImportResult {
  const { text, encoding } = decodeText(input, file, { legacyFallback: true, ...(options.encoding ? { encoding: options.encoding } : {}) });
  if (text.trim() === '') throw new ImportError('empty', { file, ...because('is empty', 'issue.file.empty') });
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: options.delimiter ?? sniffDelimiter(text) });
  const records = parsed.data;
  const header = uniqueHeader(records[0] ?? []);
  if (header.length === 0 || isBlank(records[0] ?? []))
    throw new ImportError('empty', { file, row: 1, ...because('has no header row', 'issue.csv.noHeader') });

  // A broken quote swallows the following lines into one cell: such rows are skipped, by record index.
  const broken = new Map<number, string>();
  for (const error of parsed.errors) if (error.type === 'Quotes' && error.row !== undefined) broken.set(error.row, error.message);

  const rows: { row: number; values: Record<string, string> }[] = [];
  const collector = new FeatureCollector(file);
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    if (isBlank(cells)) continue;
    if (broken.has(i)) {
      collector.skip(
        { row: i + 1 },
        'bad-record',
        because(`unreadable CSV row (${broken.get(i)})`, 'issue.csv.unreadableRow', { detail: englishDetail(` (${broken.get(i)})`) }),
      );
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((column, c) => (values[column] = cells[c] ?? ''));
    rows.push({ row: i + 1, values });
  }

  const columns: CoordinateColumns | null = options.locationColumn
    ? { kind: 'combined', x: options.locationColumn, y: options.locationColumn }
    : options.xColumn && options.yColumn
      ? { kind: 'xy', x: options.xColumn, y: options.yColumn }
      : findCoordinateColumns(header);
  for (const name of columns ? [columns.x, columns.y] : []) {
    if (!header.includes(name))
      throw new ImportError('missing-column', {
        file,
        row: 1,
        field: name,
        ...because(`has no column "${name}"`, 'issue.csv.noColumn', { column: name }),
      });
  }

  const base = { file, encoding, columns: header, repaired: collector.repaired };
  if (!columns) {
    for (const { row, values } of rows) {
      const id = pickId(values);
      collector.features.push({ ...(id !== undefined ? { id } : {}), row, geometry: null, properties: values });
    }
    return {
      ...base,
      kind: 'table',
      sourceCrs: 'EPSG:4326',
      crs: {
        crs: null,
        confidence: 'unknown',
        axisOrder: 'unknown',
        ...because('no coordinate columns: read as a table', 'issue.crs.tableOnly'),
      },
      axesSwapped: false,
      features: collector.features,
      skipped: collector.skipped,
    };
  }

  const samples: CoordinateSample[] = [];
  for (const { values } of rows.slice(0, 1000)) {
    const [x, y] = cellsOf(values, columns).map(parseCoordinate);
    if (Number.isFinite(x) && Number.isFinite(y)) samples.push([x, y]);
  }
  const hint = options.sourceCrs ? undefined : columns.crsHint;
  const resolved = resolveSourceCrs(file, { samples }, hint ? { ...options, sourceCrs: hint } : options);
  if (hint)
    resolved.crs = {
      ...resolved.crs,
      confidence: 'guessed',
      ...because(`column "${columns.x}" names ${hint}`, 'issue.crs.columnNames', { column: columns.x, crs: hint }),
    };

  for (const { row, values } of rows) {
    const id = pickId(values);
    collector.add({ row, ...(id !== undefined ? { id } : {}) }, () => {
      const [xText, yText] = cellsOf(values, columns);
      if (xText.trim() === '' || yText.trim() === '') {
        const field = xText.trim() === '' ? columns.x : columns.y;
        throw new SkipFeature(
          'no-geometry',
          because(`no coordinates in column "${field}"`, 'issue.csv.noCoordinates', { column: field }),
          field,
        );
      }
      const x = parseCoordinate(xText);
      const y = parseCoordinate(yText);
      const bad = Number.isNaN(x) ? [columns.x, xText] : Number.isNaN(y) ? [columns.y, yText] : null;
      if (bad) {
        const value = JSON.stringify(bad[1].trim());
        throw new SkipFeature('bad-coordinate', because(`${value} is not a number`, 'issue.csv.notANumber', { value }), bad[0]);
      }
      const where = columns.kind === 'combined' ? at.column(columns.x) : at.columns(columns.x, columns.y);
      return {
        ...(id !== undefined ? { id } : {}),
        row,
        geometry: { type: 'Point', coordinates: projectXY(x, y, resolved.project, where) },
        properties: values,
      };
    });
  }
  // Unmarked lon/lat in China read as WGS84: say so when the table looks like a web-map export.
  const clue =
    !options.sourceCrs && !hint && columns.kind !== 'xy' && resolved.sourceCrs === 'EPSG:4326'
      ? webMapExportClue(
          file,
          header,
          rows.map((r) => r.values),
        )
      : null;
  const webMap = clue
    ? {
        suggestedCrs: 'GCJ-02' as const,
        warnings: [
          {
            file,
            ...because(
              `looks like a Chinese web-map export (${clue}): its coordinates are probably GCJ-02, about 500 m off if read as WGS84; choose the coordinate system of the layer`,
              'issue.crs.webMapHint',
              { clue: englishDetail(` (${clue})`) },
            ),
          },
        ],
      }
    : {};
  return {
    ...base,
    ...webMap,
    kind: inferKind(collector.features, header),
    sourceCrs: resolved.sourceCrs,
    crs: resolved.crs,
    axesSwapped: resolved.axesSwapped,
    features: collector.features,
    skipped: collector.skipped,
  };
}

/** Comma- or tab-separated tables, also saved by Excel as .txt. */
export const csvFormat: FileFormat<'csv'> = {
  id: 'csv',
  kind: 'file',
  name: { zh: 'CSV', en: 'CSV' },
  note: { zh: 'UTF-8/GBK', en: 'UTF-8/GBK' },
  extensions: ['csv', 'tsv', 'txt'],
  mimeTypes: ['text/csv', 'text/tab-separated-values', 'text/plain'],
  dimension: '2d',
  detect: (name) => (hasExtension(name, ['csv', 'tsv', 'txt']) ? 1 : 0),
  read: (data, file, options) => readCsv(data, file, options),
};
