import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer rule of the architecture (README "Layout"), checked on every import of src/:
 * only engine/ touches cesium or three; React stays out of core/, data/, analysis/, stores/, layers/
 * and out of scenarios/ except its <id>/panels/ folders; pure layers never import the app shell or the UI.
 */
const SRC = path.resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

/** Top-level folder of src/ a file or resolved import lives in. */
function areaOf(absolute: string): string {
  return path.relative(SRC, absolute).split(path.sep)[0];
}

const PURE = ['core', 'data', 'analysis', 'stores', 'layers', 'i18n', 'report'];

/** A file under src/scenarios/<id>/panels/ (the only React in scenarios/). */
function isScenarioPanel(file: string): boolean {
  return path.relative(path.join(SRC, 'scenarios'), file).split(path.sep).includes('panels');
}

const allowedInternal: Record<string, string[]> = {
  core: ['core'],
  data: ['core', 'data'],
  analysis: ['core', 'data', 'analysis'],
  stores: ['core', 'data', 'analysis', 'stores', 'layers', 'i18n', 'features', 'scenarios'],
  layers: ['core', 'data', 'analysis', 'layers', 'i18n'],
  i18n: ['i18n', 'core'],
  engine: ['core', 'data', 'analysis', 'layers', 'engine'],
  ui: ['core', 'data', 'analysis', 'stores', 'layers', 'i18n', 'ui', 'scenarios', 'report', 'features'],
  features: ['core', 'data', 'analysis', 'stores', 'layers', 'i18n', 'ui', 'scenarios', 'report', 'features', 'engine', '..'],
  scenarios: ['core', 'data', 'analysis', 'stores', 'layers', 'i18n', 'ui', 'scenarios'],
  pipeline: ['core', 'data', 'analysis', 'layers', 'i18n', 'pipeline', 'report'],
  // The one-click report: a pure model and an HTML renderer (no React, no DOM, no Node API).
  report: ['core', 'data', 'analysis', 'layers', 'i18n', 'scenarios', 'report'],
};

describe('architecture layering', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const area = areaOf(file);
    for (const spec of importsOf(file)) {
      const where = `${path.relative(SRC, file)} imports ${spec}`;
      if (/^(cesium|three)(\/|$)/.test(spec) && area !== 'engine') violations.push(where);
      if (/^(react|react-dom)(\/|$)/.test(spec) && PURE.includes(area)) violations.push(where);
      // Scenario modules are pure TypeScript; only their panels/ folders may hold React.
      if (area === 'scenarios' && !isScenarioPanel(file)) {
        if (/^(react|react-dom)(\/|$)/.test(spec)) violations.push(`${where} (React outside scenarios/<id>/panels/)`);
        if (spec.startsWith('.') && areaOf(path.resolve(path.dirname(file), spec)) === 'ui') violations.push(`${where} (ui is React: only scenarios/<id>/panels/ may import it)`);
      }
      if (/^zustand$/.test(spec) && PURE.includes(area)) violations.push(`${where} (use zustand/vanilla)`);
      if (/^node:/.test(spec) && area !== 'pipeline') violations.push(`${where} (Node-only API outside pipeline/)`);
      if (spec.startsWith('.')) {
        const target = areaOf(path.resolve(path.dirname(file), spec));
        const allowed = allowedInternal[area];
        if (allowed && !allowed.includes(target)) violations.push(`${where} (${area} → ${target})`);
      }
    }
  }

  it('keeps cesium/three in engine/, React out of pure layers and imports pointing downwards', () => {
    expect(violations).toEqual([]);
  });

  it('sees the scenario modules it keeps free of React', () => {
    const scenarioFiles = files(path.join(SRC, 'scenarios')).filter((f) => !isScenarioPanel(f));
    expect(scenarioFiles.length).toBeGreaterThan(10);
    expect(isScenarioPanel(path.join(SRC, 'scenarios', 'health', 'panels', 'HealthPanel.tsx'))).toBe(true);
    expect(isScenarioPanel(path.join(SRC, 'scenarios', 'health', 'kpis.ts'))).toBe(false);
  });

  it('actually sees the imports it checks', () => {
    const engineImports = files(path.join(SRC, 'engine')).flatMap(importsOf);
    expect(engineImports).toContain('cesium');
  });
});
