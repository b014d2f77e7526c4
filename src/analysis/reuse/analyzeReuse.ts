import type { Community } from '../../core/model/types';
import type { SummarySource } from '../../data/community/buildingSummaries';
import { coverageOf, type ServiceCoverage } from '../service-circles/computeServiceCoverage';
import { elevatorCandidates, type ElevatorCandidate } from './elevatorCandidates';
import { DEFAULT_ELEVATOR_RULES, type ElevatorRuleSet } from './elevatorRules';
import { evaluateReuseOption, type ReuseOptionGain } from './evaluateReuseOption';
import { reuseCandidates, type ReuseCandidate } from './reuseCandidates';
import { DEFAULT_REUSE_RULES, type ReuseRuleSet } from './reuseRules';
import { suggestReusePlan, type ReusePlan } from './suggestReusePlan';
import { walkFromEachPoint, type PointWalkOptions } from './walkFromPoint';

/**
 * The whole building-reuse what-if of a community in one call (what the CLI prints and a panel
 * shows): the candidates and what each can host, the gain of every single feasible conversion
 * against the base coverage, the suggested plan for a budget, and the elevator-addition list.
 * One walk per candidate serves every category and the plan.
 */
export interface SingleConversion {
  candidateId: string;
  gain: ReuseOptionGain;
  /** Weight of the category's target population (reuse rules' targetWeights). */
  weight: number;
  /** weight × (target residents newly within the rule's distance, or homes when the population is unknown). */
  weightedGain: number;
}

export interface ReuseAnalysis {
  candidates: ReuseCandidate[];
  /** Every feasible (candidate, category) whose category the base coverage has, in candidate then rule order. */
  conversions: SingleConversion[];
  plan: ReusePlan;
  elevators: ElevatorCandidate[];
  reuseRules: ReuseRuleSet;
  elevatorRules: ElevatorRuleSet;
}

export interface AnalyzeReuseOptions extends Omit<PointWalkOptions, 'workspace' | 'edgeIndex'> {
  budget: number;
  reuseRules?: ReuseRuleSet;
  elevatorRules?: ElevatorRuleSet;
}

export function analyzeReuse(
  community: Pick<Community, 'reuse'> & SummarySource,
  coverage: ServiceCoverage,
  options: AnalyzeReuseOptions,
): ReuseAnalysis {
  const reuseRules = options.reuseRules ?? DEFAULT_REUSE_RULES;
  const elevatorRules = options.elevatorRules ?? DEFAULT_ELEVATOR_RULES;
  const walkOptions = {
    ...(options.maxSnapMeters !== undefined ? { maxSnapMeters: options.maxSnapMeters } : {}),
    ...(options.cutoffMeters !== undefined ? { cutoffMeters: options.cutoffMeters } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
  };
  const candidates = reuseCandidates(community, reuseRules);
  const walks = walkFromEachPoint(coverage, candidates, walkOptions);
  const conversions: SingleConversion[] = [];
  for (const candidate of candidates) {
    for (const f of candidate.feasible) {
      if (!f.ok || !coverageOf(coverage, f.category)) continue;
      const gain = evaluateReuseOption(
        coverage,
        { position: candidate.position, category: f.category, usableAreaM2: f.usableAreaM2 },
        { walk: walks.get(candidate.id)!, reuseRules },
      );
      const weight = reuseRules.targetWeights[gain.targetPopulation];
      conversions.push({
        candidateId: candidate.id,
        gain,
        weight,
        weightedGain: weight * (gain.targetPopulationNewlyWithinThreshold ?? gain.buildingsNewlyWithinThreshold),
      });
    }
  }
  return {
    candidates,
    conversions,
    plan: suggestReusePlan(coverage, candidates, { ...walkOptions, budget: options.budget, reuseRules, walks }),
    elevators: elevatorCandidates(community, elevatorRules),
    reuseRules,
    elevatorRules,
  };
}
