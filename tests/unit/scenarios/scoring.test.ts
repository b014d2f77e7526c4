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

  it('averages the scenario scores, lists every failed indicator and marks the blocking ones', () => {
    const score = scoreCommunity(tinyContext());
    const scored = score.scenarios.filter((s) => s.score !== null);
    expect(score.score).toBeCloseTo(scored.reduce((s, x) => s + x.score!, 0) / scored.length, 9);
    const failed = score.scenarios.flatMap((s) => s.assessments.filter((a) => a.outcome === 'fail'));
    expect(score.failures.length).toBe(failed.length);
    const blockingIds = DEFAULT_ACCEPTANCE.decision.blocking.map((b) => b.indicator);
    expect(score.blocking.map((a) => a.indicator.id)).toEqual(
      failed.filter((a) => blockingIds.includes(a.indicator.id)).map((a) => a.indicator.id),
    );
    // The decision, recomputed from its parts: blocked, else the dimensions' total against the pass mark.
    const expected = score.blocking.length ? 'blocked' : score.acceptanceScore! >= DEFAULT_ACCEPTANCE.decision.passMark ? 'met' : 'not-met';
    expect(score.acceptance).toBe(expected);
    expect(score.scenarios.find((s) => s.scenarioId === 'party-building')!.satisfiedShare).toBe(0.95);
  });
});

describe('acceptance decision (acceptance.json: gate, blocking indicators, dimensions against the pass mark)', () => {
  const withPassMark = (passMark: number) => ({ ...DEFAULT_ACCEPTANCE, decision: { ...DEFAULT_ACCEPTANCE.decision, passMark } });

  it('is scored, not all-or-nothing: a failed indicator that does not block lowers the score only', () => {
    // The 一统 overlay alone: one centre ≥ 1 ✓; 19 / 24 = 79 % within 300 m < 80 % ✗ → 50. The only
    // dimension with an input is 特色亮点塑造 (the 一统 score): total 50.
    const score = scoreCommunity(tinyContext(), [partyBuilding], withPassMark(40));
    expect([score.score, score.acceptanceScore, score.acceptance, score.blocking]).toEqual([50, 50, 'met', []]);
    expect(score.failures.map((a) => [a.indicator.id, a.blocking])).toEqual([['party-building.centre-reach', false]]);
    const strict = scoreCommunity(tinyContext(), [partyBuilding], withPassMark(60));
    expect(strict.acceptance).toBe('not-met');
    expect(strict.reasons.map((r) => r.en)).toEqual(['Acceptance score 50 < pass mark 60']);
  });

  it('blocks acceptance when a blocking indicator fails, whatever the score', () => {
    const community = tinyCommunity();
    community.facilities = community.facilities.filter((f) => f.category !== 'party-service-centre');
    const score = scoreCommunity(tinyContext(community), [partyBuilding], withPassMark(0));
    expect(score.acceptance).toBe('blocked');
    expect(score.blocking.map((a) => a.indicator.id)).toEqual(['party-building.centre']);
    expect(score.reasons[0].en).toMatch(/^\[Blocking\] /);
  });

  it('names a source for the pass mark and for every blocking indicator, which are real indicators', () => {
    expect(DEFAULT_ACCEPTANCE.decision.passMarkSource).toMatch(/\[M\]/);
    const ids = new Set(SCENARIOS.flatMap((m) => m.indicators.map((i) => i.id)));
    for (const b of DEFAULT_ACCEPTANCE.decision.blocking) {
      expect(ids.has(b.indicator), b.indicator).toBe(true);
      expect(b.source).toMatch(/\[(V|M)/);
    }
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

  it('gates overall acceptance without a survey or below the threshold, whatever the score', () => {
    const low = tinyCommunity();
    low.manifest.survey = survey(0.7);
    const gated = scoreCommunity(tinyContext(low), [partyBuilding]);
    expect([gated.acceptance, gated.score]).toEqual(['gated', 50]);
    expect(gated.reasons[0].en).toBe('Satisfaction 70% < 80%: acceptance is gated');
    const none = tinyCommunity();
    delete none.manifest.survey;
    expect(scoreCommunity(tinyContext(none, { coverage: false }), [partyBuilding]).acceptance).toBe('gated');
  });

  it('takes its threshold from the rules passed in', () => {
    const strict = parseAcceptanceRules({
      satisfaction: { minSatisfiedShare: 0.95, source: 'test' },
      scoring: { method: 'm', source: 's' },
      decision: { method: 'm', source: 's', passMark: 60, passMarkSource: 's', blocking: [] },
    });
    expect(satisfactionGate(survey(0.9), strict).status).toBe('below');
    expect(() => parseAcceptanceRules({ satisfaction: { minSatisfiedShare: 80 } })).toThrow(/minSatisfiedShare/);
  });
});
