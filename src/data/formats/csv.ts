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
import { DEFAULT_IMPORT_LIMITS } from '../limits';

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

/**
 * Longest text read as a coordinate: "-120°09′18.123″E" is 16 characters and "3,347,836.556" 13; a
 * longer cell is not a coordinate and is never matched against a pattern.
 */
const COORDINATE_MAX_LENGTH = 64;

/** The unit a degree-minute-second symbol stands for. */
const DMS_UNITS: Readonly<Record<string, 'd' | 'm' | 's'>> = {
  '°': 'd',
  度: 'd',
  "'": 'm',
  '′': 'm',
  分: 'm',
  '"': 's',
  '″': 's',
  秒: 's',
};
const HEMISPHERES = 'EWNSewns东西南北';

/**
 * 120°09′18.5″E / 30°15'00"N as decimal degrees, for sheets typed by surveyors: degrees, then
 * optional minutes and seconds, each a number and its symbol, then an optional hemisphere; spaces
 * between the parts are allowed. Read token by token in one pass (a regular expression with a
 * `\s*` on each side of every optional part took cubic time on "1°" followed by spaces).
 */
function parseDms(text: string): number | undefined {
  const parts: { value: string; unit: 'd' | 'm' | 's' }[] = [];
  let hemisphere: string | undefined;
  let i = 0;
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const skipSpaces = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  while (i < text.length) {
    skipSpaces();
    if (i >= text.length) break;
    if (hemisphere !== undefined) return undefined;
    if (HEMISPHERES.includes(text[i]) && parts.length > 0) {
      hemisphere = text[i++];
      continue;
    }
    // A number: optional "-" (degrees only), digits, optionally "." and digits.
    const from = i;
    if (text[i] === '-' && parts.length === 0) i++;
    if (!isDigit(text[i])) return undefined;
    while (isDigit(text[i])) i++;
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i])) return undefined;
      while (isDigit(text[i])) i++;
    }
    const value = text.slice(from, i);
    skipSpaces();
    const unit = DMS_UNITS[text[i] ?? ''];
    // Degrees first, then minutes, then seconds, each at most once.
    const expected = ['d', 'm', 's'].slice(parts.length === 0 ? 0 : ['d', 'm', 's'].indexOf(parts[parts.length - 1].unit) + 1);
    if (!unit || !expected.includes(unit) || (parts.length === 0 && unit !== 'd')) return undefined;
    parts.push({ value, unit });
    i++;
  }
  if (parts.length === 0) return undefined;
  const of = (unit: 'd' | 'm' | 's') => Number(parts.find((p) => p.unit === unit)?.value ?? 0);
  const degrees = parts[0].value;
  const value = Math.abs(Number(degrees)) + of('m') / 60 + of('s') / 3600;
  const negative = degrees.startsWith('-') || (hemisphere !== undefined && 'WSws西南'.includes(hemisphere));
  return negative ? -value : value;
}

/**
 * A plain number, optionally with an exponent and a trailing "°". Each character can be taken by one
 * part of the pattern only (no two quantifiers compete for the same digits), so a mismatch is found
 * in linear time; the old `\d+\.?\d*` took quadratic time on 50,000 digits and an "x".
 */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?\s*°?$/i;

/** A coordinate cell: plain number (thousands separators allowed), "120.15°", or DMS; NaN when unreadable. */
export function parseCoordinate(cell: string): number {
  if (cell.length > COORDINATE_MAX_LENGTH) return Number.NaN;
  const text = cell.trim().replace(/,(?=\d{3}(\D|$))/g, '');
  if (PLAIN_NUMBER.test(text)) return Number(text.replace('°', ''));
  return parseDms(text) ?? Number.NaN;
}

/** A cell quoted in a message: at most 40 characters of it. */
const quoteCell = (cell: string) => JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell);

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

/** A data row as read: its spreadsheet row number, its cells by column, and its coordinates parsed once. */
interface CsvRow {
  row: number;
  values: Record<string, string>;
  /** The coordinate cells and what they parse to (NaN: unreadable); absent for tables without coordinates. */
  xy?: { xText: string; yText: string; x: number; y: number };
}

/** Rows whose coordinates are looked at to detect the coordinate system. */
const CRS_SAMPLE_ROWS = 1000;

function coordinateColumnsOf(header: readonly string[], options: CsvImportOptions): CoordinateColumns | null {
  return options.locationColumn
    ? { kind: 'combined', x: options.locationColumn, y: options.locationColumn }
    : options.xColumn && options.yColumn
      ? { kind: 'xy', x: options.xColumn, y: options.yColumn }
      : findCoordinateColumns(header);
}

/**
 * Reads a CSV in one pass of Papa Parse's `step`: each record becomes its row (cells by column, the
 * coordinate cells parsed once) as it is parsed, so the parsed arrays are never all held beside the
 * rows; a cell over `maxCellLength` skips its row before any pattern sees it, and rows beyond
 * `maxFeaturesPerLayer` are counted, not kept.
 */
export function readCsv(input: ImportInput, file: string, options: CsvImportOptions = {}): ImportResult {
  const { text, encoding } = decodeText(input, file, { legacyFallback: true, ...(options.encoding ? { encoding: options.encoding } : {}) });
  if (text.trim() === '') throw new ImportError('empty', { file, ...because('is empty', 'issue.file.empty') });
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const collector = new FeatureCollector(file, limits);
  let header: string[] | null = null;
  let columns: CoordinateColumns | null = null;
  const rows: CsvRow[] = [];
  let record = 0;
  let cut = 0;

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: options.delimiter ?? sniffDelimiter(text),
    step: (result) => {
      const cells = result.data;
      const row = ++record; // The header is row 1, as a spreadsheet shows it.
      if (header === null) {
        if (cells.length === 0 || isBlank(cells))
          throw new ImportError('empty', { file, row: 1, ...because('has no header row', 'issue.csv.noHeader') });
        header = uniqueHeader(cells);
        columns = coordinateColumnsOf(header, options);
        for (const name of columns ? [columns.x, columns.y] : []) {
          if (!header.includes(name))
            throw new ImportError('missing-column', {
              file,
              row: 1,
              field: name,
              ...because(`has no column "${name}"`, 'issue.csv.noColumn', { column: name }),
            });
        }
        return;
      }
      if (isBlank(cells)) return;
      // A broken quote swallows the following lines into one cell: such a row is skipped.
      const broken = result.errors.find((error) => error.type === 'Quotes');
      if (broken) {
        const detail = ` (${broken.message})`;
        collector.skip(
          { row },
          'bad-record',
          because(`unreadable CSV row${detail}`, 'issue.csv.unreadableRow', { detail: englishDetail(detail) }),
        );
        return;
      }
      const long = cells.findIndex((cell) => cell.length > limits.maxCellLength);
      if (long >= 0) {
        const [length, max] = [cells[long].length, limits.maxCellLength];
        const why = because(
          `cell of ${length} characters, more than the ${max} a cell may hold (limit maxCellLength)`,
          'issue.limit.cellTooLong',
          {
            length,
            max,
            key: 'maxCellLength',
          },
        );
        collector.skip({ row }, 'bad-record', why, header[long] ?? `column${long + 1}`);
        return;
      }
      if (rows.length >= limits.maxFeaturesPerLayer) {
        cut++;
        return;
      }
      const values: Record<string, string> = {};
      header.forEach((column, c) => (values[column] = cells[c] ?? ''));
      if (!columns) rows.push({ row, values });
      else {
        const [xText, yText] = cellsOf(values, columns);
        rows.push({ row, values, xy: { xText, yText, x: parseCoordinate(xText), y: parseCoordinate(yText) } });
      }
    },
  });
  if (header === null) throw new ImportError('empty', { file, row: 1, ...because('has no header row', 'issue.csv.noHeader') });
  collector.countCut(cut);
  const finalHeader: string[] = header;
  const coordinateColumns = columns as CoordinateColumns | null;

  const base = { file, encoding, columns: finalHeader, repaired: collector.repaired };
  if (!coordinateColumns) {
    for (const { row, values } of rows) {
      const id = pickId(values);
      collector.add({ row, ...(id !== undefined ? { id } : {}) }, () => ({
        ...(id !== undefined ? { id } : {}),
        row,
        geometry: null,
        properties: values,
      }));
    }
    const warnings = collector.limitWarnings();
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
      ...(warnings.length ? { warnings } : {}),
    };
  }

  const samples: CoordinateSample[] = [];
  for (const { xy } of rows.slice(0, CRS_SAMPLE_ROWS)) if (xy && Number.isFinite(xy.x) && Number.isFinite(xy.y)) samples.push([xy.x, xy.y]);
  const hint = options.sourceCrs ? undefined : coordinateColumns.crsHint;
  const resolved = resolveSourceCrs(file, { samples }, hint ? { ...options, sourceCrs: hint } : options);
  if (hint)
    resolved.crs = {
      ...resolved.crs,
      confidence: 'guessed',
      ...because(`column "${coordinateColumns.x}" names ${hint}`, 'issue.crs.columnNames', { column: coordinateColumns.x, crs: hint }),
    };

  const where =
    coordinateColumns.kind === 'combined' ? at.column(coordinateColumns.x) : at.columns(coordinateColumns.x, coordinateColumns.y);
  for (const { row, values, xy } of rows) {
    const id = pickId(values);
    collector.add({ row, ...(id !== undefined ? { id } : {}) }, () => {
      const { xText, yText, x, y } = xy!;
      if (xText.trim() === '' || yText.trim() === '') {
        const field = xText.trim() === '' ? coordinateColumns.x : coordinateColumns.y;
        throw new SkipFeature(
          'no-geometry',
          because(`no coordinates in column "${field}"`, 'issue.csv.noCoordinates', { column: field }),
          field,
        );
      }
      const bad = Number.isNaN(x) ? [coordinateColumns.x, xText] : Number.isNaN(y) ? [coordinateColumns.y, yText] : null;
      if (bad) {
        const value = quoteCell(bad[1].trim());
        throw new SkipFeature('bad-coordinate', because(`${value} is not a number`, 'issue.csv.notANumber', { value }), bad[0]);
      }
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
    !options.sourceCrs && !hint && coordinateColumns.kind !== 'xy' && resolved.sourceCrs === 'EPSG:4326'
      ? webMapExportClue(
          file,
          finalHeader,
          rows.slice(0, 20).map((r) => r.values),
        )
      : null;
  const warnings = [
    ...(clue
      ? [
          {
            file,
            ...because(
              `looks like a Chinese web-map export (${clue}): its coordinates are probably GCJ-02, about 500 m off if read as WGS84; choose the coordinate system of the layer`,
              'issue.crs.webMapHint',
              { clue: englishDetail(` (${clue})`) },
            ),
          },
        ]
      : []),
    ...collector.limitWarnings(),
  ];
  return {
    ...base,
    ...(clue ? { suggestedCrs: 'GCJ-02' as const } : {}),
    kind: inferKind(collector.features, finalHeader),
    sourceCrs: resolved.sourceCrs,
    crs: resolved.crs,
    axesSwapped: resolved.axesSwapped,
    features: collector.features,
    skipped: collector.skipped,
    ...(warnings.length ? { warnings } : {}),
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
