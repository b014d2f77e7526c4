import { describe, expect, it } from 'vitest';
import {
  cityProgressByYear,
  communitiesOfDistrict,
  countByRenewal,
  countByStatus,
  countByType,
  progressAgainstTargets,
  progressByYear,
  summariseCity,
  summariseDistricts,
} from '../../../../src/analysis/city/aggregateCity';
import { HANGZHOU_TARGETS, type ProgressTarget } from '../../../../src/analysis/city/targets';
import { tinyCity } from '../../data/city/tinyCity';

const target = (t: Partial<ProgressTarget> & Pick<ProgressTarget, 'year' | 'coverageShare'>): ProgressTarget => ({
  created: null,
  built: null,
  qualifier: 'at-least',
  quote: '',
  label: { zh: '', en: '' },
  source: 'test',
  ...t,
});

describe('city totals of the hand-made list (tinyCity: 5 communities, 15 urban communities)', () => {
  const city = tinyCity();

  it('counts every listed community as created and splits them by status, type and renewal class', () => {
    // a-3 created; a-2, b-2 building; a-1, b-1 accepted.
    expect(countByStatus(city.communities)).toEqual({ created: 1, building: 2, accepted: 2, total: 5 });
    expect(countByType(city.communities)).toEqual({ puhui: 3, yinling: 2 });
    expect(countByRenewal(city.communities)).toEqual({ renewal: 3, 'new-build': 1, 'whole-area': 1 });
  });

  it('gives the city coverage as listed ÷ urban communities: 5 / (10 + 5) = 1/3, mean score 70', () => {
    const summary = summariseCity(city);
    expect(summary.urbanCommunities).toBe(15);
    expect(summary.coverageShare).toBeCloseTo(1 / 3, 12);
    expect(summary.meanScore).toBe(70); // (90 + 70 + 50 + 80 + 60) / 5
  });

  it('summarises every district in list order: a 3 of 10 (30 %), b 2 of 5 (40 %)', () => {
    const districts = summariseDistricts(city);
    expect(districts.map((d) => d.district.id)).toEqual(['a', 'b']);
    expect(districts[0].counts).toEqual({ created: 1, building: 1, accepted: 1, total: 3 });
    expect(districts[0].coverageShare).toBeCloseTo(0.3, 12);
    expect(districts[1].counts).toEqual({ created: 0, building: 1, accepted: 1, total: 2 });
    expect(districts[1].coverageShare).toBeCloseTo(0.4, 12);
    expect(districts[1].byType).toEqual({ puhui: 1, yinling: 1 });
    expect(communitiesOfDistrict(city, 'b').map((c) => c.id)).toEqual(['b-1', 'b-2']);
  });

  it('keeps a district without communities, with zeros and no mean score', () => {
    const withEmpty = {
      ...city,
      districts: [
        ...city.districts,
        { id: 'c', name: { zh: '丙区', en: 'C' }, centre: [119, 29.6] as [number, number], urbanCommunities: 4 },
      ],
    };
    const c = summariseDistricts(withEmpty)[2];
    expect(c.counts).toEqual({ created: 0, building: 0, accepted: 0, total: 0 });
    expect(c.coverageShare).toBe(0);
    expect(c.meanScore).toBeNull();
    expect(summariseCity(withEmpty).urbanCommunities).toBe(19);
  });

  it('accumulates creation and acceptance year by year, 2019 to the list year 2025', () => {
    const rows = cityProgressByYear(city);
    expect(rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(rows.map((r) => r.createdInYear)).toEqual([1, 0, 1, 1, 1, 1, 0]);
    expect(rows.map((r) => r.cumulativeCreated)).toEqual([1, 1, 2, 3, 4, 5, 5]);
    expect(rows.map((r) => r.cumulativeAccepted)).toEqual([0, 0, 1, 1, 2, 2, 2]);
    expect(rows[4].cumulativeCoverageShare).toBeCloseTo(4 / 15, 12);
  });

  it('starts a later window with what was created before it', () => {
    const rows = progressByYear(city.communities, 15, 2022, 2023);
    expect(rows.map((r) => [r.year, r.cumulativeCreated, r.cumulativeAccepted])).toEqual([
      [2022, 3, 1],
      [2023, 4, 2],
    ]);
  });

  it('judges ended targets on the figures of their year and leaves later ones open', () => {
    // Dated 2025-06-30: 2024 and earlier have ended; 2025 is still running.
    const [met, missed, open] = progressAgainstTargets(city, [
      target({ year: 2023, created: 4, built: 2, coverageShare: 0.25 }), // 4 created, 2 accepted, 4/15 = 26.7 %
      target({ year: 2022, created: 4, coverageShare: 0.1 }), // only 3 created by 2022
      target({ year: 2025, created: 6, coverageShare: 0.4 }), // 5 so far
    ]);
    expect(met).toMatchObject({ phase: 'ended', created: 4, built: 2, met: true, ratio: 1 });
    expect(met.coverageShare).toBeCloseTo(4 / 15, 12);
    expect(missed).toMatchObject({ phase: 'ended', created: 3, built: 1, met: false, ratio: 0.75 });
    expect(open).toMatchObject({ phase: 'open', created: 5, met: null });
    expect(open.ratio).toBeCloseTo(5 / 6, 12);
  });

  it('measures a share-only target by coverage, and counts a list dated 31 December as the end of its year', () => {
    const endOfYear = { ...tinyCity(), asOf: '2025-12-31' };
    const [full] = progressAgainstTargets(endOfYear, [target({ year: 2025, coverageShare: 1 })]);
    expect(full.phase).toBe('ended');
    expect(full.met).toBe(false);
    expect(full.ratio).toBeCloseTo(1 / 3, 12);
  });
});

describe('Hangzhou targets (杭政办函〔2023〕52号)', () => {
  it('are 300 created / 20 % / 100 built by 2023, about 500 / 40 % by 2025 and full coverage by 2035', () => {
    expect(HANGZHOU_TARGETS.map((t) => [t.year, t.created, t.coverageShare, t.built])).toEqual([
      [2023, 300, 0.2, 100],
      [2025, 500, 0.4, null],
      [2035, null, 1, null],
    ]);
    for (const t of HANGZHOU_TARGETS) expect(t.source).toContain('杭政办函〔2023〕52号');
  });
});
