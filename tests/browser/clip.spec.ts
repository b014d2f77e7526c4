import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';
import { handFrame, sampleBuildings, sampleFootprint, tallestBuilding as tallest } from './support/sampleBuildings';

type LonLat = [number, number];
type XY = [number, number];

/** The tallest building's footprint as the package stores it, and the tests' own metric frame at its first corner. */
const footprint = sampleFootprint(tallest.id);
const { local, toLonLat } = handFrame(footprint[0]);

const corners = footprint.slice(0, -1).map(local);
const shoelace = Math.abs(
  corners.reduce((sum, p, i, ps) => sum + p[0] * ps[(i + 1) % ps.length][1] - ps[(i + 1) % ps.length][0] * p[1], 0) / 2,
);
// The clip tool centres on the selected building's vertex average.
const centre: XY = [corners.reduce((s, c) => s + c[0], 0) / corners.length, corners.reduce((s, c) => s + c[1], 0) / corners.length];
const edges = corners.map((a, i) => ({ a, b: corners[(i + 1) % corners.length] }));
const longest = edges.reduce((x, y) =>
  Math.hypot(y.b[0] - y.a[0], y.b[1] - y.a[1]) > Math.hypot(x.b[0] - x.a[0], x.b[1] - x.a[1]) ? y : x,
);
const along: XY = (() => {
  const d = Math.hypot(longest.b[0] - longest.a[0], longest.b[1] - longest.a[1]);
  return [(longest.b[0] - longest.a[0]) / d, (longest.b[1] - longest.a[1]) / d];
})();
/** The plane faces along the long edge, so it cuts the building across: the side along `along` is kept. */
const azimuthDeg = (((Math.atan2(along[0], along[1]) * 180) / Math.PI + 360) % 360).toFixed(4);
/** The cut across: where the line through the centre, square to the long edge, meets the footprint's edges. */
const cutLength = (() => {
  const dir: XY = [-along[1], along[0]];
  const hits: XY[] = [];
  for (const { a, b } of edges) {
    // centre + s·dir = a + t·(b − a), solved for t in [0, 1].
    const e: XY = [b[0] - a[0], b[1] - a[1]];
    const den = dir[0] * e[1] - dir[1] * e[0];
    if (Math.abs(den) < 1e-12) continue;
    const t = (dir[0] * (centre[1] - a[1]) - dir[1] * (centre[0] - a[0])) / den;
    if (t >= 0 && t <= 1) hits.push([a[0] + t * e[0], a[1] + t * e[1]]);
  }
  expect(hits).toHaveLength(2);
  return Math.hypot(hits[1][0] - hits[0][0], hits[1][1] - hits[0][1]);
})();
const longLength = Math.hypot(longest.b[0] - longest.a[0], longest.b[1] - longest.a[1]);
/** Roof points a third of the way to either end: one on the kept side, one on the side cut away. */
const keptRoof = toLonLat([centre[0] + along[0] * longLength * 0.3, centre[1] + along[1] * longLength * 0.3]);
const removedRoof = toLonLat([centre[0] - along[0] * longLength * 0.3, centre[1] - along[1] * longLength * 0.3]);

const SECTION_METERS = 10.5;

const clickRoof = async (app: AppPage, at: LonLat) => {
  const point = await app.page.evaluate(([lon, lat, h]) => window.__twin!.worldScreenPosition(lon, lat, h), [...at, tallest.heightMeters]);
  expect(point).not.toBeNull();
  await app.page.mouse.click(point!.x, point!.y);
};
const selectedId = (app: AppPage) =>
  app.page.evaluate(() => document.querySelector('[data-testid=building-panel]')?.getAttribute('data-building-id') ?? null);
const figure = (app: AppPage, id: string, attribute: string) =>
  app.page.locator(`[data-testid=clip-list] li[data-building-id="${id}"]`).getAttribute(attribute).then(Number);

describe('clip and section (剖切) on the sample community (light profile)', () => {
  let app: AppPage;
  beforeAll(async () => {
    const [lon, lat] = toLonLat(centre);
    // Seen from 260 m up, 180 m south of the tallest building, which is selected.
    app = await openApp(`building=${tallest.id}&cam=${lon.toFixed(6)},${(lat - 0.0016).toFixed(6)},260,0,-55`);
    await waitForDataReady(app.page);
    await app.page.getByTestId('tab-clip').click();
  });
  afterAll(async () => app?.close());

  it('a plane across the tallest building through its centre: the cut is its hand-computed width × height; the cut-away half is gone', async () => {
    expect(await selectedId(app)).toBe(tallest.id);
    await app.page.getByTestId('clip-mode-plane').click();
    await app.page.getByTestId('clip-azimuth').fill(azimuthDeg);
    await app.page.locator(`[data-testid=clip-list] li[data-building-id="${tallest.id}"]`).waitFor();
    await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'clip-plane');
    // ~16 m across the 46 m slab, 51.3 m high.
    expect(await figure(app, tallest.id, 'data-cut-length')).toBeCloseTo(cutLength, 1);
    expect(await figure(app, tallest.id, 'data-cut-face-area')).toBeCloseTo(cutLength * tallest.heightMeters, 0);
    // The kept half is still the building (a click selects it); where the other half stood, a click finds something else.
    await clickRoof(app, removedRoof);
    await expect.poll(() => selectedId(app)).not.toBe(tallest.id);
    await clickRoof(app, keptRoof);
    await expect.poll(() => selectedId(app)).toBe(tallest.id);
  });

  it('a horizontal section at 10.5 m: every building taller than that is cut, the tallest at its whole footprint area', async () => {
    await app.page.getByTestId('clip-mode-section').click();
    await app.page.getByTestId('clip-section-meters').fill(String(SECTION_METERS));
    const result = app.page.getByTestId('clip-result');
    const taller = sampleBuildings.filter((b) => b.heightMeters > SECTION_METERS).length;
    await expect.poll(() => result.getAttribute('data-cut')).toBe(String(taller));
    await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'clip-section');
    expect(await figure(app, tallest.id, 'data-section-area')).toBeCloseTo(shoelace, 0);
    // The floor shortcut names the floor the cut crosses at 3 m storeys: 10.5 m is 1.5 m above the 4th floor.
    await expect(app.page.getByTestId('clip-section-floor').inputValue()).resolves.toBe('4');
  });

  it('the inspector is cut at the same height: homes above the section cannot be seen or picked, those below can', async () => {
    const houses = readFileSync('models/sample-jinghe/houses.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[1] === tallest.id)
      .map(([id, , , floor]) => ({ id, floor: Number(floor) }));
    const low = houses.find((h) => h.floor === 2)!;
    const high = houses.find((h) => h.floor === 8)!;
    await app.page.locator(`[data-testid=clip-list] li[data-building-id="${tallest.id}"] button`).click();
    await app.page.getByTestId('inspector-open').click();
    const inspector = app.page.locator('[data-testid=inspector][data-inspector-ready=true]');
    await inspector.waitFor({ timeout: 60_000 });
    await expect(inspector.getAttribute('data-clip')).resolves.toBe(`section:${SECTION_METERS}`);
    await app.page.evaluate(() => window.__twinInspector!.nextFrame());
    await saveScreenshot(app.page, 'clip-inspector-section');
    await expect(app.page.evaluate((id) => window.__twinInspector!.unitScreenPosition(id), low.id)).resolves.not.toBeNull();
    await expect(app.page.evaluate((id) => window.__twinInspector!.unitScreenPosition(id), high.id)).resolves.toBeNull();
    // Floor labels stop at the cut: 1F–4F.
    await expect(app.page.locator('.inspector-floor-label:visible').count()).resolves.toBe(4);
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('inspector').count()).resolves.toBe(0);
    // Off: the whole stack again.
    await app.page.getByTestId('clip-mode-off').click();
    await app.page.getByTestId('inspector-open').click();
    await inspector.waitFor({ timeout: 60_000 });
    await expect(inspector.getAttribute('data-clip')).resolves.toBeNull();
    await app.page.evaluate(() => window.__twinInspector!.nextFrame());
    await expect(app.page.evaluate((id) => window.__twinInspector!.unitScreenPosition(id), high.id)).resolves.not.toBeNull();
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('inspector').count()).resolves.toBe(0);
  });

  it('leaves nothing behind when the tab is left: the whole building is back', async () => {
    await app.page.getByTestId('clip-mode-plane').click();
    await app.page.getByTestId('tab-layers').click();
    await app.page.getByTestId('tab-clip').click();
    await expect(app.page.getByTestId('clip-panel').getAttribute('data-mode')).resolves.toBe('');
    await app.page.getByTestId('tab-layers').click();
    await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true);
    await clickRoof(app, removedRoof);
    await expect.poll(() => selectedId(app)).toBe(tallest.id);
  });

  it('clips a 3D Tiles tileset too: where the plane cut the tiled building away, nothing of it can be picked', async () => {
    // The tallest building is still selected: the plane will be centred on it.
    expect(await selectedId(app)).toBe(tallest.id);
    await app.page.getByTestId('tab-data').click();
    await app.page.getByTestId('import-url').fill('models/tiles/sample-jinghe/tileset.json');
    await app.page.getByTestId('import-url-go').click();
    await app.page.locator('[data-testid=imported-layers] li[data-kind=tileset]').waitFor({ timeout: 30_000 });
    await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });

    await app.page.getByTestId('tab-clip').click();
    await app.page.getByTestId('clip-mode-plane').click();
    await app.page.getByTestId('clip-azimuth').fill(azimuthDeg);
    await app.page.locator(`[data-testid=clip-list] li[data-building-id="${tallest.id}"]`).waitFor();
    await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'clip-tileset');
    const feature = app.page.getByTestId('feature-id');
    await clickRoof(app, removedRoof);
    await nextFrame(app.page);
    await nextFrame(app.page);
    expect((await feature.count()) ? await feature.textContent() : '').not.toContain(tallest.id);
    expect(await selectedId(app)).not.toBe(tallest.id);
    expect(app.consoleErrors).toEqual([]);

    // Without the clip (and with the community's own buildings hidden), the same click reaches the tileset's building.
    await app.page.getByTestId('clip-mode-off').click();
    await app.page.getByTestId('tab-layers').click();
    await app.page.getByTestId('layer-toggle-buildings').uncheck();
    await nextFrame(app.page);
    await clickRoof(app, removedRoof);
    await feature.waitFor({ timeout: 30_000 });
    await expect(feature.textContent()).resolves.toContain(tallest.id);
  });
});
