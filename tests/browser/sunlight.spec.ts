import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeSunlight } from '../../src/analysis/sunlight/analyzeSunlight';
import { sunPosition, trueSolarInstant } from '../../src/analysis/sunlight/solarPosition';
import { defaultSunlightDate, prismsOf } from '../../src/analysis/sunlight/sunlightRequest';
import { blocks } from '../../src/analysis/sunlight/sunlightHours';
import { sunlightPreset } from '../../src/analysis/sunlight/sunlightRules';
import { addedFloorsVolume, compareSunlight } from '../../src/analysis/sunlight/whatIf';
import { dropsByBuilding, planSunlightVolumes } from '../../src/analysis/sunlight/planVolumes';
import { floorWorstHours } from '../../src/features/inspector/FloorSunlight';
import { createLocalFrame } from '../../src/core/geo/localFrame';
import { pointInPolygon } from '../../src/core/geo/polygon';
import { summariseBuildings } from '../../src/data/community/buildingSummaries';
import { readCommunityPackage } from '../../src/data/package/readPackage';
import { changedPixels } from './support/pixels';
import { nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

/**
 * The expected figures come from the same analysis run here in Node on the package read from disk
 * (as `npm run analyze -- models/sample-jinghe --sunlight` does), for the day the app picks: the
 * default preset's 大寒 of the current year.
 */
const community = await readCommunityPackage(async (p) => readFileSync(path.join('models/sample-jinghe', p), 'utf8'));
const preset = sunlightPreset(undefined)!;
const date = defaultSunlightDate(preset, new Date().getFullYear());
const summaries = summariseBuildings(community);
const { sunlight } = analyzeSunlight(community, { preset, date, summaries });
const site = { lon: community.manifest.centre[0], lat: community.manifest.centre[1] };

/** The tallest community building and the view straight down on it. */
const tallest = [...community.buildings].sort((a, b) => b.heightMeters - a.heightMeters)[0];
const ring = tallest.footprint[0];
const centre = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length] as [number, number];

const luminance = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return 0.2126 * png.data[i] + 0.7152 * png.data[i + 1] + 0.0722 * png.data[i + 2];
};

describe('sunlight (日照 tab) on the sample community', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(`cam=${centre[0]},${centre[1]},420,0,-90`);
    await waitForDataReady(app.page);
  });
  afterAll(async () => app?.close());

  it('computes every home in a worker and shows the CLI figures: homes, below the rule, pass rate', async () => {
    await app.page.getByTestId('tab-sunlight').click();
    await app.page.locator('[data-testid=sunlight-panel][data-status=done]').waitFor({ timeout: 120_000 });
    await expect(app.page.getByTestId('sunlight-date').inputValue()).resolves.toBe(date);
    const zh = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
    await expect(app.page.getByTestId('sunlight-homes').textContent()).resolves.toBe(zh(sunlight.totalHomes));
    await expect(app.page.getByTestId('sunlight-failing').textContent()).resolves.toBe(zh(sunlight.failingHomes));
    await expect(app.page.getByTestId('sunlight-pass-rate').textContent()).resolves.toBe(`${(sunlight.passRate * 100).toFixed(1)}%`);
    expect(sunlight.failingHomes).toBeGreaterThan(0);
  }, 150_000);

  it('colours buildings by their worst floor, with a legend', async () => {
    await nextFrame(app.page);
    const before = await app.page.screenshot();
    await app.page.getByTestId('sunlight-color').click();
    await app.page.getByTestId('legend-sunlight').waitFor();
    await nextFrame(app.page);
    const after = await saveScreenshot(app.page, 'sunlight-colouring');
    expect(changedPixels(before, after)).toBeGreaterThan(2000);
  });

  it('plays shadows back; the shadow map darkens ground the exact calculation finds occluded, not ground it finds lit', async () => {
    // 10:00 true solar time: the sun in the south-east, shadows to the north-west.
    const instant = trueSolarInstant(date, 10, site);
    const sun = sunPosition(instant, site);
    const az = (sun.azimuthDeg * Math.PI) / 180;
    const tan = Math.tan((sun.elevationDeg * Math.PI) / 180);
    const frame = createLocalFrame(community.manifest.centre);
    const sources = [
      ...community.buildings.map((b) => ({ id: b.id, footprint: b.footprint, heightMeters: b.heightMeters })),
      ...community.context.flatMap((c) => c.buildings),
    ];
    const { prisms } = prismsOf(sources, frame);
    const [cx, cy] = frame.toLocal(centre);
    // Ground points on a grid around the tallest building, outside every footprint, sorted into occluded and lit.
    const occluded: [number, number][] = [];
    const lit: [number, number][] = [];
    for (let dx = -60; dx <= 60; dx += 6)
      for (let dy = -60; dy <= 60; dy += 6) {
        const [x, y] = [cx + dx, cy + dy];
        const lonLat = frame.toLonLat(x, y);
        if (sources.some((s) => pointInPolygon(lonLat, s.footprint))) continue;
        // Points within 2 m of a shadow edge could go either way at the shadow map's resolution: skip them.
        const at = (ox: number, oy: number) =>
          prisms.heights.some((_, r) => blocks(prisms, r, x + ox, y + oy, 0.3, Math.sin(az), Math.cos(az), tan));
        const here = at(0, 0);
        if ([at(2, 0), at(-2, 0), at(0, 2), at(0, -2)].some((v) => v !== here)) continue;
        (here ? occluded : lit).push(lonLat);
      }
    expect(occluded.length).toBeGreaterThan(3);
    expect(lit.length).toBeGreaterThan(3);

    await app.page.getByTestId('shadow-playback').check();
    await app.page.getByTestId('shadow-playback').check();
    const slider = app.page.getByTestId('shadow-time');
    await slider.evaluate((element, value) => {
      const input = element as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, String(value));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, instant);
    await expect(app.page.getByTestId('shadow-clock').textContent()).resolves.toContain('真太阳时 10:00');
    await nextFrame(app.page);
    await nextFrame(app.page);
    const on = PNG.sync.read(await saveScreenshot(app.page, 'shadow-playback'));
    await app.page.getByTestId('shadow-playback').uncheck();
    await nextFrame(app.page);
    await nextFrame(app.page);
    const off = PNG.sync.read(await app.page.screenshot());
    const ratios = async (points: [number, number][]) => {
      const out: number[] = [];
      for (const [lon, lat] of points) {
        const p = await app.page.evaluate(([a, b]) => window.__twin!.worldScreenPosition(a, b, 0.3), [lon, lat] as [number, number]);
        if (!p || p.x < 5 || p.y < 5 || p.x > on.width - 5 || p.y > on.height - 5) continue;
        out.push(luminance(on, p.x, p.y) / Math.max(1, luminance(off, p.x, p.y)));
      }
      return out.sort((a, b) => a - b);
    };
    const shadowed = await ratios(occluded);
    const sunny = await ratios(lit);
    expect(shadowed.length).toBeGreaterThan(2);
    expect(sunny.length).toBeGreaterThan(2);
    // Qualitative: the median occluded point is clearly darker (relative to the same pixel without shadows) than the median lit one.
    const median = (v: number[]) => v[Math.floor(v.length / 2)];
    expect(median(shadowed)).toBeLessThan(median(sunny) * 0.85);
  }, 120_000);

  it('re-evaluates a building with two floors added: the neighbours falling below the rule, as computed in Node', async () => {
    // The first building of the list of those with homes below the rule.
    const worst = [...sunlight.buildings]
      .filter((b) => b.failingHomes > 0)
      .sort((a, b) => b.failingHomes - a.failingHomes || a.worstFloorHours - b.worstFloorHours)[0];
    const building = community.buildings.find((b) => b.id === worst.buildingId)!;
    const after = analyzeSunlight(community, { preset, date, summaries, volumes: [addedFloorsVolume(building, 2)] }).sunlight;
    const expected = compareSunlight(sunlight, after, new Set([building.id]));
    await app.page.locator('[data-testid=sunlight-worst] li button').first().click();
    await app.page.getByTestId('sunlight-add-floors-2').click();
    await app.page
      .locator(`[data-testid=sunlight-whatif][data-building-id="${building.id}"][data-status=done]`)
      .waitFor({ timeout: 120_000 });
    const zh = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
    await expect(app.page.getByTestId('sunlight-whatif-summary').textContent()).resolves.toBe(
      `不达标住宅：${zh(expected.failingBefore)} → ${zh(expected.failingAfter)}。相邻住宅日照减少 ${zh(expected.homesLosingSunlight.length)} 户，其中降至标准以下 ${zh(expected.homesDroppingBelow.length)} 户。`,
    );
    expect(expected.homesLosingSunlight.length).toBeGreaterThan(0);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'sunlight-whatif');
  }, 150_000);

  it('in the 更新 tab, a plan adding two floors to that building shows the neighbours before/after, by building', async () => {
    const building = app.page.locator('[data-testid=sunlight-whatif]');
    const id = (await building.getAttribute('data-building-id'))!;
    const plan = planSunlightVolumes(community, {
      conversions: [],
      additions: [{ buildingId: id, change: { kind: 'floors', floors: 2 } }],
    });
    const after = analyzeSunlight(community, { preset, date, summaries, volumes: plan.volumes }).sunlight;
    const expected = compareSunlight(sunlight, after, new Set(plan.changed));
    const drops = dropsByBuilding(community, expected, summaries);
    expect(drops.length).toBeGreaterThan(0);
    await app.page.getByTestId('tab-reuse').click();
    await app.page.getByTestId('reuse-section-plans').click();
    await app.page.getByTestId('reuse-add-empty-plan').click();
    await app.page.getByTestId('reuse-plan-add-floors-2').click();
    await expect(app.page.getByTestId('reuse-plan-additions').textContent()).resolves.toContain('加 2 层');
    const panel = app.page.locator('[data-testid=reuse-sunlight]').first();
    await panel.getByTestId('reuse-sunlight-check').click();
    await app.page.locator('[data-testid=reuse-sunlight][data-status=done]').waitFor({ timeout: 120_000 });
    const zh = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
    await expect(panel.getByTestId('reuse-sunlight-summary').textContent()).resolves.toBe(
      `不达标住宅：${zh(expected.failingBefore)} → ${zh(expected.failingAfter)}。相邻住宅日照减少 ${zh(expected.homesLosingSunlight.length)} 户，其中降至标准以下 ${zh(expected.homesDroppingBelow.length)} 户。`,
    );
    const listed = await panel
      .locator('[data-testid=reuse-sunlight-buildings] button')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-building-id')));
    expect(listed).toEqual(drops.map((d) => d.buildingId));
    // A listed building is a link: it selects that building.
    await panel.locator(`[data-testid=reuse-sunlight-buildings] button[data-building-id="${drops[0].buildingId}"]`).click();
    await app.page.locator(`[data-testid=building-panel][data-building-id="${drops[0].buildingId}"]`).waitFor();
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'reuse-sunlight');
  }, 150_000);

  it("colours the inspector's floors by their worst sunlight hours, with the hours as text", async () => {
    const id = await app.page.getByTestId('building-panel').getAttribute('data-building-id');
    const result = sunlight.buildings.find((b) => b.buildingId === id)!;
    expect(result).toBeDefined();
    await app.page.getByTestId('inspector-open').click();
    const section = app.page.getByTestId('inspector-sunlight');
    await section.waitFor({ timeout: 60_000 });
    const rows = section.locator('li');
    await expect(rows.count()).resolves.toBe(result.floors.length);
    const top = result.floors.at(-1)!;
    const bottom = result.floors[0];
    await expect(rows.first().getAttribute('data-floor')).resolves.toBe(String(top.floor));
    await expect(rows.last().getAttribute('data-hours')).resolves.toBe(floorWorstHours(bottom).toFixed(2));
    await expect(rows.last().locator('.hours').textContent()).resolves.toBe(`${floorWorstHours(bottom).toFixed(1)} h`);
    // The ground floor is darker than the top one: different legend classes, different swatches.
    const swatch = (row: typeof rows) => row.locator('.swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
    if (Math.floor(floorWorstHours(top)) !== Math.floor(floorWorstHours(bottom)))
      expect(await swatch(rows.first())).not.toBe(await swatch(rows.last()));
    await app.page.locator('[data-testid=inspector][data-inspector-ready=true]').waitFor({ timeout: 60_000 });
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'inspector-sunlight');
    await app.page.getByTestId('inspector-close').click();
  }, 120_000);
});
