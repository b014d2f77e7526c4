import { describe, expect, it } from 'vitest';
import type { ImportedFeature, SkippedFeature } from '../../../src/data/formats/importResult';
import { summarizeImport } from '../../../src/i18n/issues';

const features = (n: number): ImportedFeature[] => Array.from({ length: n }, () => ({ geometry: null, properties: {} }));
const skipped: SkippedFeature[] = [
  { file: 'a.csv', row: 17, code: 'no-geometry', reason: 'no coordinates in column "经度"' },
  { file: 'a.csv', row: 20, code: 'bad-coordinate', reason: '"abc" is not a number' },
  { file: 'a.csv', row: 31, code: 'out-of-range', reason: '…' },
];

describe('summarizeImport', () => {
  it('says how many came in and why some did not, in English with thousands separators', () => {
    expect(summarizeImport({ features: features(1204), skipped, repaired: [] }, 'en')).toBe(
      '1,204 features imported, 3 skipped (row 17: no geometry; row 20: invalid coordinate; row 31: coordinate out of range)',
    );
  });

  it('says the same in Chinese', () => {
    expect(summarizeImport({ features: features(1204), skipped, repaired: [] }, 'zh-CN')).toBe(
      '已导入 1,204 个要素，跳过 3 个（第 17 行：无几何；第 20 行：坐标无效；第 31 行：坐标超出范围）',
    );
  });

  it('names at most three skipped features, counts repairs, and handles a clean import', () => {
    const four: SkippedFeature[] = [...skipped, { file: 'g.geojson', feature: 5, code: 'self-intersection', reason: '…' }];
    const repaired = [{ file: 'g.geojson', feature: 2, reason: 'ring 0 was not closed; closed it' }];
    expect(summarizeImport({ features: features(10), skipped: four, repaired }, 'en')).toBe(
      '10 features imported, 4 skipped (row 17: no geometry; row 20: invalid coordinate; row 31: coordinate out of range; …), 1 fixed on reading',
    );
    expect(summarizeImport({ features: features(1), skipped: [], repaired: [] }, 'en')).toBe('1 feature imported');
    expect(summarizeImport({ features: features(0), skipped: [], repaired: [] }, 'zh-CN')).toBe('已导入 0 个要素');
  });
});
