import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nextFrame, openApp, waitForDataReady } from './support/page';

/**
 * Strings from files are shown as text, never as markup: a building name from an imported GeoJSON and a
 * tour caption from a storyboard by URL, both carrying an HTML payload whose `onerror` would set a flag.
 * Each check asserts the literal text is on screen, no element was made from it, and nothing ran.
 */
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

describe('hostile strings from files are shown as text', () => {
  it('a building name from an imported GeoJSON, in the picked feature panel', async () => {
    const app = await openApp();
    try {
      await waitForDataReady(app.page);
      // One 40 m × 40 m, 60 m tall block just east of the community, named with markup.
      const [lon, lat] = [120.1795, 30.2672];
      const [dLon, dLat] = [40 / 96_200, 40 / 110_860];
      const ring = [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ];
      const geojson = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { id: 'X1', name: PAYLOAD, height: 60 }, geometry: { type: 'Polygon', coordinates: [ring] } },
        ],
      };
      await app.page.getByTestId('layer-toggle-buildings').uncheck();
      await app.page.getByTestId('tab-data').click();
      await app.page
        .getByTestId('import-file')
        .setInputFiles({ name: 'hostile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(geojson)) });
      await app.page.locator('[data-testid=imported-layers] li[data-file="hostile.geojson"]').waitFor({ timeout: 30_000 });
      await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });
      await nextFrame(app.page);
      const roof = await app.page.evaluate(([x, y, h]) => window.__twin!.worldScreenPosition(x, y, h), [
        lon + dLon / 2,
        lat + dLat / 2,
        60,
      ] as const);
      expect(roof).not.toBeNull();
      await app.page.mouse.click(roof!.x, roof!.y);
      const panel = app.page.getByTestId('imported-feature-panel');
      await panel.waitFor({ timeout: 30_000 });
      await expect(app.page.getByTestId('feature-name').textContent()).resolves.toContain(PAYLOAD);
      await expect(panel.locator('img').count()).resolves.toBe(0);
      await expect(app.page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a tour caption of a storyboard read by URL, on the large screen', async () => {
    // The storyboard is served beside the app like any deployment's own tours.
    const file = 'dist/models/tours/hostile-caption.json';
    const tour = JSON.parse(readFileSync('models/tours/briefing-nine-scenarios.json', 'utf8'));
    tour.id = 'hostile-caption';
    tour.steps[0].caption = { zh: PAYLOAD, en: PAYLOAD };
    writeFileSync(file, JSON.stringify(tour));
    const app = await openApp('mode=screen&tour=models/tours/hostile-caption.json&play=0', { width: 1920, height: 540 });
    try {
      await app.page.waitForFunction(() => document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-step') === '0');
      const caption = app.page.getByTestId('tour-caption');
      await expect(app.page.getByTestId('tour-caption-text').textContent()).resolves.toContain(PAYLOAD);
      await expect(caption.locator('img').count()).resolves.toBe(0);
      await expect(app.page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
    } finally {
      await app.close();
      rmSync(file, { force: true });
    }
  });
});
