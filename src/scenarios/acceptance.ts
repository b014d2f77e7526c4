import { DataError, type DataIssue } from '../core/errors';
import acceptanceJson from './acceptance.json';

/**
 * The acceptance rules as data (acceptance.json): the satisfaction gate (居民满意度为验收前提), how
 * scenarios are scored, and the decision — gate, then the blocking indicators, then the four
 * dimensions' total against a pass mark — each with its source.
 */
export interface BlockingIndicator {
  /** An indicator id of a scenario's indicators.json, e.g. "property-service.management-coverage". */
  indicator: string;
  source: string;
}

export interface AcceptanceRules {
  satisfaction: { minSatisfiedShare: number; source: string };
  scoring: { method: string; source: string };
  decision: {
    method: string;
    source: string;
    /** The dimensions' weighted total (0–100) at or above which acceptance is met. */
    passMark: number;
    passMarkSource: string;
    /** Indicators whose failure blocks acceptance whatever the score. */
    blocking: BlockingIndicator[];
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

export function parseAcceptanceRules(json: unknown, file = 'acceptance.json'): AcceptanceRules {
  const root = isObject(json) ? json : {};
  const satisfaction = isObject(root.satisfaction) ? root.satisfaction : {};
  const scoring = isObject(root.scoring) ? root.scoring : {};
  const decision = isObject(root.decision) ? root.decision : {};
  const issues: DataIssue[] = [];
  const share = satisfaction.minSatisfiedShare;
  if (typeof share !== 'number' || !(share > 0 && share <= 1))
    issues.push({ file, field: 'satisfaction.minSatisfiedShare', reason: `must be a share in (0, 1], got ${JSON.stringify(share)}` });
  if (!hasText(satisfaction.source))
    issues.push({ file, field: 'satisfaction.source', reason: 'must cite where the threshold comes from' });
  if (!hasText(scoring.method) || !hasText(scoring.source))
    issues.push({ file, field: 'scoring', reason: 'must state the method and its source' });
  if (!hasText(decision.method) || !hasText(decision.source))
    issues.push({ file, field: 'decision', reason: 'must state the method and its source' });
  const passMark = decision.passMark;
  if (typeof passMark !== 'number' || !(passMark >= 0 && passMark <= 100))
    issues.push({ file, field: 'decision.passMark', reason: `must be a score in [0, 100], got ${JSON.stringify(passMark)}` });
  if (!hasText(decision.passMarkSource))
    issues.push({ file, field: 'decision.passMarkSource', reason: 'must cite where the pass mark comes from' });
  const blocking: BlockingIndicator[] = [];
  if (!Array.isArray(decision.blocking))
    issues.push({ file, field: 'decision.blocking', reason: 'must be a list (empty when nothing blocks)' });
  else
    decision.blocking.forEach((raw: unknown, i: number) => {
      const row = isObject(raw) ? raw : {};
      if (!hasText(row.indicator)) issues.push({ file, field: `decision.blocking[${i}].indicator`, reason: 'must name an indicator id' });
      else if (!hasText(row.source))
        issues.push({
          file,
          id: row.indicator,
          field: `decision.blocking[${i}].source`,
          reason: 'must cite why its failure blocks acceptance',
        });
      else blocking.push({ indicator: row.indicator, source: row.source });
    });
  if (issues.length) throw new DataError(issues, `Invalid acceptance rules "${file}"`);
  return {
    satisfaction: { minSatisfiedShare: share as number, source: satisfaction.source as string },
    scoring: { method: scoring.method as string, source: scoring.source as string },
    decision: {
      method: decision.method as string,
      source: decision.source as string,
      passMark: passMark as number,
      passMarkSource: decision.passMarkSource as string,
      blocking,
    },
  };
}

export const DEFAULT_ACCEPTANCE: AcceptanceRules = parseAcceptanceRules(acceptanceJson);
