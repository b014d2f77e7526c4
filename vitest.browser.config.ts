import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real headless Chromium (Debian's /usr/bin/chromium, software WebGL) driving the
 * production build served from a sub-path. One browser is shared by all files (global setup).
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/browser/**/*.spec.ts'],
    globalSetup: ['tests/browser/support/globalSetup.ts'],
    // Software WebGL needs 8–20 s to a first complete Cesium frame; tests wait for data-ready, never for time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
