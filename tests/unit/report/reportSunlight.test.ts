import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSunlight } from '../../../src/analysis/sunlight/analyzeSunlight';
import { sunlightPreset } from '../../../src/analysis/sunlight/sunlightRules';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import { summariseBuildings } from '../../../src/data/community/buildingSummaries';
import { runAnalyze } from '../../../src/pipeline/analyze';
import { runReport } from '../../../src/pipeline/report';
import { buildReport } from '../../../src/report/buildReport';
import type { PackageHash } from '../../../src/report/packageHash';
import { renderReportHtml } from '../../../src/report/renderReportHtml';
import { plansThatBuild, reportSunlight } from '../../../src/report/sunlightSection';
import { loadSampleCommunity, SAMPLE_PACKAGE_DIR } from '../support/samplePackage';

/**
 * The report names the sunlight preset and prints the figures of `npm run analyze -- <package> --sunlight`
 * for the same preset and day: the CLI is run in-process on the sample package and its JSON compared
 * with the report model and the report CLI's HTML.
 */
const HASH: PackageHash = { algorithm: 'SHA-256', hex: 'ab'.repeat(32), files: [] };
const DATE = '2026-01-20'; // 大寒 2026: the default preset's day for a report made in 2026.
const community = await loadSampleCommunity();
const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
const summaries = summariseBuildings(community);
const preset = sunlightPreset(undefined)!;

async function analyzeJson(argv: string[]) {
  let stdout = '';
  const code = await runAnalyze(argv, { stdout: (t) => (stdout += t), stderr: () => {} });
  expect(code).toBe(0);
  return JSON.parse(stdout) as {
    date: string;
    preset: { id: string; name: { zh: string; en: string } };
    summary: Record<string, number | string>;
  };
}

describe('the report carries 日照达标率 and names the preset', async () => {
  const cli = await analyzeJson([SAMPLE_PACKAGE_DIR, '--sunlight', '--date', DATE, '--json']);
  const named = [
    { name: '55幢加两层', conversions: [], additions: [{ buildingId: 'JH-B095', change: { kind: 'floors' as const, floors: 2 } }] },
  ];
  const sunlight = await reportSunlight(
    preset,
    DATE,
    plansThatBuild(community, coverage, named),
    (volumes) => analyzeSunlight(community, { preset, date: DATE, summaries, volumes }).sunlight,
  );
  const model = buildReport(community, coverage, {
    appVersion: '9.9.9',
    packageHash: HASH,
    generatedAt: '2026-03-01T08:00:00.000Z',
    summaries,
    sunlight,
  });

  it('prints the CLI figures for the default preset: 4,468 homes, 33 below the rule, pass rate 99.26 %', () => {
    expect(cli.preset.id).toBe(preset.id);
    expect(cli.summary).toMatchObject({ homes: 4468, failingHomes: 33, passRate: 0.9926, residentsInFailingHomes: 75 });
    expect(model.sunlight).not.toBeNull();
    const s = model.sunlight!;
    expect(s.preset.id).toBe('gb50180-dahan-2h');
    expect(s.preset.name).toEqual(cli.preset.name);
    expect(s.preset.name.zh).toBe('国标 大寒日 ≥2 小时（III 类气候区 大城市）');
    expect(s.preset.sources.minHours).toMatch(/GB 50180-2018/);
    expect(s.date).toBe(DATE);
    expect(s.homes).toBe(cli.summary.homes);
    expect(s.failingHomes).toBe(cli.summary.failingHomes);
    expect(s.passRate).toBeCloseTo(cli.summary.passRate as number, 4);
    expect(s.passRate).toBeCloseTo((4468 - 33) / 4468, 12);
    expect(s.residentsInFailingHomes).toEqual({ value: cli.summary.residentsInFailingHomes, suppressed: false });
    // The worst building first (55幢: 6 homes below), its residents as a suppressed cell, never a person row.
    expect(s.worstBuildings[0]).toMatchObject({ buildingId: 'JH-B095', failingHomes: 6 });
    expect(s.worstBuildings.every((b) => 'residents' in b && !('people' in b))).toBe(true);
  });

  it('scores the 建筑 scenario’s 日照达标率 instead of leaving it pending', () => {
    const indicator = model.scenarios.find((x) => x.id === 'architecture')!.indicators.find((i) => i.id === 'architecture.sunlight')!;
    expect(indicator.outcome).not.toBe('pending');
    expect(indicator.value).toBeCloseTo((4468 - 33) / 4468, 12);
    const without = buildReport(community, coverage, {
      appVersion: '9.9.9',
      packageHash: HASH,
      generatedAt: '2026-03-01T08:00:00.000Z',
      summaries,
    });
    expect(without.sunlight).toBeNull();
    expect(without.scenarios.find((x) => x.id === 'architecture')!.indicators.find((i) => i.id === 'architecture.sunlight')!.outcome).toBe(
      'pending',
    );
  });

  it('puts the before/after of a plan that builds in the reuse section: 55幢 + 2 floors, 33 → 43, 65 losing, 10 below, all in JH-B081', () => {
    const row = model.reuse.sunlight.find((r) => r.plan.zh === '55幢加两层')!;
    expect(row).toMatchObject({
      volumeIds: ['JH-B095'],
      elevatorsOnly: false,
      failingBefore: 33,
      failingAfter: 43,
      homesLosingSunlight: 65,
      homesDroppingBelow: 10,
      buildings: [{ buildingId: 'JH-B081', homes: 10, residents: { value: 18, suppressed: false } }],
      residents: { value: 18, suppressed: false },
    });
    // The suggested plan converts the 低效地 JH-S05 (no building on it): a new single storey of 3.6 m there.
    const suggested = model.reuse.sunlight.find((r) => r.plan.en === 'Suggested plan')!;
    expect(suggested.volumeIds).toEqual(['reuse:JH-S05']);
    expect(suggested.failingBefore).toBe(33);
    expect(suggested.homesDroppingBelow).toBeLessThanOrEqual(suggested.homesLosingSunlight);
  });

  it('renders the preset name beside the figures, in both languages, escaped', () => {
    const zh = renderReportHtml(model, 'zh-CN');
    expect(zh).toContain('<span data-field="sunlight-preset">国标 大寒日 ≥2 小时（III 类气候区 大城市）</span>');
    expect(zh).toContain('<span data-field="sunlight-failing">33</span>');
    expect(zh).toContain('<span data-field="sunlight-pass-rate">99.3%</span>');
    expect(zh).toContain('55幢加两层');
    const en = renderReportHtml(model, 'en');
    expect(en).toContain('GB 50180 Great Cold day ≥ 2 h (climate zone III, big city)');
    const hostile = buildReport(community, coverage, {
      appVersion: '9.9.9',
      packageHash: HASH,
      generatedAt: '2026-03-01T08:00:00.000Z',
      summaries,
      sunlight: { ...sunlight, plans: sunlight.plans!.map((p) => ({ ...p, plan: { zh: '<img src=x>', en: '<img src=x>' } })) },
    });
    expect(renderReportHtml(hostile, 'zh-CN')).not.toContain('<img src=x>');
  });
});

describe('npm run report', () => {
  it('computes sunlight for the default preset on the report year’s 大寒 and prints it (the --sunlight figures)', async () => {
    const written = new Map<string, string | Uint8Array>();
    const code = await runReport([SAMPLE_PACKAGE_DIR, '--html', 'r.html'], {
      stdout: () => {},
      stderr: () => {},
      writeFile: (file, data) => written.set(path.basename(file), data),
      now: () => new Date('2026-03-01T08:00:00.000Z'),
    });
    expect(code).toBe(0);
    const html = written.get('r.html') as string;
    expect(html).toContain('国标 大寒日 ≥2 小时（III 类气候区 大城市）');
    expect(html).toContain('2026-01-20');
    expect(html).toContain('<span data-field="sunlight-pass-rate">99.3%</span>');
  }, 60_000);

  it('takes --preset and --date, and refuses an unknown preset', async () => {
    const written = new Map<string, string | Uint8Array>();
    let stderr = '';
    const io = {
      stdout: () => {},
      stderr: (t: string) => (stderr += t),
      writeFile: (file: string, data: string | Uint8Array) => written.set(path.basename(file), data),
    };
    expect(await runReport([SAMPLE_PACKAGE_DIR, '--html', 'r.html', '--preset', 'nope'], io)).toBe(2);
    expect(stderr).toMatch(/--preset must be one of gb50180-dahan-2h/);
    const cli = await analyzeJson([
      SAMPLE_PACKAGE_DIR,
      '--sunlight',
      '--preset',
      'gb50180-elderly-dongzhi-2h',
      '--date',
      '2026-12-22',
      '--json',
    ]);
    expect(
      await runReport([SAMPLE_PACKAGE_DIR, '--html', 'r.html', '--preset', 'gb50180-elderly-dongzhi-2h', '--date', '2026-12-22'], io),
    ).toBe(0);
    const html = written.get('r.html') as string;
    expect(html).toContain(sunlightPreset('gb50180-elderly-dongzhi-2h')!.name.zh);
    expect(html).toContain(`<span data-field="sunlight-failing">${cli.summary.failingHomes}</span>`);
  }, 60_000);
});
