import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { progressAgainstTargets, summariseCity, summariseDistricts } from '../../../src/analysis/city/aggregateCity';
import { HANGZHOU_CITY_FILE } from '../../../src/data/city/cityDataset';
import { parseCityDataset } from '../../../src/data/city/readCityDataset';
import { formatCityDataset } from '../../../src/data/city/writeCityDataset';
import { CITY_SEED, generateCityDataset } from '../../../src/pipeline/city/generateCityCommunities';
import { firstDifference } from '../support/firstDifference';

const committedFile = fileURLToPath(new URL(`../../../models/${HANGZHOU_CITY_FILE}`, import.meta.url));
const generated = formatCityDataset(generateCityDataset(CITY_SEED));

describe('generateCityDataset', () => {
  it('reproduces the committed models/city list byte for byte (regenerate: tsx src/pipeline/generateCity.ts)', () => {
    expect(firstDifference(readFileSync(committedFile, 'utf8'), generated)).toBeNull();
  });

  it('gives a different list for another seed', () => {
    expect(formatCityDataset(generateCityDataset(CITY_SEED + 1))).not.toBe(generated);
  });

  const dataset = parseCityDataset(generated);

  it('is labelled synthetic in both languages', () => {
    expect(dataset.synthetic?.notice.zh).toContain('合成数据');
    expect(dataset.synthetic?.notice.en).toContain('synthetic');
  });

  it('lists all 13 districts of Hangzhou, each with communities, coverage below 100 %', () => {
    const districts = summariseDistricts(dataset);
    expect(districts.map((d) => d.district.id)).toEqual([
      'shangcheng',
      'gongshu',
      'xihu',
      'binjiang',
      'xiaoshan',
      'yuhang',
      'linping',
      'qiantang',
      'fuyang',
      'linan',
      'tonglu',
      'chunan',
      'jiande',
    ]);
    for (const d of districts) {
      expect(d.counts.total, d.district.id).toBeGreaterThan(0);
      expect(d.coverageShare, d.district.id).toBeLessThan(1);
    }
  });

  it('is calibrated to the policy: ≈300 created and ≈100 accepted by end-2023, ≈500 created by end-2025', () => {
    const [by2023, by2025, by2035] = progressAgainstTargets(dataset);
    expect(by2023.created).toBeGreaterThanOrEqual(300);
    expect(by2023.created).toBeLessThan(330);
    expect(by2023.built).toBeGreaterThanOrEqual(90);
    expect(by2023.coverageShare).toBeGreaterThanOrEqual(0.2);
    expect(by2025.created).toBeGreaterThanOrEqual(480);
    expect(by2025.created).toBeLessThan(530);
    expect(by2035.phase).toBe('open');
  });

  it('accepts older communities more often than recent ones', () => {
    const acceptedShare = (years: number[]) => {
      const list = dataset.communities.filter((c) => years.includes(c.yearCreated));
      return list.filter((c) => c.status === 'accepted').length / list.length;
    };
    expect(acceptedShare([2019, 2020, 2021])).toBeGreaterThan(0.7);
    expect(acceptedShare([2024, 2025, 2026])).toBeLessThan(0.1);
    expect(summariseCity(dataset).counts.total).toBe(dataset.communities.length);
  });

  it('links exactly one entry, the bundled sample, to a community package', () => {
    expect(dataset.communities.filter((c) => c.package).map((c) => [c.id, c.package])).toEqual([['sample-jinghe', 'sample-jinghe/']]);
  });
});
