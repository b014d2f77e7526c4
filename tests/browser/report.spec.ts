import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../src/analysis/service-circles/serviceCoverageRequest';
import { analyzeSunlight } from '../../src/analysis/sunlight/analyzeSunlight';
import { defaultSunlightDate } from '../../src/analysis/sunlight/sunlightRequest';
import { sunlightPreset } from '../../src/analysis/sunlight/sunlightRules';
import { summariseBuildings } from '../../src/data/community/buildingSummaries';
import { readCommunityPackage } from '../../src/data/package/readPackage';
import { formatSuppressed, suppressCount } from '../../src/data/privacy/aggregate';
import { formatNumber } from '../../src/i18n/translate';
import { groupHex, hashPackageFiles } from '../../src/report/packageHash';
import { findPersonalIdentifiers } from '../../src/report/privacyGuard';
import { formatValue, SCENARIOS } from '../../src/scenarios';
import { SCREENSHOT_DIR, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

/**
 * 生成报告 in the planner: the button makes the report from the store, downloads it as HTML and
 * prints it from an iframe. The expected figures are computed here from the package on disk, the
 * way `npm run report` computes them, so the browser and the CLI are checked against each other.
 */
const dir = 'models/sample-jinghe';
const community = await readCommunityPackage(async (p) => readFileSync(path.join(dir, p), 'utf8'));
const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
const names = ['manifest.json', ...Object.values(community.manifest.layers)];
const diskHash = await hashPackageFiles(
  names.map((name) => ({ name, content: new Uint8Array(readFileSync(path.join(dir, name))) })),
  async (data) => new Uint8Array(createHash('sha256').update(data).digest()),
);
const pct = (x: number | null) => formatValue(x, 'share', 'percent', 'zh-CN');

describe('one-click report (生成报告) on the sample community', () => {
  let app: AppPage;
  let html = '';
  let fileName = '';

  beforeAll(async () => {
    app = await openApp();
    await waitForDataReady(app.page);
    // The report prints the service circles: the button waits for them.
    const button = app.page.locator('[data-testid=report-button]:not([disabled])');
    await button.waitFor({ timeout: 90_000 });
    const download = app.page.waitForEvent('download', { timeout: 90_000 });
    await button.click();
    const file = await download;
    fileName = file.suggestedFilename();
    // The browser is reached over a websocket: the file is streamed back, not read from its path.
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    html = Buffer.concat(chunks).toString('utf8');
    // Kept beside the screenshots, to be opened and printed by eye.
    const out = path.join(SCREENSHOT_DIR, '..', 'report');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, fileName.replace(/-\d{4}-\d{2}-\d{2}/, '')), html);
    await app.page.getByTestId('report-frame').waitFor({ state: 'attached' });
  });
  afterAll(async () => app?.close());

  it('downloads a self-contained HTML report named after the community', () => {
    expect(fileName).toMatch(/^sample-jinghe-report-\d{4}-\d{2}-\d{2}\.html$/);
    expect(html).toContain('景和新村社区');
    expect(html).not.toMatch(/<script|\ssrc="http|<link/i);
  });

  it('names every scenario', () => {
    for (const s of SCENARIOS) expect(html, s.id).toContain(s.name.zh);
  });

  it('prints from a sandboxed frame: nothing in the report can run, the print dialog is still asked for', async () => {
    const frame = app.page.getByTestId('report-frame');
    await expect(frame.getAttribute('sandbox')).resolves.toBe('allow-same-origin allow-modals');
    await app.page.waitForFunction(() => document.querySelector('[data-testid=report-frame]')?.getAttribute('data-printed') === 'true');
    expect(app.consoleErrors.filter((e) => /print\(\)|sandbox/i.test(e))).toEqual([]);
  });

  it('prints the coverage the analysis engine computes for the package', () => {
    for (const c of coverage.categories) {
      const s = c.summary;
      const total = s.targetPopulationTotal!;
      const cells = [
        c.facilityIndices.length,
        pct(s.shareTargetPopulationWithinThreshold),
        pct(total > 0 ? s.targetPopulationWithinBands![coverage.bands.findIndex((b) => b.id === '5min')] / total : null),
        pct(total > 0 ? s.targetPopulationWithinBands![coverage.bands.findIndex((b) => b.id === '15min')] / total : null),
        formatSuppressed(suppressCount(s.uncoveredTargetPopulation!), (v) => formatNumber('zh-CN', v)).replace('<', '&lt;'),
      ];
      expect(html, c.category).toContain(cells.map((x) => `<td class="num">${x}</td>`).join(''));
    }
  });

  it('computes sunlight for the default preset (the app did not run it yet) and names the preset beside 日照达标率', () => {
    const preset = sunlightPreset(undefined)!;
    const date = defaultSunlightDate(preset, new Date().getFullYear());
    const { sunlight } = analyzeSunlight(community, { preset, date, summaries: summariseBuildings(community) });
    expect(html).toContain(`<span data-field="sunlight-preset">${preset.name.zh}</span>`);
    expect(html).toContain(`<span data-field="sunlight-failing">${sunlight.failingHomes}</span>`);
    expect(html).toContain(`<span data-field="sunlight-pass-rate">${formatNumber('zh-CN', sunlight.passRate * 100, 1)}%</span>`);
    expect(html).not.toContain('住宅日照未计算');
  });

  it('carries the same package hash as the files on disk', () => {
    expect(html).toContain(groupHex(diskHash.hex));
  });

  it('includes a real 3D snapshot of the view', () => {
    const match = /src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(html);
    expect(match).not.toBeNull();
    const png = PNG.sync.read(Buffer.from(match![1], 'base64'));
    expect(png.width).toBeGreaterThan(500);
    // Not a blank buffer (what a read outside the frame gives): many distinct colours.
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(50);
  });

  it('holds nothing shaped like a phone or an ID number', () => {
    // The package's digests are the report's own long hex runs; written in groups of 8 they would read
    // like "138 1234 5678" to the guard, so it is told them, as the renderer tells it.
    const digests = [diskHash.hex, diskHash.hex.slice(0, 16), ...diskHash.files.map((f) => f.hex)].map((hex) => groupHex(hex));
    expect(findPersonalIdentifiers(html, { allow: digests })).toEqual([]);
  });

  it('leaves the planner usable', async () => {
    await expect(app.page.locator('[data-testid=report-button]:not([disabled])').count()).resolves.toBe(1);
    await saveScreenshot(app.page, 'report-button');
    expect(app.consoleErrors).toEqual([]);
  });
});
