import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOT_DIR, nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';
import { changedPixels, distinctColours } from './support/pixels';
import { tallestBuilding as tallest, walkUpBuilding as walkUp } from './support/sampleBuildings';

function expectOnlySameOrigin(app: AppPage): void {
  const origin = new URL(inject('appUrl')).origin;
  const foreign = app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(foreign).toEqual([]);
  // The recorder really saw the page load (HTML, app chunks, ~95 Cesium workers, tiles, the package).
  expect(app.requests.length).toBeGreaterThan(10);
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
    expect(distinctColours(withBuildings, 7)).toBeGreaterThan(200);
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

  it('on a static copy (no resident-data service): no role choice, the aggregates-only badge, no person rows asked for or shown', async () => {
    // Runs after the selection test: the tallest building's panel is open. The static server answers api/health with a 404.
    const healthUrl = new URL('api/health', inject('appUrl')).toString();
    expect(app.requests).toContain(healthUrl);
    const badge = app.page.getByTestId('static-copy-badge');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toBe('静态副本 · 仅汇总数据');
    await expect(badge.getAttribute('title')).resolves.toContain('居民数据服务');
    await expect(app.page.getByTestId('role-select').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('session-sign-in').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('building-people').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('building-people-status').textContent()).resolves.toBe('当前角色仅可查看汇总数据。');
    expect(app.requests.filter((url) => url.includes('/api/') && url !== healthUrl)).toEqual([]);
    expect(app.page.url()).not.toContain('role');
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

describe('5/15-minute service circles', () => {
  it('colours buildings by walk time, draws the route of a selected walk-up and updates when a limit is edited', async () => {
    const app = await openApp(`building=${walkUp.id}&color=walkTime&service=elderly-care`);
    try {
      await waitForDataReady(app.page);
      await app.page.getByTestId('tab-service').click();
      const panel = app.page.locator('[data-testid=service-panel][data-status=done]');
      await panel.waitFor({ timeout: 60_000 });
      // The route line names minutes and metres to the nearest day-care centre.
      await expect(app.page.getByTestId('building-route').textContent()).resolves.toMatch(/\d+(\.\d)? 分钟 · [\d,]+ 米/);
      // The sample has no nursery (托育) on purpose: it shows as a complete gap.
      const nurseryRow = app.page.locator('[data-testid=service-coverage] tr[data-category=nursery]');
      await expect(nurseryRow.textContent()).resolves.toContain('0%');
      await expect(app.page.getByTestId('service-gaps').textContent()).resolves.toContain('托育');
      const dayCareRow = app.page.locator('[data-testid=service-coverage] tr[data-category=elderly-care]');
      const shareAt = async () => Number((await dayCareRow.locator('td').nth(2).textContent())!.replace('%', ''));
      const before = await shareAt();
      await nextFrame(app.page);
      await saveScreenshot(app.page, 'service-circles-elderly-care');
      // Widening the day-care limit from 300 m to 1,000 m must cover more homes (the centre sits in a corner).
      await app.page.getByTestId('service-max-distance').fill('1000');
      await app.page.waitForFunction(
        (previous) => {
          const cell = document.querySelector('[data-testid=service-coverage] tr[data-category=elderly-care] td:nth-child(3)');
          return cell && Number(cell.textContent!.replace('%', '')) > previous;
        },
        before,
        { timeout: 60_000 },
      );
      expect(await shareAt()).toBeGreaterThan(before);
      expectOnlySameOrigin(app);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('importing your own data', () => {
  /** Two 40 m × 40 m blocks, 60 m and 90 m tall, just east of the community (easy to see from the default camera). */
  function blocksGeoJson(): string {
    const square = (lon: number, lat: number) => {
      const dLon = 40 / 96_200; // ≈ metres per degree of longitude at 30.27°N
      const dLat = 40 / 110_860;
      return [
        [
          [lon, lat],
          [lon + dLon, lat],
          [lon + dLon, lat + dLat],
          [lon, lat + dLat],
          [lon, lat],
        ],
      ];
    };
    return JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'T1', height: 60 }, geometry: { type: 'Polygon', coordinates: square(120.1795, 30.2672) } },
        { type: 'Feature', properties: { id: 'T2', height: 90 }, geometry: { type: 'Polygon', coordinates: square(120.1805, 30.2672) } },
        { type: 'Feature', properties: { id: 'T3' }, geometry: null },
      ],
    });
  }

  it('draws a picked GeoJSON as a layer, names what was skipped, leaves the scene alone for a broken file, exports the package and imports by URL', async () => {
    const app = await openApp();
    try {
      await waitForDataReady(app.page);
      await app.page.getByTestId('tab-data').click();
      const clip = { x: 300, y: 120, width: 900, height: 640 };
      const before = await app.page.screenshot({ clip });
      await app.page
        .getByTestId('import-file')
        .setInputFiles({ name: 'blocks.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(blocksGeoJson()) });
      const layer = app.page.locator('[data-testid=imported-layers] li[data-file="blocks.geojson"]');
      await layer.waitFor({ timeout: 30_000 });
      // 2 features imported, the one without geometry skipped and located.
      await expect(layer.textContent()).resolves.toMatch(/2.*1.*要素 2/);
      for (let i = 0; i < 3; i++) await nextFrame(app.page);
      const after = await app.page.screenshot({ clip });
      // Two 40 m blocks, 60 m and 90 m tall, seen from ~900 m cover a few thousand pixels; 500 is a safe floor.
      expect(changedPixels(before, after)).toBeGreaterThan(500);
      await saveScreenshot(app.page, 'import-geojson');

      await app.page.getByTestId('import-file').setInputFiles({
        name: 'broken.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from('{"type": "FeatureCollection", "features": ['),
      });
      const failure = app.page.getByTestId('import-failures');
      await failure.waitFor({ timeout: 30_000 });
      await expect(failure.textContent()).resolves.toContain('broken.geojson');
      // The earlier layer and the community are still there.
      await expect(app.page.locator('[data-testid=imported-layers] li').count()).resolves.toBe(1);
      await expect(app.page.evaluate(() => document.documentElement.getAttribute('data-ready'))).resolves.toBe('true');

      // Export: the open package as a zip laid out like models/, readable without the app.
      const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-package').click()]);
      expect(download.suggestedFilename()).toBe('sample-jinghe.zip');
      // The browser is shared over a socket, so the file is copied here rather than read in place.
      const saved = path.join(SCREENSHOT_DIR, '..', 'export.zip');
      await download.saveAs(saved);
      const entries = unzipSync(new Uint8Array(readFileSync(saved)));
      expect(JSON.parse(strFromU8(entries['sample-jinghe/manifest.json'])).id).toBe('sample-jinghe');
      expect(Object.keys(entries)).toContain('context/hangzhou-central-osm/buildings.geojson');
      // As the public (the default role): no person rows, the building aggregates instead, and the export is logged.
      expect(Object.keys(entries)).not.toContain('sample-jinghe/people.csv');
      expect(Object.keys(entries)).not.toContain('sample-jinghe/rights.csv');
      expect(strFromU8(entries['sample-jinghe/aggregates/residents-by-building.csv'])).toMatch(/^buildingId,residents,aged60plus,/);
      await expect(app.page.getByTestId('export-audit').getAttribute('data-identifiers')).resolves.toBe('none');
      await expect(app.page.getByTestId('export-audit').textContent()).resolves.toContain('仅含楼栋汇总');
      await saveScreenshot(app.page, 'import-export-audit');

      // By URL: the sample's own facilities file, served beside the app (as many points as the file has).
      const facilityCount = (JSON.parse(readFileSync('models/sample-jinghe/facilities.geojson', 'utf8')) as { features: unknown[] })
        .features.length;
      await app.page.getByTestId('import-url').fill('models/sample-jinghe/facilities.geojson');
      await app.page.getByTestId('import-url-go').click();
      const byUrl = app.page.locator('[data-testid=imported-layers] li[data-file="facilities.geojson"]');
      await byUrl.waitFor({ timeout: 30_000 });
      await expect(byUrl.textContent()).resolves.toContain(`已导入 ${facilityCount} 个要素`);
      // Every layer shows its coordinate system, can be read again in another, and can be framed.
      await expect(byUrl.getByTestId('import-layer-crs').inputValue()).resolves.toBe('EPSG:4326');
      await expect(byUrl.getByTestId('import-zoom-to').count()).resolves.toBe(1);
      expectOnlySameOrigin(app);
    } finally {
      await app.close();
    }
  });
});
