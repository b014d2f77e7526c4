import type { Building, Community, House } from '../../core/model/types';
import type { BuildingSummary } from '../../data/community/buildingSummaries';
import type { Volume } from './sunlightRequest';
import { addedFloorsVolume, elevatorShaftVolumes, type SunlightComparison } from './whatIf';

/**
 * From a reuse plan to the sunlight what-if's input: the volumes the plan builds and the buildings
 * it changes (whose own homes are not counted as neighbours). A plan builds when it
 * - converts a plot (a reuse space that is not in a building: 边角地, 插花地, 低效地): a new volume
 *   covering the plot, as many storeys as the space says (one when it says none — the same single
 *   storey the reuse candidate's floor area assumes, reuseCandidates.ts 'plot-single-storey');
 * - adds floors to a building (its own storey height, same footprint);
 * - adds elevators to a building (one shaft per entrance on the stair side, whatIf.ts).
 * Converting an idle building or flat changes no volume.
 */

/** What a plan or a what-if adds to one building. */
export type BuildingChange = { kind: 'floors'; floors: number } | { kind: 'elevator' };

export interface BuildingAddition {
  buildingId: string;
  change: BuildingChange;
}

/** The part of a reuse plan that matters to sunlight: the candidates it converts and what it adds to buildings. */
export interface SunlightPlanInput {
  conversions: readonly { candidateId: string }[];
  additions?: readonly BuildingAddition[];
}

export interface PlanVolumes {
  volumes: Volume[];
  /** Ids of the community's buildings the plan changes, sorted. */
  changed: string[];
  /**
   * The plan builds nothing but elevator shafts: GB 50180-2018 §4.0.9 item 3 exempts elevators added
   * to existing housing, so its before/after informs the consultation rather than checks the rule.
   */
  elevatorsOnly: boolean;
}

/**
 * Storey height of a new service building on a plot: 3.6 m, a common storey of small public buildings
 * (托育, 日间照料: clear height ≥ 3.0 m for activity rooms in JGJ 39-2016 §4.1, plus floor build-up)
 * [M, an assumption of this app; a scheme's drawings replace it].
 */
export const NEW_BUILD_STOREY_METERS = 3.6;

/** Id of the new volume built on a plot: not a building id of the package, so never assessed. */
export const newBuildVolumeId = (reuseSpaceId: string) => `reuse:${reuseSpaceId}`;

/** The volumes of floors and elevators added to one building (floors first: shafts rise above the raised roof). */
export function additionVolumes(building: Building, changes: readonly BuildingChange[]): Volume[] {
  const floors = changes.reduce((sum, c) => sum + (c.kind === 'floors' ? c.floors : 0), 0);
  const raised = floors > 0 ? addedFloorsVolume(building, floors) : null;
  const shafts = changes.some((c) => c.kind === 'elevator')
    ? elevatorShaftVolumes(raised ? { ...building, heightMeters: raised.heightMeters } : building)
    : [];
  return [...(raised ? [raised] : []), ...shafts];
}

/** The volumes a plan builds in a community, and the buildings it changes. */
export function planSunlightVolumes(community: Pick<Community, 'buildings' | 'reuse'>, plan: SunlightPlanInput): PlanVolumes {
  const spaces = new Map(community.reuse.map((r) => [r.id, r]));
  const volumes: Volume[] = [];
  const built = new Set<string>();
  for (const { candidateId } of plan.conversions) {
    const space = spaces.get(candidateId);
    if (!space || space.buildingId !== undefined || space.kind === 'idle-property' || built.has(space.id)) continue;
    built.add(space.id);
    const storeys = Math.max(1, Math.round(space.floors ?? 1));
    volumes.push({ id: newBuildVolumeId(space.id), footprint: space.footprint, heightMeters: storeys * NEW_BUILD_STOREY_METERS });
  }
  const newBuilds = volumes.length;
  const changesOf = new Map<string, BuildingChange[]>();
  for (const a of plan.additions ?? []) changesOf.set(a.buildingId, [...(changesOf.get(a.buildingId) ?? []), a.change]);
  const byId = new Map(community.buildings.map((b) => [b.id, b]));
  const changed: string[] = [];
  for (const [id, changes] of changesOf) {
    const building = byId.get(id);
    if (!building) continue;
    volumes.push(...additionVolumes(building, changes));
    changed.push(id);
  }
  const elevatorsOnly =
    volumes.length > 0 && newBuilds === 0 && (plan.additions ?? []).every((a) => a.change.kind === 'elevator' || !byId.has(a.buildingId));
  return { volumes, changed: changed.sort(), elevatorsOnly };
}

export interface DropByBuilding {
  buildingId: string;
  /** Homes of the building that met the rule before and do not after. */
  homes: number;
  /** Residents in them, estimated from the building's aggregates (raw: suppress before showing). */
  residents: number;
}

/**
 * The homes falling below the rule, per neighbour building, and the residents in them estimated as
 * homeSunlight.ts does for failing homes: the building's residents × its occupied homes that drop /
 * its occupied homes. Per-building aggregates only, no person rows.
 */
export function dropsByBuilding(
  community: Pick<Community, 'houses'>,
  comparison: Pick<SunlightComparison, 'homesDroppingBelow'>,
  summaries?: ReadonlyMap<string, BuildingSummary>,
): DropByBuilding[] {
  const dropping = new Set(comparison.homesDroppingBelow.map((h) => h.houseId));
  const perBuilding = new Map<string, { homes: number; occupiedDropping: number; occupied: number }>();
  const isHome = (h: House) => h.use === 'residential';
  for (const h of community.houses) {
    if (!isHome(h)) continue;
    const entry = perBuilding.get(h.buildingId) ?? { homes: 0, occupiedDropping: 0, occupied: 0 };
    const occupied = h.occupancy !== 'vacant';
    if (occupied) entry.occupied++;
    if (dropping.has(h.id)) {
      entry.homes++;
      if (occupied) entry.occupiedDropping++;
    }
    perBuilding.set(h.buildingId, entry);
  }
  return [...perBuilding.entries()]
    .filter(([, e]) => e.homes > 0)
    .map(([buildingId, e]) => ({
      buildingId,
      homes: e.homes,
      residents: e.occupied > 0 ? Math.round(((summaries?.get(buildingId)?.residents ?? 0) * e.occupiedDropping) / e.occupied) : 0,
    }))
    .sort((a, b) => b.homes - a.homes || a.buildingId.localeCompare(b.buildingId));
}
