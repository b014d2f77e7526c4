import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSourceMark, unsourcedValues } from '../../../src/core/sourceMarks';

/** Every JSON file under src/ except the UI dictionaries: the rule files (thresholds as data). */
function ruleFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'i18n' ? [] : ruleFiles(file);
    return name.endsWith('.json') ? [file] : [];
  });
}

const root = path.resolve(__dirname, '../../../src');
const files = ruleFiles(root);

describe('every threshold row carries a source with a [V]/[M]/[C] mark', () => {
  it('finds the rule files: service circles, reuse, elevators, surfaces, acceptance, the 完整社区 items and every indicators.json', () => {
    const names = files.map((f) => path.relative(root, f).replaceAll(path.sep, '/'));
    expect(names).toEqual(
      expect.arrayContaining([
        'analysis/service-circles/rules.json',
        'analysis/reuse/reuseRules.json',
        'analysis/reuse/elevatorRules.json',
        'scenarios/surfaceRules.json',
        'scenarios/acceptance.json',
        'scenarios/acceptanceDimensions.json',
        'report/completeCommunityItems.json',
        'scenarios/education/indicators.json',
      ]),
    );
    expect(names.filter((n) => n.endsWith('/indicators.json')).length).toBe(10);
  });

  it.each(files.map((f) => [path.relative(root, f), f]))('%s', (_name, file) => {
    expect(unsourcedValues(JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('fails a row without a source, or with a source that says nothing of its confidence', () => {
    const rules = {
      rules: [
        { category: 'a', maxDistanceMeters: 300, source: 'GB 50180-2018 [V]' },
        { category: 'b', maxDistanceMeters: 500 },
        { category: 'c', maxDistanceMeters: 800, source: 'a textbook' },
      ],
      walkSpeedMetersPerSecond: 1,
      walkSpeedSource: 'measured [C]',
      targetWeights: { all: 1, '60+': 2 },
    };
    expect(unsourcedValues(rules)).toEqual([
      { path: 'rules[1].maxDistanceMeters', problem: 'no source' },
      { path: 'rules[2].maxDistanceMeters', problem: 'source without a [V]/[M]/[C] mark' },
      { path: 'targetWeights.all', problem: 'no source' },
      { path: 'targetWeights.60+', problem: 'no source' },
    ]);
    expect(unsourcedValues({ ...rules, rules: [rules.rules[0]], targetWeightsSource: 'a choice of this tool [M]' })).toEqual([]);
    expect(hasSourceMark('[M, unverified]')).toBe(true);
    expect(hasSourceMark('unverified')).toBe(false);
  });
});
