import { DataError } from '../core/errors';
import acceptanceJson from './acceptance.json';

/**
 * The acceptance rules of the overall score, as data (acceptance.json): the satisfaction gate
 * (居民满意度为验收前提) and the scoring method, each with its source.
 */
export interface AcceptanceRules {
  satisfaction: { minSatisfiedShare: number; source: string };
  scoring: { method: string; source: string };
}

export function parseAcceptanceRules(json: unknown, file = 'acceptance.json'): AcceptanceRules {
  const root = (typeof json === 'object' && json !== null ? json : {}) as Partial<AcceptanceRules>;
  const share = root.satisfaction?.minSatisfiedShare;
  const issues = [];
  if (typeof share !== 'number' || !(share > 0 && share <= 1))
    issues.push({ file, field: 'satisfaction.minSatisfiedShare', reason: `must be a share in (0, 1], got ${JSON.stringify(share)}` });
  if (!root.satisfaction?.source) issues.push({ file, field: 'satisfaction.source', reason: 'must cite where the threshold comes from' });
  if (!root.scoring?.method || !root.scoring?.source)
    issues.push({ file, field: 'scoring', reason: 'must state the method and its source' });
  if (issues.length) throw new DataError(issues, `Invalid acceptance rules "${file}"`);
  return {
    satisfaction: { minSatisfiedShare: share!, source: root.satisfaction!.source },
    scoring: { method: root.scoring!.method, source: root.scoring!.source },
  };
}

export const DEFAULT_ACCEPTANCE: AcceptanceRules = parseAcceptanceRules(acceptanceJson);
