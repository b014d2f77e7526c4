import { elevatorCandidates, type ElevatorCandidate } from '../../analysis/reuse/elevatorCandidates';
import { evaluateReusePlan, type PlanFacility, type ReusePlanEffect } from '../../analysis/reuse/evaluateReusePlan';
import { reuseCandidates, type ReuseCandidate } from '../../analysis/reuse/reuseCandidates';
import { walkFromEachPoint, type PointWalk } from '../../analysis/reuse/walkFromPoint';
import type { ServiceCoverage } from '../../analysis/service-circles/computeServiceCoverage';
import type { Community } from '../../core/model/types';
import type { NamedReusePlan } from './slice';

/**
 * The reuse what-if's derived data, computed once per input object and kept in WeakMaps: the
 * panel's sub-views mount and unmount as the planner moves around, and each would otherwise redo
 * the candidates, the walks from every candidate (one search each) and each plan's effect. Entries go
 * with the community, coverage or plan object they belong to.
 */
const candidatesBy = new WeakMap<Community, ReuseCandidate[]>();
const elevatorsBy = new WeakMap<Community, ElevatorCandidate[]>();
const walksBy = new WeakMap<ServiceCoverage, WeakMap<readonly ReuseCandidate[], Map<string, PointWalk>>>();
const todayBy = new WeakMap<ServiceCoverage, ReusePlanEffect>();
const effectsBy = new WeakMap<
  NamedReusePlan,
  { coverage: ServiceCoverage; candidates: readonly ReuseCandidate[]; effect: ReusePlanEffect }
>();

function cached<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

export const candidatesOf = (community: Community): ReuseCandidate[] => cached(candidatesBy, community, () => reuseCandidates(community));

export const elevatorsOf = (community: Community): ElevatorCandidate[] =>
  cached(elevatorsBy, community, () => elevatorCandidates(community));

/** The walk from every candidate on the coverage's network (~1 ms each on the sample). */
export const walksOf = (coverage: ServiceCoverage, candidates: readonly ReuseCandidate[]): Map<string, PointWalk> =>
  cached(
    cached(walksBy, coverage, () => new WeakMap()),
    candidates,
    () => walkFromEachPoint(coverage, candidates),
  );

/** Today (现状): the plan without conversions. */
export const todayOf = (coverage: ServiceCoverage): ReusePlanEffect => cached(todayBy, coverage, () => evaluateReusePlan(coverage, []));

/** The plan's conversions as facilities at their candidates; conversions of unknown candidates drop out. */
export function planFacilities(
  plan: NamedReusePlan,
  candidates: readonly ReuseCandidate[],
  walks: ReadonlyMap<string, PointWalk>,
): PlanFacility[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return plan.conversions.flatMap(({ candidateId, category }) => {
    const candidate = byId.get(candidateId);
    const walk = walks.get(candidateId);
    return candidate ? [{ position: candidate.position, category, ...(walk ? { walk } : {}) }] : [];
  });
}

/** A plan's effect on the current coverage; plans are immutable in the store, so the object is the key. */
export function effectOf(plan: NamedReusePlan, coverage: ServiceCoverage, candidates: readonly ReuseCandidate[]): ReusePlanEffect {
  const hit = effectsBy.get(plan);
  if (hit && hit.coverage === coverage && hit.candidates === candidates) return hit.effect;
  const effect = evaluateReusePlan(coverage, planFacilities(plan, candidates, walksOf(coverage, candidates)));
  effectsBy.set(plan, { coverage, candidates, effect });
  return effect;
}
