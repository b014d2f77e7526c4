import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../src/core/geo/localFrame';
import { writeBuildingsGlb } from '../../src/data/tiles/buildingGlb';
import { nextFrame, openApp, saveScreenshot, waitForDataReady } from './support/page';
import { sampleBuildings, tallestBuilding as tallest } from './support/sampleBuildings';

const named = sampleBuildings.find((b) => b.name)!;
const manifest = JSON.parse(readFileSync('models/sample-jinghe/manifest.json', 'utf8')) as { centre: [number, number] };

/** A 30 m × 30 m × 80 m tower as a GLB whose origin is its foot (glTF metres, Y up). */
async function towerGlb(): Promise<Buffer> {
  const frame = createLocalFrame(manifest.centre);
  const ring = [
    frame.toLonLat(-15, -15),
    frame.toLonLat(15, -15),
    frame.toLonLat(15, 15),
    frame.toLonLat(-15, 15),
    frame.toLonLat(-15, -15),
  ];
  return Buffer.from(await writeBuildingsGlb([{ id: 'tower', parts: [[ring]], heightMeters: 80, attributes: {} }], frame));
}

const loaded = (page: Page) => page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });

describe('3D imports: a 3D Tiles tileset by URL and a dropped glTF model', () => {
  it('streams the sample tileset, picks a tiled building and shows its batch-table attributes; places a GLB and moves it', async () => {
    const app = await openApp();
    try {
      await waitForDataReady(app.page);
      // Hide the community's own buildings so clicks reach the tileset drawn in the same place.
      await app.page.getByTestId('layer-toggle-buildings').uncheck();
      await app.page.getByTestId('tab-data').click();
      await app.page.getByTestId('import-url').fill('models/tiles/sample-jinghe/tileset.json');
      await app.page.getByTestId('import-url-go').click();
      await app.page.locator('[data-testid=imported-layers] li[data-kind=tileset]').waitFor({ timeout: 30_000 });
      await loaded(app.page);
      await nextFrame(app.page);
      const roof = await app.page.evaluate((id) => window.__twin!.buildingScreenPosition(id), tallest.id);
      expect(roof).not.toBeNull();
      await app.page.mouse.click(roof!.x, roof!.y);
      const panel = app.page.getByTestId('imported-feature-panel');
      await panel.waitFor({ timeout: 30_000 });
      await expect(app.page.getByTestId('feature-id').textContent()).resolves.toContain(tallest.id);
      await expect(panel.textContent()).resolves.toContain('tileset.json');
      await saveScreenshot(app.page, 'import-3dtiles-picked');
      await app.page.locator('[data-testid=imported-layers] li[data-kind=tileset] button.remove').click();
      await expect(panel.count()).resolves.toBe(0);

      await app.page
        .getByTestId('import-file')
        .setInputFiles({ name: 'tower.glb', mimeType: 'model/gltf-binary', buffer: await towerGlb() });
      const model = app.page.locator('[data-testid=imported-layers] li[data-kind=model]');
      await model.waitFor({ timeout: 30_000 });
      await loaded(app.page);
      await nextFrame(app.page);
      const clip = { x: 300, y: 120, width: 900, height: 640 };
      const before = await app.page.screenshot({ clip });
      // Move it 200 m east: the tower's pixels move with it.
      const lon = model.locator('[data-testid=model-placement] input').first();
      await lon.fill(String(manifest.centre[0] + 0.002));
      await loaded(app.page);
      for (let i = 0; i < 3; i++) await nextFrame(app.page);
      const after = await app.page.screenshot({ clip });
      expect(after.equals(before)).toBe(false);
      await expect(app.page.getByTestId('import-failures').count()).resolves.toBe(0);
      await saveScreenshot(app.page, 'import-glb-placed');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe('imported data in the community model', () => {
  it('an imported nursery list feeds the service circles; a statistics table joins a building by its name', async () => {
    const app = await openApp(`building=${named.id}`);
    try {
      await waitForDataReady(app.page);
      await app.page.getByTestId('tab-service').click();
      const nurseryShare = () =>
        app.page.evaluate(
          () => document.querySelector('[data-testid=service-coverage] tr[data-category=nursery] td:nth-child(3)')?.textContent ?? '',
        );
      await app.page.waitForFunction(() => document.querySelector('[data-testid=service-coverage] tr[data-category=nursery]'), undefined, {
        timeout: 60_000,
      });
      // The sample has no 托育 at all: no home is within reach.
      expect(await nurseryShare()).toMatch(/^0(\.0)?\s*%$/);

      await app.page.getByTestId('tab-data').click();
      const [lon, lat] = manifest.centre;
      const csv = `名称,经度,纬度\n阳光托育园,${lon},${lat}\n`;
      await app.page.getByTestId('import-file').setInputFiles({ name: 'nurseries.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      const layer = app.page.locator('[data-testid=imported-layers] li[data-file="nurseries.csv"]');
      await layer.waitFor({ timeout: 30_000 });
      await expect(layer.getByTestId('mapping-target').inputValue()).resolves.toBe('facilities');
      await expect(layer.getByTestId('mapping-outcome').textContent()).resolves.toContain('1');

      await app.page.getByTestId('tab-service').click();
      await app.page.waitForFunction(
        () =>
          Number(
            (
              document.querySelector('[data-testid=service-coverage] tr[data-category=nursery] td:nth-child(3)')?.textContent ?? '0'
            ).replace('%', ''),
          ) > 0,
        undefined,
        { timeout: 60_000 },
      );
      await saveScreenshot(app.page, 'import-nursery-feeds-service-circles');

      await app.page.getByTestId('tab-data').click();
      const table = `楼号,户数,常住人口\n${named.name},48,131\n不存在的楼,1,2\n`;
      await app.page.getByTestId('import-file').setInputFiles({ name: 'stats.csv', mimeType: 'text/csv', buffer: Buffer.from(table) });
      const stats = app.page.locator('[data-testid=imported-layers] li[data-file="stats.csv"]');
      await stats.waitFor({ timeout: 30_000 });
      await expect(stats.getByTestId('mapping-target').inputValue()).resolves.toBe('table');
      await expect(stats.getByTestId('mapping-outcome').textContent()).resolves.toMatch(/1.*1/);
      await expect(stats.textContent()).resolves.toContain('不存在的楼');
      await expect(app.page.getByTestId('joined-statistics').textContent()).resolves.toContain('131');
      await saveScreenshot(app.page, 'import-table-joined');

      // The other formats through the same file input: a CGCS2000 / 3° GK zone 40 (EPSG:4549) shapefile
      // with its .dbf/.prj/.cpg, a GBK CSV of facilities and a CityJSON file with two buildings.
      const fixture = (name: string) => ({
        name: path.basename(name),
        mimeType: 'application/octet-stream',
        buffer: readFileSync(path.join('tests/fixtures/formats', name)),
      });
      await app.page
        .getByTestId('import-file')
        .setInputFiles([
          ...['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => fixture(`buildings-4549/buildings.${ext}`)),
          fixture('facilities-gbk.csv'),
          fixture('two-buildings.city.json'),
        ]);
      const shapefile = app.page.locator('[data-testid=imported-layers] li[data-file="buildings.shp"]');
      await shapefile.waitFor({ timeout: 30_000 });
      await expect(shapefile.textContent()).resolves.toContain('EPSG:4549');
      const gbk = app.page.locator('[data-testid=imported-layers] li[data-file="facilities-gbk.csv"]');
      await expect(gbk.textContent()).resolves.toMatch(/gb/i);
      await expect(app.page.locator('[data-testid=imported-layers] li[data-file="two-buildings.city.json"]').count()).resolves.toBe(1);
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
