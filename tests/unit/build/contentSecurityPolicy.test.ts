import { describe, expect, it } from 'vitest';
import { configuredOrigins, contentSecurityPolicy, cspMetaTag, nginxHeader } from '../../../build/contentSecurityPolicy';
import { DEFAULT_BASE_CONFIG } from '../../../src/data/base/baseConfig';
import { readBaseConfig } from '../../../src/data/base/readBaseConfig';

const name = { zh: '源', en: 'source' };
const withSources = (...sources: unknown[]) => readBaseConfig({ format: 'fct-base', version: '1.0', sources });
const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('contentSecurityPolicy', () => {
  it('allows only the app itself for the offline default', () => {
    const policy = contentSecurityPolicy(DEFAULT_BASE_CONFIG);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
  });

  it('adds exactly the origins of the configured sources to connect-src and img-src, nothing for relative paths', () => {
    const config = withSources(
      {
        id: 'wmts',
        kind: 'imagery',
        type: 'wmts',
        name,
        url: 'http://GIS.intranet:8080/geoserver/gwc/service/wmts?x=1',
        layer: 'a',
        tileMatrixSetID: 's',
        crs: 'EPSG:4490',
      },
      {
        id: 'rest',
        kind: 'imagery',
        type: 'wmts',
        name,
        url: 'https://gis.intranet/wmts/{TileMatrix}/{TileRow}/{TileCol}.png',
        layer: 'a',
        tileMatrixSetID: 's',
        crs: 'EPSG:3857',
      },
      { id: 'xyz', kind: 'imagery', type: 'xyz', name, url: 'http://{s}.tiles.intranet/{z}/{x}/{y}.png' },
      { id: 'qm', kind: 'terrain', type: 'quantized-mesh', name, url: 'https://terrain.intranet:443/hz/' },
      { id: 'city', kind: '3dtiles', type: 'buildings', name, url: 'tiles/city/tileset.json' },
      { id: 'dup', kind: 'vector', type: 'geojson', name, url: 'http://gis.intranet:8080/roads.geojson' },
    );
    expect(configuredOrigins(config)).toEqual([
      'http://*.tiles.intranet',
      'http://gis.intranet:8080',
      'https://gis.intranet',
      'https://terrain.intranet',
    ]);
    const policy = contentSecurityPolicy(config);
    for (const d of ['connect-src', 'img-src'])
      expect(directive(policy, d)).toEqual([
        "'self'",
        'data:',
        'blob:',
        'http://*.tiles.intranet',
        'http://gis.intranet:8080',
        'https://gis.intranet',
        'https://terrain.intranet',
      ]);
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('writes the meta tag with its quotes escaped, and the nginx header with frame-ancestors', () => {
    expect(cspMetaTag(DEFAULT_BASE_CONFIG)).toMatch(
      /^<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;|^<meta http-equiv="Content-Security-Policy" content="default-src 'self'/,
    );
    expect(cspMetaTag(DEFAULT_BASE_CONFIG)).not.toContain('content="default-src "');
    expect(nginxHeader(DEFAULT_BASE_CONFIG)).toMatch(/^add_header Content-Security-Policy ".*; frame-ancestors 'self'" always;$/);
  });
});
