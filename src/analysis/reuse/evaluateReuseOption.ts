import { DeveloperError } from '../../core/errors';
import type { CapacityUnit, FacilityCategory, LonLat } from '../../core/model/types';
import { buildEdgeGridIndex } from '../network/edgeIndex';
import { createShortestPathWorkspace } from '../network/shortestPaths';
import { groupPointsByEdge } from '../service-circles/capacity';
import { coverageOf, type CategoryCoverage, type ServiceCoverage } from '../service-circles/computeServiceCoverage';
import type { TargetPopulation } from '../service-circles/rules';
import { nearbyNetwork, walksNearPoint, type NearbyNetwork } from './nearbyWalks';
import { DEFAULT_REUSE_RULES, reuseRuleFor, type ReuseRuleSet } from './reuseRules';
import type { PointWalk, PointWalkOptions } from './walkFromPoint';

/**
 * What if a facility of one category opened at one place? Incremental: the new point is attached
 * to the base coverage's graph and ONE single-source search runs from it; each building's walk
 * becomes min(before, from the new point). The search stops at the farthest distance that can change
 * the answer — the rule's distance (the new facility's catchment) or the longest walk today among the
 * buildings that could gain (farthestChange) — and only the buildings on
 * the edges it reached are read (nearbyWalks.ts), so a candidate costs milliseconds in a city. The
 * gain is read against the base: buildings and target residents newly within each 5/10/15-minute
 * circle (300/500/1,000 m) and newly within the rule's distance, equal to the difference of two full
 * service-circle runs with and without the facility (tests/unit/analysis/reuse/evaluateReuseOption.test.ts
 * checks this on a grid and on the sample, and that it equals reading a whole-network walk).
 */
export interface ReuseOption {
  position: LonLat;
  category: FacilityCategory;
  /** Floor area the facility may use, m² (CategoryFeasibility.usableAreaM2); needed for its capacity. */
  usableAreaM2?: number;
}

export interface EvaluateReuseOptions extends PointWalkOptions {
  reuseRules?: ReuseRuleSet;
  /** The walk from the position, when already computed (e.g. one per candidate for every category). */
  walk?: PointWalk;
  /** Per building: the walk to the category before, metres; default the base coverage's. */
  beforeWalkDistanceMeters?: Float64Array;
  /** The buildings by edge, edge index and search workspace for many candidates; default one kept per coverage's buildings. */
  nearby?: NearbyNetwork;
}

export interface BandGain {
  /** The living circle (band) id, e.g. "5min". */
  band: string;
  /** Its nominal minutes (the standard's name: 5, 10, 15). */
  minutes: number;
  /** Its walking distance, metres (GB 50180-2018 Table 3.0.4). */
  maxDistanceMeters: number;
  /** Counted buildings (homes) newly within the band. */
  buildingsNewlyWithin: number;
  /** Target residents newly within the band; null when the population is unknown. */
  targetPopulationNewlyWithin: number | null;
}

export interface GainingBuilding {
  building: number;
  id?: string;
  /** Infinity when there was no reachable facility before. */
  beforeSeconds: number;
  afterSeconds: number;
}

/**
 * Places the new facility offers against the demand in its own catchment (target residents within
 * the rule's distance of it × places per person): balance > 0 is spare places, < 0 a shortfall.
 */
export interface CapacityBalance {
  unit: CapacityUnit;
  places: number;
  demandPerTargetPerson: number;
  demandInCatchment: number;
  newlyCoveredDemand: number;
  balance: number;
  source: string;
}

export interface ReuseOptionGain {
  category: FacilityCategory;
  targetPopulation: TargetPopulation;
  thresholdMeters: number;
  walkSpeedMetersPerSecond: number;
  /** False when the position is off the network (the gain is then zero). */
  attached: boolean;
  unattachedReason: string | null;
  bands: BandGain[];
  buildingsNewlyWithinThreshold: number;
  /** Counted buildings newly within the threshold (indices into the coverage's buildings). */
  newlyCoveredBuildings: number[];
  targetPopulationNewlyWithinThreshold: number | null;
  /** Counted buildings whose walk gets shorter, in building order. */
  gainingBuildings: GainingBuilding[];
  /** Per building: the walk after the facility opens, metres. */
  afterWalkDistanceMeters: Float64Array;
  capacity: CapacityBalance | null;
  capacityUnavailableReason: string | null;
  relaxations: number;
}

export function evaluateReuseOption(coverage: ServiceCoverage, option: ReuseOption, options: EvaluateReuseOptions = {}): ReuseOptionGain {
  const c = coverageOf(coverage, option.category);
  if (!c) throw new DeveloperError(`the base coverage has no category "${option.category}"; compute it first`);
  const before = options.beforeWalkDistanceMeters ?? c.walkDistanceMeters;
  const near = options.walk ? everyBuilding(coverage, options.walk) : nearbyWalksFor(coverage, c, option, before, options);
  const after = before.slice();
  for (let i = 0; i < near.walkMeters.length; i++) {
    const b = near.buildings ? near.buildings[i] : i;
    after[b] = Math.min(before[b], near.walkMeters[i]);
  }
  const gain = compareWalks(coverage, c, before, after, near.buildings);
  const capacity = capacityBalance(
    coverage,
    c,
    option,
    near,
    gain.targetPopulationNewlyWithinThreshold,
    options.reuseRules ?? DEFAULT_REUSE_RULES,
  );
  return {
    category: option.category,
    targetPopulation: c.rule.targetPopulation,
    thresholdMeters: c.rule.maxDistanceMeters,
    walkSpeedMetersPerSecond: coverage.walkSpeedMetersPerSecond,
    attached: near.attached.edge[0] >= 0,
    unattachedReason: near.attached.unreachable[0]?.reason ?? null,
    ...gain,
    afterWalkDistanceMeters: after,
    ...capacity,
    relaxations: near.relaxations,
  };
}

/** Buildings to read with their walks from the new point, in building order. */
interface WalksToRead {
  attached: PointWalk['attached'];
  /** The buildings read (ascending); null: every building, walkMeters indexed by building. */
  buildings: ArrayLike<number> | null;
  walkMeters: ArrayLike<number>;
  relaxations: number;
}

/** A walk computed beforehand covers every building: all of them are read. */
function everyBuilding(coverage: ServiceCoverage, walk: PointWalk): WalksToRead {
  if (walk.walkDistanceMeters.length !== coverage.buildings.count) throw new DeveloperError('the walk is for another set of buildings');
  return { attached: walk.attached, buildings: null, walkMeters: walk.walkDistanceMeters, relaxations: walk.relaxations };
}

/** Per coverage's buildings (kept while they are): what the bounded searches reuse from one candidate to the next. */
const nearbyNetworks = new WeakMap<object, NearbyNetwork>();

function nearbyWalksFor(
  coverage: ServiceCoverage,
  c: CategoryCoverage,
  option: ReuseOption,
  before: Float64Array,
  options: EvaluateReuseOptions,
): WalksToRead {
  const { graph, buildings } = coverage;
  let network = options.nearby ?? nearbyNetworks.get(buildings);
  if (!network || network.graph !== graph || network.buildings !== buildings) {
    network = nearbyNetwork(
      graph,
      buildings,
      groupPointsByEdge(graph.edgeCount, buildings),
      options.edgeIndex ?? buildEdgeGridIndex(graph),
      createShortestPathWorkspace(graph.nodeCount),
    );
    nearbyNetworks.set(buildings, network);
  }
  const bound = Math.min(options.cutoffMeters ?? Infinity, farthestChange(network, option.position, before, c.rule.maxDistanceMeters));
  // The network keeps its own workspace (options.workspace served the whole-network walk).
  return walksNearPoint(network, option.position, bound, {
    ...(options.maxSnapMeters !== undefined ? { maxSnapMeters: options.maxSnapMeters } : {}),
    ...(options.queue ? { queue: options.queue } : {}),
  });
}

/**
 * A walk is never shorter than the straight line; taken as this share of the planar distance in the
 * edge index's frame (less a metre) it stays below it across a city several hundred km wide, whose
 * frame is off by well under 5 % at its edges.
 */
const STRAIGHT_LINE_SHARE = 0.95;

/** Per network: its buildings' planar positions in the edge index's frame, metres (x, y interleaved). */
const buildingPlanes = new WeakMap<NearbyNetwork, Float64Array>();

/**
 * How far the search from the new point must reach so that no change is missed: the rule's distance
 * (the new facility's catchment) or the longest walk today among the buildings that could get a shorter
 * one — those farther from the point in a straight line than their walk today cannot. Without the
 * straight-line test this is the city's longest walk (2.2 km on the benchmark city); with it, the
 * longest walk near the point.
 */
function farthestChange(network: NearbyNetwork, position: LonLat, before: Float64Array, threshold: number): number {
  const { buildings, edgeIndex: frame } = network;
  let xy = buildingPlanes.get(network);
  if (!xy) {
    xy = new Float64Array(buildings.count * 2);
    for (let b = 0; b < buildings.count; b++) {
      xy[2 * b] = (buildings.pointLonLat[2 * b] - frame.originLonLat[0]) * frame.metersPerDegreeLon;
      xy[2 * b + 1] = (buildings.pointLonLat[2 * b + 1] - frame.originLonLat[1]) * frame.metersPerDegreeLat;
    }
    buildingPlanes.set(network, xy);
  }
  const px = (position[0] - frame.originLonLat[0]) * frame.metersPerDegreeLon;
  const py = (position[1] - frame.originLonLat[1]) * frame.metersPerDegreeLat;
  let farthest = threshold;
  for (let b = 0; b < before.length; b++) {
    const today = before[b];
    if (!(today > farthest) || buildings.edge[b] < 0) continue;
    const dx = xy[2 * b] - px;
    const dy = xy[2 * b + 1] - py;
    if (today > STRAIGHT_LINE_SHARE * Math.sqrt(dx * dx + dy * dy) - 1) farthest = today;
  }
  return farthest;
}

/**
 * The gain from `before` to `after` (after ≤ before everywhere), counted as computeServiceCoverage's
 * summary counts: buildings only where counted (homes), residents of every building, bands and the
 * threshold on metres; seconds (metres / speed) only for the gaining buildings' walk times. `read`:
 * the only buildings whose walk may have changed, ascending (default every building); the sums then add
 * in the same order as over every building, so the figures are the same to the last bit.
 */
export function compareWalks(
  coverage: Pick<ServiceCoverage, 'walkSpeedMetersPerSecond' | 'bands' | 'countedBuildings' | 'population' | 'buildingIds'>,
  c: Pick<CategoryCoverage, 'rule'>,
  before: Float64Array,
  after: Float64Array,
  read: ArrayLike<number> | null = null,
): Pick<
  ReuseOptionGain,
  'bands' | 'buildingsNewlyWithinThreshold' | 'newlyCoveredBuildings' | 'targetPopulationNewlyWithinThreshold' | 'gainingBuildings'
> {
  const speed = coverage.walkSpeedMetersPerSecond;
  const bands = coverage.bands;
  const threshold = c.rule.maxDistanceMeters;
  const population = coverage.population[c.rule.targetPopulation];
  const counted = coverage.countedBuildings;
  const buildingsInBand = bands.map(() => 0);
  const populationInBand = bands.map(() => 0);
  const newlyCoveredBuildings: number[] = [];
  const gainingBuildings: GainingBuilding[] = [];
  let populationNewlyWithin = 0;
  const count = read ? read.length : before.length;
  for (let i = 0; i < count; i++) {
    const b = read ? read[i] : i;
    if (!(after[b] < before[b])) continue;
    const sBefore = before[b] / speed;
    const sAfter = after[b] / speed;
    const p = population ? population[b] : 0;
    for (let k = 0; k < bands.length; k++) {
      const limit = bands[k].maxDistanceMeters;
      if (after[b] <= limit && !(before[b] <= limit)) {
        if (counted[b]) buildingsInBand[k]++;
        populationInBand[k] += p;
      }
    }
    if (after[b] <= threshold && !(before[b] <= threshold)) {
      if (counted[b]) newlyCoveredBuildings.push(b);
      populationNewlyWithin += p;
    }
    if (counted[b]) {
      const id = coverage.buildingIds?.[b];
      gainingBuildings.push({ building: b, ...(id !== undefined ? { id } : {}), beforeSeconds: sBefore, afterSeconds: sAfter });
    }
  }
  return {
    bands: bands.map((band, k) => ({
      band: band.id,
      minutes: band.minutes,
      maxDistanceMeters: band.maxDistanceMeters,
      buildingsNewlyWithin: buildingsInBand[k],
      targetPopulationNewlyWithin: population ? populationInBand[k] : null,
    })),
    buildingsNewlyWithinThreshold: newlyCoveredBuildings.length,
    newlyCoveredBuildings,
    targetPopulationNewlyWithinThreshold: population ? populationNewlyWithin : null,
    gainingBuildings,
  };
}

function capacityBalance(
  coverage: ServiceCoverage,
  c: CategoryCoverage,
  option: ReuseOption,
  fromNew: WalksToRead,
  newlyCovered: number | null,
  rules: ReuseRuleSet,
): { capacity: CapacityBalance | null; capacityUnavailableReason: string | null } {
  const rule = reuseRuleFor(rules, option.category)?.capacity;
  const population = coverage.population[c.rule.targetPopulation];
  const none = (reason: string) => ({ capacity: null, capacityUnavailableReason: reason });
  if (!rule) return none('the reuse rules give no floor area per place for this category');
  if (option.usableAreaM2 === undefined) return none('no usable floor area given');
  if (!population || newlyCovered === null) return none(`population ${c.rule.targetPopulation} is unknown`);
  // One place per target resident unless the service rule says otherwise (its 2SFCA demand).
  const demandPerTargetPerson = c.rule.capacity?.demandPerTargetPerson ?? 1;
  let inCatchment = 0;
  for (let i = 0; i < fromNew.walkMeters.length; i++)
    if (fromNew.walkMeters[i] <= c.rule.maxDistanceMeters) inCatchment += population[fromNew.buildings ? fromNew.buildings[i] : i];
  const places = Math.floor(option.usableAreaM2 / rule.floorAreaM2PerUnit);
  const demandInCatchment = inCatchment * demandPerTargetPerson;
  return {
    capacity: {
      unit: rule.unit,
      places,
      demandPerTargetPerson,
      demandInCatchment,
      newlyCoveredDemand: newlyCovered * demandPerTargetPerson,
      balance: places - demandInCatchment,
      source: rule.source,
    },
    capacityUnavailableReason: null,
  };
}
