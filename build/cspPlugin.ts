import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { parseBaseConfig } from '../src/data/base/readBaseConfig';
import { cspMetaTag } from './contentSecurityPolicy.ts';

/**
 * Puts the Content-Security-Policy of `models/base.json` into the built index.html (build only: the
 * dev server's hot reload needs inline scripts). A base.json that does not validate fails the build
 * with its located problems, so a broken configuration never ships. Change base.json → rebuild (or
 * serve the header from `npm run csp`, which prints the same policy).
 */
export function contentSecurityPolicyMeta(baseConfigFile = path.resolve('models/base.json')): Plugin {
  return {
    name: 'fct-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const config = parseBaseConfig(readFileSync(baseConfigFile, 'utf8'), path.relative(process.cwd(), baseConfigFile));
        // Right after the charset (which must come first), before any script or stylesheet.
        const meta = cspMetaTag(config);
        return /<meta charset=[^>]*>/i.test(html)
          ? html.replace(/<meta charset=[^>]*>/i, (charset) => `${charset}\n    ${meta}`)
          : html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}

/**
 * Knockout 3.5.1 (bundled by Cesium's widgets) finds the global object with `this || (0,eval)("this")`.
 * Inside an ES module `this` is undefined, so it evaluates a string, which the policy's script-src
 * (no 'unsafe-eval') forbids. `globalThis` is that same object: one expression replaced, at build.
 */
export function knockoutWithoutEval(): Plugin {
  return {
    name: 'fct-knockout-without-eval',
    apply: 'build',
    transform(code, id) {
      if (!/knockout-3\.5\.1\.js$/.test(id)) return null;
      const patched = code.replace('this||(0,eval)("this")', 'globalThis');
      if (patched === code)
        this.error('knockout-3.5.1.js changed: the global-object lookup to replace is gone (check the CSP still holds)');
      return { code: patched, map: null };
    },
  };
}
