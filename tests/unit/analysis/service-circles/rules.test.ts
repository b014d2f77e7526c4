import { describe, expect, it } from 'vitest';
import { FACILITY_CATEGORIES } from '../../../../src/core/model/types';
import { DEFAULT_SERVICE_RULES, bandWalkMinutes, parseServiceRules, ruleFor, tierOf } from '../../../../src/analysis/service-circles/rules';
import rulesJson from '../../../../src/analysis/service-circles/rules.json';
import { dataIssuesOf } from '../../support/dataIssues';

const clone = () => JSON.parse(JSON.stringify(rulesJson)) as { rules: Record<string, unknown>[] } & Record<string, unknown>;

const issuesOf = (json: unknown) => dataIssuesOf(() => parseServiceRules(json, 'my-rules.json'));

describe('service-circle rules', () => {
  it('have one rule per facility category, and the 5/10/15-minute circles as the distances of GB 50180-2018 Table 3.0.4', () => {
    expect(DEFAULT_SERVICE_RULES.rules.map((r) => r.category).sort()).toEqual([...FACILITY_CATEGORIES].sort());
    expect(DEFAULT_SERVICE_RULES.walkSpeedMetersPerSecond).toBe(1);
    // 300 / 500 / 800–1,000 m: the 10-minute circle is 500 m, not 600 m at 1.0 m/s.
    expect(DEFAULT_SERVICE_RULES.bands.map((b) => [b.id, b.minutes, b.maxDistanceMeters])).toEqual([
      ['5min', 5, 300],
      ['10min', 10, 500],
      ['15min', 15, 1000],
    ]);
    for (const band of DEFAULT_SERVICE_RULES.bands) expect(band.source).toMatch(/GB 50180-2018 Table 3\.0\.4.*\[(V|M)\]/);
  });

  it('put every level in one of the two tiers of 杭政办函〔2023〕52号: 街道 15 and 10 minutes, 社区 5 minutes and the block', () => {
    const tier = (c: (typeof FACILITY_CATEGORIES)[number]) => tierOf(DEFAULT_SERVICE_RULES, ruleFor(DEFAULT_SERVICE_RULES, c)!);
    expect(tier('middle-school')).toBe('street');
    expect(tier('primary-school')).toBe('street');
    expect(tier('nursery')).toBe('community');
    expect(tier('waste-sorting')).toBe('community');
    for (const t of DEFAULT_SERVICE_RULES.tiers) expect(t.source).toContain('杭政办函〔2023〕52号 四(一)1');
  });

  it('have the street tier of GB 50180-2018 表B.0.1: health centre 1,000 m, metro station 800 m, and the 党群服务中心 in the community tier', () => {
    const rule = (c: (typeof FACILITY_CATEGORIES)[number]) => ruleFor(DEFAULT_SERVICE_RULES, c)!;
    const street = ['community-health-centre', 'street-service-centre', 'street-culture-centre', 'nursing-home', 'sports-centre'] as const;
    for (const c of street) expect([c, rule(c).level, rule(c).maxDistanceMeters]).toEqual([c, '15min', 1000]);
    expect([rule('metro-station').level, rule('metro-station').maxDistanceMeters]).toEqual(['15min', 800]);
    expect([rule('party-service-centre').level, rule('party-service-centre').maxDistanceMeters]).toEqual(['5min', 300]);
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

  it('derive the walk time of each circle from the speed: 300 / 500 / 1,000 m take 5 / 8.3 / 16.7 min at 1.0 m/s, 4.2 / 6.9 / 13.9 at 1.2', () => {
    const minutes = (speed: number) => DEFAULT_SERVICE_RULES.bands.map((b) => Math.round(bandWalkMinutes(b, speed) * 10) / 10);
    expect(minutes(1)).toEqual([5, 8.3, 16.7]);
    expect(minutes(1.2)).toEqual([4.2, 6.9, 13.9]);
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
    const bands = json.bands as Record<string, unknown>[];
    [bands[0], bands[1]] = [bands[1], bands[0]];
    bands[2].source = '';
    const fields = issuesOf(json).map((i) => i.field);
    expect(fields).toEqual(['walkSpeedMetersPerSecond', 'bands[1].maxDistanceMeters', 'bands[2].source']);
    expect(() => parseServiceRules({ walkSpeedMetersPerSecond: 1, bands: [] }, 'r.json')).toThrow(/r\.json/);
    expect(issuesOf('not an object')[0].reason).toMatch(/JSON object/);
  });
});
