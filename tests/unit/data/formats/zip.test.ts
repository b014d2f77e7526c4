import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../src/data/formats';

const FIXTURE_DIR = path.resolve('tests/fixtures/formats/buildings-4549');

describe('zipped inputs', () => {
  it('reads a zipped EPSG:4549 shapefile like the loose files (same features, same coordinates)', () => {
    const parts: Record<string, Uint8Array> = {};
    for (const file of readdirSync(FIXTURE_DIR)) parts[`buildings/${file}`] = new Uint8Array(readFileSync(path.join(FIXTURE_DIR, file)));
    const zipped = importFiles(new Map([['buildings.zip', zipSync(parts)]]));
    const loose = importFiles(new Map(readdirSync(FIXTURE_DIR).map((f) => [f, new Uint8Array(readFileSync(path.join(FIXTURE_DIR, f)))])));
    expect(zipped.failures).toEqual([]);
    expect(zipped.results).toHaveLength(1);
    expect(zipped.results[0].sourceCrs).toBe('EPSG:4549');
    expect(zipped.results[0].features.map((f) => f.geometry)).toEqual(loose.results[0].features.map((f) => f.geometry));
  });

  it('skips folder entries and macOS resource forks, and reads a GeoJSON next to them', () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'A' }, geometry: { type: 'Point', coordinates: [120.18, 30.27] } }],
    });
    const zip = zipSync({
      'data/': new Uint8Array(0),
      'data/points.geojson': strToU8(geojson),
      '__MACOSX/data/._points.geojson': strToU8('junk'),
    });
    const batch = importFiles(new Map([['points.zip', zip]]));
    expect(batch.failures).toEqual([]);
    expect(batch.results.map((r) => r.file)).toEqual(['points.zip/data/points.geojson']);
  });

  it('names the zip when it cannot be read, and still imports the other files', () => {
    const geojson = strToU8(JSON.stringify({ type: 'FeatureCollection', features: [] }));
    const batch = importFiles(
      new Map<string, Uint8Array>([
        ['broken.zip', strToU8('PK not really a zip')],
        ['empty.geojson', geojson],
      ]),
    );
    expect(batch.failures).toHaveLength(1);
    expect(batch.failures[0].issues[0].file).toBe('broken.zip');
    expect(batch.results.map((r) => r.file)).toEqual(['empty.geojson']);
  });
});
