import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCEPTANCE, parseAcceptanceRules } from '../../../src/scenarios/acceptance';
import { health } from '../../../src/scenarios/health';
import { neighbourhood } from '../../../src/scenarios/neighbourhood';
import { partyBuilding } from '../../../src/scenarios/party-building';
import { SCENARIOS } from '../../../src/scenarios/registry';
import { satisfactionGate, scoreCommunity, scoreScenario } from '../../../src/scenarios/scoring';
import { transport } from '../../../src/scenarios/transport';
import { tinyCommunity, tinyContext } from './tinyCommunity';

const outcomes = (score: ReturnType<typeof scoreScenario>) => Object.fromEntries(score.assessments.map((a) => [a.indicator.id, a.outcome]));

describe('scenario scoring', () => {
  it('scores a scenario as the share of its indicators passed, with the evidence behind each', () => {
    const score = scoreScenario(neighbourhood, tinyContext());
    // 77 m²/person ≥ 0.3 ✓; largest plaza 1,600 ≥ 150 m² ✓; fitness 58 % < 80 % ✗; culture 100 % ✓ → 3 / 4.
    expect(outcomes(score)).toEqual({
      'neighbourhood.activity-space': 'pass',
      'neighbourhood.plaza': 'pass',
      'neighbourhood.fitness-5min': 'fail',
      'neighbourhood.culture-reach': 'pass',
    });
    expect(score.score).toBe(75);
    const fitness = score.assessments.find((a) => a.indicator.id === 'neighbourhood.fitness-5min')!;
    expect(fitness.threshold).toBe(0.8);
    expect(fitness.reason.en).toBe('58% < 80% (普惠型 baseline)');
    expect(fitness.evidence.buildingIds).toEqual(['H2']);
  });

  it('reads the 普惠型 baseline or the 引领型 threshold from the community type', () => {
    // Chargers on 2 of 15 spaces = 13 %: ≥ 10 % (普惠型) passes, < 100 % (引领型) fails.
    const ctx = tinyContext();
    const charging = (s: ReturnType<typeof scoreScenario>) => s.assessments.find((a) => a.indicator.id === 'transport.charging')!;
    expect(charging(scoreScenario(transport, ctx))).toMatchObject({ outcome: 'pass', threshold: 0.1 });
    ctx.community.manifest.communityType = 'yinling';
    expect(charging(scoreScenario(transport, ctx))).toMatchObject({ outcome: 'fail', threshold: 1 });
    // …and the KPI reads 'warn': the baseline is met, the leading threshold is not.
    expect(transport.kpis(ctx).find((k) => k.id === 'charger-share')!.status).toBe('warn');
  });

  it('leaves leading indicators out of a 普惠型 score and counts them for 引领型', () => {
    const ctx = tinyContext();
    // Health, 普惠型: day care, canteen, health station at 67 % all fail; the two leading ones are not required.
    const puhui = scoreScenario(health, ctx);
    expect(outcomes(puhui)['health.disability-aid']).toBe('not-required');
    expect(outcomes(puhui)['health.all-three-5min']).toBe('not-required');
    expect([puhui.passed, puhui.failed, puhui.score]).toEqual([0, 3, 0]);
    ctx.community.manifest.communityType = 'yinling';
    const yinling = scoreScenario(health, ctx);
    expect(outcomes(yinling)['health.disability-aid']).toBe('fail');
    expect(yinling.failed).toBe(5);
  });

  it('reports pending indicators while the service circles compute, and acceptance pending', () => {
    const ctx = tinyContext(undefined, { coverage: false });
    const score = scoreScenario(neighbourhood, ctx);
    expect(outcomes(score)).toMatchObject({ 'neighbourhood.fitness-5min': 'pending', 'neighbourhood.culture-reach': 'pending' });
    expect([score.passed, score.failed, score.pending, score.score]).toEqual([2, 0, 2, 100]);
    expect(scoreCommunity(ctx).acceptance).toBe('pending');
  });

  it('fails an indicator whose data the package lacks, saying so', () => {
    const community = tinyCommunity();
    community.grids = [];
    const score = scoreScenario(
      SCENARIOS.find((s) => s.id === 'governance')!,
      tinyContext(community),
    );
    const coverage = score.assessments.find((a) => a.indicator.id === 'governance.grid-coverage')!;
    expect(coverage.outcome).toBe('fail');
    expect(coverage.reason.en).toBe('No data: The package has no grid cells');
  });

  it('averages the scenario scores and lists every failed indicator as a reason', () => {
    const score = scoreCommunity(tinyContext());
    const scored = score.scenarios.filter((s) => s.score !== null);
    expect(score.score).toBeCloseTo(scored.reduce((s, x) => s + x.score!, 0) / scored.length, 9);
    expect(score.acceptance).toBe('not-met');
    const failed = score.scenarios.reduce((n, s) => n + s.failed, 0);
    expect(score.reasons.length).toBe(failed);
    expect(score.scenarios.find((s) => s.scenarioId === 'party-building')!.satisfiedShare).toBe(0.95);
  });

  it('accepts when the survey passes and every indicator is met', () => {
    // The 一统 overlay alone: one centre ≥ 1 and 100 % within 1,000 m ≥ 80 %.
    const score = scoreCommunity(tinyContext(), [partyBuilding]);
    expect([score.acceptance, score.score, score.reasons]).toEqual(['met', 100, []]);
  });
});

describe('satisfaction gate (居民满意度为验收前提)', () => {
  const survey = (satisfiedShare: number) => ({ date: '2024-12-01', respondents: 50, satisfiedShare });

  it('passes at or above the threshold from acceptance.json and gates below it', () => {
    const t = DEFAULT_ACCEPTANCE.satisfaction.minSatisfiedShare;
    expect(t).toBe(0.8);
    expect(DEFAULT_ACCEPTANCE.satisfaction.source).toMatch(/\[M\]/);
    expect(satisfactionGate(survey(0.8)).status).toBe('passed');
    expect(satisfactionGate(survey(0.79))).toMatchObject({ status: 'below', satisfiedShare: 0.79, threshold: 0.8 });
    expect(satisfactionGate(undefined)).toMatchObject({ status: 'missing', satisfiedShare: null });
  });

  it('gates overall acceptance without a survey or below the threshold, even when all indicators pass', () => {
    const low = tinyCommunity();
    low.manifest.survey = survey(0.7);
    const gated = scoreCommunity(tinyContext(low), [partyBuilding]);
    expect([gated.acceptance, gated.score]).toEqual(['gated', 100]);
    expect(gated.reasons[0].en).toBe('Satisfaction 70% < 80%: acceptance is gated');
    const none = tinyCommunity();
    delete none.manifest.survey;
    expect(scoreCommunity(tinyContext(none, { coverage: false }), [partyBuilding]).acceptance).toBe('gated');
  });

  it('takes its threshold from the rules passed in', () => {
    const strict = parseAcceptanceRules({
      satisfaction: { minSatisfiedShare: 0.95, source: 'test' },
      scoring: { method: 'm', source: 's' },
    });
    expect(satisfactionGate(survey(0.9), strict).status).toBe('below');
    expect(() => parseAcceptanceRules({ satisfaction: { minSatisfiedShare: 80 } })).toThrow(/minSatisfiedShare/);
  });
});
