import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../../../src/core/geo/crs';
import { readGeoJson } from '../../../../src/data/formats/geojson';
import { ImportError, type ImportedGeometry } from '../../../../src/data/formats/importResult';

const FIXTURES = path.resolve('tests/fixtures/formats');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const utf8 = (text: string) => new TextEncoder().encode(text);

const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const square: number[][] = [
  [120.15, 30.25],
  [120.151, 30.25],
  [120.151, 30.251],
  [120.15, 30.251],
  [120.15, 30.25],
];

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('readGeoJson: OSM exports', () => {
  it('reads the overpass-turbo fixture with tags as properties and @id as id (9 features, none skipped)', () => {
    const result = readGeoJson(fixture('osm-overpass.geojson'), 'osm-overpass.geojson');
    expect(result.features).toHaveLength(9);
    expect(result.skipped).toEqual([]);
    expect(result.sourceCrs).toBe('EPSG:4326');
    expect(result.crs.confidence).toBe('guessed');
    const apartments = result.features[0];
    expect(apartments.id).toBe('way/1001');
    expect(apartments.properties).toMatchObject({ building: 'apartments', 'building:levels': '6', name: '景和新村1幢' });
    // Points are the largest family (5 of 9) and 4 of them map to facility categories (not the bench).
    expect(result.kind).toBe('facilities');
  });

  it('flattens raw osmtogeojson properties {type, id, tags} into tags plus "@id"', () => {
    const text = collection({
      type: 'Feature',
      id: 'way/7',
      properties: { type: 'way', id: 7, tags: { building: 'residential', 'building:levels': '5' }, relations: [], meta: {} },
      geometry: { type: 'Polygon', coordinates: [square] },
    });
    const [f] = readGeoJson(text, 'raw.geojson').features;
    expect(f.properties).toEqual({ '@id': 'way/7', building: 'residential', 'building:levels': '5' });
    expect(f.id).toBe('way/7');
  });
});

describe('readGeoJson: coordinate systems', () => {
  it('converts a projected file declared with the 2008 crs member (urn:ogc:def:crs:EPSG::4549)', () => {
    // The corner (120.15, 30.25) is (514436.5362 E, 3347836.5560 N) by cs2cs (see crs.test.ts).
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4549' } },
      features: [feature({ type: 'Point', coordinates: [514436.5362, 3347836.556] })],
    });
    const result = readGeoJson(text, 'p.geojson');
    expect(result.sourceCrs).toBe('EPSG:4549');
    expect(result.crs.confidence).toBe('declared');
    const point = result.features[0].geometry as Extract<ImportedGeometry, { type: 'Point' }>;
    expect(point.coordinates[0]).toBeCloseTo(120.15, 7);
    expect(point.coordinates[1]).toBeCloseTo(30.25, 7);
  });

  it('guesses EPSG:4549 for undeclared Gauss-Krüger metres and swaps northing-first axes', () => {
    const [e, n] = fromWgs84('EPSG:4549', 120.15, 30.25);
    const result = readGeoJson(collection(feature({ type: 'Point', coordinates: [n, e] })), 'swapped.geojson');
    expect(result).toMatchObject({ sourceCrs: 'EPSG:4549', axesSwapped: true });
    expect(result.crs.confidence).toBe('guessed');
    const point = result.features[0].geometry as Extract<ImportedGeometry, { type: 'Point' }>;
    expect(point.coordinates[0]).toBeCloseTo(120.15, 7);
  });

  it('lets the caller say the points are GCJ-02 (AMap) and converts them to WGS84', () => {
    // GCJ-02 of West Lake (120.15, 30.25) is (120.15471, 30.24768) by the public GCJ-02 formula (checked in crs.test.ts).
    const [gLon, gLat] = fromWgs84('GCJ-02', 120.15, 30.25);
    const result = readGeoJson(collection(feature({ type: 'Point', coordinates: [gLon, gLat] })), 'amap.geojson', { sourceCrs: 'GCJ-02' });
    const point = result.features[0].geometry as Extract<ImportedGeometry, { type: 'Point' }>;
    expect(point.coordinates[0]).toBeCloseTo(120.15, 8);
    expect(point.coordinates[1]).toBeCloseTo(30.25, 8);
  });

  it('refuses a declared CRS it does not support, naming it', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32650' } },
      features: [feature({ type: 'Point', coordinates: [200000, 3350000] })],
    });
    const error = importError(() => readGeoJson(text, 'utm.geojson'));
    expect(error.code).toBe('unsupported-crs');
    expect(error.issues[0].reason).toMatch(/EPSG:32650/);
  });
});

describe('readGeoJson: geometry repairs and orientation', () => {
  it('closes an unclosed ring, notes the repair and rewinds the exterior counter-clockwise', () => {
    const clockwiseOpen = [
      [120.15, 30.25],
      [120.15, 30.251],
      [120.151, 30.251],
      [120.151, 30.25],
    ];
    const result = readGeoJson(collection(feature({ type: 'Polygon', coordinates: [clockwiseOpen] })), 'open.geojson');
    const polygon = result.features[0].geometry as Extract<ImportedGeometry, { type: 'Polygon' }>;
    const ring = polygon.coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // Counter-clockwise: the second vertex goes east (lon grows) from the south-west corner.
    expect(ring[1][0]).toBeGreaterThan(ring[0][0]);
    expect(result.repaired).toEqual([
      {
        file: 'open.geojson',
        feature: 0,
        reason: 'ring 0 was not closed; closed it',
        message: { code: 'issue.repair.ringClosed', params: { where: { code: 'issue.where.ringN', params: { n: 0 } } } },
      },
    ]);
  });

  it('accepts a single Feature or a bare geometry as well as a FeatureCollection', () => {
    expect(readGeoJson(JSON.stringify(feature({ type: 'Point', coordinates: [120.15, 30.25] })), 'f.geojson').features).toHaveLength(1);
    expect(readGeoJson(JSON.stringify({ type: 'Point', coordinates: [120.15, 30.25] }), 'g.geojson').features).toHaveLength(1);
  });
});

describe('readGeoJson: malformed input', () => {
  it('names truncated JSON with its line and column', () => {
    const text = `${collection(feature({ type: 'Polygon', coordinates: [square] }))}`.slice(0, 60);
    const error = importError(() => readGeoJson(utf8(text), 'cut.geojson'));
    expect(error.name).toBe('ImportError');
    expect(error.code).toBe('invalid-json');
    expect(error.issues[0].reason).toMatch(/truncated/);
    expect(error.position).toEqual({ offset: 60, line: 1, column: 61 });
  });

  it('locates a syntax error in the middle of a file', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [,]\n}';
    const error = importError(() => readGeoJson(text, 'bad.geojson'));
    expect(error.code).toBe('invalid-json');
    // The stray comma: line 3 is `  "features": [,]`, so column 16; offset 2 + 31 + 15 = 48.
    expect(error.position).toEqual({ offset: 48, line: 3, column: 16 });
    expect(error.issues[0].reason).not.toMatch(/truncated/);
  });

  it('rejects an empty file and a whitespace-only file', () => {
    expect(importError(() => readGeoJson(new Uint8Array(0), 'empty.geojson')).code).toBe('empty');
    expect(importError(() => readGeoJson(utf8('  \n\t '), 'blank.geojson')).code).toBe('empty');
  });

  it('rejects binary content as "not a text file" (NUL bytes, invalid UTF-8)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const nul = importError(() => readGeoJson(png, 'image.geojson'));
    expect(nul.code).toBe('not-text');
    expect(nul.issues[0].reason).toMatch(/^not a text file/);
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"é":1} in Latin-1
    expect(importError(() => readGeoJson(latin1, 'latin1.geojson')).code).toBe('not-text');
  });

  it('fails fast on 100 MB of garbage, looking only at the first bytes', () => {
    const size = 100 * 1024 * 1024;
    const text = new Uint8Array(size).fill(0x61); // "aaaa…": valid UTF-8 text, not JSON
    let started = performance.now();
    const notJson = importError(() => readGeoJson(text, 'garbage.geojson'));
    expect(notJson.code).toBe('invalid-json');
    expect(performance.now() - started).toBeLessThan(500);

    const binary = new Uint8Array(size);
    for (let i = 0; i < size; i += 4096) binary[i] = 0xff; // random-ish bytes, NUL everywhere else
    started = performance.now();
    expect(importError(() => readGeoJson(binary, 'garbage.bin')).code).toBe('not-text');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('says what a JSON file is when it is not GeoJSON', () => {
    expect(importError(() => readGeoJson('{"type":"CityJSON"}', 'c.json')).issues[0].reason).toMatch(/CityJSON/);
    expect(importError(() => readGeoJson('{"version":0.6,"elements":[]}', 'o.json')).issues[0].reason).toMatch(/Overpass/);
  });

  it('skips features with unusable geometry, each with its index and reason, and keeps the rest', () => {
    const bowTie = [
      [120.15, 30.25],
      [120.151, 30.251],
      [120.151, 30.25],
      [120.15, 30.251],
      [120.15, 30.25],
    ];
    // JSON cannot hold NaN (writers emit null) but 1e999 parses to Infinity.
    const text = `{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"ok"},"geometry":{"type":"Polygon","coordinates":${JSON.stringify([square])}}},
      {"type":"Feature","properties":{"id":"none"},"geometry":null},
      {"type":"Feature","properties":{},"geometry":{"type":"Circle","coordinates":[120.15,30.25]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[null,30.25]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e999,30.25]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[200.5,30.25]}},
      {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":${JSON.stringify([bowTie])}}},
      {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[120.15,30.25],[120.15,30.25]]}},
      {"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[]}},
      "not a feature"
    ]}`;
    const result = readGeoJson(text, 'mixed.geojson');
    expect(result.features.map((f) => f.id)).toEqual(['ok']);
    expect(result.skipped.map((s) => [s.feature, s.code])).toEqual([
      [1, 'no-geometry'],
      [2, 'unsupported-geometry'],
      [3, 'bad-coordinate'],
      [4, 'bad-coordinate'],
      [5, 'out-of-range'],
      [6, 'self-intersection'],
      [7, 'too-few-positions'],
      [8, 'unsupported-geometry'],
      [9, 'bad-record'],
    ]);
    expect(result.skipped[0]).toMatchObject({ file: 'mixed.geojson', id: 'none', reason: 'no geometry' });
    // The bow-tie's diagonals cross at its centre (120.1505, 30.2505).
    expect(result.skipped[5].reason).toMatch(/ring 0 intersects itself near \(120\.1505, 30\.2505\)/);
  });
});
