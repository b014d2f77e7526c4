import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/core/geo/crs';
import { findCoordinateColumns, parseCoordinate, readCsv } from '../../../../src/data/formats/csv';
import { ImportError, type ImportedGeometry } from '../../../../src/data/formats/importResult';

const FIXTURES = path.resolve('tests/fixtures/formats');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const pointOf = (geometry: ImportedGeometry | null) => (geometry as Extract<ImportedGeometry, { type: 'Point' }>).coordinates;

describe('readCsv: encodings', () => {
  // facilities-utf8.csv, by spreadsheet row: 1 header 名称,类型,经度,纬度,床位; 2 景和幼儿园 (120.1805, 30.269);
  // 3 "景和社区卫生服务站，二楼" (120.1810, 30.2695); 4 景和老年食堂 without coordinates; 5 夕阳红养老院 with 纬度 "abc".
  for (const [name, encoding] of [
    ['facilities-utf8.csv', 'utf-8'],
    ['facilities-gbk.csv', 'gb18030'],
  ] as const) {
    it(`reads ${name} as ${encoding}: rows 2–3 imported, row 4 (no coordinates) and row 5 ("abc") skipped`, () => {
      const result = readCsv(fixture(name), name);
      expect(result.encoding).toBe(encoding);
      expect(result.columns).toEqual(['名称', '类型', '经度', '纬度', '床位']);
      expect(result.features.map((f) => [f.row, f.properties['名称']])).toEqual([
        [2, '景和幼儿园'],
        [3, '景和社区卫生服务站，二楼'],
      ]);
      expect(pointOf(result.features[0].geometry)).toEqual([120.1805, 30.269]);
      expect(result.skipped).toEqual([
        {
          file: name,
          row: 4,
          field: '经度',
          code: 'no-geometry',
          reason: 'no coordinates in column "经度"',
          message: { code: 'issue.csv.noCoordinates', params: { column: '经度' } },
        },
        {
          file: name,
          row: 5,
          field: '纬度',
          code: 'bad-coordinate',
          reason: '"abc" is not a number',
          message: { code: 'issue.csv.notANumber', params: { value: '"abc"' } },
        },
      ]);
      expect(result.sourceCrs).toBe('EPSG:4326');
      expect(result.kind).toBe('facilities');
    });
  }

  it('lets the caller override the encoding (GBK bytes read as GBK by name)', () => {
    expect(readCsv(fixture('facilities-gbk.csv'), 'x.csv', { encoding: 'GBK' }).features[0].properties['名称']).toBe('景和幼儿园');
  });

  it('reads a UTF-8 file with BOM and an Excel "Unicode text" (UTF-16LE, tab-separated) file', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('lng,lat\n120.15,30.25\n')]);
    const bom = readCsv(withBom, 'bom.csv');
    expect(bom.encoding).toBe('utf-8');
    expect(bom.columns).toEqual(['lng', 'lat']);
    const text = '经度\t纬度\n120.15\t30.25\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + 2 * i, text.charCodeAt(i), true);
    const result = readCsv(utf16, 'unicode.txt');
    expect(result.encoding).toBe('utf-16le');
    expect(pointOf(result.features[0].geometry)).toEqual([120.15, 30.25]);
  });

  it('rejects binary content: NUL bytes, or bytes that are neither UTF-8 nor GBK', () => {
    expect(() => readCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'a.zip.csv')).toThrow(/not a text file/);
    // Pseudo-random bytes 1–255 (no NUL), from a linear congruential generator.
    const noise = new Uint8Array(4096);
    for (let i = 0, seed = 7; i < noise.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      noise[i] = 1 + ((seed >>> 16) % 255);
    }
    expect(() => readCsv(noise, 'noise.csv')).toThrow(/not a text file/);
  });
});

describe('readCsv: columns, delimiters and row numbers', () => {
  it.each([
    [['经度', '纬度'], 'lonlat'],
    [['Longitude', 'Latitude'], 'lonlat'],
    [['LNG', 'LAT'], 'lonlat'],
    [['经度(WGS84)', '纬度(WGS84)'], 'lonlat'],
    [['X坐标', 'Y坐标'], 'xy'],
    [['东坐标', '北坐标'], 'xy'],
    [['x', 'y'], 'xy'],
    [['name', 'location'], 'combined'],
  ] as const)('finds %j as %s', (header, kind) => {
    expect(findCoordinateColumns(header)?.kind).toBe(kind);
  });

  it('reads AMap exports: gcj_lng/gcj_lat mean GCJ-02 and are converted to WGS84', () => {
    const [gLon, gLat] = fromWgs84('GCJ-02', 120.15, 30.25);
    const result = readCsv(`name,gcj_lng,gcj_lat\n西湖,${gLon},${gLat}\n`, 'amap.csv');
    expect(result.sourceCrs).toBe('GCJ-02');
    expect(result.crs).toMatchObject({ confidence: 'guessed' });
    const [lon, lat] = pointOf(result.features[0].geometry);
    expect(lon).toBeCloseTo(120.15, 8);
    expect(lat).toBeCloseTo(30.25, 8);
  });

  it('reads a single "lng,lat" location column (AMap POI search output)', () => {
    const result = readCsv('name;location\n西湖;"120.15,30.25"\n', 'poi.csv');
    expect(pointOf(result.features[0].geometry)).toEqual([120.15, 30.25]);
  });

  it('sniffs tab, semicolon and bar delimiters', () => {
    for (const d of ['\t', ';', '|']) {
      const result = readCsv(`lon${d}lat${d}name\n120.15${d}30.25${d}a\n`, 'd.csv');
      expect(pointOf(result.features[0].geometry)).toEqual([120.15, 30.25]);
    }
  });

  it('numbers rows as a spreadsheet does: blank lines count, a quoted cell spanning lines is one row', () => {
    const text = 'lon,lat,note\n120.15,30.25,"two\nlines"\n\n120.16,,x\n';
    const result = readCsv(text, 'rows.csv');
    // Row 1 header; row 2 the two-line cell; row 3 blank; row 4 lacks latitude.
    expect(result.features.map((f) => f.row)).toEqual([2]);
    expect(result.skipped.map((s) => s.row)).toEqual([4]);
  });

  it('reads surveyor tables in EPSG:4549 with X = northing, Y = easting, and swaps them', () => {
    // West Lake (120.15, 30.25) = N 3347836.5560, E 514436.5362 by cs2cs (crs.test.ts).
    const result = readCsv('点号,X坐标,Y坐标\nP1,3347836.556,514436.5362\n', 'survey.csv');
    expect(result).toMatchObject({ sourceCrs: 'EPSG:4549', axesSwapped: true });
    const [lon, lat] = pointOf(result.features[0].geometry);
    expect(lon).toBeCloseTo(120.15, 7);
    expect(lat).toBeCloseTo(30.25, 7);
  });

  it('parses degrees-minutes-seconds and thousands separators', () => {
    expect(parseCoordinate('120°09′00″E')).toBeCloseTo(120.15, 10);
    expect(parseCoordinate('30°15\'0"N')).toBeCloseTo(30.25, 10);
    expect(parseCoordinate('3,347,836.556')).toBe(3347836.556);
    expect(parseCoordinate('abc')).toBeNaN();
  });

  it('reads a file without coordinate columns as a table (for joining)', () => {
    const result = readCsv('幢编码,户数,人口\nB01,24,61\nB02,16,40\n', 'stats.csv');
    expect(result.kind).toBe('table');
    expect(result.features.map((f) => [f.row, f.geometry, f.properties['户数']])).toEqual([
      [2, null, '24'],
      [3, null, '16'],
    ]);
  });

  it('skips a row with an unterminated quote and says so', () => {
    const result = readCsv('lon,lat,name\n120.15,30.25,ok\n120.16,30.26,"broken\n', 'q.csv');
    expect(result.features).toHaveLength(1);
    expect(result.skipped[0]).toMatchObject({ row: 3, code: 'bad-record' });
  });

  it('rejects an empty file', () => {
    expect(() => readCsv('', 'e.csv')).toThrow(/empty/);
    expect(() => readCsv(new Uint8Array(0), 'e.csv')).toThrow(ImportError);
  });
});

describe('parseCoordinate on hostile cells', () => {
  it('reads degree-minute-second forms with spaces between the parts, and nothing else', () => {
    expect(parseCoordinate('120 ° 09 ′ 18.5 ″ E')).toBeCloseTo(120 + 9 / 60 + 18.5 / 3600, 10);
    expect(parseCoordinate("-30°15'")).toBeCloseTo(-30.25, 10);
    expect(parseCoordinate('30度15分0秒南')).toBeCloseTo(-30.25, 10);
    for (const bad of ["30°15″15'", '30°°', '°30', '30° E N', '1 20°', "30°15'N 5", '--30°']) expect(parseCoordinate(bad), bad).toBeNaN();
  });

  it('answers at once for cells no coordinate looks like: long runs of digits, spaces after a degree sign', () => {
    const started = performance.now();
    for (const cell of [`1°${' '.repeat(60)}x`, `${'1'.repeat(60)}x`, `${'1'.repeat(20_000)}x`, `1°${' '.repeat(20_000)}x`])
      expect(parseCoordinate(cell)).toBeNaN();
    // Not a speed goal: the old patterns took minutes on these; anything that finishes is linear here.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
