import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, importFiles } from '../../../../src/data/formats/index';
import { summarizeImport } from '../../../../src/i18n/issues';

const FIXTURES = path.resolve('tests/fixtures/formats');
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

describe('detectFormat', () => {
  it('tells formats by extension and CityJSON from GeoJSON by content', () => {
    expect(detectFormat('a.geojson')).toBe('geojson');
    expect(detectFormat('a.json', bytes('two-buildings.city.json'))).toBe('cityjson');
    expect(detectFormat('a.json', bytes('osm-overpass.geojson'))).toBe('geojson');
    expect(detectFormat('B.CSV')).toBe('csv');
    expect(detectFormat('x.dbf')).toBe('shapefile');
    expect(detectFormat('x.kml')).toBeNull();
  });
});

describe('importFiles', () => {
  it('imports a dropped set: one result per file or shapefile layer, failures as plain objects', () => {
    const files = new Map<string, Uint8Array>([
      ['osm.geojson', bytes('osm-overpass.geojson')],
      ['stats.csv', bytes('facilities-gbk.csv')],
      ['model.city.json', bytes('two-buildings.city.json')],
      ['survey.csv', new TextEncoder().encode('x,y\n1234.5,5678.9\n')],
      ['broken.geojson', new TextEncoder().encode('{"type":"FeatureCollection","features":[')],
      ['map.kml', new Uint8Array([60])],
      ...readdirSync(path.join(FIXTURES, 'buildings-4549')).map((n) => [n, bytes(`buildings-4549/${n}`)] as [string, Uint8Array]),
    ]);
    const { results, failures } = importFiles(files);
    expect(results.map((r) => [r.file, r.kind, r.features.length])).toEqual([
      ['osm.geojson', 'facilities', 9],
      ['stats.csv', 'facilities', 2],
      ['model.city.json', 'buildings', 3],
      ['buildings.shp', 'buildings', 3],
    ]);
    // A local grid (small numbers) fits no CRS: the user must choose one.
    expect(failures.map((f) => [f.issues[0].file, f.code])).toEqual([
      ['survey.csv', 'unknown-crs'],
      ['broken.geojson', 'invalid-json'],
      ['map.kml', 'unsupported-format'],
    ]);
    // Failures survive structured cloning (what postMessage does) with their fields.
    expect(structuredClone(failures[1])).toEqual(failures[1]);
    expect(summarizeImport(results[1], 'en')).toBe('2 features imported, 2 skipped (row 4: no geometry; row 5: invalid coordinate)');
  });

  it('reports progress after every file and shapefile layer read, failures included', () => {
    const files = new Map<string, Uint8Array>([
      ['osm.geojson', bytes('osm-overpass.geojson')],
      ['broken.geojson', new TextEncoder().encode('{')],
      ...readdirSync(path.join(FIXTURES, 'buildings-4549')).map((n) => [n, bytes(`buildings-4549/${n}`)] as [string, Uint8Array]),
    ]);
    const events: [number, number, string][] = [];
    importFiles(files, {}, (done, total, file) => events.push([done, total, file]));
    // Two loose files and one shapefile layer (named by its stem; the .dbf/.prj/.shx travel with the .shp).
    expect(events).toEqual([
      [1, 3, 'osm.geojson'],
      [2, 3, 'broken.geojson'],
      [3, 3, 'buildings'],
    ]);
  });
});
