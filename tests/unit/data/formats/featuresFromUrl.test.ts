import { describe, expect, it } from 'vitest';
import { featureCollectionFromUrl, layerNameOfUrl, type FetchLike } from '../../../../src/data/formats/featuresFromUrl';
import { ImportError } from '../../../../src/data/formats/importResult';

const point = (id: number) => ({ type: 'Feature', id, properties: {}, geometry: { type: 'Point', coordinates: [120.18, 30.27] } });

/** A tiny OGC API – Features server: a collection with 5 items served 2 per page. */
function fakeServer(): { fetch: FetchLike; requested: string[] } {
  const requested: string[] = [];
  const base = 'http://gis.intranet/ogc/collections/pois';
  const fetch: FetchLike = async (url) => {
    requested.push(url);
    const u = new URL(url);
    if (u.pathname === '/ogc/collections/pois')
      return {
        ok: true,
        status: 200,
        json: async () => ({ id: 'pois', links: [{ rel: 'items', type: 'application/geo+json', href: `${base}/items?limit=2` }] }),
      };
    if (u.pathname === '/ogc/collections/pois/items') {
      const offset = Number(u.searchParams.get('offset') ?? 0);
      const features = [0, 1, 2, 3, 4].slice(offset, offset + 2).map(point);
      const links = offset + 2 < 5 ? [{ rel: 'next', href: `items?limit=2&offset=${offset + 2}` }] : [];
      return { ok: true, status: 200, json: async () => ({ type: 'FeatureCollection', features, links }) };
    }
    return { ok: false, status: 404, json: async () => ({}) };
  };
  return { fetch, requested };
}

describe('featureCollectionFromUrl', () => {
  it('follows an OGC API Features collection to its items and through every next page (5 items, 2 per page = 3 pages)', async () => {
    const server = fakeServer();
    const result = await featureCollectionFromUrl('http://gis.intranet/ogc/collections/pois', server.fetch);
    if (result.kind !== 'features') throw new Error('expected features');
    expect(JSON.parse(result.text).features.map((f: { id: number }) => f.id)).toEqual([0, 1, 2, 3, 4]);
    expect(result.pages).toBe(3);
    expect(result.name).toBe('pois.geojson');
    expect(server.requested[2]).toBe('http://gis.intranet/ogc/collections/pois/items?limit=2&offset=2'); // relative next resolved
  });

  it('stops at maxFeatures and says the layer was cut', async () => {
    const result = await featureCollectionFromUrl('http://gis.intranet/ogc/collections/pois', fakeServer().fetch, { maxFeatures: 3 });
    if (result.kind !== 'features') throw new Error('expected features');
    expect(JSON.parse(result.text).features).toHaveLength(3);
    expect(result.truncated).toBe(true);
  });

  it('names the URL and the HTTP status when a page cannot be fetched', async () => {
    const error = await featureCollectionFromUrl('http://gis.intranet/nothing.geojson', fakeServer().fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).issues[0]).toMatchObject({
      file: 'http://gis.intranet/nothing.geojson',
      reason: 'cannot be fetched (HTTP 404)',
    });
  });

  it('recognises a 3D Tiles tileset.json by its content and hands it back to be streamed', async () => {
    const fetch: FetchLike = async () => ({
      ok: true,
      status: 200,
      json: async () => ({ asset: { version: '1.1' }, geometricError: 100, root: { geometricError: 0 } }),
    });
    expect(await featureCollectionFromUrl('http://gis.intranet/tiles/district/tileset.json', fetch)).toEqual({
      kind: 'tileset',
      name: 'district/tileset.json',
      url: 'http://gis.intranet/tiles/district/tileset.json',
    });
  });

  it('names layers after the collection id or the file', () => {
    expect(layerNameOfUrl('http://x/ogc/collections/buildings/items?f=json')).toBe('buildings.geojson');
    expect(layerNameOfUrl('http://x/data/pois.geojson')).toBe('pois.geojson');
  });
});
