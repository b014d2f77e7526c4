import { DeveloperError } from '../core/errors';
import type { CommunityType, LocalizedText, SatisfactionSurvey } from '../core/model/types';
import { DEFAULT_ACCEPTANCE, type AcceptanceRules } from './acceptance';
import {
  DEFAULT_ACCEPTANCE_DIMENSIONS,
  evaluateDimensions,
  type AcceptanceDimensionRules,
  type DimensionResult,
} from './acceptanceDimensions';
import { SCENARIOS } from './registry';
import { meetsThreshold, thresholdFor, type Evidence, type Indicator, type Kpi, type ScenarioContext, type ScenarioModule } from './types';
import { formatValueText } from './units';

/**
 * Scores from the indicator system: each indicator passes or fails against the threshold of the
 * community's type (manifest.communityType: 普惠型 → puhui, 引领型 → yinling), with the evidence
 * behind it; scenarios score the share passed. Acceptance is scored, not all-or-nothing
 * (acceptance.json `decision`): residents' satisfaction first (杭政办函〔2023〕52号: 以居民满意度为验收
 * 前提条件), then the few blocking indicators, then the four dimensions' total against the pass mark.
 */

/**
 * pass / fail against the threshold; 'pending' while the analysis runs; 'not-applicable' when there
 * is nothing to measure; 'not-required' for a leading indicator a 普惠型 community need not meet.
 * Missing data (no-data) fails: what cannot be shown is not accepted.
 */
export type IndicatorOutcome = 'pass' | 'fail' | 'pending' | 'not-applicable' | 'not-required';

export interface IndicatorAssessment {
  scenarioId: string;
  indicator: Indicator;
  /** The threshold for the community's type; null when not required of it. */
  threshold: number | null;
  value: number | null;
  kpi: Kpi;
  outcome: IndicatorOutcome;
  reason: LocalizedText;
  evidence: Evidence;
  /** Its failure blocks acceptance whatever the score (acceptance.json `decision.blocking`). */
  blocking: boolean;
}

export interface ScenarioScore {
  scenarioId: string;
  /** 0–100: share of the assessed (passed + failed) indicators that passed; null when none was assessed. */
  score: number | null;
  passed: number;
  failed: number;
  pending: number;
  assessments: IndicatorAssessment[];
  /** The survey's satisfied share for this scenario, where it asked per scenario. */
  satisfiedShare: number | null;
}

export interface SatisfactionGate {
  /** 'passed': survey at or above the threshold; 'below': under it; 'missing': no survey in the package. */
  status: 'passed' | 'below' | 'missing';
  satisfiedShare: number | null;
  respondents: number | null;
  threshold: number;
  source: string;
  reason: LocalizedText;
}

/**
 * In the order checked: 'gated' = satisfaction missing or too low (a precondition); 'pending' = the
 * analysis is running; 'blocked' = a blocking indicator failed; 'not-met' = the dimensions' total is
 * below the pass mark; 'met' = at or above it.
 */
export type Acceptance = 'met' | 'not-met' | 'blocked' | 'pending' | 'gated';

export interface CommunityScore {
  communityType: CommunityType;
  scenarios: ScenarioScore[];
  /** Mean of the scenario scores that exist (equal weights, acceptance.json); null when none. */
  score: number | null;
  gate: SatisfactionGate;
  /** The four acceptance dimensions and their weighted total (acceptanceDimensions.json). */
  dimensions: DimensionResult[];
  acceptanceScore: number | null;
  passMark: number;
  acceptance: Acceptance;
  /** The failed indicators that block acceptance on their own. */
  blocking: IndicatorAssessment[];
  /** Every failed indicator (blocking ones first), each with `blocking` set. */
  failures: IndicatorAssessment[];
  /** Why acceptance is not 'met': the gate, the blocking failures, then the total below the pass mark. */
  reasons: LocalizedText[];
  method: AcceptanceRules['scoring'];
  decision: Pick<AcceptanceRules['decision'], 'method' | 'source' | 'passMarkSource'>;
}

const TYPE_LABEL: Record<CommunityType, LocalizedText> = {
  puhui: { zh: '普惠型', en: '普惠型 baseline' },
  yinling: { zh: '引领型', en: '引领型 (leading)' },
};

export function assessIndicator(
  scenarioId: string,
  indicator: Indicator,
  kpis: readonly Kpi[],
  type: CommunityType,
  rules: Pick<AcceptanceRules, 'decision'> = DEFAULT_ACCEPTANCE,
): IndicatorAssessment {
  const kpi = kpis.find((k) => k.id === indicator.formula);
  if (!kpi) throw new DeveloperError(`indicator ${indicator.id}: no KPI "${indicator.formula}" in scenario ${scenarioId}`);
  const threshold = thresholdFor(indicator, type);
  const blocking = rules.decision.blocking.some((b) => b.indicator === indicator.id);
  const base = { scenarioId, indicator, threshold, value: kpi.value, kpi, evidence: kpi.evidence, blocking };
  if (threshold === null)
    return {
      ...base,
      outcome: 'not-required',
      reason: { zh: '引领型指标，普惠型不作要求', en: 'A leading indicator, not required of 普惠型' },
    };
  if (kpi.unavailable === 'pending') return { ...base, outcome: 'pending', reason: kpi.note ?? { zh: '计算中', en: 'Computing' } };
  if (kpi.value === null) {
    const note = kpi.note ?? { zh: '无数据', en: 'No data' };
    return kpi.unavailable === 'no-data'
      ? { ...base, outcome: 'fail', reason: { zh: `缺少数据：${note.zh}`, en: `No data: ${note.en}` } }
      : { ...base, outcome: 'not-applicable', reason: note };
  }
  const pass = meetsThreshold(kpi.value, threshold, indicator.direction);
  const v = formatValueText(kpi.value, indicator.unit, kpi.display);
  const t = formatValueText(threshold, indicator.unit, kpi.display);
  const op = indicator.direction === 'min' ? (pass ? '≥' : '<') : pass ? '≤' : '>';
  return {
    ...base,
    outcome: pass ? 'pass' : 'fail',
    reason: { zh: `${v.zh} ${op} ${t.zh}（${TYPE_LABEL[type].zh}）`, en: `${v.en} ${op} ${t.en} (${TYPE_LABEL[type].en})` },
  };
}

export function scoreScenario(
  module: ScenarioModule,
  ctx: ScenarioContext,
  rules: Pick<AcceptanceRules, 'decision'> = DEFAULT_ACCEPTANCE,
): ScenarioScore {
  const type = ctx.community.manifest.communityType;
  const kpis = module.kpis(ctx);
  const assessments = module.indicators.map((i) => assessIndicator(module.id, i, kpis, type, rules));
  const passed = assessments.filter((a) => a.outcome === 'pass').length;
  const failed = assessments.filter((a) => a.outcome === 'fail').length;
  const pending = assessments.filter((a) => a.outcome === 'pending').length;
  return {
    scenarioId: module.id,
    score: passed + failed > 0 ? (100 * passed) / (passed + failed) : null,
    passed,
    failed,
    pending,
    assessments,
    satisfiedShare: ctx.community.manifest.survey?.byScenario?.[module.id] ?? null,
  };
}

/** 居民满意度为验收前提: no survey, or a satisfied share below the threshold, gates acceptance. */
export function satisfactionGate(survey: SatisfactionSurvey | undefined, rules: AcceptanceRules = DEFAULT_ACCEPTANCE): SatisfactionGate {
  const threshold = rules.satisfaction.minSatisfiedShare;
  const base = { threshold, source: rules.satisfaction.source };
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  if (!survey) {
    return {
      ...base,
      status: 'missing',
      satisfiedShare: null,
      respondents: null,
      reason: { zh: '缺少居民满意度调查，不能验收', en: 'No residents’ satisfaction survey: acceptance is gated' },
    };
  }
  const passed = survey.satisfiedShare >= threshold;
  return {
    ...base,
    status: passed ? 'passed' : 'below',
    satisfiedShare: survey.satisfiedShare,
    respondents: survey.respondents,
    reason: passed
      ? {
          zh: `居民满意度 ${pct(survey.satisfiedShare)} ≥ ${pct(threshold)}`,
          en: `Satisfaction ${pct(survey.satisfiedShare)} ≥ ${pct(threshold)}`,
        }
      : {
          zh: `居民满意度 ${pct(survey.satisfiedShare)} < ${pct(threshold)}，不能验收`,
          en: `Satisfaction ${pct(survey.satisfiedShare)} < ${pct(threshold)}: acceptance is gated`,
        },
  };
}

export function scoreCommunity(
  ctx: ScenarioContext,
  modules: readonly ScenarioModule[] = SCENARIOS,
  rules: AcceptanceRules = DEFAULT_ACCEPTANCE,
  dimensionRules: AcceptanceDimensionRules = DEFAULT_ACCEPTANCE_DIMENSIONS,
): CommunityScore {
  const scenarios = modules.map((m) => scoreScenario(m, ctx, rules));
  const scored = scenarios.filter((s) => s.score !== null);
  const gate = satisfactionGate(ctx.community.manifest.survey, rules);
  const failed = scenarios.flatMap((s) => s.assessments.filter((a) => a.outcome === 'fail'));
  const blocking = failed.filter((a) => a.blocking);
  const { dimensions, score: acceptanceScore } = evaluateDimensions({ scenarios }, dimensionRules);
  const { passMark } = rules.decision;
  const acceptance: Acceptance =
    gate.status !== 'passed'
      ? 'gated'
      : scenarios.some((s) => s.pending > 0)
        ? 'pending'
        : blocking.length > 0
          ? 'blocked'
          : acceptanceScore !== null && acceptanceScore >= passMark
            ? 'met'
            : 'not-met';
  const line = (a: IndicatorAssessment, mark: LocalizedText = { zh: '', en: '' }): LocalizedText => ({
    zh: `${mark.zh}${a.indicator.name.zh}：${a.reason.zh}`,
    en: `${mark.en}${a.indicator.name.en}: ${a.reason.en}`,
  });
  const belowPassMark =
    acceptanceScore !== null && acceptanceScore < passMark
      ? [
          {
            zh: `验收评分 ${Math.round(acceptanceScore)} < 合格线 ${passMark}`,
            en: `Acceptance score ${Math.round(acceptanceScore)} < pass mark ${passMark}`,
          },
        ]
      : [];
  const reasons: LocalizedText[] = [
    ...(gate.status !== 'passed' ? [gate.reason] : []),
    ...blocking.map((a) => line(a, { zh: '【否决项】', en: '[Blocking] ' })),
    ...belowPassMark,
  ];
  return {
    communityType: ctx.community.manifest.communityType,
    scenarios,
    score: scored.length ? scored.reduce((s, x) => s + x.score!, 0) / scored.length : null,
    gate,
    dimensions,
    acceptanceScore,
    passMark,
    acceptance,
    blocking,
    failures: [...blocking, ...failed.filter((a) => !a.blocking)],
    reasons,
    method: rules.scoring,
    decision: { method: rules.decision.method, source: rules.decision.source, passMarkSource: rules.decision.passMarkSource },
  };
}
