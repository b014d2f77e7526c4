import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';
import { staticDirs } from './build/staticDirs.ts';

const cesiumBuildDir = path.join(path.dirname(createRequire(import.meta.url).resolve('cesium/package.json')), 'Build', 'Cesium');

/**
 * Builds the benchmark page (`tests/bench/building-layer.html`) into `dist-bench/`, a production
 * build like the app's, so `npm run bench` measures what ships. Run by `tests/bench/runBench.ts`.
 */
export default defineConfig({
  // The page sits at the root of dist-bench/, next to cesium/.
  root: path.resolve('tests/bench'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  plugins: [staticDirs([{ urlDir: 'cesium', sourceDir: cesiumBuildDir, entries: ['Workers', 'Assets', 'Widgets', 'ThirdParty'] }])],
  build: {
    outDir: path.resolve('dist-bench'),
    emptyOutDir: true,
    // The Cesium engine chunk is ~4.4 MB.
    chunkSizeWarningLimit: 6000,
    rollupOptions: { input: path.resolve('tests/bench/building-layer.html') },
  },
});
