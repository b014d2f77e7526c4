import { because, englishDetail, type Reason } from '../../core/errors';
import { ImportError } from './importResult';
import { urlFormatOf } from './registry';

export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

interface Link {
  href?: unknown;
  rel?: unknown;
  type?: unknown;
}

const linkOf = (json: unknown, rel: string): string | undefined => {
  const links = (json as { links?: unknown })?.links;
  if (!Array.isArray(links)) return undefined;
  const candidates = (links as Link[]).filter((l) => l.rel === rel && typeof l.href === 'string');
  // Prefer a GeoJSON representation when the server offers several.
  const geojson = candidates.find((l) => typeof l.type === 'string' && /geo\+json|json/.test(l.type));
  return (geojson ?? candidates[0])?.href as string | undefined;
};

/** A readable name for the layer: the collection id of an OGC API URL, else the last path segment. */
export function layerNameOfUrl(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  const collection = parts.indexOf('collections');
  const name = collection >= 0 && parts[collection + 1] ? parts[collection + 1] : (parts.at(-1) ?? 'layer');
  return /\.(geo)?json$/i.test(name) ? name : `${name}.geojson`;
}

export { isTilesetJson } from './tileset';

/** The warning on a layer read from a URL whose features were cut at `maxFeatures`. */
export function readFirstOnly(count: number): Reason {
  return because(`only the first ${count} features were read`, 'issue.url.truncated', { count });
}

export type UrlResource =
  | { kind: 'features'; name: string; text: string; pages: number; truncated: boolean }
  /** The URL is a 3D Tiles tileset; the viewer streams it itself. */
  | { kind: 'tileset'; name: string; url: string };

/**
 * Fetches GeoJSON from a URL: a plain FeatureCollection file, or an OGC API – Features collection
 * (its description links to `items`; item pages link to `next`). Pages are followed until there is no
 * `next` or `maxFeatures` is reached, and merged into one FeatureCollection text for the importer.
 * A 3D Tiles `tileset.json` is recognised by its content (the registry's URL formats) and handed back
 * as a tileset to stream.
 */
export async function featureCollectionFromUrl(
  url: string,
  fetchImpl: FetchLike,
  options: { maxFeatures?: number; signal?: AbortSignal } = {},
): Promise<UrlResource> {
  const maxFeatures = options.maxFeatures ?? 100_000;
  const name = layerNameOfUrl(url);
  const get = async (target: string): Promise<unknown> => {
    let response;
    try {
      response = await fetchImpl(target, { headers: { Accept: 'application/geo+json, application/json' }, signal: options.signal });
    } catch (error) {
      const detail = ` (${(error as Error).message})`;
      throw new ImportError('missing-file', {
        file: target,
        ...because(`cannot be fetched${detail}`, 'issue.url.fetchFailed', { detail: englishDetail(detail) }),
      });
    }
    if (!response.ok) {
      throw new ImportError('missing-file', {
        file: target,
        ...because(`cannot be fetched (HTTP ${response.status})`, 'issue.url.httpStatus', { status: response.status }),
      });
    }
    try {
      return await response.json();
    } catch {
      throw new ImportError('invalid-json', { file: target, ...because('did not answer with JSON', 'issue.url.notJson') });
    }
  };

  // Relative links resolve against the page they came from.
  let pageUrl = url;
  let page = await get(url);
  // Streamed formats (3D Tiles) are recognised by content: a tileset.json may have any name.
  if (urlFormatOf(page)) {
    const parts = new URL(url).pathname.split('/').filter(Boolean);
    return { kind: 'tileset', name: parts.length > 1 ? `${parts.at(-2)}/${parts.at(-1)}` : (parts[0] ?? 'tileset.json'), url };
  }
  if ((page as { type?: unknown })?.type !== 'FeatureCollection') {
    const items = linkOf(page, 'items');
    if (!items) {
      throw new ImportError('not-geojson', {
        file: url,
        ...because('is neither a GeoJSON FeatureCollection nor an OGC API Features collection', 'issue.url.notFeatures'),
      });
    }
    pageUrl = new URL(items, url).href;
    page = await get(pageUrl);
  }
  const features: unknown[] = [];
  let pages = 0;
  let next: string | undefined;
  for (;;) {
    pages++;
    const pageFeatures = (page as { features?: unknown }).features;
    if (!Array.isArray(pageFeatures))
      throw new ImportError('not-geojson', { file: pageUrl, ...because('has no "features" list', 'issue.url.noFeatures') });
    features.push(...pageFeatures);
    next = linkOf(page, 'next');
    if (!next || features.length >= maxFeatures || pageFeatures.length === 0) break;
    pageUrl = new URL(next, pageUrl).href;
    page = await get(pageUrl);
  }
  const truncated = features.length > maxFeatures || (next !== undefined && features.length >= maxFeatures);
  return {
    kind: 'features',
    name,
    text: JSON.stringify({ type: 'FeatureCollection', features: features.slice(0, maxFeatures) }),
    pages,
    truncated,
  };
}
