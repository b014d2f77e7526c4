import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import type { LonLat } from '../../../../src/core/model/types';
import { dbfEncoding } from '../../../../src/data/formats/dbf';
import { ImportError, type ImportedGeometry } from '../../../../src/data/formats/importResult';
import { listShapefileLayers, readShapefile } from '../../../../src/data/formats/shapefile';

/**
 * The fixtures were written by ogr2ogr (GDAL 3.6.2 / PROJ 9.1.1) from the GeoJSON sources beside
 * them (tests/fixtures/formats/README.md). Reading them back must give the source lon/lat within
 * 1 cm: PROJ projected forward, we project back with proj4js.
 */
const FIXTURES = path.resolve('tests/fixtures/formats');

function layerFiles(folder: string): Map<string, Uint8Array> {
  const dir = path.join(FIXTURES, folder);
  return new Map(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(path.join(dir, name)))]));
}

interface SourceFeature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
const source = (name: string) => (JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as { features: SourceFeature[] }).features;

/** Every position of a geometry, flattened. */
function positions(coordinates: unknown): LonLat[] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') return [[coordinates[0], coordinates[1] as number]];
  return (coordinates as unknown[]).flatMap(positions);
}

/** Largest distance (m) from a source position to the nearest read position, and count check. */
function worstMismatchMeters(read: ImportedGeometry | null, expected: SourceFeature['geometry']): number {
  const got = positions(read?.coordinates);
  const want = positions(expected.coordinates);
  expect(got.length).toBe(want.length);
  const frame = createLocalFrame(want[0]);
  return Math.max(
    ...want.map((w) => {
      const [we, wn] = frame.toLocal(w);
      return Math.min(...got.map((g) => Math.hypot(frame.toLocal(g)[0] - we, frame.toLocal(g)[1] - wn)));
    }),
  );
}

describe('readShapefile: polygons in EPSG:4549 with GBK attributes', () => {
  const files = layerFiles('buildings-4549');
  const result = readShapefile(files);
  const expected = source('buildings-source.geojson');

  it('detects EPSG:4549 from the ESRI .prj and GBK from the .cpg', () => {
    expect(result.sourceCrs).toBe('EPSG:4549');
    expect(result.crs).toMatchObject({ confidence: 'declared', axisOrder: 'east-north' });
    expect(result.axesSwapped).toBe(false);
    expect(result.encoding).toBe('gb18030');
    expect(result.warnings).toEqual([]);
  });

  it('reads the Chinese field names and values of all 3 records (null for the blank 高度 of B03)', () => {
    expect(result.columns).toEqual(['幢编码', '名称', '层数', '高度', '建成年代', '用途']);
    expect(result.features.map((f) => f.properties)).toEqual([
      { 幢编码: 'B01', 名称: '1幢', 层数: 6, 高度: 18.5, 建成年代: '1995', 用途: '住宅' },
      { 幢编码: 'B02', 名称: '2幢（带天井）', 层数: 4, 高度: 12, 建成年代: '1980年代', 用途: '商住' },
      { 幢编码: 'B03', 名称: '3幢', 层数: 2, 高度: null, 建成年代: '2003', 用途: '办公' },
    ]);
    expect(result.kind).toBe('buildings');
  });

  it('gives back the source lon/lat within 1 cm, with the hole and the two parts kept', () => {
    expect(result.features.map((f) => f.geometry?.type)).toEqual(['Polygon', 'Polygon', 'MultiPolygon']);
    const courtyard = result.features[1].geometry as Extract<ImportedGeometry, { type: 'Polygon' }>;
    expect(courtyard.coordinates).toHaveLength(2);
    result.features.forEach((f, i) => expect(worstMismatchMeters(f.geometry, expected[i].geometry)).toBeLessThan(0.01));
  });

  it('detects GBK without the .cpg (bytes are not UTF-8), and from an explicit parameter', () => {
    const withoutCpg = new Map([...files].filter(([name]) => !name.endsWith('.cpg')));
    const detected = readShapefile(withoutCpg);
    expect(detected.encoding).toBe('gb18030');
    expect(detected.features[1].properties['名称']).toBe('2幢（带天井）');
    expect(dbfEncoding(files.get('buildings.dbf')!, undefined, 'CP936')).toEqual({ encoding: 'gb18030', source: 'parameter' });
  });

  it('matches siblings case-insensitively inside folders, as a zip would list them', () => {
    const zipped = new Map([...files].map(([name, bytes]) => [`export/${name.replace('buildings', 'BUILDINGS')}`, bytes]));
    expect(listShapefileLayers(zipped)).toEqual(['export/BUILDINGS']);
    expect(readShapefile(zipped).features).toHaveLength(3);
  });

  it('guesses the CRS from the coordinates when the .prj is missing, and warns', () => {
    const noPrj = new Map([...files].filter(([name]) => !name.endsWith('.prj')));
    const result2 = readShapefile(noPrj);
    expect(result2.sourceCrs).toBe('EPSG:4549');
    expect(result2.crs.confidence).toBe('guessed');
    expect(result2.warnings?.map((w) => w.reason)).toEqual([
      'has no .prj beside it: the coordinate system is guessed from the coordinates',
    ]);
  });

  it('imports geometry without attributes when the .dbf is missing, and warns', () => {
    const noDbf = new Map([...files].filter(([name]) => !name.endsWith('.dbf')));
    const result2 = readShapefile(noDbf);
    expect(result2.features).toHaveLength(3);
    expect(result2.features[0].properties).toEqual({});
    expect(result2.warnings?.[0].reason).toMatch(/no \.dbf/);
  });

  it('leaves out records marked deleted in the .dbf', () => {
    const dbf = files.get('buildings.dbf')!.slice();
    const view = new DataView(dbf.buffer);
    const headerLength = view.getUint16(8, true);
    const recordLength = view.getUint16(10, true);
    dbf[headerLength + recordLength] = 0x2a; // record 1 (B02) deleted
    const result2 = readShapefile(new Map([...files, ['buildings.dbf', dbf]]));
    expect(result2.features.map((f) => f.properties['幢编码'])).toEqual(['B01', 'B03']);
    expect(result2.warnings?.map((w) => w.reason)).toContain('1 record(s) marked deleted in the .dbf were left out');
  });

  it('reads northing-first files (X = 北) by swapping axes, keeping the courtyard a hole', () => {
    // Swap x and y of every point (and bounding box) of the polygon records, as a surveyor's
    // export following the official EPSG:4549 axis order would store them.
    const shp = files.get('buildings.shp')!.slice();
    const view = new DataView(shp.buffer);
    const swapPair = (at: number) => {
      const x = view.getFloat64(at, true);
      view.setFloat64(at, view.getFloat64(at + 8, true), true);
      view.setFloat64(at + 8, x, true);
    };
    for (let offset = 100; offset < shp.length;) {
      const content = offset + 8;
      swapPair(content + 4); // xmin, ymin
      swapPair(content + 20); // xmax, ymax
      const numParts = view.getInt32(content + 36, true);
      const numPoints = view.getInt32(content + 40, true);
      for (let i = 0; i < numPoints; i++) swapPair(content + 44 + 4 * numParts + 16 * i);
      offset = content + view.getInt32(offset + 4, false) * 2;
    }
    const swapped = readShapefile(new Map([...files, ['buildings.shp', shp]]));
    expect(swapped.axesSwapped).toBe(true);
    expect(swapped.crs.reason).toMatch(/swapped/);
    const courtyard = swapped.features[1].geometry as Extract<ImportedGeometry, { type: 'Polygon' }>;
    expect(courtyard.coordinates).toHaveLength(2);
    swapped.features.forEach((f, i) => expect(worstMismatchMeters(f.geometry, expected[i].geometry)).toBeLessThan(0.01));
  });

  it('skips a truncated last record with its index and keeps the complete ones', () => {
    const shp = files.get('buildings.shp')!;
    const cut = shp.slice(0, shp.length - 40);
    const result2 = readShapefile(new Map([...files, ['buildings.shp', cut]]));
    expect(result2.features).toHaveLength(2);
    expect(result2.skipped).toMatchObject([{ file: 'buildings.shp', feature: 2, code: 'bad-record' }]);
  });

  it('rejects a file that is not a shapefile, and a set without .shp', () => {
    const bad = files.get('buildings.shp')!.slice();
    bad[3] = 0;
    const error = (() => {
      try {
        readShapefile(new Map([...files, ['buildings.shp', bad]]));
      } catch (e) {
        return e as ImportError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect(error?.code).toBe('invalid-shapefile');
    expect(() => readShapefile(new Map([['a.dbf', new Uint8Array(10)]]))).toThrow(/no \.shp/);
  });
});

describe('readShapefile: points and lines', () => {
  it('reads PointZ in EPSG:4528 (zone-40 prefix) back to the source lon/lat within 1 cm', () => {
    const result = readShapefile(layerFiles('facilities-4528-z'));
    const expected = source('facilities-source.geojson');
    expect(result.sourceCrs).toBe('EPSG:4528');
    expect(result.encoding).toBe('utf-8');
    expect(result.features.map((f) => f.properties['名称'])).toEqual(['景和幼儿园', '景和社区卫生服务站']);
    result.features.forEach((f, i) => expect(worstMismatchMeters(f.geometry, expected[i].geometry)).toBeLessThan(0.01));
    // 141204 is AMap's 幼儿园 code; 社区卫生服务站 is recognised by name.
    expect(result.kind).toBe('facilities');
  });

  it('reads PolyLine records as LineString and MultiLineString', () => {
    const result = readShapefile(layerFiles('paths-4549'));
    const expected = source('paths-source.geojson');
    expect(result.features.map((f) => f.geometry?.type)).toEqual(['LineString', 'MultiLineString']);
    result.features.forEach((f, i) => expect(worstMismatchMeters(f.geometry, expected[i].geometry)).toBeLessThan(0.01));
    expect(result.kind).toBe('network');
  });
});
