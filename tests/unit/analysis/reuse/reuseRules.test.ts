import { describe, expect, it } from 'vitest';
import { type FACILITY_CATEGORIES } from '../../../../src/core/model/types';
import { DEFAULT_REUSE_RULES, parseReuseRules, resolveReuseRules, reuseRuleFor } from '../../../../src/analysis/reuse/reuseRules';
import { DEFAULT_ELEVATOR_RULES, parseElevatorRules } from '../../../../src/analysis/reuse/elevatorRules';
import { checkCategory } from '../../../../src/analysis/reuse/feasibility';
import reuseRulesJson from '../../../../src/analysis/reuse/reuseRules.json';
import elevatorRulesJson from '../../../../src/analysis/reuse/elevatorRules.json';
import { dataIssuesOf } from '../../support/dataIssues';

const clone = <T>(x: T) => JSON.parse(JSON.stringify(x)) as T & Record<string, unknown>;

describe('reuse rules', () => {
  it('carry the 完整居住社区建设标准 floor areas: 托育 200, 日间照料 350, 卫生服务站 120, 综合超市 300 m²', () => {
    const min = (c: (typeof FACILITY_CATEGORIES)[number]) => reuseRuleFor(DEFAULT_REUSE_RULES, c)?.minFloorAreaM2;
    expect(min('nursery')).toBe(200);
    expect(min('elderly-care')).toBe(350);
    expect(min('health-station')).toBe(120);
    expect(min('grocery')).toBe(300);
    expect(min('kindergarten')).toBe(2200);
    // The 社区综合服务站 by households: 30 m² per 100, so 900 m² for 3,000 households (not a hard 800 m²).
    expect(min('community-service')).toBeNull();
    expect(reuseRuleFor(DEFAULT_REUSE_RULES, 'community-service')?.minFloorAreaM2Per100Households).toBe(30);
    expect(reuseRuleFor(resolveReuseRules(DEFAULT_REUSE_RULES, 3000), 'community-service')?.minFloorAreaM2).toBe(900);
    expect(min('fitness')).toBe(150);
    // No minimum in the sources: only access is checked.
    expect(min('elderly-canteen')).toBeNull();
    expect(min('disability-aid')).toBeNull();
    expect(reuseRuleFor(DEFAULT_REUSE_RULES, 'bus-stop')).toBeUndefined();
  });

  it('cite a source for every row, the checked ones [V] and the unverified ones [M, unverified]', () => {
    for (const rule of DEFAULT_REUSE_RULES.rules) {
      expect(rule.source.length).toBeGreaterThan(40);
      expect(rule.source).toMatch(/\[V\]|\[M, unverified\]/);
    }
    // Floor limits come from design codes quoted from memory: flagged.
    for (const c of ['nursery', 'elderly-care'] as const)
      expect(reuseRuleFor(DEFAULT_REUSE_RULES, c)!.source).toMatch(/Floors:.*\[M, unverified\]/);
    expect(reuseRuleFor(DEFAULT_REUSE_RULES, 'fitness')!.source).toContain('[M, unverified]');
  });

  it('keep the ground floor for the youngest and the oldest without an elevator', () => {
    for (const c of ['nursery', 'elderly-care', 'elderly-canteen', 'disability-aid'] as const) {
      expect(reuseRuleFor(DEFAULT_REUSE_RULES, c)!.maxFloorWithoutElevator).toBe(1);
      expect(reuseRuleFor(DEFAULT_REUSE_RULES, c)!.groundFloorRequired).toBe(true);
    }
  });

  it('give kindergarten places from floor area: 2,200 m² / (6 classes × 30) ≈ 12.2 m² per place, and no other capacity', () => {
    expect(reuseRuleFor(DEFAULT_REUSE_RULES, 'kindergarten')!.capacity).toMatchObject({ unit: 'places', floorAreaM2PerUnit: 12.2 });
    expect(DEFAULT_REUSE_RULES.rules.filter((r) => r.capacity).map((r) => r.category)).toEqual(['kindergarten']);
  });

  it('define the 嵌入式服务综合体: ≥ 600 m², ≥ 3 functions, ≥ 2 of 养老 / 托育 / 助餐', () => {
    expect(DEFAULT_REUSE_RULES.hub).toMatchObject({ minFloorAreaM2: 600, preferredFloorAreaM2: 800, minFunctions: 3, minCoreFunctions: 2 });
    expect(DEFAULT_REUSE_RULES.hub.coreCategories.sort()).toEqual(['elderly-canteen', 'elderly-care', 'nursery']);
    expect(DEFAULT_REUSE_RULES.hub.source).toContain('嵌入式服务设施建设导则');
  });

  it('weight 一老一小 up in the plan objective, as documented data', () => {
    const w = DEFAULT_REUSE_RULES.targetWeights;
    expect(w.all).toBe(1);
    for (const t of ['60+', '0-2', '3-5'] as const) expect(w[t]).toBeGreaterThan(w.all);
    expect(DEFAULT_REUSE_RULES.targetWeightsSource).toContain('一老一小');
  });

  it('name the row, category and field of each problem', () => {
    const json = clone(reuseRulesJson);
    const rows = json.rules as Record<string, unknown>[];
    rows[0].minFloorAreaM2 = -5;
    rows[1].category = 'zoo';
    rows[2].maxFloorWithoutElevator = 1.5;
    delete rows[3].source;
    rows[4].capacity = { unit: 'cups', floorAreaM2PerUnit: 0, source: '' };
    (json.hub as Record<string, unknown>).minCoreFunctions = 9;
    (json.targetWeights as Record<string, unknown>)['60+'] = 'high';
    const issues = dataIssuesOf(() => parseReuseRules(json, 'my-reuse.json'));
    const where = issues.map((i) => `${i.id ?? ''} ${i.field}`);
    expect(where).toEqual([
      'nursery rules[0].minFloorAreaM2',
      'zoo rules[1].category',
      'elderly-care rules[2].maxFloorWithoutElevator',
      'elderly-canteen rules[3].source',
      'disability-aid rules[4].capacity.unit',
      'disability-aid rules[4].capacity.floorAreaM2PerUnit',
      'disability-aid rules[4].capacity.source',
      ' hub.minCoreFunctions',
      ' targetWeights.60+',
    ]);
    expect(issues.every((i) => i.file === 'my-reuse.json')).toBe(true);
    expect(issues[0].reason).toBe('must be a number of m² in (0, 100000], or null when no minimum is known, got -5');
  });

  it('reject a duplicate category and a weight for an unknown target', () => {
    const json = clone(reuseRulesJson);
    const rows = json.rules as Record<string, unknown>[];
    rows.push({ ...rows[0] });
    (json.targetWeights as Record<string, unknown>).teenagers = 2;
    const reasons = dataIssuesOf(() => parseReuseRules(json)).map((i) => i.reason);
    expect(reasons).toContain('has a rule already; one rule per category');
    expect(reasons.some((r) => r.startsWith('is not a target population'))).toBe(true);
  });
});

describe('elevator rules', () => {
  it('screen residential buildings of ≥ 4 storeys without an elevator, the 2000 老旧小区 year a filter that is off', () => {
    expect(DEFAULT_ELEVATOR_RULES).toMatchObject({
      uses: ['residential'],
      minFloors: 4,
      requireNoElevator: true,
      builtByFilter: { enabled: false, maxYearBuilt: 2000 },
      aboveFloor: 3,
    });
    expect(DEFAULT_ELEVATOR_RULES.sources.builtByFilter).toContain('国办发〔2020〕23号');
    expect(DEFAULT_ELEVATOR_RULES.rankBy).toEqual(['elderlyAboveFloor', 'householdsAboveFloor']);
    for (const source of Object.values(DEFAULT_ELEVATOR_RULES.sources)) expect(source).toMatch(/\[M, unverified\]/);
  });

  it('name each bad field', () => {
    const json = clone(elevatorRulesJson) as Record<string, unknown>;
    json.minFloors = 'four';
    json.rankBy = ['age'];
    json.builtByFilter = { enabled: 'yes', maxYearBuilt: 2000, source: '' };
    const issues = dataIssuesOf(() => parseElevatorRules(json, 'my-elevators.json'));
    expect(issues.map((i) => i.field)).toEqual(['builtByFilter.enabled', 'builtByFilter.source', 'minFloors', 'rankBy']);
    expect(issues[2]).toEqual({ file: 'my-elevators.json', field: 'minFloors', reason: 'must be an integer in [2, 100], got "four"' });
  });
});

describe('elevator rules and the resident statistics', () => {
  it('keep the 3rd floor and the 60+ bands: the building statistics count residents there and nowhere else', () => {
    const json = clone(elevatorRulesJson) as Record<string, unknown>;
    json.aboveFloor = 4;
    json.elderlyAgeBands = ['70-79', '80+'];
    const issues = dataIssuesOf(() => parseElevatorRules(json, 'my-elevators.json'));
    expect(issues.map((i) => i.field)).toEqual(['aboveFloor', 'elderlyAgeBands']);
    expect(issues[0].reason).toBe('must be 3: the resident statistics count residents above the 3rd floor');
  });
});

describe('conversions that need a survey', () => {
  const space = { areaM2: 2500, floors: 1, groundFloorAccess: true, hasElevator: false };
  it('flag a kindergarten of ≥ 4 classes "needs site and sunlight check" (own site, 冬至日 sunlight), and nothing else', () => {
    // 2,500 m² / 12.2 m² per place = 204 places = 6 classes of 30 ≥ 4.
    const kindergarten = checkCategory(space, reuseRuleFor(DEFAULT_REUSE_RULES, 'kindergarten')!);
    expect([kindergarten.ok, kindergarten.capacity?.count, kindergarten.surveyChecks]).toEqual([true, 204, ['own-site', 'sunlight']]);
    // A small one of 3 classes (90 places) would not need its own site under the rule's 4 classes.
    const rule = { ...reuseRuleFor(DEFAULT_REUSE_RULES, 'kindergarten')!, minFloorAreaM2: 100 };
    expect(checkCategory({ ...space, areaM2: 1100 }, rule).surveyChecks).toEqual([]);
    expect(checkCategory(space, reuseRuleFor(DEFAULT_REUSE_RULES, 'grocery')!).surveyChecks).toEqual([]);
  });
});
