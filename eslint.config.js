// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint of the whole project, run by `npm test` (`npm run lint`). Beyond the recommended rules, the
 * architecture's layering (README "Layout") is enforced here as import rules: each folder of src/
 * lists what it must not import. Layer folder names are unique in src/, so a restricted import is
 * recognised by the name of the layer it climbs into (`../../app/…`), or by its package (`cesium`, `node:fs`).
 */

/**
 * A relative import that climbs out of its folder into one of these top-level folders of src/
 * (`../../app/…`). Within a layer, paths never climb to a folder of another layer's name.
 */
const intoLayers = (...layers) => ({
  regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`,
  message: 'imports must point down the layers (README "Layout"): this folder may not import that one',
});
const NODE_APIS = { regex: '^node:', message: 'Node APIs belong to src/pipeline (CLIs); browser code must not import them' };
const ENGINES = { regex: '^(cesium|three)(/|$)', message: 'cesium and three are imported only in src/engine (behind engine/contract.ts)' };
const ENGINE_IMPLEMENTATIONS = {
  regex: '(^|/)engine/(cesium|three)(/|$)',
  message: 'the engine is reached through engine/contract.ts; only the app shell (src/app) loads an implementation',
};
const REACT = {
  regex: '^(react|react-dom)(/|$)',
  message: 'React stays in src/ui, src/app and the panels (*.tsx, use*.ts) of src/features',
};
const ZUSTAND_REACT = { regex: '^zustand$', message: 'pure code uses zustand/vanilla; React reads the store through ui/StoreContext' };

/** `no-restricted-imports` for a folder: these patterns, plus Node APIs and the engines unless allowed. */
const restrict = (patterns, { node = false, engines = false } = {}) => ({
  'no-restricted-imports': ['error', { patterns: [...patterns, ...(node ? [] : [NODE_APIS]), ...(engines ? [] : [ENGINES])] }],
});

const ABOVE_DATA = ['analysis', 'layers', 'scenarios', 'report', 'stores', 'features', 'engine', 'ui', 'app', 'pipeline'];

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'models/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      // Prettier breaks code at 140; what it cannot break (strings, templates, patterns, URLs) may run longer.
      'max-len': ['error', { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // ---- The layers of src/, lowest first ----
  { files: ['src/core/**'], rules: restrict([intoLayers('data', 'i18n', ...ABOVE_DATA), REACT, ZUSTAND_REACT]) },
  { files: ['src/i18n/**'], rules: restrict([intoLayers('data', ...ABOVE_DATA), REACT, ZUSTAND_REACT]) },
  { files: ['src/data/**'], rules: restrict([intoLayers(...ABOVE_DATA), REACT, ZUSTAND_REACT]) },
  { files: ['src/analysis/**'], rules: restrict([intoLayers(...ABOVE_DATA.filter((l) => l !== 'analysis')), REACT, ZUSTAND_REACT]) },
  {
    files: ['src/layers/**'],
    rules: restrict([intoLayers('scenarios', 'report', 'stores', 'features', 'engine', 'ui', 'app', 'pipeline'), REACT, ZUSTAND_REACT]),
  },
  {
    files: ['src/scenarios/**'],
    rules: restrict([intoLayers('report', 'stores', 'features', 'engine', 'ui', 'app', 'pipeline'), REACT, ZUSTAND_REACT]),
  },
  // The one-click report: a pure model and an HTML renderer (no React, no DOM, no Node API), also run by the CLI.
  {
    files: ['src/report/**'],
    rules: restrict([intoLayers('stores', 'features', 'engine', 'ui', 'app', 'pipeline'), REACT, ZUSTAND_REACT]),
  },
  // The store composes the features' slices (features/*/slice.ts, pure) and nothing above.
  { files: ['src/stores/**'], rules: restrict([intoLayers('engine', 'ui', 'app', 'pipeline'), REACT, ZUSTAND_REACT]) },
  {
    files: ['src/engine/**'],
    rules: restrict([intoLayers('scenarios', 'report', 'stores', 'features', 'ui', 'app', 'pipeline'), REACT, ZUSTAND_REACT], {
      engines: true,
    }),
  },
  { files: ['src/ui/**'], rules: restrict([intoLayers('features', 'app', 'pipeline', 'engine')]) },
  // A feature's slice, selectors and bindings are plain TypeScript; its panels (*.tsx) and hooks (use*.ts) are React.
  {
    files: ['src/features/**'],
    ignores: ['src/features/**/*.tsx', 'src/features/**/use*.ts'],
    rules: restrict([intoLayers('app', 'pipeline'), ENGINE_IMPLEMENTATIONS, REACT, ZUSTAND_REACT]),
  },
  { files: ['src/features/**/*.tsx', 'src/features/**/use*.ts'], rules: restrict([intoLayers('app', 'pipeline'), ENGINE_IMPLEMENTATIONS]) },
  { files: ['src/app/**', 'src/main.tsx'], rules: restrict([intoLayers('pipeline')], { engines: false }) },
  // Node CLIs: they share the pure layers with the browser, never its UI, store or engine.
  {
    files: ['src/pipeline/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrict([intoLayers('stores', 'features', 'engine', 'ui', 'app'), REACT, ZUSTAND_REACT], { node: true }),
      'no-console': 'off',
    },
  },

  // The resident-data service (Node): it shares the pure layers (core, data) and the build's CSP, never the UI.
  {
    files: ['src/server/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrict(
        [
          intoLayers('analysis', 'layers', 'scenarios', 'report', 'stores', 'features', 'engine', 'ui', 'app', 'pipeline'),
          REACT,
          ZUSTAND_REACT,
        ],
        {
          node: true,
        },
      ),
      'no-console': 'off',
    },
  },

  // ---- Outside src/ ----
  {
    files: ['tests/**', 'build/**', '*.config.ts', '*.config.js', 'vite.*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Benchmarks, the soak and some tests print their figures.
    rules: { 'no-console': 'off' },
  },
);
