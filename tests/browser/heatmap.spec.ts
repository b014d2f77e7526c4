import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

// Hand-computable check from the package's own files, independent of the app's aggregation: with 500 m
// squares anchored at the community's centre, each building falls in the quadrant of the centre it lies in
// (the community is ~600 m across), so the cells are the four quadrants and each one's share aged 60+ is
// its elderly over its residents, counted straight from the person rows (people.csv of the residents' data
// service's seed: the package itself carries only the building counts the app computes from).
const pkg = 'models/sample-jinghe';
const centre = (JSON.parse(readFileSync(`${pkg}/manifest.json`, 'utf8')) as { centre: [number, number] }).centre;
const quadrantOf = new Map(
  (
    JSON.parse(readFileSync(`${pkg}/buildings.geojson`, 'utf8')) as {
      features: { properties: { id: string }; geometry: { coordinates: [number, number][][] } }[];
    }
  ).features.map((f) => {
    const ring = f.geometry.coordinates[0].slice(0, -1);
    const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    return [f.properties.id, `${lon >= centre[0] ? 'E' : 'W'}${lat >= centre[1] ? 'N' : 'S'}`];
  }),
);
const houseBuilding = new Map(
  readFileSync(`${pkg}/houses.csv`, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => [cells[0], cells[1]]),
);
const tally = new Map<string, { elderly: number; residents: number }>();
for (const line of readFileSync('src/server/seed/sample-jinghe/people.csv', 'utf8').trim().split('\n').slice(1)) {
  const [, houseId, ageBand] = line.split(',');
  const quadrant = quadrantOf.get(houseBuilding.get(houseId)!)!;
  const t = tally.get(quadrant) ?? { elderly: 0, residents: 0 };
  t.residents++;
  if (ageBand === '60-69' || ageBand === '70-79' || ageBand === '80+') t.elderly++;
  tally.set(quadrant, t);
}
const shares = [...tally.values()].map((t) => t.elderly / t.residents);
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

describe('the heatmap on the sample community (light profile)', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
    await waitForDataReady(app.page);
    await app.page.getByTestId('tab-heatmap').click();
  });
  afterAll(async () => app?.close());

  it('is off by default: no legend and no cells until an indicator is chosen', async () => {
    await expect(app.page.getByTestId('heatmap-attribute').inputValue()).resolves.toBe('');
    await expect(app.page.getByTestId('heatmap-legend').count()).resolves.toBe(0);
  });

  it("shows each quadrant's share aged 60+ as counted by hand from people.csv, in the legend's range", async () => {
    expect(houseBuilding.get('JH-B002-1-0101')).toBe('JH-B002'); // the houses file reads as expected
    await app.page.getByTestId('heatmap-attribute').selectOption('elderlyShare');
    await app.page.getByTestId('heatmap-shape').selectOption('square');
    await app.page.getByTestId('heatmap-cell-meters').fill('500');
    const cells = app.page.getByTestId('heatmap-cells');
    await expect(cells.getAttribute('data-cells')).resolves.toBe(String(tally.size));
    await expect(cells.getAttribute('data-suppressed')).resolves.toBe('0');
    const legend = await app.page.getByTestId('heatmap-legend').locator('li').allTextContents();
    expect(legend).toHaveLength(5);
    expect(legend[0].startsWith(percent(Math.min(...shares)))).toBe(true);
    expect(legend[4].endsWith(percent(Math.max(...shares)))).toBe(true);
  });

  it('draws hexagon columns of 100 m over the community, then a ground layer, with the legend', async () => {
    await app.page.getByTestId('heatmap-shape').selectOption('hexagon');
    await app.page.getByTestId('heatmap-cell-meters').fill('100');
    await app.page.waitForFunction(() => window.__twin!.importedLayersLoaded());
    await nextFrame(app.page);
    const columns = await saveScreenshot(app.page, 'heatmap-columns');
    const suppressed = Number(await app.page.getByTestId('heatmap-cells').getAttribute('data-suppressed'));
    // A "fewer than 5" entry appears exactly when some cell is suppressed.
    await expect(app.page.getByTestId('heatmap-legend').locator('li').count()).resolves.toBe(suppressed ? 6 : 5);
    await app.page.getByTestId('heatmap-style').selectOption('ground');
    await app.page.waitForFunction(() => window.__twin!.importedLayersLoaded());
    await nextFrame(app.page);
    const ground = await saveScreenshot(app.page, 'heatmap-ground');
    expect(ground.equals(columns)).toBe(false);
    await app.page.getByTestId('heatmap-attribute').selectOption('');
    await expect(app.page.getByTestId('heatmap-legend').count()).resolves.toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
