import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../../../src/core/geo/localFrame';
import type { LonLat } from '../../../../src/core/model/types';
import { readCityJson } from '../../../../src/data/formats/cityjson';
import { type ImportError, type ImportedGeometry } from '../../../../src/data/formats/importResult';

const fixture = readFileSync(path.resolve('tests/fixtures/formats/two-buildings.city.json'));
const ringOf = (geometry: ImportedGeometry | null) => (geometry as Extract<ImportedGeometry, { type: 'Polygon' }>).coordinates[0];
const meters = (a: LonLat, b: LonLat) => Math.hypot(...createLocalFrame(a).toLocal(b));
const near = (ring: LonLat[], point: LonLat) => Math.min(...ring.map((p) => meters(p, point)));

describe('readCityJson: the two-building fixture (CityJSON 2.0, EPSG:4549)', () => {
  const result = readCityJson(fixture, 'two-buildings.city.json');

  it('takes the CRS from metadata.referenceSystem and yields B1 plus the two parts of B2', () => {
    expect(result.sourceCrs).toBe('EPSG:4549');
    expect(result.crs.confidence).toBe('declared');
    expect(result.kind).toBe('buildings');
    expect(result.features.map((f) => [f.id, f.feature])).toEqual([
      ['B1', 0],
      ['B2-A', 1],
      ['B2-B', 1],
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('uses the LOD1.2 block for height (18 m), not the LOD2.2 ridge (21 m); parts 12 m and 6 m', () => {
    // make-cityjson.py: B1 z 5→23, ridge 26; B2-A z 5→17; B2-B z 5→11.
    expect(result.features.map((f) => f.heightMeters)).toEqual([18, 12, 6]);
    expect(result.features[0].properties).toMatchObject({ lod: 1.2 });
  });

  it('places B1’s footprint corners where cs2cs puts them (within 1 cm)', () => {
    // echo "3347800 514400\n3347810 514420" | cs2cs -f "%.9f" EPSG:4549 EPSG:4490
    //   → 30.249670676 120.149619879 / 30.249760644 120.149827821
    const ring = ringOf(result.features[0].geometry);
    expect(ring).toHaveLength(5);
    expect(near(ring, [120.149619879, 30.249670676])).toBeLessThan(0.01);
    expect(near(ring, [120.149827821, 30.249760644])).toBeLessThan(0.01);
    // B2-A: (514430, 3347800) → 30.249670319 120.149931587; (514440, 3347810) → 30.249760407 120.150035626
    const part = ringOf(result.features[1].geometry);
    expect(near(part, [120.149931587, 30.249670319])).toBeLessThan(0.01);
    expect(near(part, [120.150035626, 30.249760407])).toBeLessThan(0.01);
  });

  it('keeps attributes, with the parent’s under the part’s', () => {
    expect(result.features[0].properties).toMatchObject({
      measuredHeight: 18,
      storeysAboveGround: 6,
      yearOfConstruction: 1995,
      function: '住宅',
    });
    expect(result.features[1].properties).toMatchObject({
      yearOfConstruction: 2005,
      function: '商住',
      storeysAboveGround: 4,
      cityObjectType: 'BuildingPart',
      parentId: 'B2',
    });
  });
});

describe('readCityJson: other versions and broken objects', () => {
  // CityJSON 1.0: no transform, real coordinates, URN reference system.
  const v10 = (objects: Record<string, unknown>, vertices: number[][]) =>
    JSON.stringify({
      type: 'CityJSON',
      version: '1.0',
      metadata: { referenceSystem: 'urn:ogc:def:crs:EPSG::4549' },
      CityObjects: objects,
      vertices,
    });
  // A 10 m × 10 m × 9 m box as a MultiSurface without semantics, its ground split in two triangles.
  const box = [
    [514400, 3347800, 0],
    [514410, 3347800, 0],
    [514410, 3347810, 0],
    [514400, 3347810, 0],
    [514400, 3347800, 9],
    [514410, 3347800, 9],
    [514410, 3347810, 9],
    [514400, 3347810, 9],
  ];

  it('reads 1.0 without transform and falls back to the hull when the ground is split, noting it', () => {
    const text = v10(
      {
        A: {
          type: 'Building',
          geometry: [{ type: 'MultiSurface', lod: 2, boundaries: [[[0, 2, 1]], [[0, 3, 2]], [[4, 5, 6, 7]], [[0, 1, 5, 4]]] }],
        },
      },
      box,
    );
    const result = readCityJson(text, 'v10.json');
    expect(result.features).toHaveLength(1);
    expect(result.features[0].heightMeters).toBe(9);
    expect(ringOf(result.features[0].geometry)).toHaveLength(5); // the 4 corners, closed
    expect(result.repaired[0].reason).toBe('footprint is the convex hull of the lowest vertices (2 ground surfaces)');
  });

  it('skips a building without geometry and one pointing at missing vertices, with their ids', () => {
    const text = v10(
      {
        Empty: { type: 'Building' },
        Broken: { type: 'Building', geometry: [{ type: 'MultiSurface', lod: 1, boundaries: [[[0, 1, 99]]] }] },
      },
      box,
    );
    const result = readCityJson(text, 'broken.json');
    expect(result.features).toEqual([]);
    expect(result.skipped.map((s) => [s.feature, s.id, s.code])).toEqual([
      [0, 'Empty', 'no-geometry'],
      [1, 'Broken', 'bad-coordinate'],
    ]);
    expect(result.skipped[1].reason).toMatch(/vertex index 99/);
  });

  it('rejects GeoJSON and JSON without CityObjects with named errors', () => {
    const code = (text: string) => {
      try {
        readCityJson(text, 'x.json');
      } catch (e) {
        return (e as ImportError).code;
      }
      return undefined;
    };
    expect(code('{"type":"FeatureCollection","features":[]}')).toBe('not-cityjson');
    expect(code('{"type":"CityJSON","version":"2.0","vertices":[]}')).toBe('not-cityjson');
    expect(code('{"type":"CityJSON","CityObj')).toBe('invalid-json');
  });
});
