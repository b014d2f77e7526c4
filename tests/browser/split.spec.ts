import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateReuseOption } from '../../src/analysis/reuse/evaluateReuseOption';
import { reuseCandidates } from '../../src/analysis/reuse/reuseCandidates';
import { NEW_BUILD_STOREY_METERS } from '../../src/analysis/sunlight/planVolumes';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../src/analysis/service-circles/serviceCoverageRequest';
import { readCommunityPackage } from '../../src/data/package/readPackage';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

/**
 * A plan that builds on a plot (JH-S05, the disused bicycle-shed yard: a new one-storey service
 * building), split against today. Expected figures computed here from the package, independently of the page.
 */
const community = await readCommunityPackage(async (p) => readFileSync(path.join('models/sample-jinghe', p), 'utf8'));
const base = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
const s05 = reuseCandidates(community).find((c) => c.id === 'JH-S05')!;
const option = s05.feasible[0]!;
const gain = evaluateReuseOption(base, { position: s05.position, category: option.category, usableAreaM2: option.usableAreaM2 });
const plot = community.reuse.find((r) => r.id === 'JH-S05')!.footprint[0]!.slice(0, -1);
const plotCentre = [plot.reduce((s, p) => s + p[0], 0) / plot.length, plot.reduce((s, p) => s + p[1], 0) / plot.length] as const;

/** The colour at a window position of a PNG screenshot (device pixel ratio 1). */
function pixelAt(png: Buffer, x: number, y: number): [number, number, number] {
  const { data, width } = PNG.sync.read(png);
  const i = 4 * (Math.round(y) * width + Math.round(x));
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('before/after split of the scene (更新 › 方案对比)', () => {
  let app: AppPage;
  beforeAll(async () => {
    // 250 m south of the plot, 200 m up, looking north 40° down: the new building stands mid-view.
    app = await openApp(`cam=${plotCentre[0].toFixed(6)},${(plotCentre[1] - 0.00225).toFixed(6)},200,0,-40`);
    await waitForDataReady(app.page);
    await app.page.getByTestId('tab-reuse').click();
    await app.page.locator('[data-testid=reuse-panel][data-coverage=ready]').waitFor({ timeout: 90_000 });
    await app.page.locator(`[data-testid=reuse-candidate][data-candidate-id=JH-S05] button[data-category=${option.category}]`).click();
    await app.page.locator(`[data-testid=reuse-whatif][data-candidate-id=JH-S05][data-status=done]`).waitFor();
    await app.page.getByTestId('reuse-add-to-plan').click();
    await app.page.getByTestId('reuse-section-plans').click();
  });
  afterAll(async () => app?.close());

  it('labels each side with what it adds against today: the plan side the hand-computed gain', async () => {
    await app.page.getByTestId('reuse-compare-split').click();
    await app.page.getByTestId('plan-split').waitFor({ state: 'attached' });
    await expect(app.page.getByTestId('split-label-a').getAttribute('data-newly')).resolves.toBe('0');
    expect(gain.targetPopulationNewlyWithinThreshold).toBeGreaterThan(0);
    await expect(app.page.getByTestId('split-label-b').getAttribute('data-newly')).resolves.toBe(
      String(gain.targetPopulationNewlyWithinThreshold),
    );
  });

  it('draws the new building only right of the line: moved past it, the building goes', async () => {
    const at = await app.page.evaluate(([x, y, h]) => window.__twin!.worldScreenPosition(x, y, h), [
      plotCentre[0],
      plotCentre[1],
      NEW_BUILD_STOREY_METERS + 0.2,
    ] as const);
    expect(at).not.toBeNull();
    const handle = app.page.getByTestId('split-handle');
    await handle.focus();
    // Shift+← moves the line 10 % of the width; the handle stops at 5 %: the plan side is the whole view.
    for (let i = 0; i < 10; i++) await handle.press('Shift+ArrowLeft');
    await expect(app.page.getByTestId('plan-split').getAttribute('data-position')).resolves.toBe('0.050');
    await nextFrame(app.page);
    const planSide = await saveScreenshot(app.page, 'split-plan-side');
    for (let i = 0; i < 10; i++) await handle.press('Shift+ArrowRight');
    await expect(app.page.getByTestId('plan-split').getAttribute('data-position')).resolves.toBe('0.950');
    await nextFrame(app.page);
    const todaySide = await saveScreenshot(app.page, 'split-today-side');
    // The roof of the new building (amber, lit from above) where the plan is shown; the ground where today is.
    const [r, g, b] = pixelAt(planSide, at!.x, at!.y);
    expect(r).toBeGreaterThan(b + 60);
    expect(g).toBeGreaterThan(b);
    const [r2, g2, b2] = pixelAt(todaySide, at!.x, at!.y);
    expect(Math.abs(r - r2) + Math.abs(g - g2) + Math.abs(b - b2)).toBeGreaterThan(90);
  });

  it('closes with Esc and leaves the scene as it was', async () => {
    await app.page.getByTestId('split-handle').press('Escape');
    await expect(app.page.getByTestId('plan-split').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('reuse-compare-split').getAttribute('aria-pressed')).resolves.toBe('false');
    expect(app.consoleErrors).toEqual([]);
  });
});
