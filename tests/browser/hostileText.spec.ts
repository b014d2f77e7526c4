import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApp, waitForDataReady } from './support/page';
import { tallestBuilding } from './support/sampleBuildings';

/**
 * Strings from files are shown as text, never as markup: a building name from a community package and a
 * tour caption from a storyboard by URL, both carrying an HTML payload whose `onerror` would set a flag.
 * Each check asserts the literal text is on screen, no element was made from it, and nothing ran.
 */
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

describe('hostile strings from files are shown as text', () => {
  it('a building name from a community package, in the building panel', async () => {
    // A copy of the sample served beside it, one building renamed with markup, listed in the index.
    const dir = 'dist/models/hostile-names';
    const indexFile = 'dist/models/index.json';
    const index = readFileSync(indexFile, 'utf8');
    cpSync('dist/models/sample-jinghe', dir, { recursive: true });
    const buildings = JSON.parse(readFileSync(`${dir}/buildings.geojson`, 'utf8'));
    buildings.features.find((f: { properties: { id: string } }) => f.properties.id === tallestBuilding.id).properties.name = PAYLOAD;
    writeFileSync(`${dir}/buildings.geojson`, JSON.stringify(buildings));
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    writeFileSync(`${dir}/manifest.json`, JSON.stringify({ ...manifest, id: 'hostile-names' }));
    const listed = JSON.parse(index);
    listed.packages.push({ id: 'hostile-names', path: 'hostile-names/', name: { zh: 'hostile', en: 'hostile' } });
    writeFileSync(indexFile, JSON.stringify(listed));
    const app = await openApp(`community=hostile-names&building=${tallestBuilding.id}`);
    try {
      await waitForDataReady(app.page);
      const panel = app.page.getByTestId('building-panel');
      await panel.waitFor({ timeout: 30_000 });
      await expect(panel.locator('h2').textContent()).resolves.toContain(PAYLOAD);
      await expect(panel.locator('img').count()).resolves.toBe(0);
      await expect(app.page.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
      writeFileSync(indexFile, index);
      rmSync(dir, { recursive: true, force: true });
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
