/**
 * The app's Content-Security-Policy, computed from the base configuration (models/base.json): the
 * browser may fetch data and images from the app's own origin and from exactly the origins of the
 * configured sources, nowhere else. Pure (no Node API), so the build's meta tag (cspPlugin.ts), a
 * server's `Content-Security-Policy` header and the tests use the same function.
 *
 * Each directive, and why it is as wide as it is (found by running every browser test under it):
 * - `default-src 'self'`: anything not named below comes from the app's origin only.
 * - `script-src 'self' 'wasm-unsafe-eval'`: the bundle and Cesium's workers are files of the app; no
 *   inline script, no eval (Knockout's one eval is replaced at build: cspPlugin.ts). WebAssembly
 *   compilation is allowed: Cesium compiles its decoders (draco, basis, the zip of its assets) as wasm.
 * - `worker-src 'self' blob:`: Cesium starts its workers from `cesium/Workers/*.js` and, for some
 *   tasks, from a blob: URL wrapping them.
 * - `connect-src 'self' data: blob: <origins>`: fetch/XHR of tiles, terrain, tilesets, base.json;
 *   `data:`/`blob:` for glTF buffers Cesium decodes and for models and tiles made in the browser.
 * - `img-src 'self' data: blob: <origins>`: imagery tiles are images; Cesium turns fetched tiles into
 *   blob: images; icons and the report's snapshot are data: URLs.
 * - `style-src 'self' 'unsafe-inline'`: the one-click report is printed from a srcdoc iframe, which
 *   inherits this policy, and its HTML (ECharts' SVG charts) carries style attributes and a <style>.
 *   Styles cannot run code; scripts stay locked down.
 * - `font-src 'self' data:`, `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`.
 * `frame-ancestors` only works as a header (README: the nginx example adds it).
 */
import type { BaseConfig } from '../src/data/base/baseConfig';
import { sourceUrl } from '../src/data/base/baseConfig';

/**
 * The origins of the configured sources that are not the app's own: absolute http(s) URLs only
 * (a relative URL is a folder under models/, i.e. 'self'). A `{s}` subdomain template becomes a
 * `*.` wildcard, the one form CSP has for it; other `{…}` placeholders sit in paths, not origins.
 */
export function configuredOrigins(config: BaseConfig): string[] {
  const origins = new Set<string>();
  for (const source of config.sources) {
    const url = sourceUrl(source);
    if (!url || !/^https?:\/\//i.test(url)) continue;
    const match = /^(https?):\/\/([^/?#]+)/i.exec(url);
    if (!match) continue;
    const [, scheme, authority] = match;
    const host = authority.replace(/^\{s\}\./, '*.').replace(/\{[^}]*\}/g, 'x');
    try {
      // Normalises case and default ports the way browsers compare origins.
      const parsed = new URL(`${scheme.toLowerCase()}://${host.replace(/^\*\./, 'wildcard.')}`);
      origins.add(host.startsWith('*.') ? `${parsed.protocol}//*.${parsed.host.slice('wildcard.'.length)}` : parsed.origin);
    } catch {
      // Validation (readBaseConfig) already refused a malformed URL.
    }
  }
  return [...origins].sort();
}

export function contentSecurityPolicy(config: BaseConfig): string {
  const origins = configuredOrigins(config);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    ['worker-src', "'self'", 'blob:'],
    ['connect-src', "'self'", 'data:', 'blob:', ...origins],
    ['img-src', "'self'", 'data:', 'blob:', ...origins],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['font-src', "'self'", 'data:'],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The meta tag the build puts first in <head> (before any script, as a meta policy must be). */
export function cspMetaTag(config: BaseConfig): string {
  const policy = contentSecurityPolicy(config).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

/** The same policy as an nginx `add_header` line, with the header-only `frame-ancestors`. */
export function nginxHeader(config: BaseConfig): string {
  return `add_header Content-Security-Policy "${contentSecurityPolicy(config)}; frame-ancestors 'self'" always;`;
}
