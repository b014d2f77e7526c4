import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

const SHIM_ID = '\0nrel-spa-create-require';

/**
 * nrel-spa's ES module loads its algorithm (`lib/spa.cjs`, the port of NREL's C code) through
 * `createRequire` from `node:module`, which browsers and workers lack. For the module's own import of
 * `node:module` this plugin substitutes a `createRequire` whose `require('../lib/spa.cjs')` returns that
 * file, imported statically so the bundler inlines it. Node (the CLIs, unit tests) is untouched.
 */
export function nrelSpaInBrowsers(): Plugin {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('nrel-spa/package.json'));
  const core = path.join(packageDir, 'lib', 'spa.cjs');
  return {
    name: 'nrel-spa-in-browsers',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'node:module' && importer && path.resolve(importer).startsWith(packageDir + path.sep)) return SHIM_ID;
      return null;
    },
    load(id) {
      if (id !== SHIM_ID) return null;
      return [
        `import * as core from ${JSON.stringify(core)};`,
        'export function createRequire() {',
        "  return (id) => { if (id === '../lib/spa.cjs') return core; throw new Error('nrel-spa requires ' + id + ' in the browser'); };",
        '}',
      ].join('\n');
    },
  };
}
