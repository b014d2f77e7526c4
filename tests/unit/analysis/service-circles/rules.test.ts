import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORIES } from '../../../../src/core/model/types';
import { DEFAULT_SERVICE_RULES, bandsMeters, parseServiceRules, ruleFor } from '../../../../src/analysis/service-circles/rules';
import rulesJson from '../../../../src/analysis/service-circles/rules.json';
import { dataIssuesOf } from '../../support/dataIssues';

const clone = () => JSON.parse(JSON.stringify(rulesJson)) as { rules: Record<string, unknown>[] } & Record<string, unknown>;

const issuesOf = (json: unknown) => dataIssuesOf(() => parseServiceRules(json, 'my-rules.json'));

describe('service-circle rules', () => {
  it('have one rule per facility category, walking at 1.0 m/s in bands of 5/10/15 min', () => {
    expect(DEFAULT_SERVICE_RULES.rules.map((r) => r.category).sort()).toEqual([...FACILITY_CATEGORIES].sort());
    expect(DEFAULT_SERVICE_RULES.walkSpeedMetersPerSecond).toBe(1);
    expect(DEFAULT_SERVICE_RULES.bandsSeconds).toEqual([300, 600, 900]);
  });

  it('carry the GB 50180-2018 Appendix B radii checked against the standard, marked [V]', () => {
    // 托儿所 / 幼儿园 ≤ 300 m (5-min), 小学 ≤ 500 m (10-min), 初中 ≤ 1000 m (15-min).
    const radius = (c: (typeof FACILITY_CATEGORIES)[number]) => [
      ruleFor(DEFAULT_SERVICE_RULES, c)!.level,
      ruleFor(DEFAULT_SERVICE_RULES, c)!.maxDistanceMeters,
    ];
    expect(radius('nursery')).toEqual(['5min', 300]);
    expect(radius('kindergarten')).toEqual(['5min', 300]);
    expect(radius('primary-school')).toEqual(['10min', 500]);
    expect(radius('middle-school')).toEqual(['15min', 1000]);
    for (const c of ['nursery', 'kindergarten', 'primary-school', 'middle-school'] as const) {
      expect(ruleFor(DEFAULT_SERVICE_RULES, c)!.source).toMatch(/GB 50180-2018.*\[V\]/);
    }
  });

  it('mark every other radius [M] (to verify against the official text) and cite a source for every row', () => {
    for (const rule of DEFAULT_SERVICE_RULES.rules) {
      expect(rule.source.length).toBeGreaterThan(20);
      if (!['nursery', 'kindergarten', 'primary-school', 'middle-school'].includes(rule.category)) expect(rule.source).toContain('[M]');
    }
  });

  it('put 一老一小 (nursery, kindergarten, elderly care and canteen) at priority 1', () => {
    const first = DEFAULT_SERVICE_RULES.rules.filter((r) => r.priority === 1).map((r) => r.category);
    expect(first.sort()).toEqual(['elderly-canteen', 'elderly-care', 'kindergarten', 'nursery']);
    expect(ruleFor(DEFAULT_SERVICE_RULES, 'elderly-care')!.targetPopulation).toBe('60+');
    expect(ruleFor(DEFAULT_SERVICE_RULES, 'disability-aid')!.targetPopulation).toBe('disability');
  });

  it('turn the time bands into metres at a speed: 300/600/900 s → 300/600/900 m at 1.0 m/s, 360/720/1080 m at 1.2 m/s', () => {
    expect(bandsMeters(DEFAULT_SERVICE_RULES, 1)).toEqual([300, 600, 900]);
    expect(bandsMeters(DEFAULT_SERVICE_RULES, 1.2).map((m) => Math.round(m))).toEqual([360, 720, 1080]);
  });

  it('name the row, category and field of each problem', () => {
    const json = clone();
    json.rules[1].maxDistanceMeters = -300;
    json.rules[2].targetPopulation = 'elderly';
    json.rules[3].category = 'kindergarten';
    json.rules[4].source = '';
    json.rules[5].capacity = { unit: 'desks', demandPerTargetPerson: 0, source: 'x' };
    json.rules[6].category = 'library';
    const issues = issuesOf(json);
    expect(issues).toContainEqual({
      file: 'my-rules.json',
      id: 'kindergarten',
      field: 'rules[1].maxDistanceMeters',
      reason: 'must be a number of metres in (0, 10000], got -300',
    });
    expect(issues.find((i) => i.field === 'rules[2].targetPopulation')?.reason).toMatch(/one of all, 60\+/);
    expect(issues.find((i) => i.field === 'rules[3].category')?.reason).toBe('has a rule already; one rule per category');
    expect(issues.find((i) => i.field === 'rules[4].source')?.reason).toBe('must cite where the value comes from');
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['rules[5].capacity.unit', 'rules[5].capacity.demandPerTargetPerson', 'rules[6].category']),
    );
  });

  it('reject a bad speed, bands out of order and a missing list, with the file in the message', () => {
    const json = clone();
    json.walkSpeedMetersPerSecond = 0;
    json.bandsSeconds = [600, 300];
    const fields = issuesOf(json).map((i) => i.field);
    expect(fields).toEqual(['walkSpeedMetersPerSecond', 'bandsSeconds']);
    expect(() => parseServiceRules({ walkSpeedMetersPerSecond: 1, bandsSeconds: [300] }, 'r.json')).toThrow(/r\.json/);
    expect(issuesOf('not an object')[0].reason).toMatch(/JSON object/);
  });
});
