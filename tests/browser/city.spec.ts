import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressAgainstTargets, summariseCity, summariseDistricts } from '../../src/analysis/city/aggregateCity';
import { communityGaps, districtGaps, sortGaps } from '../../src/analysis/city/districtCoverage';
import { HANGZHOU_CITY_FILE } from '../../src/data/city/cityDataset';
import { HANGZHOU_COVERAGE_FILE, parseCommunityCoverage } from '../../src/data/city/communityCoverageFile';
import { parseCityDataset } from '../../src/data/city/readCityDataset';
import { openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

/** The list exactly as the page is served it, counted by the same pure functions as the screen. */
const dataset = parseCityDataset(readFileSync(`dist/models/${HANGZHOU_CITY_FILE}`, 'utf8'));
const city = summariseCity(dataset);
const districts = summariseDistricts(dataset);

async function openCity(query: string, viewport: { width: number; height: number }): Promise<AppPage> {
  const app = await openApp(`view=city&${query}`, viewport);
  await app.page.waitForSelector('[data-testid=city-view][data-ready=true]', { timeout: 60_000 });
  return app;
}

const attribute = (app: AppPage, selector: string, name: string) => app.page.locator(selector).getAttribute(name);

/** Every rendered panel lies inside the window and no two of them overlap (the layout is a grid that must fit). */
async function panelsFit(app: AppPage): Promise<string[]> {
  return app.page.evaluate(() => {
    const problems: string[] = [];
    const boxes = [...document.querySelectorAll('.city-view > *, .city-kpis > *, .city-main > *, .city-charts > *, .city-side > *')].map(
      (el) => ({
        name: `${el.className || el.tagName}`.slice(0, 40),
        rect: el.getBoundingClientRect(),
        parent: el.parentElement,
      }),
    );
    for (const b of boxes) {
      if (b.rect.left < -0.5 || b.rect.top < -0.5 || b.rect.right > innerWidth + 0.5 || b.rect.bottom > innerHeight + 0.5)
        problems.push(`${b.name} leaves the window`);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.parent !== b.parent) continue;
        const overlap =
          Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left) > 0.5 &&
          Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top) > 0.5;
        if (overlap) problems.push(`${a.name} overlaps ${b.name}`);
      }
    // Text cut by its own box (a table taller than its panel, a KPI value wider than its tile).
    for (const el of document.querySelectorAll('.table-panel, .chart-panel, .city-kpi .value, .city-kpi .label')) {
      // Glyphs may rise above a tight line box, so single text lines are checked for width only.
      const tall = el.matches('.table-panel, .chart-panel') && el.scrollHeight > el.clientHeight + 1;
      if (tall || el.scrollWidth > el.clientWidth + 1)
        problems.push(`${el.className} is cut (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
    }
    return problems;
  });
}

describe('city view (?view=city) at 1920×1080', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openCity('', { width: 1920, height: 1080 });
  });
  afterAll(async () => app?.close());

  it('lists all 13 districts with the counts of the list', async () => {
    expect(districts).toHaveLength(13);
    await expect(app.page.locator('[data-testid^=district-row-]').count()).resolves.toBe(13);
    for (const d of districts) {
      await expect(attribute(app, `[data-testid=district-row-${d.district.id}]`, 'data-total')).resolves.toBe(String(d.counts.total));
      await expect(app.page.getByTestId(`district-row-${d.district.id}`).textContent()).resolves.toContain(d.district.name.zh);
    }
    await expect(attribute(app, '[data-testid=district-total]', 'data-total')).resolves.toBe(String(city.counts.total));
  });

  it('shows the totals, the coverage and the targets computed from the dataset file', async () => {
    for (const key of ['total', 'created', 'building', 'accepted'] as const) {
      await expect(attribute(app, `[data-testid=city-kpi-${key}]`, 'data-value')).resolves.toBe(String(city.counts[key]));
    }
    await expect(app.page.getByTestId('city-kpi-total').textContent()).resolves.toContain(String(city.counts.total));
    await expect(attribute(app, '[data-testid=city-kpi-coverage]', 'data-value')).resolves.toBe(
      String(Number(city.coverageShare.toFixed(4))),
    );
    for (const p of progressAgainstTargets(dataset)) {
      await expect(attribute(app, `[data-testid=city-target-${p.target.year}]`, 'data-value')).resolves.toBe(String(p.created));
      await expect(attribute(app, `[data-testid=city-target-${p.target.year}]`, 'data-met')).resolves.toBe(String(p.met));
    }
    await expect(app.page.getByTestId('city-synthetic').isVisible()).resolves.toBe(true);
    await expect(app.page.locator('[data-testid=city-map] circle').count()).resolves.toBeGreaterThanOrEqual(dataset.communities.length);
    await expect(app.page.locator('[data-testid=city-chart-cumulative] canvas').count()).resolves.toBeGreaterThan(0);
    expect(await panelsFit(app)).toEqual([]);
    await saveScreenshot(app.page, 'city-1920x1080');
  });

  it('drills into a district: its communities, the map zoomed, the link updated', async () => {
    const shangcheng = districts.find((d) => d.district.id === 'shangcheng')!;
    await app.page.getByTestId('district-row-shangcheng').click();
    await app.page.waitForSelector('[data-testid=district-communities][data-district=shangcheng]');
    await expect(app.page.locator('[data-testid^=city-community-]').count()).resolves.toBe(shangcheng.counts.total);
    await expect(app.page.getByTestId('city-breadcrumb').textContent()).resolves.toContain('上城区');
    expect(new URL(app.page.url()).searchParams.get('district')).toBe('shangcheng');
    expect(await panelsFit(app)).toEqual([]);
    await saveScreenshot(app.page, 'city-1920x1080-district');
  });

  it('opens a community card; one without a package says so', async () => {
    const plain = dataset.communities.find((c) => c.district === 'shangcheng' && !c.package)!;
    await app.page.getByTestId(`city-community-${plain.id}`).click();
    await app.page.waitForSelector(`[data-testid=community-card][data-community="${plain.id}"]`);
    await expect(app.page.getByTestId('community-score').textContent()).resolves.toBe(String(plain.scores.overall));
    await expect(app.page.getByTestId('no-package').isVisible()).resolves.toBe(true);
    expect(new URL(app.page.url()).searchParams.get('entry')).toBe(plain.id);
  });

  it('links the community with a package to the 3D planner, which opens it', async () => {
    await app.page.getByTestId('city-community-sample-jinghe').click();
    await app.page.waitForSelector('[data-testid=community-card][data-community="sample-jinghe"]');
    await saveScreenshot(app.page, 'city-1920x1080-community');
    const href = await attribute(app, '[data-testid=open-planner]', 'href');
    expect(new URLSearchParams(href!.slice(href!.indexOf('?'))).get('community')).toBe('sample-jinghe');
    expect(app.consoleErrors).toEqual([]);
    await app.page.getByTestId('open-planner').click();
    await waitForDataReady(app.page);
    expect(new URL(app.page.url()).searchParams.get('community')).toBe('sample-jinghe');
    const origin = new URL(app.page.url()).origin;
    expect(app.requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });
});

describe('the 一老一小 gaps table (?view=city&table=gaps)', () => {
  const coverage = parseCommunityCoverage(readFileSync(`dist/models/${HANGZHOU_COVERAGE_FILE}`, 'utf8'));
  const gaps = communityGaps(coverage);
  const byDistrict = districtGaps(gaps);
  const nameOf = (id: string) => districts.find((d) => d.district.id === id)!.district.name.zh;
  let app: AppPage;
  beforeAll(async () => {
    app = await openCity('table=gaps', { width: 1920, height: 1080 });
  });
  afterAll(async () => app?.close());

  it('ranks the 13 districts by their gap, largest first, with the sums of the published file', async () => {
    const expected = sortGaps(byDistrict, 'gap', (d) => nameOf(d.district), 'zh-CN');
    const rows = app.page.locator('[data-testid=district-gap-table] tbody tr');
    await expect(rows.count()).resolves.toBe(13);
    for (let i = 0; i < expected.length; i++) {
      await expect(rows.nth(i).getAttribute('data-testid')).resolves.toBe(`gap-row-${expected[i]!.district}`);
      await expect(rows.nth(i).getAttribute('data-gap')).resolves.toBe(String(expected[i]!.gap));
    }
    // The largest district by communities also has the largest summed gap; the rate is what tells them apart.
    expect(expected[0]!.gap).toBeGreaterThan(expected[12]!.gap);
    await expect(app.page.getByTestId('gap-synthetic').isVisible()).resolves.toBe(true);
    expect(await panelsFit(app)).toEqual([]);
    await saveScreenshot(app.page, 'city-1920x1080-gaps');
  });

  it('re-sorts by the gap rate on a header click', async () => {
    await app.page.getByTestId('gap-sort-share').click();
    const expected = sortGaps(byDistrict, 'gapShare', (d) => nameOf(d.district), 'zh-CN').map((d) => `gap-row-${d.district}`);
    const shown = await app.page
      .locator('[data-testid=district-gap-table] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(shown).toEqual(expected);
    await expect(attribute(app, '[data-testid=district-gap-table]', 'data-sort')).resolves.toBe('gapShare');
  });

  it('drills into a district: its communities by gap, largest first; a click opens the card', async () => {
    const worst = sortGaps(byDistrict, 'gapShare', (d) => nameOf(d.district), 'zh-CN')[0]!;
    await app.page.getByTestId(`gap-row-${worst.district}`).click();
    await app.page.waitForSelector('[data-testid=gap-communities]');
    const own = gaps.filter((g) => g.district === worst.district);
    const shown = await app.page
      .locator('[data-testid=gap-communities] tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-gap'))));
    expect(shown).toHaveLength(own.length);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(shown[0]).toBe(Math.max(...own.map((g) => g.gap ?? -1)));
    expect(new URL(app.page.url()).searchParams.get('table')).toBe('gaps');
    expect(await panelsFit(app)).toEqual([]);
    await saveScreenshot(app.page, 'city-1920x1080-gaps-district');
    const first = own.reduce((a, b) => ((b.gap ?? -1) > (a.gap ?? -1) ? b : a));
    await app.page.getByTestId(`gap-community-${first.id}`).click();
    await app.page.waitForSelector(`[data-testid=community-card][data-community="${first.id}"]`);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('city view at 3840×2160, in English', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openCity('lang=en', { width: 3840, height: 2160 });
  });
  afterAll(async () => app?.close());

  it('reads in English and fits the 4K wall', async () => {
    await expect(app.page.locator('.city-header h1').textContent()).resolves.toContain('Hangzhou');
    await expect(app.page.locator('[data-testid^=district-row-]').count()).resolves.toBe(13);
    await expect(app.page.getByTestId('district-row-linan').textContent()).resolves.toContain("Lin'an");
    await expect(attribute(app, '[data-testid=city-kpi-total]', 'data-value')).resolves.toBe(String(city.counts.total));
    expect(await panelsFit(app)).toEqual([]);
    await saveScreenshot(app.page, 'city-3840x2160');
  });

  it('drills down from the map: a district label, then a community of its list', async () => {
    await app.page.getByTestId('map-label-xihu').click();
    await app.page.waitForSelector('[data-testid=district-communities][data-district=xihu]');
    const first = dataset.communities.find((c) => c.district === 'xihu')!;
    await app.page.getByTestId(`city-community-${first.id}`).click();
    await app.page.waitForSelector(`[data-testid=community-card][data-community="${first.id}"]`);
    await expect(app.page.getByTestId('community-card').textContent()).resolves.toContain(first.name.en);
    expect(await panelsFit(app)).toEqual([]);
    await saveScreenshot(app.page, 'city-3840x2160-community');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('from the city view into the 3D base', () => {
  it('flies from high over the city down to the community, then reports data-ready', async () => {
    const app = await openCity('district=shangcheng&entry=sample-jinghe', { width: 1600, height: 900 });
    try {
      await app.page.waitForSelector('[data-testid=community-card][data-community="sample-jinghe"]');
      const href = await attribute(app, '[data-testid=open-base]', 'href');
      const link = new URLSearchParams(href!.slice(href!.indexOf('?')));
      expect(link.get('fly')).toBe('1');
      const [lon, lat, height] = link.get('cam')!.split(',').map(Number);
      await app.page.getByTestId('open-base').click();
      // The view starts straight down from 25 km (the share link follows the camera)…
      await app.page.waitForFunction(
        () => Number(new URL(window.location.href).searchParams.get('cam')?.split(',')[2] ?? NaN) > 10_000,
        undefined,
        { timeout: 120_000 },
      );
      // …and data-ready returns once it has landed at the link's camera.
      await waitForDataReady(app.page);
      const landed = new URL(app.page.url()).searchParams;
      const [landedLon, landedLat, landedHeight] = landed.get('cam')!.split(',').map(Number);
      expect(landedLon).toBeCloseTo(lon, 4);
      expect(landedLat).toBeCloseTo(lat, 4);
      expect(Math.abs(landedHeight - height)).toBeLessThan(5);
      expect(landed.get('fly')).toBeNull();
      await saveScreenshot(app.page, 'city-flight-landed');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
