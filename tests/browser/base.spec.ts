import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspMetaTag } from '../../build/contentSecurityPolicy';
import { readBaseConfig } from '../../src/data/base/readBaseConfig';
import type { BaseConfig } from '../../src/data/base/baseConfig';
import { osmCityBuildings, writeBaseFixtures } from './support/baseFixtures';
import { indexWithCsp, serveSite, type TestSite } from './support/baseServer';
import { openApp, saveScreenshot, waitForDataReady } from './support/page';

const manifest = JSON.parse(readFileSync('models/sample-jinghe/manifest.json', 'utf8')) as { centre: [number, number] };
const name = (en: string) => ({ zh: en, en });

let fixtures: string;
let remote: TestSite;
const sites: TestSite[] = [];

/** The app served with `config` as models/base.json, and the CSP the build would compute from `cspConfig`. */
async function appWith(config: BaseConfig, cspConfig: BaseConfig = config): Promise<TestSite> {
  const site = await serveSite(
    { '/twin/models/test-base/': fixtures, '/twin/': 'dist' },
    { '/twin/models/base.json': JSON.stringify(config), '/twin/index.html': indexWithCsp(cspMetaTag(cspConfig)) },
  );
  sites.push(site);
  return site;
}

beforeAll(async () => {
  fixtures = await writeBaseFixtures(manifest.centre);
  remote = await serveSite({ '/': fixtures });
}, 120_000);
afterAll(async () => {
  await Promise.all([remote.close(), ...sites.map((s) => s.close())]);
  rmSync(fixtures, { recursive: true, force: true });
});

const localBase = (): BaseConfig =>
  readBaseConfig({
    format: 'fct-base',
    version: '1.0',
    sources: [
      { id: 'natural-earth', kind: 'imagery', type: 'natural-earth', name: name('Natural Earth') },
      {
        id: 'wmts-4490',
        kind: 'imagery',
        type: 'wmts',
        name: name('WMTS CGCS2000'),
        url: 'test-base/wmts/{TileMatrix}/{TileRow}/{TileCol}.png',
        layer: 'dom',
        tileMatrixSetID: 'EPSG:4490',
        crs: 'EPSG:4490',
        tileMatrixLabels: ['EPSG:4490:0', 'EPSG:4490:1', 'EPSG:4490:2'],
        maximumLevel: 2,
        attribution: 'test WMTS',
      },
      { id: 'xyz', kind: 'imagery', type: 'xyz', name: name('XYZ'), url: 'test-base/xyz/{z}/{x}/{y}.png', maximumLevel: 2 },
      {
        id: 'missing',
        kind: 'imagery',
        type: 'xyz',
        name: name('Missing tiles'),
        url: 'test-base/nowhere/{z}/{x}/{y}.png',
        maximumLevel: 2,
      },
      { id: 'xian80', kind: 'terrain', type: 'geotiff', name: name('Xian 1980 DEM'), url: 'test-base/dem/xian80.tif' },
      { id: 'hill', kind: 'terrain', type: 'geotiff', name: name('DEM'), url: 'test-base/dem/hill-4490.tif' },
      {
        id: 'city',
        kind: '3dtiles',
        type: 'buildings',
        name: name('City buildings'),
        url: 'test-base/city/tileset.json',
        style: { colorBy: 'height' },
      },
    ],
  });

describe('the city base from models/base.json', () => {
  it('lays WMTS (EPSG:4490), XYZ, a GeoTIFF DEM and a 3D Tiles city; a 404 source and a DEM in an unknown CRS show their error, the rest keeps working; a city building shows its attributes', async () => {
    const site = await appWith(localBase());
    // Look straight down on the largest OSM building, so a click in the middle of the view lands on it.
    const largest = osmCityBuildings().sort((a, b) => b.parts[0][0].length - a.parts[0][0].length || b.heightMeters - a.heightMeters)[0];
    const ring = largest.parts[0][0];
    const [lon, lat] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    const app = await openApp(
      `layers=boundary,base&cam=${lon},${lat},${largest.heightMeters + 700},0,-89.9`,
      { width: 1600, height: 900 },
      site.url,
    );
    try {
      await waitForDataReady(app.page);
      await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });
      await app.page.getByTestId('tab-base').click();
      await app.page.getByTestId('base-error-missing').waitFor({ timeout: 60_000 });
      await app.page.getByTestId('base-error-xian80').waitFor({ timeout: 60_000 });
      await expect(app.page.getByTestId('base-error-xian80').textContent()).resolves.toMatch(/EPSG:2385/);
      await expect(app.page.getByTestId('base-error-missing').textContent()).resolves.toMatch(/瓦片无法加载/);
      for (const id of ['natural-earth', 'wmts-4490', 'xyz', 'hill', 'city'])
        await expect(app.page.getByTestId(`base-error-${id}`).count(), id).resolves.toBe(0);
      // Every source was asked for on its own server path, nothing outside the app's origin.
      const asked = site.requests.join('\n');
      for (const part of ['/test-base/wmts/EPSG:4490:', '/test-base/xyz/', '/test-base/dem/hill-4490.tif', '/test-base/city/tiles/'])
        expect(asked).toContain(part);
      expect(app.requests.filter((u) => !u.startsWith(site.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
      await saveScreenshot(app.page, 'base-local-sources');
      await app.page.mouse.click(800, 450);
      const panel = app.page.getByTestId('base-feature-panel');
      await panel.waitFor({ timeout: 30_000 });
      await expect(app.page.getByTestId('base-feature-id').textContent()).resolves.toMatch(/^idosm-\d+$/);
      await saveScreenshot(app.page, 'base-city-building-picked');
    } finally {
      await app.close();
    }
  });

  it('from high up the city shows: its inner tiles hold and draw a coarse copy of their largest buildings', async () => {
    const config = localBase();
    const site = await appWith({
      ...config,
      sources: [
        ...config.sources.filter((s) => s.kind !== '3dtiles' && s.id !== 'missing' && s.id !== 'xian80'),
        {
          ...config.sources.find((s) => s.id === 'city')!,
          id: 'city-lod',
          url: 'test-base/city-lod/tileset.json',
        } as BaseConfig['sources'][number],
      ],
    });
    interface TileJson {
      content?: { uri: string };
      children?: TileJson[];
    }
    const tileset = JSON.parse(readFileSync(`${fixtures}/city-lod/tileset.json`, 'utf8')) as { root: TileJson };
    const all = (t: TileJson): TileJson[] => [t, ...(t.children ?? []).flatMap(all)];
    const inner = all(tileset.root)
      .filter((t) => t.children)
      .map((t) => t.content!.uri);
    const leaves = all(tileset.root)
      .filter((t) => !t.children)
      .map((t) => t.content!.uri);
    expect(inner.length).toBeGreaterThan(1);
    // 6 km above the OSM buildings' area, looking down at 60°: every building is within the view.
    const app = await openApp(
      `layers=base&cam=${manifest.centre[0]},${manifest.centre[1] - 0.03},6000,0,-60`,
      { width: 1600, height: 900 },
      site.url,
    );
    try {
      await waitForDataReady(app.page);
      await app.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });
      await app.page.evaluate(() => window.__twin!.nextFrame());
      const asked = site.requests.filter((u) => u.includes('/test-base/city-lod/tiles/')).map((u) => u.slice(u.indexOf('tiles/')));
      // The inner tiles' coarse content is fetched and drawn (before, inner tiles had none). Leaves may be
      // fetched too: the page starts at the package's own view before the link's camera is set.
      expect(asked.filter((u) => inner.includes(u)).length).toBeGreaterThan(0);
      expect(leaves.length).toBeGreaterThan(inner.length);
      await saveScreenshot(app.page, 'base-city-from-afar');
    } finally {
      await app.close();
    }
  });

  it('the Content-Security-Policy blocks a source whose origin base.json did not list at build time, and lets it through once listed', async () => {
    const withRemote = readBaseConfig({
      format: 'fct-base',
      version: '1.0',
      sources: [
        { id: 'natural-earth', kind: 'imagery', type: 'natural-earth', name: name('Natural Earth') },
        {
          id: 'remote',
          kind: 'imagery',
          type: 'xyz',
          name: name('Another server'),
          url: `${remote.origin}/xyz/{z}/{x}/{y}.png`,
          maximumLevel: 2,
        },
      ],
    });
    const unlisted = { ...withRemote, sources: withRemote.sources.slice(0, 1) };
    const blockedSite = await appWith(withRemote, unlisted);
    const blocked = await openApp('', { width: 1280, height: 720 }, blockedSite.url);
    try {
      await waitForDataReady(blocked.page);
      await blocked.page.getByTestId('tab-base').click();
      await blocked.page.getByTestId('base-error-remote').waitFor({ timeout: 60_000 });
      expect(remote.requests).toEqual([]);
      expect(blocked.consoleErrors.some((e) => /Content Security Policy/i.test(e) && e.includes(remote.origin))).toBe(true);
    } finally {
      await blocked.close();
    }
    const listedSite = await appWith(withRemote);
    const listed = await openApp('', { width: 1280, height: 720 }, listedSite.url);
    try {
      await waitForDataReady(listed.page);
      await listed.page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 90_000 });
      expect(remote.requests.some((r) => r.startsWith('/xyz/'))).toBe(true);
      await listed.page.getByTestId('tab-base').click();
      await expect(listed.page.getByTestId('base-error-remote').count()).resolves.toBe(0);
      expect(listed.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    } finally {
      await listed.close();
    }
  });
});
