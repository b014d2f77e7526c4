import type { FacilityCategory } from '../../core/model/types';
import { isSmallCell, suppressTogether, type SuppressedCount } from '../../data/privacy/aggregate';
import type { TargetPopulation } from '../service-circles/rules';
import type { ReusePlanEffect } from './evaluateReusePlan';
import type { ReuseCandidate } from './reuseCandidates';

/**
 * The planner's reuse what-ifs as a JSON document to share: each named plan, its conversions and,
 * per category it adds to, today's and the plan's coverage within the rule's distance with the
 * difference. Only community-wide aggregates leave: no building, house or person appears, and counts
 * of people pass small-cell suppression ("<5") like every count of residents on screen, with
 * complementary suppression across today / plan / delta (data/privacy/aggregate suppressTogether).
 */
export const REUSE_PLANS_FORMAT = 'fct-reuse-plans';

export interface NamedPlanInput {
  id: string;
  name: string;
  conversions: readonly { candidateId: string; category: FacilityCategory }[];
}

/**
 * A count of people: the number, "<5" for a small cell, or "suppressed" for a count suppressed with
 * one (today, plan and delta go together: any two give the third).
 */
export type PeopleCount = number | '<5' | 'suppressed';

export interface ReusePlansReport {
  format: typeof REUSE_PLANS_FORMAT;
  version: '1.0';
  community: string;
  generatedAt: string;
  walkSpeedMetersPerSecond: number;
  notes: string;
  plans: {
    id: string;
    name: string;
    conversions: { candidateId: string; candidateName: string | null; category: FacilityCategory; found: boolean }[];
    kpis: {
      category: FacilityCategory;
      thresholdMeters: number;
      facilitiesAdded: number;
      homes: { counted: number; today: number; plan: number; delta: number; shareToday: number | null; sharePlan: number | null };
      targetPopulation: {
        group: TargetPopulation;
        today: PeopleCount;
        plan: PeopleCount;
        delta: PeopleCount;
        shareToday: number | null;
        sharePlan: number | null;
      } | null;
    }[];
  }[];
}

/** Shares to 0.1 %: enough to compare plans, not a way back to small counts. */
const share = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const people = (n: number, cell: SuppressedCount): PeopleCount => (!cell.suppressed ? cell.value : isSmallCell(n) ? '<5' : 'suppressed');

/**
 * Today's, the plan's and the difference's counts of the target group, suppressed together when any
 * is a small cell; the shares go too then (with the plan's share and count, the group's size and so
 * today's count would follow).
 */
function targetPopulationCells(today: number, plan: number, shareToday: number | null, sharePlan: number | null) {
  const delta = plan - today;
  const [t, p, d] = suppressTogether([today, plan, delta]);
  const suppressed = t.suppressed || p.suppressed || d.suppressed;
  return {
    today: people(today, t),
    plan: people(plan, p),
    delta: people(delta, d),
    shareToday: suppressed ? null : share(shareToday),
    sharePlan: suppressed ? null : share(sharePlan),
  };
}

export function reusePlansReport(input: {
  communityId: string;
  generatedAt: string;
  walkSpeedMetersPerSecond: number;
  candidates: readonly Pick<ReuseCandidate, 'id' | 'name'>[];
  plans: readonly { plan: NamedPlanInput; effect: ReusePlanEffect }[];
}): ReusePlansReport {
  const nameOf = new Map(input.candidates.map((c) => [c.id, c.name ?? null]));
  return {
    format: REUSE_PLANS_FORMAT,
    version: '1.0',
    community: input.communityId,
    generatedAt: input.generatedAt,
    walkSpeedMetersPerSecond: input.walkSpeedMetersPerSecond,
    notes:
      'Coverage within each category rule\'s walking distance, today and with every conversion of the plan opened together. Homes = residential buildings counted by the service circles; targetPopulation = residents of the rule\'s target group. Counts of people under 5 read "<5"; today, plan and delta are suppressed together (any two give the third), shown as "suppressed", and their shares as null.',
    plans: input.plans.map(({ plan, effect }) => ({
      id: plan.id,
      name: plan.name,
      conversions: plan.conversions.map((c) => ({
        candidateId: c.candidateId,
        candidateName: nameOf.get(c.candidateId) ?? null,
        category: c.category,
        found: nameOf.has(c.candidateId),
      })),
      kpis: effect.categories
        .filter((c) => c.facilitiesAdded > 0)
        .map(({ category, thresholdMeters, facilitiesAdded, before, after, targetPopulation }) => ({
          category,
          thresholdMeters,
          facilitiesAdded,
          homes: {
            counted: before.buildingsCounted,
            today: before.buildingsWithinThreshold,
            plan: after.buildingsWithinThreshold,
            delta: after.buildingsWithinThreshold - before.buildingsWithinThreshold,
            shareToday: share(before.shareBuildingsWithinThreshold),
            sharePlan: share(after.shareBuildingsWithinThreshold),
          },
          targetPopulation:
            before.targetPopulationWithinThreshold === null || after.targetPopulationWithinThreshold === null
              ? null
              : {
                  group: targetPopulation,
                  ...targetPopulationCells(
                    before.targetPopulationWithinThreshold,
                    after.targetPopulationWithinThreshold,
                    before.shareTargetPopulationWithinThreshold,
                    after.shareTargetPopulationWithinThreshold,
                  ),
                },
        })),
    })),
  };
}
