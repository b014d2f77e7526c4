import type { Community } from '../core/model/types';
import type { SummarySource } from '../data/community/buildingSummaries';
import type { ServiceCoverage } from '../analysis/service-circles/computeServiceCoverage';
import { elevatorCandidates } from '../analysis/reuse/elevatorCandidates';
import { DEFAULT_ELEVATOR_RULES, type ElevatorRuleSet } from '../analysis/reuse/elevatorRules';
import { reuseCandidates } from '../analysis/reuse/reuseCandidates';
import { DEFAULT_REUSE_RULES, type ReuseRuleSet } from '../analysis/reuse/reuseRules';
import { suggestReusePlan } from '../analysis/reuse/suggestReusePlan';
import { suppressCount } from '../data/privacy/aggregate';
import type { ReuseSection, ReuseSunlightRow } from './reportModel';

/** Conversions of the suggested plan: the analyze CLI's default budget (analyze.ts DEFAULT_REUSE_BUDGET). */
export const REPORT_REUSE_BUDGET = 3;
/** Elevator candidates listed (the full ranking stays in the app and `analyze --reuse`). */
export const REPORT_ELEVATOR_ROWS = 5;

/**
 * 存量空间再利用 and 加装电梯 for the report: the greedy plan of REPORT_REUSE_BUDGET conversions
 * (suggestReusePlan) and the top elevator candidates. Per-building counts of people are small
 * cells, so each is suppressed below 5 on its own (data/privacy/aggregate).
 */
export function reuseSection(
  community: Pick<Community, 'reuse'> & SummarySource,
  coverage: ServiceCoverage,
  rules: { reuse?: ReuseRuleSet; elevator?: ElevatorRuleSet } = {},
  sunlight: ReuseSunlightRow[] = [],
): ReuseSection {
  const reuseRules = rules.reuse ?? DEFAULT_REUSE_RULES;
  const elevatorRules = rules.elevator ?? DEFAULT_ELEVATOR_RULES;
  const { candidates, plan } = reportSuggestedPlan(community, coverage, reuseRules);
  const elevators = elevatorCandidates(community, elevatorRules);
  return {
    budget: REPORT_REUSE_BUDGET,
    candidates: candidates.length,
    picks: plan.picks.map((p) => ({
      step: p.step,
      candidateId: p.candidateId,
      ...(p.candidateName !== undefined ? { candidateName: p.candidateName } : {}),
      hub: p.hub,
      categories: p.categories.map((c) => ({
        category: c.category,
        newlyCovered: c.targetPopulationNewlyCovered === null ? null : suppressCount(c.targetPopulationNewlyCovered),
        buildingsNewlyCovered: c.buildingsNewlyCovered,
      })),
    })),
    stoppedEarly: plan.stoppedEarly,
    elevatorCandidates: elevators.length,
    elevators: elevators.slice(0, REPORT_ELEVATOR_ROWS).map((e) => ({
      rank: e.rank,
      buildingId: e.buildingId,
      floors: e.floors,
      yearBuilt: e.yearBuilt,
      elderlyAboveFloor: suppressCount(e.elderlyAboveFloor),
      householdsAboveFloor: suppressCount(e.householdsAboveFloor),
    })),
    aboveFloor: elevatorRules.aboveFloor,
    sunlight,
  };
}

/** The report's suggested plan (REPORT_REUSE_BUDGET conversions): callers need it too, to compute its sunlight. */
export function reportSuggestedPlan(
  community: Pick<Community, 'buildings' | 'reuse' | 'houses'>,
  coverage: ServiceCoverage,
  reuseRules: ReuseRuleSet = DEFAULT_REUSE_RULES,
) {
  const candidates = reuseCandidates(community, reuseRules);
  return { candidates, plan: suggestReusePlan(coverage, candidates, { budget: REPORT_REUSE_BUDGET, reuseRules }) };
}
