/// <reference types="vitest/config" />
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicyMeta, knockoutWithoutEval } from './build/cspPlugin.ts';
import { nrelSpaInBrowsers } from './build/nrelSpaPlugin.ts';
import { staticDirs } from './build/staticDirs.ts';

const cesiumBuildDir = path.join(path.dirname(createRequire(import.meta.url).resolve('cesium/package.json')), 'Build', 'Cesium');

/**
 * The resident-data service (src/server, default port 8080) behind the dev and preview servers' own
 * origin, as in production: same-origin cookies, no CORS, and the CSP's connect-src 'self' holds.
 */
const RESIDENT_SERVICE_PROXY = { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } };

export default defineConfig(({ command }) => ({
  // A relative base makes `dist/` servable from any path of any static web server (nginx, IIS).
  base: command === 'build' ? './' : '/',
  publicDir: false,
  plugins: [
    react(),
    staticDirs([
      { urlDir: 'cesium', sourceDir: cesiumBuildDir, entries: ['Workers', 'Assets', 'Widgets', 'ThirdParty'] },
      { urlDir: 'models', sourceDir: path.resolve('models') },
      // The deployment's limits (src/data/limits.ts), edited on the web server without a rebuild.
      { urlDir: 'config', sourceDir: path.resolve('config') },
    ]),
    // The built index.html allows requests to the app's origin and the origins of models/base.json only.
    contentSecurityPolicyMeta(),
    knockoutWithoutEval(),
    nrelSpaInBrowsers(),
  ],
  // Worker bundles get their own plugins: the sunlight worker uses nrel-spa too.
  worker: { plugins: () => [nrelSpaInBrowsers()] },
  build: {
    // The Cesium engine chunk is ~4.4 MB; it is one offline bundle by design.
    chunkSizeWarningLimit: 6000,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
    proxy: RESIDENT_SERVICE_PROXY,
    // Person rows (人, 权) are the residents' data service's seed, served only by the service to
    // signed-in roles: the dev server must not hand them out as source files (/@fs/…, /src/…).
    fs: { deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/src/server/seed/**'] },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false, proxy: RESIDENT_SERVICE_PROXY },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
  },
}));
