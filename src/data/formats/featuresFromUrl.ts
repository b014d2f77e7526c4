import { because, englishDetail, type Reason } from '../../core/errors';
import { readCappedText, type FetchedResponse } from '../cappedText';
import { DEFAULT_IMPORT_LIMITS } from '../limits';
import { ImportError } from './importResult';
import { urlFormatOf } from './registry';

/** The part of `fetch` the URL import uses, so tests can stand in a server. */
export type FetchLike = (url: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) => Promise<FetchedResponse>;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The href of a link of relation `rel`, preferring a GeoJSON representation; links that are not objects are ignored. */
const linkOf = (json: unknown, rel: string): string | undefined => {
  const links = isObject(json) ? json.links : undefined;
  if (!Array.isArray(links)) return undefined;
  const candidates = links.filter((l): l is Json & { href: string } => isObject(l) && l.rel === rel && typeof l.href === 'string');
  // Prefer a GeoJSON representation when the server offers several.
  const geojson = candidates.find((l) => typeof l.type === 'string' && /geo\+json|json/.test(l.type));
  return (geojson ?? candidates[0])?.href;
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
  | {
      kind: 'features';
      name: string;
      text: string;
      pages: number;
      /** True when more features were offered than were read (cut at maxFeatures, a page limit, a link not followed). */
      truncated: boolean;
      /** Why the pages stopped early: a loop, the page limit, a link to another server. */
      warnings: Reason[];
    }
  /** The URL is a 3D Tiles tileset; the viewer streams it itself. */
  | { kind: 'tileset'; name: string; url: string };

export interface UrlImportOptions {
  /** Features read at most (the layer limit). */
  maxFeatures?: number;
  /** Pages followed at most. */
  maxPages?: number;
  /** Bytes of all pages together (the file size limit: they become one file). */
  maxBytes?: number;
  /** Follow `next` links to servers other than the one of the URL the user gave (off unless the user allows it). */
  allowOtherOrigins?: boolean;
  /** Cancels every fetch; the call then rejects with an AbortError. */
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('URL import was aborted', 'AbortError');
}

/**
 * Fetches GeoJSON from a URL: a plain FeatureCollection file, or an OGC API – Features collection
 * (its description links to `items`; item pages link to `next`). Pages are followed until there is no
 * `next`, and merged into one FeatureCollection text for the importer; a 3D Tiles `tileset.json` is
 * recognised by its content (the registry's URL formats) and handed back as a tileset to stream.
 *
 * A server cannot keep it going: it stops at `maxFeatures` features, `maxPages` pages or `maxBytes`
 * bytes, at a page it has already fetched (a `next` that loops), and at a `next` to another server
 * unless `allowOtherOrigins` — each said in a warning. The signal goes to every fetch and is checked
 * after every await: a cancelled import rejects with an AbortError and returns nothing.
 */
export async function featureCollectionFromUrl(url: string, fetchImpl: FetchLike, options: UrlImportOptions = {}): Promise<UrlResource> {
  const maxFeatures = options.maxFeatures ?? DEFAULT_IMPORT_LIMITS.maxFeaturesPerLayer;
  const maxPages = options.maxPages ?? DEFAULT_IMPORT_LIMITS.maxUrlPages;
  const maxBytes = options.maxBytes ?? DEFAULT_IMPORT_LIMITS.maxFileBytes;
  const { signal } = options;
  const name = layerNameOfUrl(url);
  let bytesRead = 0;
  const checkAbort = () => {
    if (signal?.aborted) throw abortError();
  };
  const get = async (target: string): Promise<unknown> => {
    checkAbort();
    let response;
    try {
      response = await fetchImpl(target, { headers: { Accept: 'application/geo+json, application/json' }, ...(signal ? { signal } : {}) });
    } catch (error) {
      checkAbort();
      const detail = ` (${(error as Error).message})`;
      throw new ImportError('missing-file', {
        file: target,
        ...because(`cannot be fetched${detail}`, 'issue.url.fetchFailed', { detail: englishDetail(detail) }),
      });
    }
    checkAbort();
    if (!response.ok) {
      throw new ImportError('missing-file', {
        file: target,
        ...because(`cannot be fetched (HTTP ${response.status})`, 'issue.url.httpStatus', { status: response.status }),
      });
    }
    const text = await readCappedText(response, maxBytes - bytesRead, target).catch((error: unknown) => {
      checkAbort();
      throw error;
    });
    checkAbort();
    bytesRead += text.length;
    try {
      return JSON.parse(text);
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
  if (!isObject(page) || page.type !== 'FeatureCollection') {
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
  const origin = new URL(url).origin;
  const visited = new Set([url, pageUrl]);
  const features: unknown[] = [];
  const warnings: Reason[] = [];
  let offered = 0;
  let pages = 0;
  let stoppedEarly = false;
  for (;;) {
    pages++;
    const pageFeatures = isObject(page) ? page.features : undefined;
    if (!Array.isArray(pageFeatures))
      throw new ImportError('not-geojson', { file: pageUrl, ...because('has no "features" list', 'issue.url.noFeatures') });
    // One at a time: `push(...page)` passes every feature as an argument and overflows the stack near 125,000.
    offered += pageFeatures.length;
    for (const feature of pageFeatures) {
      if (features.length >= maxFeatures) break;
      features.push(feature);
    }
    const next = linkOf(page, 'next');
    if (!next || pageFeatures.length === 0 || features.length >= maxFeatures) {
      stoppedEarly = next !== undefined && pageFeatures.length > 0;
      break;
    }
    let nextUrl: URL;
    try {
      nextUrl = new URL(next, pageUrl);
    } catch {
      break; // Not a URL: there is no next page to follow.
    }
    if (visited.has(nextUrl.href)) {
      warnings.push(because(`page ${pages} links back to a page already read; stopped there`, 'issue.url.loop', { page: pages }));
      break;
    }
    if (nextUrl.origin !== origin && !options.allowOtherOrigins) {
      warnings.push(
        because(`the next page is on another server (${nextUrl.origin}) and was not followed`, 'issue.url.otherOrigin', {
          origin: nextUrl.origin,
        }),
      );
      stoppedEarly = true;
      break;
    }
    if (pages >= maxPages) {
      warnings.push(
        because(`only the first ${maxPages} pages were read (limit maxUrlPages)`, 'issue.url.pageCap', {
          max: maxPages,
          key: 'maxUrlPages',
        }),
      );
      stoppedEarly = true;
      break;
    }
    pageUrl = nextUrl.href;
    visited.add(pageUrl);
    page = await get(pageUrl);
  }
  return {
    kind: 'features',
    name,
    text: JSON.stringify({ type: 'FeatureCollection', features }),
    pages,
    truncated: offered > features.length || stoppedEarly,
    warnings,
  };
}
