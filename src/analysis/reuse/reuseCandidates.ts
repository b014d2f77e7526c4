import { polygonAreaM2 } from '../../core/geo/localFrame';
import { ringCentroid } from '../../core/geo/polygon';
import type { Building, Community, LonLat, OwnerType, ReuseKind, ReuseSpace } from '../../core/model/types';
import { checkCategories, checkHub, type CandidateSpace, type CategoryFeasibility, type HubFeasibility } from './feasibility';
import { DEFAULT_REUSE_RULES, householdsOf, resolveReuseRules, type ReuseRuleSet } from './reuseRules';

/**
 * Where a facility could go (存量空间): every reuse space of the package (闲置房产, 插花地, 边角地,
 * 低效地), plus every building marked idle or low-use that no reuse space already stands for
 * (ReuseSpace.buildingId), each with what it can host under the reuse rules.
 */
export type CandidateSource = 'reuse-space' | 'building';
/** A reuse space's kind; an idle building reads as 'idle-property', a low-use one as 'low-use-property'. */
export type CandidateKind = ReuseKind | 'low-use-property';

/**
 * How areaM2 was obtained:
 * - 'site-area-x-floors': a reuse space's areaM2 is its footprint (the sample package writes the
 *   polygon's area), so its floor area is that times its floors (the building's when not given);
 * - 'plot-single-storey': a plot without floors: a single-storey new build covering it is assumed;
 * - 'building-gross-floor-area': a building's grossFloorAreaM2.
 */
export type AreaBasis = 'site-area-x-floors' | 'plot-single-storey' | 'building-gross-floor-area';

export interface ReuseCandidate extends CandidateSpace {
  id: string;
  source: CandidateSource;
  kind: CandidateKind;
  name?: string;
  areaBasis: AreaBasis;
  /** Footprint or plot area, m². */
  siteAreaM2: number;
  /** null for buildings: the building layer records no owner, and none is guessed (check the 权 records). */
  ownerType: OwnerType | null;
  /** Centroid of the footprint (vertex average), where the facility is attached to the walking network. */
  position: LonLat;
  buildingId?: string;
  /** What the space is used for now (a reuse space's currentUse, a building's use). */
  currentUse?: string;
  /** One entry per category of the reuse rules, in rule order. */
  feasible: CategoryFeasibility[];
  hub: HubFeasibility;
}

export function reuseCandidates(
  community: Pick<Community, 'buildings' | 'reuse' | 'houses'>,
  bundled: ReuseRuleSet = DEFAULT_REUSE_RULES,
): ReuseCandidate[] {
  // Areas per household (社区综合服务站: 30 m² per 100 households) become this community's areas.
  const rules = resolveReuseRules(bundled, householdsOf(community));
  const buildingById = new Map(community.buildings.map((b) => [b.id, b]));
  const represented = new Set(community.reuse.map((r) => r.buildingId).filter((id): id is string => id !== undefined));
  const spaces = community.reuse.map((r) => fromReuseSpace(r, r.buildingId !== undefined ? buildingById.get(r.buildingId) : undefined));
  const buildings = community.buildings
    .filter((b) => (b.idleStatus === 'idle' || b.idleStatus === 'low-use') && !represented.has(b.id))
    .map(fromBuilding);
  return [...spaces, ...buildings].map((base) => {
    const feasible = checkCategories(base, rules);
    return { ...base, feasible, hub: checkHub(base, feasible, rules) };
  });
}

type CandidateBase = Omit<ReuseCandidate, 'feasible' | 'hub'>;

function fromReuseSpace(r: ReuseSpace, building: Building | undefined): CandidateBase {
  const floors = r.floors ?? building?.floors ?? 1;
  const isPlot = r.kind !== 'idle-property';
  return {
    id: r.id,
    source: 'reuse-space',
    kind: r.kind,
    ...(r.name !== undefined ? { name: r.name } : {}),
    areaM2: r.areaM2 * floors,
    areaBasis: r.floors === undefined && !building ? 'plot-single-storey' : 'site-area-x-floors',
    siteAreaM2: r.areaM2,
    floors,
    // A plot is at grade; idle property says so or is unknown.
    groundFloorAccess: r.groundFloorAccess ?? (isPlot ? true : null),
    hasElevator: building?.hasElevator ?? false,
    ownerType: r.ownerType,
    position: ringCentroid(r.footprint),
    ...(r.buildingId !== undefined ? { buildingId: r.buildingId } : {}),
    ...(r.currentUse !== undefined ? { currentUse: r.currentUse } : {}),
  };
}

function fromBuilding(b: Building): CandidateBase {
  return {
    id: b.id,
    source: 'building',
    kind: b.idleStatus === 'idle' ? 'idle-property' : 'low-use-property',
    ...(b.name !== undefined ? { name: b.name } : {}),
    areaM2: b.grossFloorAreaM2,
    areaBasis: 'building-gross-floor-area',
    siteAreaM2: polygonAreaM2(b.footprint),
    floors: b.floors,
    // Converting a whole building includes its ground floor and its own entrance.
    groundFloorAccess: true,
    hasElevator: b.hasElevator,
    ownerType: null,
    position: ringCentroid(b.footprint),
    buildingId: b.id,
    currentUse: b.use,
  };
}
