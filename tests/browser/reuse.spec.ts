import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertedFloors } from '../../src/analysis/reuse/convertedFloors';
import { elevatorCandidates } from '../../src/analysis/reuse/elevatorCandidates';
import { evaluateReuseOption } from '../../src/analysis/reuse/evaluateReuseOption';
import { reuseCandidates } from '../../src/analysis/reuse/reuseCandidates';
import { DEFAULT_REUSE_RULES, reuseRuleFor } from '../../src/analysis/reuse/reuseRules';
import { suggestReusePlan } from '../../src/analysis/reuse/suggestReusePlan';
import { coverageOf } from '../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../src/analysis/service-circles/serviceCoverageRequest';
import { formatSuppressed, suppressCount } from '../../src/data/privacy/aggregate';
import { readCommunityPackage } from '../../src/data/package/readPackage';
import { SCREENSHOT_DIR, nextFrame, openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

/**
 * The expected numbers, computed here independently of the page: the sample package read from
 * disk, the service circles as the CLI computes them (`npm run analyze -- models/sample-jinghe
 * --reuse --json`), and the gain of JH-S01 → nursery on that coverage.
 */
const community = await readCommunityPackage(async (p) => readFileSync(path.join('models/sample-jinghe', p), 'utf8'));
const base = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
const candidates = reuseCandidates(community);
const s01 = candidates.find((c) => c.id === 'JH-S01')!;
const nurseryAtS01 = s01.feasible.find((f) => f.category === 'nursery')!;
const expected = evaluateReuseOption(base, { position: s01.position, category: 'nursery', usableAreaM2: nurseryAtS01.usableAreaM2 });
const infants = coverageOf(base, 'nursery')!.summary.targetPopulationTotal!;
const zh = (n: number) => new Intl.NumberFormat('zh-CN').format(n);
const shown = (n: number) => `+${formatSuppressed(suppressCount(n), zh)}`;

describe('building reuse what-if (更新 tab) on the sample community', () => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp();
    await waitForDataReady(app.page);
  });
  afterAll(async () => app?.close());

  it('lists every candidate with what it can host, the infeasible greyed with the reason', async () => {
    await app.page.getByTestId('tab-reuse').click();
    // The candidates come from the package at once; the gains wait for the service circles.
    await app.page.locator('[data-testid=reuse-panel][data-coverage=ready]').waitFor({ timeout: 90_000 });
    await expect(app.page.getByTestId('reuse-candidate').count()).resolves.toBe(candidates.length);
    const card = app.page.locator('[data-testid=reuse-candidate][data-candidate-id=JH-S01]');
    await expect(card.textContent()).resolves.toContain(s01.name!);
    // A kindergarten needs 2,200 m² on floors 1–3: JH-S01 has less, so the chip is greyed and says why.
    const kindergarten = card.locator('[data-category=kindergarten]');
    await expect(kindergarten.getAttribute('data-feasible')).resolves.toBe('false');
    await expect(kindergarten.getAttribute('title')).resolves.toMatch(/2200 平方米/);
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'reuse-candidates');
  });

  it('shows the gain of JH-S01 → nursery equal to the CLI figure', async () => {
    expect(expected.targetPopulationNewlyWithinThreshold).toBeGreaterThan(0);
    await app.page.locator('[data-testid=reuse-candidate][data-candidate-id=JH-S01] button[data-category=nursery]').click();
    await app.page.locator('[data-testid=reuse-whatif][data-candidate-id=JH-S01][data-category=nursery][data-status=done]').waitFor();
    // Infants 0–2 newly within the rule's 300 m, and the homes.
    await expect(app.page.getByTestId('reuse-gain-threshold-people').textContent()).resolves.toBe(
      shown(expected.targetPopulationNewlyWithinThreshold!),
    );
    await expect(app.page.getByTestId('reuse-gain-threshold-homes').textContent()).resolves.toBe(
      shown(expected.buildingsNewlyWithinThreshold),
    );
    await expect(app.page.getByTestId('reuse-gain-headline').textContent()).resolves.toContain(
      formatSuppressed(suppressCount(expected.targetPopulationNewlyWithinThreshold!), zh),
    );
    // Each band as evaluateReuseOption counts it.
    for (const band of expected.bands) {
      const cells = app.page.locator(`[data-testid=reuse-gain] tr[data-band="${band.band}"] td`);
      await expect(cells.nth(2).textContent()).resolves.toBe(
        band.targetPopulationNewlyWithin ? shown(band.targetPopulationNewlyWithin) : '0',
      );
    }
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'reuse-whatif-nursery');

    // A home that gains: clicking it selects the building.
    const first = app.page.locator('[data-testid=reuse-gaining] button').first();
    const id = await first.getAttribute('data-building-id');
    expect(expected.gainingBuildings.map((g) => g.id)).toContain(id);
    await first.click();
    await expect(app.page.getByTestId('building-panel').getAttribute('data-building-id')).resolves.toBe(id);
  });

  it('marks the floors a nursery may use in the 分层分户 inspector of the candidate building', async () => {
    const floors = convertedFloors(s01, reuseRuleFor(DEFAULT_REUSE_RULES, 'nursery')!);
    await app.page.getByTestId('reuse-inspect-floors').click();
    await app.page
      .locator(`[data-testid=inspector][data-building-id=${s01.buildingId}][data-inspector-ready=true]`)
      .waitFor({ timeout: 60_000 });
    await expect(app.page.locator('.inspector-marked').textContent()).resolves.toBe(`标记楼层：${floors.join(', ')}`);
    await saveScreenshot(app.page, 'reuse-inspect-floors');
    await app.page.getByTestId('inspector-close').click();
    await expect(app.page.getByTestId('inspector').count()).resolves.toBe(0);
    // The what-if is still there.
    await expect(app.page.getByTestId('reuse-whatif').getAttribute('data-category')).resolves.toBe('nursery');
  });

  it('saves the what-if as a plan and compares it with today: the nursery row gains', async () => {
    await app.page.getByTestId('reuse-add-to-plan').click();
    await app.page.getByTestId('reuse-added').waitFor();
    await app.page.getByTestId('reuse-section-plans').click();
    await expect(app.page.getByTestId('reuse-plan').count()).resolves.toBe(1);
    await expect(app.page.getByTestId('reuse-compare-a').inputValue()).resolves.toBe('today');
    const row = app.page.locator('[data-testid=reuse-compare] tr[data-category=nursery]');
    // Today no 托育 at all; with the plan, the infants newly within 300 m over all infants.
    const delta = Number(await row.getAttribute('data-delta'));
    expect(delta).toBeGreaterThan(0);
    expect(delta).toBeCloseTo(expected.targetPopulationNewlyWithinThreshold! / infants, 9);
    await expect(row.getAttribute('class')).resolves.toBe('better');
    await expect(row.locator('td.delta').textContent()).resolves.toMatch(/^\+\d/);
    // Categories the plan does not touch do not move.
    await expect(app.page.locator('[data-testid=reuse-compare] tr[data-category=elderly-care]').getAttribute('class')).resolves.toBe(
      'same',
    );
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'reuse-compare');
  });

  it('exports the plans with their KPI deltas as JSON, aggregates only', async () => {
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('reuse-export').click()]);
    expect(download.suggestedFilename()).toBe('sample-jinghe-reuse-plans.json');
    const saved = path.join(SCREENSHOT_DIR, '..', 'reuse-plans.json');
    await download.saveAs(saved);
    const text = readFileSync(saved, 'utf8');
    const report = JSON.parse(text);
    expect(report.plans[0].conversions).toEqual([{ candidateId: 'JH-S01', candidateName: s01.name, category: 'nursery', found: true }]);
    const nursery = report.plans[0].kpis.find((k: { category: string }) => k.category === 'nursery');
    expect(nursery.targetPopulation.delta).toBe(expected.targetPopulationNewlyWithinThreshold);
    expect(nursery.homes.delta).toBe(expected.buildingsNewlyWithinThreshold);
    // No person or house of the package appears.
    // Person ids from the residents' data service's seed: the package itself has no person rows.
    const personIds = readFileSync('src/server/seed/sample-jinghe/people.csv', 'utf8')
      .split('\n')
      .slice(1, 201)
      .map((line) => line.split(',')[0]);
    expect(personIds).toHaveLength(200);
    for (const id of personIds) expect(text).not.toContain(id);
    for (const h of community.houses.slice(0, 200)) expect(text).not.toContain(h.id);
  });

  it('suggests a plan for a budget, explained pick by pick, and saves it', async () => {
    await app.page.getByTestId('reuse-section-suggest').click();
    const plan = suggestReusePlan(base, candidates, { budget: 3 });
    const picks = app.page.locator('[data-testid=reuse-picks] > li');
    await expect(picks.count()).resolves.toBe(plan.picks.length);
    for (const [i, p] of plan.picks.entries()) await expect(picks.nth(i).getAttribute('data-candidate-id')).resolves.toBe(p.candidateId);
    await expect(picks.first().textContent()).resolves.toContain(`加权增益 ${zh(plan.picks[0].weightedGain)}`);
    await app.page.getByTestId('reuse-budget').fill('1');
    await expect(picks.count()).resolves.toBe(1);
    await app.page.getByTestId('reuse-save-suggestion').click();
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'reuse-suggest');
    await app.page.getByTestId('reuse-section-plans').click();
    await expect(app.page.getByTestId('reuse-plan').count()).resolves.toBe(2);
  });

  it('ranks elevator additions with small counts suppressed', async () => {
    await app.page.getByTestId('reuse-section-elevators').click();
    const ranked = elevatorCandidates(community).slice(0, 10);
    const rows = app.page.locator('[data-testid=reuse-elevators] tbody tr');
    await expect(rows.count()).resolves.toBe(ranked.length);
    for (const [i, e] of ranked.entries()) {
      const cells = rows.nth(i).locator('td');
      await expect(rows.nth(i).getAttribute('data-building-id')).resolves.toBe(e.buildingId);
      await expect(cells.nth(3).textContent()).resolves.toBe(formatSuppressed(suppressCount(e.elderlyAboveFloor), zh));
      await expect(cells.nth(4).textContent()).resolves.toBe(formatSuppressed(suppressCount(e.householdsAboveFloor), zh));
    }
    await nextFrame(app.page);
    await saveScreenshot(app.page, 'reuse-elevators');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('building reuse what-if in English (?lang=en)', () => {
  it('fits the narrow side panel with the longer English strings', async () => {
    const app = await openApp('lang=en');
    try {
      await waitForDataReady(app.page);
      await app.page.getByTestId('tab-reuse').click();
      await app.page.locator('[data-testid=reuse-panel][data-coverage=ready]').waitFor({ timeout: 90_000 });
      await app.page.locator('[data-testid=reuse-candidate][data-candidate-id=JH-S01] button[data-category=nursery]').click();
      await app.page.locator('[data-testid=reuse-whatif][data-status=done]').waitFor();
      await expect(app.page.getByTestId('reuse-gain-headline').textContent()).resolves.toBe(
        `${formatSuppressed(suppressCount(expected.targetPopulationNewlyWithinThreshold!), (n) => new Intl.NumberFormat('en').format(n))} more infants (0–2) within 300 m`,
      );
      // Nothing wider than the panel: no horizontal scrolling inside it.
      const overflow = await app.page.getByTestId('side-panel').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBe(0);
      await nextFrame(app.page);
      await saveScreenshot(app.page, 'reuse-whatif-en');
      expect(app.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
