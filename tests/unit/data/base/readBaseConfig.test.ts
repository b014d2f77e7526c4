import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError, formatDataIssue } from '../../../../src/core/errors';
import { DEFAULT_BASE_CONFIG } from '../../../../src/data/base/baseConfig';
import { parseBaseConfig, readBaseConfig } from '../../../../src/data/base/readBaseConfig';
import { localizeError } from '../../../../src/i18n/issues';

const name = { zh: '影像', en: 'Imagery' };
const config = (...sources: unknown[]) => ({ format: 'fct-base', version: '1.0', sources });
const problems = (json: unknown): string[] => {
  try {
    readBaseConfig(json, 'base.json');
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).issues.map(formatDataIssue);
  }
  throw new Error('accepted');
};

describe('readBaseConfig', () => {
  it('the shipped models/base.json is the offline default (Natural Earth, the ellipsoid) and reads as it is', () => {
    const shipped = parseBaseConfig(readFileSync('models/base.json', 'utf8'));
    expect(shipped).toEqual(DEFAULT_BASE_CONFIG);
    expect(shipped.sources.map((s) => `${s.kind}/${s.type}`)).toEqual(['imagery/natural-earth', 'terrain/ellipsoid']);
  });

  it('reads every kind: a GeoServer WMTS in EPSG:4490 (KVP), a REST WMTS, TMS, XYZ, an image, terrain, 3D Tiles and vectors', () => {
    const read = readBaseConfig(
      config(
        {
          id: 'gs-wmts',
          kind: 'imagery',
          type: 'wmts',
          name,
          url: 'http://gis.intranet/geoserver/gwc/service/wmts',
          layer: 'hz:dom2023',
          tileMatrixSetID: 'EPSG:4490',
          crs: 'EPSG:4490',
          tileMatrixLabels: ['EPSG:4490:0', 'EPSG:4490:1'],
        },
        {
          id: 'rest',
          kind: 'imagery',
          type: 'wmts',
          name,
          url: 'http://gis.intranet/wmts/{TileMatrix}/{TileRow}/{TileCol}.png',
          layer: 'dom',
          tileMatrixSetID: 'w',
          crs: 'EPSG:3857',
        },
        { id: 'tms', kind: 'imagery', type: 'tms', name, url: 'tiles/dom/' },
        { id: 'xyz', kind: 'imagery', type: 'xyz', name, url: 'http://tiles.intranet/{z}/{x}/{y}.png', maximumLevel: 18 },
        { id: 'img', kind: 'imagery', type: 'image', name, url: 'plan.png', rectangle: [120.1, 30.2, 120.2, 30.3] },
        { id: 'dem', kind: 'terrain', type: 'geotiff', name, url: 'dem.tif', visible: false },
        { id: 'qm', kind: 'terrain', type: 'quantized-mesh', name, url: 'http://terrain.intranet/hz/' },
        { id: 'city', kind: '3dtiles', type: 'buildings', name, url: 'tiles/city/tileset.json', style: { colorBy: 'height' } },
        { id: 'roads', kind: 'vector', type: 'ogc-features', name, url: 'http://gis.intranet/ogc/collections/roads', color: [255, 0, 0] },
      ),
    );
    expect(read.sources.map((s) => s.id)).toEqual(['gs-wmts', 'rest', 'tms', 'xyz', 'img', 'dem', 'qm', 'city', 'roads']);
    expect(read.sources[0]).toMatchObject({ style: 'default', format: 'image/png', crs: 'EPSG:4490', visible: true, attribution: '' });
    expect(read.sources[3]).toMatchObject({ crs: 'EPSG:3857', maximumLevel: 18 });
    expect(read.sources[5].visible).toBe(false);
    expect(read.sources[7]).toMatchObject({ style: { colorBy: 'height' } });
  });

  it('names the source and the field of every problem, in one pass', () => {
    expect(
      problems(
        config(
          {
            id: 'wmts-1',
            kind: 'imagery',
            type: 'wmts',
            name,
            url: 'http://x/wmts',
            layer: 'a',
            tileMatrixSetID: 'EPSG:2385',
            crs: 'EPSG:2385',
          },
          { id: 'Bad Id', kind: 'terrain', type: 'mesh', name },
          { id: 'xyz', kind: 'imagery', type: 'xyz', name: { zh: '缺英文' }, url: 'http://tiles/{z}/{x}.png' },
          { id: 'js', kind: 'vector', type: 'geojson', name, url: 'javascript:alert(1)' },
          { id: 'img', kind: 'imagery', type: 'image', name, url: 'a.png', rectangle: [120.3, 30, 120.1, 31] },
          { id: 'xyz', kind: '3dtiles', type: 'buildings', name, url: 't/tileset.json', style: { colorBy: 'colour' } },
        ),
      ),
    ).toEqual([
      'base.json, (id "wmts-1"), field "sources[0].crs": must be one of EPSG:3857, EPSG:4326, EPSG:4490, got "EPSG:2385"',
      'base.json, (id "Bad Id"), field "sources[1].id": must use only a–z, 0–9 and "-", got "Bad Id"',
      'base.json, (id "Bad Id"), field "sources[1].type": must be one of ellipsoid, quantized-mesh, geotiff, got "mesh"',
      'base.json, (id "xyz"), field "sources[2].name": must be {"zh": "…", "en": "…"} with both texts, got an object',
      'base.json, (id "xyz"), field "sources[2].url": must be a template with {z}, {x} and {y} (or {reverseY})',
      'base.json, (id "js"), field "sources[3].url": must be an http(s) URL or a path under models/, got "javascript:alert(1)"',
      'base.json, (id "img"), field "sources[4].rectangle": must be [west, south, east, north] in degrees, got a list',
      'base.json, (id "xyz"), field "sources[5].style.colorBy": must be one of district, yearBuilt, height, got "colour"',
      'base.json, (id "xyz"), field "sources[5].id": "xyz" is listed twice',
    ]);
  });

  it('rejects a wrong format or version and a missing list, and says so in Chinese too', () => {
    expect(problems({ format: 'other', version: '2.0' })).toEqual([
      'base.json, field "format": must be "fct-base", got "other"',
      'base.json, field "version": must be one of 1.0, got "2.0"',
      'base.json, field "sources": must be a list',
    ]);
    try {
      parseBaseConfig('{"format": "fct-base",', 'models/base.json');
      expect.unreachable();
    } catch (error) {
      expect(localizeError(error, 'zh-CN')).toMatch(/^models\/base\.json：不是有效的 JSON/);
    }
    try {
      readBaseConfig(
        config({ id: 'w', kind: 'imagery', type: 'wmts', name, url: 'http://x/', layer: 'a', tileMatrixSetID: 's', crs: 'EPSG:2385' }),
      );
      expect.unreachable();
    } catch (error) {
      expect(localizeError(error, 'zh-CN')).toContain('字段 "sources[0].crs"');
    }
  });
});
