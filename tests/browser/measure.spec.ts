import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';
import { handFrame, sampleFootprint, tallestBuilding } from './support/sampleBuildings';

type LonLat = [number, number];

/** The tallest building's footprint (its roof is seen from every camera), as the package stores it. */
const footprint: LonLat[] = sampleFootprint(tallestBuilding.id);
// Hand-computable check, independent of the app's geodesic code (support/sampleBuildings.ts: handFrame).
const { local } = handFrame(footprint[0]);
const corners = footprint.slice(0, -1);
const edges = corners.map((c, i) => {
  const [a, b] = [local(c), local(corners[(i + 1) % corners.length])];
  return { from: i, length: Math.hypot(b[0] - a[0], b[1] - a[1]) };
});
const longest = edges.reduce((x, y) => (y.length > x.length ? y : x));
const shoelace = Math.abs(
  corners.map(local).reduce((sum, p, i, ps) => sum + p[0] * ps[(i + 1) % ps.length][1] - ps[(i + 1) % ps.length][0] * p[1], 0) / 2,
);
const centroid: LonLat = [corners.reduce((s, c) => s + c[0], 0) / corners.length, corners.reduce((s, c) => s + c[1], 0) / corners.length];

/** A figure of the panel ("46.41 m", "742.60 m²") as a number. */
const figure = (text: string | null) => Number((text ?? '').replace(/,/g, '').match(/-?[\d.]+/)?.[0]);

describe('measuring on the sample community (light profile)', () => {
  let app: AppPage;
  beforeAll(async () => {
    // Seen from 260 m up, 180 m south of the building: a pixel is ~0.3 m on its roof, so a click lands on the roof.
    app = await openApp(`cam=${centroid[0].toFixed(6)},${(centroid[1] - 0.0016).toFixed(6)},260,0,-55`);
    await waitForDataReady(app.page);
    await app.page.getByTestId('tab-measure').click();
  });
  afterAll(async () => app?.close());

  /** Clicks the roof 2 m inside a corner (a click exactly on a silhouette may hit the ground behind); the tool snaps it onto the corner. */
  const clickNearRoofCorner = async (corner: LonLat) => {
    const toward = Math.min(1, 2 / Math.hypot(...local(centroid).map((v, k) => v - local(corner)[k])));
    const [lon, lat] = [corner[0] + (centroid[0] - corner[0]) * toward, corner[1] + (centroid[1] - corner[1]) * toward];
    const at = await app.page.evaluate(
      ([x, y, h]) => window.__twin!.worldScreenPosition(x, y, h),
      [lon, lat, tallestBuilding.heightMeters],
    );
    expect(at).not.toBeNull();
    await app.page.mouse.click(at!.x, at!.y);
  };

  it('measures the long roof edge of the tallest building as the hand-computed length of its footprint edge', async () => {
    await app.page.getByTestId('measure-tool-distance').click();
    await clickNearRoofCorner(corners[longest.from]);
    await clickNearRoofCorner(corners[(longest.from + 1) % corners.length]);
    const result = app.page.getByTestId('measure-result');
    await result.waitFor();
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'measure-distance');
    // Snapped to both roof corners: the horizontal distance is the edge (±5 cm: two decimals shown, rounding in the check).
    expect(figure(await result.getByTestId('measure-figure-0').locator('dd').textContent())).toBeCloseTo(longest.length, 1);
    // Same roof, so the slant distance is the same and the height difference nil.
    expect(figure(await result.getByTestId('measure-figure-1').locator('dd').textContent())).toBeCloseTo(longest.length, 1);
    expect(figure(await result.getByTestId('measure-figure-3').locator('dd').textContent())).toBeCloseTo(0, 2);
  });

  it('clears the results with Esc, and the next click selects nothing', async () => {
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('measure-result').count()).resolves.toBe(0);
    // The tool still holds the pointer: a click on the roof adds a point instead of opening the building panel.
    await clickNearRoofCorner(corners[0]);
    await expect(app.page.getByTestId('measure-draft').getAttribute('data-points')).resolves.toBe('1');
    await expect(app.page.getByTestId('building-panel').count()).resolves.toBe(0);
    await app.page.keyboard.press('Escape');
    await expect(app.page.getByTestId('measure-draft').count()).resolves.toBe(0);
  });

  it("measures the roof's area as the footprint's hand-computed area, finished with Enter", async () => {
    await app.page.getByTestId('measure-tool-area').click();
    for (const corner of corners) await clickNearRoofCorner(corner);
    await app.page.keyboard.press('Enter');
    const result = app.page.getByTestId('measure-result');
    await result.waitFor();
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'measure-area');
    await expect(result.getAttribute('data-tool')).resolves.toBe('area');
    // 46.4 m × 16.0 m ≈ 743 m² (auto unit: m² below a hectare).
    expect(figure(await result.getByTestId('measure-figure-0').locator('dd').textContent())).toBeCloseTo(shoelace, 0);
    const perimeter = edges.reduce((s, e) => s + e.length, 0);
    expect(figure(await result.getByTestId('measure-figure-2').locator('dd').textContent())).toBeCloseTo(perimeter, 1);
  });

  it('gives the roof height of a clicked building from its data and the picked point above the ground', async () => {
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('measure-tool-height').click();
    const at = await app.page.evaluate(
      ([x, y, h]) => window.__twin!.worldScreenPosition(x, y, h),
      [...centroid, tallestBuilding.heightMeters],
    );
    await app.page.mouse.click(at!.x, at!.y);
    const result = app.page.getByTestId('measure-result');
    await result.waitFor();
    // The roof's centre is read from the depth buffer: within half a metre of the data's roof.
    expect(
      Math.abs(figure(await result.getByTestId('measure-figure-0').locator('dd').textContent()) - tallestBuilding.heightMeters),
    ).toBeLessThan(0.5);
    await expect(result.getByTestId('measure-figure-1').locator('dt').textContent()).resolves.toContain(tallestBuilding.id);
    expect(figure(await result.getByTestId('measure-figure-1').locator('dd').textContent())).toBe(tallestBuilding.heightMeters);
  });

  it('leaves nothing behind when the tab is left: no tool, no results, clicks select buildings again', async () => {
    await app.page.getByTestId('tab-layers').click();
    await app.page.getByTestId('tab-measure').click();
    await expect(app.page.getByTestId('measure-result').count()).resolves.toBe(0);
    await expect(app.page.getByTestId('measure-panel').getAttribute('data-tool')).resolves.toBe('');
    await app.page.getByTestId('tab-layers').click();
    const roof = await app.page.evaluate((id) => window.__twin!.buildingScreenPosition(id), tallestBuilding.id);
    await app.page.mouse.click(roof!.x, roof!.y);
    await expect(app.page.getByTestId('building-panel').getAttribute('data-building-id')).resolves.toBe(tallestBuilding.id);
    expect(app.consoleErrors).toEqual([]);
  });
});
