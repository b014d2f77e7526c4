import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';
import { changedPixels, distinctColours } from './support/pixels';
import { tallestBuilding as tallest } from './support/sampleBuildings';

/**
 * A community above the tiling threshold draws its buildings as 3D Tiles tiled in the page. The
 * sample has 203 buildings; `?tiledAbove=0` sends it down the path a 50,000-building package takes,
 * and everything a person does with buildings must work the same there.
 */
describe('a community drawn through the tiled path (?tiledAbove=0)', () => {
  let app: AppPage;
  const clip = { x: 300, y: 120, width: 900, height: 640 };
  beforeAll(async () => {
    app = await openApp('tiledAbove=0&color=use');
    await waitForDataReady(app.page);
  });
  afterAll(async () => app?.close());

  it('draws the buildings as tiles streamed from the page: hiding the layer changes a large part of the canvas', async () => {
    const withBuildings = await app.page.screenshot({ clip });
    await app.page.getByTestId('layer-toggle-buildings').uncheck();
    await nextFrame(app.page);
    const without = await app.page.screenshot({ clip });
    await app.page.getByTestId('layer-toggle-buildings').check();
    await waitForDataReady(app.page);
    await nextFrame(app.page);
    expect(changedPixels(withBuildings, without)).toBeGreaterThan(clip.width * clip.height * 0.02);
    expect(distinctColours(withBuildings, 7)).toBeGreaterThan(200);
    // The tiles came from blob: URLs made in the page, not from the server.
    expect(app.requests.some((url) => url.startsWith('blob:'))).toBe(true);
    await saveScreenshot(app.page, 'tiled-community');
  });

  it('recolours the tiled buildings when the colour mode changes', async () => {
    const byUse = await app.page.screenshot({ clip });
    await app.page.getByTestId('color-mode').selectOption('floors');
    await nextFrame(app.page);
    await nextFrame(app.page);
    const byFloors = await app.page.screenshot({ clip });
    expect(changedPixels(byUse, byFloors)).toBeGreaterThan(clip.width * clip.height * 0.01);
  });

  it('selects a tiled building on click: its panel opens and the building is highlighted', async () => {
    const position = await app.page.evaluate((id) => window.__twin!.buildingScreenPosition(id), tallest.id);
    expect(position).not.toBeNull();
    // Around the point clicked: the roof and walls of the building, not the panels at the sides.
    const around = { x: position!.x - 15, y: position!.y - 15, width: 30, height: 30 };
    const before = await app.page.screenshot({ clip: around });
    await app.page.mouse.click(position!.x, position!.y);
    const panel = app.page.getByTestId('building-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-building-id')).resolves.toBe(tallest.id);
    await nextFrame(app.page);
    await nextFrame(app.page);
    const after = await app.page.screenshot({ clip: around });
    // The selection colour replaces the colour mode's on most of the 900 pixels.
    expect(changedPixels(before, after)).toBeGreaterThan(300);
    await saveScreenshot(app.page, 'tiled-community-selected');
  });

  it('asks nothing of other origins and logs no error', () => {
    const origin = new URL(inject('appUrl')).origin;
    expect(app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
