import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering of the architecture (README "Layout") is enforced by lint (eslint.config.js, run in
 * `npm test`). This test proves those rules fire, and checks what lint cannot: dynamic imports of
 * an engine, and that every feature module and side-panel tab is registered.
 */
const SRC = path.resolve('src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const eslint = new ESLint();

/** The import rule's messages for one line of code placed in a file of src/ (the file need not exist). */
async function importViolations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.resolve(file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture layering (lint rules)', () => {
  const forbidden: [file: string, code: string][] = [
    ['src/ui/panels/X.tsx', "import { Viewer } from 'cesium';"],
    ['src/features/view/X.tsx', "import * as THREE from 'three';"],
    ['src/core/geo/x.ts', "import { DataError } from '../../data/package/readPackage';"],
    ['src/data/formats/x.ts', "import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';"],
    ['src/analysis/reuse/x.ts', "import type { AppState } from '../../stores/appStore';"],
    ['src/scenarios/health/x.ts', "import { useApp } from '../../ui/StoreContext';"],
    ['src/scenarios/health/x.ts', "import { useState } from 'react';"],
    ['src/report/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/engine/cesium/x.ts', "import type { AppStore } from '../../stores/appStore';"],
    ['src/ui/components/X.tsx', "import { SIDE_PANEL_TABS } from '../../features/tabs';"],
    ['src/features/view/slice.ts', "import { useState } from 'react';"],
    ['src/features/view/X.tsx', "import { CesiumAdapter } from '../../engine/cesium/CesiumAdapter';"],
    ['src/features/view/X.tsx', "import { App } from '../../app/App';"],
    ['src/stores/x.ts', "import { SidePanel } from '../app/SidePanel';"],
    ['src/pipeline/x.ts', "import { createAppStore } from '../stores/appStore';"],
    ['src/server/routes/x.ts', "import { createAppStore } from '../../stores/appStore';"],
    ['src/server/x.ts', "import { useState } from 'react';"],
  ];
  it.each(forbidden)('%s may not: %s', async (file, code) => {
    expect(await importViolations(file, code)).not.toEqual([]);
  });

  const allowed: [file: string, code: string][] = [
    ['src/engine/cesium/x.ts', "import { Viewer } from 'cesium';"],
    ['src/engine/cesium/renderers/x.ts', "import { featuresRenderer } from './features';"],
    ['src/data/package/x.ts', "import { parseLayers } from './layers';"],
    ['src/features/view/X.tsx', "import { useState } from 'react';"],
    ['src/features/screen/useThing.ts', "import { useState } from 'react';"],
    ['src/features/view/bindScene.ts', "import type { SceneAdapter } from '../../engine/contract';"],
    ['src/features/screen/X.tsx', "import { EChart } from '../../ui/charts/EChart';"],
    ['src/app/Viewport.tsx', "import { CesiumAdapter } from '../engine/cesium/CesiumAdapter';"],
    ['src/pipeline/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/report/x.ts', "import { SCENARIOS } from '../scenarios/registry';"],
    ['src/server/db/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/server/routes/x.ts', "import { identifiersForRole } from '../../data/privacy/mask';"],
  ];
  it.each(allowed)('%s may: %s', async (file, code) => {
    expect(await importViolations(file, code)).toEqual([]);
  });
});

describe('architecture beyond lint', () => {
  it('loads an engine implementation lazily only from the app shell (dynamic imports are not linted)', () => {
    const violations = files(SRC).flatMap((file) => {
      const area = path.relative(SRC, file).split(path.sep)[0];
      const dynamic = [...readFileSync(file, 'utf8').matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
      return dynamic
        .filter((spec) => /^(cesium|three)(\/|$)|engine\/(cesium|three)\//.test(spec) && area !== 'app' && area !== 'engine')
        .map((spec) => `${path.relative(SRC, file)} imports ${spec}`);
    });
    expect(violations).toEqual([]);
  });

  it('registers every feature module and every side-panel tab it finds', () => {
    const registry = readFileSync(path.join(SRC, 'features/registry.ts'), 'utf8');
    const tabs = readFileSync(path.join(SRC, 'features/tabs.ts'), 'utf8');
    const featureFiles = files(path.join(SRC, 'features'));
    const features = featureFiles.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export const (\w+): Feature = /g)].map((m) => m[1]));
    const tabDefinitions = featureFiles.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/export const (\w+) = defineTab\(/g)].map((m) => m[1]),
    );
    expect(features.length).toBeGreaterThanOrEqual(4);
    expect(tabDefinitions.length).toBeGreaterThanOrEqual(5);
    for (const feature of features) expect(registry, `${feature} is not in features/registry.ts`).toMatch(new RegExp(`\\b${feature}\\b`));
    for (const tab of tabDefinitions) expect(tabs, `${tab} is not in features/tabs.ts`).toMatch(new RegExp(`\\b${tab}\\b`));
  });
});
