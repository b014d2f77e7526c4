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
        text: async () =>
          JSON.stringify({ id: 'pois', links: [{ rel: 'items', type: 'application/geo+json', href: `${base}/items?limit=2` }] }),
      };
    if (u.pathname === '/ogc/collections/pois/items') {
      const offset = Number(u.searchParams.get('offset') ?? 0);
      const features = [0, 1, 2, 3, 4].slice(offset, offset + 2).map(point);
      const links = offset + 2 < 5 ? [{ rel: 'next', href: `items?limit=2&offset=${offset + 2}` }] : [];
      return { ok: true, status: 200, text: async () => JSON.stringify({ type: 'FeatureCollection', features, links }) };
    }
    return { ok: false, status: 404, text: async () => '{}' };
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
      text: async () => JSON.stringify({ asset: { version: '1.1' }, geometricError: 100, root: { geometricError: 0 } }),
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

/** A server answering each URL from a table (JSON bodies), recording what was asked and with which signal. */
function tableServer(pages: Record<string, unknown>): { fetch: FetchLike; requested: string[]; signals: (AbortSignal | undefined)[] } {
  const requested: string[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const fetch: FetchLike = async (url, init) => {
    requested.push(url);
    signals.push(init?.signal);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const body = pages[url];
    if (body === undefined) return { ok: false, status: 404, text: async () => '' };
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return { ok: true, status: 200, text: async () => text };
  };
  return { fetch, requested, signals };
}

const page = (count: number, next?: unknown, start = 0) => ({
  type: 'FeatureCollection',
  features: Array.from({ length: count }, (_, i) => point(start + i)),
  links: next === undefined ? [] : Array.isArray(next) ? next : [{ rel: 'next', href: next }],
});

describe('featureCollectionFromUrl on hostile servers', () => {
  it('reads a plain GeoJSON of 200,000 features (one page larger than a call can spread)', async () => {
    const server = tableServer({ 'http://gis.intranet/big.geojson': page(200_000) });
    const result = await featureCollectionFromUrl('http://gis.intranet/big.geojson', server.fetch, { maxFeatures: 300_000 });
    if (result.kind !== 'features') throw new Error('expected features');
    expect(JSON.parse(result.text).features).toHaveLength(200_000);
  });

  it('ignores links that are not objects ({"links": [null, 3, "x"]})', async () => {
    const server = tableServer({ 'http://gis.intranet/a.geojson': page(2, [null, 3, 'x', { rel: 'next' }]) });
    const result = await featureCollectionFromUrl('http://gis.intranet/a.geojson', server.fetch);
    expect(result).toMatchObject({ kind: 'features', pages: 1, truncated: false });
  });

  it('stops at a next link it has already followed (a page linking to itself), with a warning', async () => {
    const url = 'http://gis.intranet/loop/items';
    const server = tableServer({ [url]: page(1, 'items') });
    const result = await featureCollectionFromUrl(url, server.fetch);
    expect(server.requested).toEqual([url]);
    expect(result).toMatchObject({
      kind: 'features',
      pages: 1,
      warnings: [expect.objectContaining({ message: expect.objectContaining({ code: 'issue.url.loop' }) })],
    });
  });

  it('follows at most maxPages pages of a server whose next links never end', async () => {
    const pages: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) pages[`http://gis.intranet/items?offset=${i}`] = page(1, `items?offset=${i + 1}`, i);
    const server = tableServer(pages);
    const result = await featureCollectionFromUrl('http://gis.intranet/items?offset=0', server.fetch, { maxPages: 5 });
    expect(server.requested).toHaveLength(5);
    expect(result).toMatchObject({
      kind: 'features',
      pages: 5,
      truncated: true,
      warnings: [expect.objectContaining({ message: { code: 'issue.url.pageCap', params: { max: 5, key: 'maxUrlPages' } } })],
    });
  });

  it('does not follow a next link to another server unless the user allows it', async () => {
    const server = tableServer({
      'http://gis.intranet/items': page(1, 'http://elsewhere.example/items'),
      'http://elsewhere.example/items': page(1, undefined, 1),
    });
    const refused = await featureCollectionFromUrl('http://gis.intranet/items', server.fetch);
    expect(server.requested).toEqual(['http://gis.intranet/items']);
    expect(refused).toMatchObject({
      kind: 'features',
      truncated: true,
      warnings: [expect.objectContaining({ message: { code: 'issue.url.otherOrigin', params: { origin: 'http://elsewhere.example' } } })],
    });
    const allowed = await featureCollectionFromUrl('http://gis.intranet/items', server.fetch, { allowOtherOrigins: true });
    expect(allowed).toMatchObject({ kind: 'features', pages: 2, truncated: false });
  });

  it('passes the abort signal to every fetch and rejects with an AbortError (not a failure to show) when cancelled', async () => {
    const controller = new AbortController();
    const pages: Record<string, unknown> = {
      'http://gis.intranet/c': { id: 'c', links: [{ rel: 'items', href: 'http://gis.intranet/c/items' }] },
    };
    const server = tableServer(pages);
    const fetch: FetchLike = async (url, init) => {
      if (url.endsWith('/items')) controller.abort();
      return server.fetch(url, init);
    };
    pages['http://gis.intranet/c/items'] = page(1);
    const error = await featureCollectionFromUrl('http://gis.intranet/c', fetch, { signal: controller.signal }).catch((e: unknown) => e);
    expect(server.signals.every((s) => s === controller.signal)).toBe(true);
    expect(error).toMatchObject({ name: 'AbortError' });
  });

  it('refuses pages that together are larger than maxBytes', async () => {
    const server = tableServer({ 'http://gis.intranet/big.geojson': page(1000) });
    const error = await featureCollectionFromUrl('http://gis.intranet/big.geojson', server.fetch, { maxBytes: 10_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('too-large');
  });
});
