import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';
import { handFrame, sampleBuildings, sampleFootprint, tallestBuilding } from './support/sampleBuildings';

type LonLat = [number, number];

const footprint = sampleFootprint(tallestBuilding.id);
// Degrees → metres with WGS84's radii of curvature at the building's latitude (independent of the app's frame code).
const { local, toLonLat } = handFrame(footprint[0]);
const corners = footprint.slice(0, -1);
const centroid: LonLat = [corners.reduce((s, c) => s + c[0], 0) / corners.length, corners.reduce((s, c) => s + c[1], 0) / corners.length];

/** Shortest distance from a point to a ring's edges, metres. */
function distanceToRing(p: [number, number], ring: [number, number][]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
    const [ex, ey] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * ex + (p[1] - a[1]) * ey) / (ex * ex + ey * ey)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * ex, p[1] - a[1] - t * ey));
  }
  return best;
}

/** 12 m south of the tallest building's southmost corner: open ground next to it. */
const south = corners.reduce((a, b) => (b[1] < a[1] ? b : a));
const standpoint: LonLat = toLonLat([local(south)[0], local(south)[1] - 12]);
const standpointMeters = distanceToRing(local(standpoint), corners.map(local));

describe('height limit, viewshed and skyline on the sample community (light profile)', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(`cam=${centroid[0].toFixed(6)},${(centroid[1] - 0.0018).toFixed(6)},260,0,-50`);
    await waitForDataReady(app.page);
    await app.page.getByTestId('tab-viewshed').click();
  });
  afterAll(async () => app?.close());

  it('counts and lists the buildings above the limit, as the package heights say', async () => {
    await app.page.getByTestId('height-limit-on').check();
    const result = app.page.getByTestId('height-limit-result');
    await expect(result.getAttribute('data-over')).resolves.toBe(String(sampleBuildings.filter((b) => b.heightMeters > 24).length));
    await app.page.getByTestId('height-limit-meters').fill('30');
    const over30 = sampleBuildings.filter((b) => b.heightMeters > 30);
    await expect(result.getAttribute('data-over')).resolves.toBe(String(over30.length));
    expect(over30.length).toBeGreaterThan(0);
    // The tallest first, with its excess over 30 m.
    const first = app.page.getByTestId('height-limit-list').locator('li').first();
    await expect(first.textContent()).resolves.toContain((tallestBuilding.heightMeters - 30).toFixed(1));
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'viewshed-height-limit');
  });

  it('puts the eye on the roof it is placed on: the roof height plus 1.6 m, and an open skyline', async () => {
    await app.page.getByTestId('height-limit-on').uncheck();
    await app.page.getByTestId('viewshed-place').click();
    const roof = await app.page.evaluate(
      ([x, y, h]) => window.__twin!.worldScreenPosition(x, y, h),
      [...centroid, tallestBuilding.heightMeters],
    );
    await app.page.mouse.click(roof!.x, roof!.y);
    const result = app.page.getByTestId('viewshed-result');
    await result.waitFor();
    // The roof comes from the depth buffer: within half a metre of the data's roof, plus the 1.6 m eye.
    expect(Math.abs(Number(await result.getAttribute('data-eye')) - (tallestBuilding.heightMeters + 1.6))).toBeLessThan(0.5);
    // Nothing in the sample is taller than its tallest building: no building rises above this eye.
    await expect(app.page.getByTestId('skyline').getAttribute('data-top-deg')).resolves.toBe('0.00');
    expect(Number(await result.getAttribute('data-seen'))).toBeGreaterThan(0);
  });

  it('from the ground beside the tallest building, the skyline peaks at atan((height − eye) / distance) to its wall', async () => {
    await app.page.getByTestId('viewshed-place').click();
    const ground = await app.page.evaluate(([x, y]) => window.__twin!.worldScreenPosition(x, y, 0), standpoint);
    expect(ground).not.toBeNull();
    await app.page.mouse.click(ground!.x, ground!.y);
    const result = app.page.getByTestId('viewshed-result');
    await expect.poll(async () => Number(await result.getAttribute('data-eye'))).toBeLessThan(4);
    const eye = Number(await result.getAttribute('data-eye'));
    // The picked ground (or the base map just above it) plus 1.6 m.
    expect(eye).toBeGreaterThanOrEqual(1.5);
    // The nearest wall is ~12 m away and the roof far above the eye: that direction is the skyline's top.
    // The eye lands within a pixel (~0.3 m) of the standpoint: 0.3 m in 12 m moves the angle by < 1°.
    const expected = (Math.atan((tallestBuilding.heightMeters - eye) / standpointMeters) * 180) / Math.PI;
    const top = Number(await app.page.getByTestId('skyline').getAttribute('data-top-deg'));
    expect(Math.abs(top - expected)).toBeLessThan(1.5);
    // The ground behind the building is hidden from there, the open ground around mostly seen.
    const share = Number(await result.getAttribute('data-ground-share'));
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'viewshed-ground');
  });

  it('leaves nothing behind when the tab is left: no eye, no limit, clicks select buildings again', async () => {
    await app.page.getByTestId('tab-layers').click();
    await app.page.getByTestId('tab-viewshed').click();
    await expect(app.page.getByTestId('viewshed-result').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('height-limit-result').count()).resolves.toBe(0);
    await app.page.getByTestId('tab-layers').click();
    const roof = await app.page.evaluate((id) => window.__twin!.buildingScreenPosition(id), tallestBuilding.id);
    await app.page.mouse.click(roof!.x, roof!.y);
    await expect(app.page.getByTestId('building-panel').getAttribute('data-building-id')).resolves.toBe(tallestBuilding.id);
    expect(app.consoleErrors).toEqual([]);
  });
});
