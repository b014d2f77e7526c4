import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

interface BuildingFeature {
  properties: { id: string; heightMeters: number; floors: number; hasElevator: boolean; use: string; yearBuilt: number };
}
const buildings = (
  JSON.parse(readFileSync('models/sample-jinghe/buildings.geojson', 'utf8')) as { features: BuildingFeature[] }
).features.map((f) => f.properties);
/** The tallest building's roof is the one least likely to be hidden behind another from any camera. */
const tallest = [...buildings].sort((a, b) => b.heightMeters - a.heightMeters)[0];
/** An old walk-up as in the planner story: residential, 6 floors, no elevator. */
const walkUp = buildings.find((b) => b.use === 'residential' && b.floors === 6 && !b.hasElevator && b.yearBuilt < 2000)!;

function expectOnlySameOrigin(app: AppPage): void {
  const origin = new URL(inject('appUrl')).origin;
  const foreign = app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(app.requests.length).toBeGreaterThan(10);
}

/** Pixels of the canvas area that differ between two screenshots by more than a small tolerance. */
function changedPixels(a: Buffer, b: Buffer): number {
  const pa = PNG.sync.read(a);
  const pb = PNG.sync.read(b);
  let changed = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    const d = Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]);
    if (d > 30) changed++;
  }
  return changed;
}

describe('the app on the sample community (zh-CN, default view)', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
    await waitForDataReady(app.page);
  });
  afterAll(async () => app?.close());

  it('reaches data-ready with the community named in the header and the synthetic notice shown', async () => {
    await expect(app.page.getByTestId('community-name').textContent()).resolves.toContain('景和新村');
    await expect(app.page.getByTestId('synthetic-badge').textContent()).resolves.toBe('合成数据');
    await expect(app.page.getByTestId('synthetic-notice').isVisible()).resolves.toBe(true);
    await expect(app.page.getByTestId('attribution').textContent()).resolves.toContain('© OpenStreetMap contributors');
    await saveScreenshot(app.page, 'app-zh-default');
  });

  it('draws building pixels: hiding the building layer changes a large part of the canvas', async () => {
    const clip = { x: 300, y: 120, width: 900, height: 640 };
    const withBuildings = await app.page.screenshot({ clip });
    await app.page.getByTestId('layer-toggle-buildings').uncheck();
    await nextFrame(app.page);
    const without = await app.page.screenshot({ clip });
    await app.page.getByTestId('layer-toggle-buildings').check();
    await nextFrame(app.page);
    // The sample covers ~0.35 km² seen from ~900 m: buildings fill well over 2 % of this clip.
    expect(changedPixels(withBuildings, without)).toBeGreaterThan(clip.width * clip.height * 0.02);
    // And the canvas is not blank: many distinct colours.
    const png = PNG.sync.read(withBuildings);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 7) colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    expect(colours.size).toBeGreaterThan(200);
  });

  it('selects a building on click and shows its id, attributes and aggregated residents', async () => {
    const position = await app.page.evaluate((id) => window.__twin!.buildingScreenPosition(id), tallest.id);
    expect(position).not.toBeNull();
    await app.page.mouse.click(position!.x, position!.y);
    const panel = app.page.getByTestId('building-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-building-id')).resolves.toBe(tallest.id);
    await expect(app.page.getByTestId('building-id').textContent()).resolves.toContain(tallest.id);
    expect(new URL(app.page.url()).searchParams.get('building')).toBe(tallest.id);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'app-zh-selected');
  });

  it('never requests anything outside the app origin', () => {
    expectOnlySameOrigin(app);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('share links', () => {
  it('?building=<id> opens that building panel with the planner story figures', async () => {
    const app = await openApp(`building=${walkUp.id}&color=elevator`);
    try {
      await waitForDataReady(app.page);
      const panel = app.page.getByTestId('building-panel');
      await expect(panel.getAttribute('data-building-id')).resolves.toBe(walkUp.id);
      await expect(app.page.getByTestId('building-floors').textContent()).resolves.toContain('6');
      await expect(app.page.getByTestId('building-elevator').textContent()).resolves.toContain('无');
      await expect(app.page.getByTestId('color-mode').inputValue()).resolves.toBe('elevator');
      await saveScreenshot(app.page, 'share-link-building');
      expectOnlySameOrigin(app);
    } finally {
      await app.close();
    }
  });

  it('?lang=en shows the interface in English and keeps the language in the link', async () => {
    const app = await openApp('lang=en');
    try {
      await waitForDataReady(app.page);
      await expect(app.page.locator('h1').textContent()).resolves.toBe('Future Community Twin');
      await expect(app.page.getByTestId('layer-panel').textContent()).resolves.toContain('Community buildings');
      await expect(app.page.getByTestId('community-name').textContent()).resolves.toContain('Jinghe');
      await expect(app.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
      await saveScreenshot(app.page, 'app-en');
      expectOnlySameOrigin(app);
    } finally {
      await app.close();
    }
  });
});
