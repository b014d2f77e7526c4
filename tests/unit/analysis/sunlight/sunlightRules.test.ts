import { describe, expect, it } from 'vitest';
import { DataError } from '../../../../src/core/errors';
import rulesJson from '../../../../src/analysis/sunlight/sunlightRules.json';
import { DEFAULT_SUNLIGHT_RULES, parseSunlightRules, sunlightPreset } from '../../../../src/analysis/sunlight/sunlightRules';

describe('sunlight rules (data with sources)', () => {
  it('holds GB 50180-2018 大寒日 ≥ 2 h 08–16 as the default, the elderly 冬至日 ≥ 2 h 09–15 and a Hangzhou preset', () => {
    const d = sunlightPreset(undefined)!;
    expect([d.id, d.day, d.windowStartHours, d.windowEndHours, d.minHours]).toEqual(['gb50180-dahan-2h', 'dahan', 8, 16, 2]);
    const elderly = sunlightPreset('gb50180-elderly-dongzhi-2h')!;
    expect([elderly.day, elderly.windowStartHours, elderly.windowEndHours, elderly.minHours]).toEqual(['dongzhi', 9, 15, 2]);
    expect(sunlightPreset('hangzhou-dahan-2h')?.minSegmentMinutes).toBeGreaterThan(0);
  });

  it('cites a source for every value and marks the unverified ones [M]', () => {
    for (const p of DEFAULT_SUNLIGHT_RULES.presets) {
      for (const key of [
        'day',
        'window',
        'minHours',
        'stepMinutes',
        'minSegmentMinutes',
        'summing',
        'sillHeightMeters',
        'pointSpacingMeters',
      ])
        expect(p.sources[key], `${p.id}.${key}`).toMatch(/\[(M|V)/);
    }
    expect(DEFAULT_SUNLIGHT_RULES.additionsRule.zh).toContain('加装电梯除外');
  });

  it('names the preset and field of each problem', () => {
    const bad = structuredClone(rulesJson) as { presets: Record<string, unknown>[] };
    bad.presets[1].windowEndHours = 7;
    bad.presets[2].day = 'xiazhi';
    delete bad.presets[0].minHoursSource;
    try {
      parseSunlightRules(bad, 'rules.json');
      expect.fail('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      const fields = (error as DataError).issues.map((i) => i.field);
      expect(fields).toContain('presets[1] (gb50180-elderly-dongzhi-2h).windowEndHours');
      expect(fields).toContain('presets[2] (gb50180-renewal-dahan-1h).day');
      expect(fields).toContain('presets[0] (gb50180-dahan-2h).minHoursSource');
    }
  });
});
