import { DataError, type DataIssue } from '../core/errors';
import type { LocalizedText } from '../core/model/types';
import dimensionsJson from './acceptanceDimensions.json';
import { meetsThreshold, type Indicator, type IndicatorDirection } from './types';

/**
 * The four acceptance dimensions of the 浙江省城镇未来社区验收办法（试行）(场景响应度, 数字化平台落地性,
 * 运营可持续性, 特色亮点塑造) computed from the scenario scores, as data (acceptanceDimensions.json:
 * inputs, weights and a source for each, the unverified ones marked [M]). The acceptance decision
 * (scoring.ts) compares their total with the pass mark of acceptance.json; the report prints them.
 */

export interface DimensionInputResult {
  label: LocalizedText;
  /** 0–100, null when nothing could be assessed. */
  score: number | null;
  detail: LocalizedText;
}

export interface DimensionResult {
  id: string;
  name: LocalizedText;
  weight: number;
  score: number | null;
  inputs: DimensionInputResult[];
  source: string;
}

/** What the dimensions read of the scores: per scenario its score and the outcome of each indicator. */
export interface ScoredScenarios {
  scenarios: {
    scenarioId: string;
    score: number | null;
    assessments: {
      outcome: string;
      value: number | null;
      indicator: Pick<Indicator, 'id' | 'puhui' | 'yinling'> & { direction: IndicatorDirection };
    }[];
  }[];
}
export type DimensionInput =
  | { kind: 'scenarios'; label: LocalizedText; scenarios: string[] }
  | { kind: 'indicators'; label: LocalizedText; indicators: string[] }
  /** Indicators not required of 普惠型 (puhui = null), judged against their 引领型 threshold. */
  | { kind: 'leading-indicators'; label: LocalizedText };

export interface AcceptanceDimension {
  id: string;
  name: LocalizedText;
  weight: number;
  inputs: DimensionInput[];
  source: string;
}

export interface AcceptanceDimensionRules {
  version: string;
  dimensions: AcceptanceDimension[];
  scoring: { method: string; source: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is LocalizedText => isObject(v) && typeof v.zh === 'string' && typeof v.en === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');

export function parseAcceptanceDimensions(json: unknown, file = 'acceptanceDimensions.json'): AcceptanceDimensionRules {
  const issues: DataIssue[] = [];
  const root = isObject(json) ? json : {};
  if (typeof root.version !== 'string') issues.push({ file, field: 'version', reason: 'must be a version string' });
  const dimensions: AcceptanceDimension[] = [];
  if (!Array.isArray(root.dimensions) || root.dimensions.length === 0)
    issues.push({ file, field: 'dimensions', reason: 'must be a non-empty list' });
  else
    root.dimensions.forEach((value: unknown, i: number) => {
      const d = isObject(value) ? value : {};
      const at = (f: string) => `dimensions[${i}].${f}`;
      const before = issues.length;
      if (typeof d.id !== 'string') issues.push({ file, field: at('id'), reason: 'must be a string' });
      if (!isText(d.name)) issues.push({ file, field: at('name'), reason: 'must be {"zh", "en"}' });
      if (typeof d.weight !== 'number' || !(d.weight > 0)) issues.push({ file, field: at('weight'), reason: 'must be a number > 0' });
      if (typeof d.source !== 'string' || !d.source.trim())
        issues.push({ file, field: at('source'), reason: 'must cite where the mapping comes from' });
      const inputs: DimensionInput[] = [];
      if (!Array.isArray(d.inputs) || d.inputs.length === 0) issues.push({ file, field: at('inputs'), reason: 'must be a non-empty list' });
      else
        d.inputs.forEach((raw: unknown, k: number) => {
          const input = isObject(raw) ? raw : {};
          const where = at(`inputs[${k}]`);
          if (!isText(input.label)) issues.push({ file, field: `${where}.label`, reason: 'must be {"zh", "en"}' });
          else if (input.kind === 'scenarios' && isStrings(input.scenarios))
            inputs.push({ kind: 'scenarios', label: input.label, scenarios: input.scenarios });
          else if (input.kind === 'indicators' && isStrings(input.indicators))
            inputs.push({ kind: 'indicators', label: input.label, indicators: input.indicators });
          else if (input.kind === 'leading-indicators') inputs.push({ kind: 'leading-indicators', label: input.label });
          else
            issues.push({
              file,
              field: `${where}.kind`,
              reason: 'must be "scenarios" (with scenarios), "indicators" (with indicators) or "leading-indicators"',
            });
        });
      if (issues.length === before)
        dimensions.push({
          id: d.id as string,
          name: d.name as LocalizedText,
          weight: d.weight as number,
          inputs,
          source: d.source as string,
        });
    });
  const scoring = isObject(root.scoring) ? root.scoring : {};
  if (typeof scoring.method !== 'string' || typeof scoring.source !== 'string')
    issues.push({ file, field: 'scoring', reason: 'must state the method and its source' });
  if (issues.length) throw new DataError(issues, `Invalid acceptance dimensions "${file}"`);
  return { version: root.version as string, dimensions, scoring: { method: scoring.method as string, source: scoring.source as string } };
}

export const DEFAULT_ACCEPTANCE_DIMENSIONS: AcceptanceDimensionRules = parseAcceptanceDimensions(dimensionsJson);

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

type Assessment = ScoredScenarios['scenarios'][number]['assessments'][number];

function indicatorShare(assessments: Assessment[]): { score: number | null; passed: number; assessed: number } {
  const passed = assessments.filter((a) => a.outcome === 'pass').length;
  const assessed = passed + assessments.filter((a) => a.outcome === 'fail').length;
  return { score: assessed ? (100 * passed) / assessed : null, passed, assessed };
}

function evaluateInput(input: DimensionInput, score: ScoredScenarios): DimensionInputResult {
  const all = score.scenarios.flatMap((s) => s.assessments);
  if (input.kind === 'scenarios') {
    const scores = score.scenarios.filter((s) => input.scenarios.includes(s.scenarioId) && s.score !== null).map((s) => s.score!);
    const m = mean(scores);
    return {
      label: input.label,
      score: m,
      detail: { zh: `${scores.length} 个场景有得分`, en: `${scores.length} scenario(s) scored` },
    };
  }
  if (input.kind === 'indicators') {
    const { score: s, passed, assessed } = indicatorShare(all.filter((a) => input.indicators.includes(a.indicator.id)));
    return { label: input.label, score: s, detail: { zh: `达标 ${passed} / ${assessed}`, en: `${passed} of ${assessed} passed` } };
  }
  // Leading indicators: a 普惠型 community is not required to meet them, so passing one at the 引领型
  // level is what sets it apart (杭政办函〔2023〕52号 四(一)3: 引领型 … 特色彰显).
  const leading = all.filter((a) => a.indicator.puhui === null);
  let passed = 0;
  let assessed = 0;
  for (const a of leading) {
    if (a.value === null) continue;
    assessed++;
    if (meetsThreshold(a.value, a.indicator.yinling, a.indicator.direction)) passed++;
  }
  return {
    label: input.label,
    score: assessed ? (100 * passed) / assessed : null,
    detail: { zh: `达到引领型 ${passed} / ${assessed}`, en: `${passed} of ${assessed} at the 引领型 level` },
  };
}

export function evaluateDimensions(
  score: ScoredScenarios,
  rules: AcceptanceDimensionRules = DEFAULT_ACCEPTANCE_DIMENSIONS,
): { dimensions: DimensionResult[]; score: number | null } {
  const dimensions = rules.dimensions.map((d) => {
    const inputs = d.inputs.map((i) => evaluateInput(i, score));
    return {
      id: d.id,
      name: d.name,
      weight: d.weight,
      score: mean(inputs.filter((i) => i.score !== null).map((i) => i.score!)),
      inputs,
      source: d.source,
    };
  });
  const scored = dimensions.filter((d) => d.score !== null);
  const weights = scored.reduce((s, d) => s + d.weight, 0);
  return { dimensions, score: weights > 0 ? scored.reduce((s, d) => s + d.weight * d.score!, 0) / weights : null };
}
