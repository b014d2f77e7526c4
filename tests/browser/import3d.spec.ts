import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLocalFrame } from '../../src/core/geo/localFrame';
import { extrudeFootprints } from '../../src/data/tiles/extrudeFootprints';
import { writeGlb } from '../../src/data/tiles/writeGlb';
import { nextFrame, openApp, saveScreenshot, waitForDataReady } from './support/page';

const buildings = (
  JSON.parse(readFileSync('models/sample-jinghe/buildings.geojson', 'utf8')) as { features: { properties: { id: string; heightMeters: number } }[] }
).features.map((f) => f.properties);
const tallest = [...buildings].sort((a, b) => b.heightMeters - a.heightMeters)[0];
const manifest = JSON.parse(readFileSync('models/sample-jinghe/manifest.json', 'utf8')) as { centre: [number, number] };

/** A 30 m × 30 m × 80 m tower as a GLB whose origin is its foot (glTF metres, Y up). */
function towerGlb(): Buffer {
  const frame = createLocalFrame(manifest.centre);
  const ring = [frame.toLonLat(-15, -15), frame.toLonLat(15, -15), frame.toLonLat(15, 15), frame.toLonLat(-15, 15), frame.toLonLat(-15, -15)];
  return Buffer.from(writeGlb(extrudeFootprints([{ footprint: [ring], heightMeters: 80 }], frame), [0.95, 0.55, 0.2, 1]));
}

const loaded = (page: import('playwright-core').Page) => page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });

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

      await app.page.getByTestId('import-file').setInputFiles({ name: 'tower.glb', mimeType: 'model/gltf-binary', buffer: towerGlb() });
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
