import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';
import { changedPixels, distinctColours } from './support/pixels';
import { walkUpBuilding as walkUp } from './support/sampleBuildings';

/** The walk-up's houses from the sample's houses.csv (id,buildingId,entrance,floor,room,…). */
const houses = readFileSync('models/sample-jinghe/houses.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter((cells) => cells[1] === walkUp.id)
  .map(([id, , entrance, floor, room]) => ({ id, entrance: Number(entrance), floor: Number(floor), room }));
/** A home in the middle of the stack: floor 3 of entrance 1, the last room (nearest the stair). */
const target = houses.filter((h) => h.floor === 3 && h.entrance === 1).at(-1)!;
/** Residents of the target home in the resident-data service's seed (id,houseId,…): the person rows below need some. */
const targetResidents = readFileSync('src/server/seed/sample-jinghe/people.csv', 'utf8')
  .split('\n')
  .filter((line) => line.split(',')[1] === target.id).length;

const inspectorFrame = (app: AppPage) => app.page.evaluate(() => window.__twinInspector!.nextFrame());

describe('分层分户 inspector on the walk-up (?building=…)', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(`building=${walkUp.id}`);
    await waitForDataReady(app.page);
  });
  afterAll(async () => app?.close());

  it('opens from the building panel with every floor, picks a home, recolours, and closes on Esc', async () => {
    expect(walkUp).toBeDefined();
    expect(target).toBeDefined();
    expect(targetResidents).toBeGreaterThan(0);
    const inspectorChunk = (url: string) => /\/BuildingInspector-[\w-]+\.js$/.test(url);
    // three.js is not part of the start-up download: it comes with the first opening.
    expect(app.requests.filter(inspectorChunk)).toEqual([]);
    await app.page.getByTestId('inspector-open').click();
    await app.page.locator('[data-testid=inspector][data-inspector-ready=true]').waitFor({ timeout: 60_000 });
    expect(app.requests.filter(inspectorChunk)).toHaveLength(1);

    // Every floor of the building is drawn and labelled (6 for the walk-up).
    await expect(app.page.evaluate(() => window.__twinInspector!.floorCount())).resolves.toBe(walkUp.floors);
    await expect(app.page.locator('.inspector-floor-label:visible').count()).resolves.toBe(walkUp.floors);
    await expect(app.page.getByTestId('inspector-summary').textContent()).resolves.toContain(`${walkUp.floors} 层 · ${houses.length} 户`);

    const canvas = app.page.getByTestId('inspector-canvas');
    const byOccupancy = await canvas.screenshot();
    // Boxes in three occupancy colours, floor plates, grid and shading: far more than a blank canvas's few colours.
    expect(distinctColours(byOccupancy, 5)).toBeGreaterThan(40);
    await saveScreenshot(app.page, 'inspector-open');

    const position = await app.page.evaluate((id) => window.__twinInspector!.unitScreenPosition(id), target.id);
    expect(position).not.toBeNull();
    await app.page.mouse.click(position!.x, position!.y);
    const unit = app.page.getByTestId('inspector-unit');
    await unit.waitFor();
    await expect(unit.getAttribute('data-unit-id')).resolves.toBe(target.id);
    // The public (shared) view gives the address to 幢/单元 only.
    await expect(app.page.getByTestId('inspector-unit-address').textContent()).resolves.toBe(
      `${walkUp.name ?? walkUp.id} 1单元（层、室号仅对授权角色显示）`,
    );
    // The public sees a household's size only as "<5" (or 0, or 5+), or "–" where the package counts
    // residents per building only (resident statistics), and no person rows.
    await expect(app.page.getByTestId('inspector-unit-residents').textContent()).resolves.toMatch(/^(<5|0|\d{1,3}|–)$/);
    await expect(app.page.getByTestId('inspector-people').count()).resolves.toBe(0);
    await inspectorFrame(app);
    await saveScreenshot(app.page, 'inspector-unit');

    // Right type colours differ from occupancy colours: the canvas must change visibly.
    await app.page.getByTestId('inspector-mode-rightType').click();
    await inspectorFrame(app);
    const byRight = await canvas.screenshot();
    expect(changedPixels(byOccupancy, byRight)).toBeGreaterThan(2000);
    await app.page.getByTestId('inspector-mode-ageBand').click();
    await inspectorFrame(app);
    await saveScreenshot(app.page, 'inspector-age-band');

    // A static copy (no resident-data service): no role to choose, the aggregates-only badge, and the
    // home's person rows neither asked for nor shown (the signed-in roles: roles.spec.ts).
    await expect(app.page.getByTestId('static-copy-badge').isVisible()).resolves.toBe(true);
    await expect(app.page.getByTestId('role-select').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('inspector-people').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('inspector-people-status').textContent()).resolves.toBe('当前角色仅可查看汇总数据。');
    expect(app.requests.filter((url) => url.includes('/api/communities/'))).toEqual([]);

    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('inspector').waitFor({ state: 'detached' });
    await expect(app.page.locator('[data-testid=inspector-canvas]').count()).resolves.toBe(0);
    await expect(app.page.evaluate(() => window.__twinInspector === undefined)).resolves.toBe(true);
    // The building panel is back, still on the walk-up.
    await expect(app.page.getByTestId('building-panel').getAttribute('data-building-id')).resolves.toBe(walkUp.id);

    expect(app.consoleErrors).toEqual([]);
  });

  // Chromium keeps at most 16 live WebGL contexts per page and then kills the oldest, which is
  // Cesium's: 17 openings (plus the one above) overflow that unless each close frees its context.
  // (Checked: with WEBGL_lose_context stubbed out, the same loop prints "Too many active WebGL contexts".)
  it('frees its WebGL context on every close: 17 openings leave the Cesium scene alive', { timeout: 300_000 }, async () => {
    const contextWarnings: string[] = [];
    app.page.on('console', (message) => {
      if (/WebGL|context/i.test(message.text())) contextWarnings.push(message.text());
    });
    for (let i = 0; i < 17; i++) {
      await app.page.getByTestId('inspector-open').click();
      await app.page.locator('[data-testid=inspector][data-inspector-ready=true]').waitFor({ timeout: 30_000 });
      await app.page.keyboard.press('Escape');
      await app.page.getByTestId('inspector').waitFor({ state: 'detached' });
    }
    expect(contextWarnings).toEqual([]);
    const cesiumContextLost = await app.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=viewport] canvas')!;
      // getContext hands back the context Cesium already made (WebGL2, or WebGL1 as a fallback).
      return (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!.isContextLost();
    });
    expect(cesiumContextLost).toBe(false);
    await app.page.evaluate(() => window.__twin!.nextFrame());
    expect(app.consoleErrors).toEqual([]);
  });
});
