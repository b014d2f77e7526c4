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
