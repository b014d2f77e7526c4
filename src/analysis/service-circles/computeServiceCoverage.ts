import { DeveloperError } from '../../core/errors';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../core/model/types';
import type { AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import { createShortestPathWorkspace, shortestPathTree, type QueueKind, type ShortestPathWorkspace } from '../network/shortestPaths';
import { computeCapacityCoverage, groupPointsByEdge, type CapacityCoverage, type PointsByEdge } from './capacity';
import type { PopulationByTarget } from './population';
import type { ServiceBand, ServiceRule, ServiceRuleSet, TargetPopulation } from './rules';

/**
 * 5/10/15-minute public-service circles: for each facility category, one multi-source Dijkstra from
 * all facilities of the category gives every building its walk to the NEAREST facility (and which
 * one), every network node its distance (to draw reached streets by band) and a predecessor tree (to
 * draw the route on demand). Pure: typed arrays in, typed arrays out; the worker, the CLI and the
 * tests all call this function.
 */
export interface ServiceCoverageInput {
  graph: WalkGraph;
  /** Buildings attached to the graph (footprint centroids). */
  buildings: AttachedPoints;
  /** Facilities attached to the graph. */
  facilities: AttachedPoints;
  /** Per facility: index into FACILITY_CATEGORIES. */
  facilityCategory: Uint8Array;
  /** Per facility: capacity in the category's unit (places, beds …), NaN when unknown. */
  facilityCapacity?: Float64Array;
  /** Residents per building by target population; omit (or omit a target) when unknown. */
  population?: PopulationByTarget;
  /** 1 = the building counts in building shares (homes); default every building counts. */
  countedBuildings?: Uint8Array;
  rules: ServiceRuleSet;
  /** Walking speed, m/s; default the rule set's (1.0 m/s). */
  walkSpeedMetersPerSecond?: number;
  /** Categories to compute, in this order; default every category that has a rule, in rule order. */
  categories?: readonly FacilityCategory[];
  /** Stop searches beyond this walk (metres); farther buildings read as unreachable. Default: no limit. */
  cutoffMeters?: number;
  /** Keep per-node distance / predecessor / facility arrays (for bands and routes); default true. */
  keepNodeArrays?: boolean;
  /** Priority queue of the searches; default 'auto' (see shortestPaths.ts). Same results either way. */
  queue?: QueueKind;
  /** Input ids, carried through for reports (optional). */
  buildingIds?: string[];
  facilityIds?: string[];
}

export interface ProgressEvent {
  category: FacilityCategory;
  /** Categories finished so far, this one included. */
  completed: number;
  total: number;
}

export interface CoverageSummary {
  /** Buildings counted in the shares (homes). */
  buildingsCounted: number;
  /** Counted buildings with no walking route to any facility of the category. */
  buildingsUnreachable: number;
  /** Counted buildings within each living circle (band, by walking distance; same order as the bands). */
  buildingsWithinBands: number[];
  buildingsWithinThreshold: number;
  shareBuildingsWithinBands: (number | null)[];
  /** Counted buildings within the rule's maxDistanceMeters / counted buildings; null when none counted. */
  shareBuildingsWithinThreshold: number | null;
  targetPopulation: TargetPopulation;
  /** Residents of the target population; null when population is unknown. */
  targetPopulationTotal: number | null;
  targetPopulationWithinBands: number[] | null;
  targetPopulationWithinThreshold: number | null;
  /** Target residents farther than the threshold (or unreachable). */
  uncoveredTargetPopulation: number | null;
  /** null when unknown or when nobody of the target population lives there. */
  shareTargetPopulationWithinThreshold: number | null;
  /** Longest walk of a counted, reachable building, metres (0 when none). */
  maxWalkDistanceMeters: number;
}

/** How a building's route leaves its edge: via the edge's start node, its end node, or straight along it. */
export const ROUTE_VIA_START = 0;
export const ROUTE_VIA_END = 1;
export const ROUTE_SAME_EDGE = 2;

export interface CategoryCoverage {
  category: FacilityCategory;
  rule: ServiceRule;
  /** Facilities of this category (indices into the input facilities). */
  facilityIndices: Int32Array;
  /** Of which attached to the network. */
  attachedFacilityCount: number;
  /** Per building: walk to the nearest facility, metres; Infinity when unreachable or none exists. */
  walkDistanceMeters: Float64Array;
  /** Per building: the same walk in seconds at the speed used. */
  walkSeconds: Float64Array;
  /** Per building: index of the nearest facility, −1 when none is reachable. */
  nearestFacility: Int32Array;
  /** Per building: ROUTE_VIA_START / ROUTE_VIA_END / ROUTE_SAME_EDGE, −1 when unreachable. */
  routeVia: Int8Array;
  /** Per node: metres from the nearest facility (Infinity unreached); null unless keepNodeArrays. */
  nodeDistanceMeters: Float64Array | null;
  /** Per node: previous node towards the nearest facility, −1 at its link nodes. */
  nodePredecessor: Int32Array | null;
  /** Per node: the facility it is nearest to, −1 unreached. */
  nodeFacility: Int32Array | null;
  summary: CoverageSummary;
  /** Capacity-aware coverage (2SFCA), or null with the reason in capacityUnavailableReason. */
  capacity: CapacityCoverage | null;
  capacityUnavailableReason: string | null;
  /** Edge relaxations of this category's searches. */
  relaxations: number;
}

export interface ServiceCoverage {
  walkSpeedMetersPerSecond: number;
  /** The living circles as distances (GB 50180-2018 Table 3.0.4), nearest first. */
  bands: ServiceBand[];
  graph: WalkGraph;
  buildings: AttachedPoints;
  facilities: AttachedPoints;
  facilityCategory: Uint8Array;
  countedBuildings: Uint8Array;
  /** Targets whose population was given. */
  populationKnown: TargetPopulation[];
  population: PopulationByTarget;
  buildingIds?: string[];
  facilityIds?: string[];
  categories: CategoryCoverage[];
  /** Edge relaxations of all searches. */
  relaxations: number;
}

export function computeServiceCoverage(input: ServiceCoverageInput, onProgress?: (event: ProgressEvent) => void): ServiceCoverage {
  const { graph, buildings, facilities, rules } = input;
  const speed = input.walkSpeedMetersPerSecond ?? rules.walkSpeedMetersPerSecond;
  if (!(speed > 0)) throw new DeveloperError(`walkSpeedMetersPerSecond must be > 0, got ${speed}`);
  if (input.facilityCategory.length !== facilities.count) {
    throw new DeveloperError(`facilityCategory has ${input.facilityCategory.length} entries for ${facilities.count} facilities`);
  }
  const categories = input.categories ?? rules.rules.map((r) => r.category);
  const counted = input.countedBuildings ?? new Uint8Array(buildings.count).fill(1);
  const population = input.population ?? {};
  const keepNodes = input.keepNodeArrays ?? true;
  const workspace = createShortestPathWorkspace(graph.nodeCount);
  const buildingsByEdge = groupPointsByEdge(graph.edgeCount, buildings);

  const results: CategoryCoverage[] = [];
  let totalRelaxations = 0;
  categories.forEach((category, k) => {
    const rule = rules.rules.find((r) => r.category === category);
    if (!rule) throw new DeveloperError(`no service rule for category "${category}"`);
    const result = coverCategory(input, rule, speed, counted, population, keepNodes, workspace, buildingsByEdge);
    totalRelaxations += result.relaxations;
    results.push(result);
    onProgress?.({ category, completed: k + 1, total: categories.length });
  });

  return {
    walkSpeedMetersPerSecond: speed,
    bands: rules.bands.map((b) => ({ ...b })),
    graph,
    buildings,
    facilities,
    facilityCategory: input.facilityCategory,
    countedBuildings: counted,
    populationKnown: (Object.keys(population) as TargetPopulation[]).filter((t) => population[t] !== undefined),
    population,
    ...(input.buildingIds ? { buildingIds: input.buildingIds } : {}),
    ...(input.facilityIds ? { facilityIds: input.facilityIds } : {}),
    categories: results,
    relaxations: totalRelaxations,
  };
}

function coverCategory(
  input: ServiceCoverageInput,
  rule: ServiceRule,
  speed: number,
  counted: Uint8Array,
  population: PopulationByTarget,
  keepNodes: boolean,
  workspace: ShortestPathWorkspace,
  buildingsByEdge: PointsByEdge,
): CategoryCoverage {
  const { graph, buildings, facilities } = input;
  const categoryIndex = FACILITY_CATEGORIES.indexOf(rule.category);
  const members: number[] = [];
  for (let f = 0; f < facilities.count; f++) if (input.facilityCategory[f] === categoryIndex) members.push(f);
  const facilityIndices = Int32Array.from(members);

  // Each attached facility is a virtual node: two sources, its edge's ends, at their link lengths.
  const sourceNodes: number[] = [];
  const sourceMeters: number[] = [];
  const sourceLabels: number[] = [];
  const facilitiesOnEdge = new Map<number, number[]>();
  for (const f of members) {
    const e = facilities.edge[f];
    if (e < 0) continue;
    sourceNodes.push(graph.edgeNodes[2 * e], graph.edgeNodes[2 * e + 1]);
    sourceMeters.push(facilities.toStartMeters[f], facilities.toEndMeters[f]);
    sourceLabels.push(f, f);
    const list = facilitiesOnEdge.get(e);
    if (list) list.push(f);
    else facilitiesOnEdge.set(e, [f]);
  }
  const attachedFacilityCount = sourceNodes.length / 2;

  const n = buildings.count;
  const walkDistanceMeters = new Float64Array(n).fill(Infinity);
  const nearestFacility = new Int32Array(n).fill(-1);
  const routeVia = new Int8Array(n).fill(-1);
  let nodeDistanceMeters: Float64Array | null = null;
  let nodePredecessor: Int32Array | null = null;
  let nodeFacility: Int32Array | null = null;
  let relaxations = 0;

  if (attachedFacilityCount > 0) {
    const tree = shortestPathTree(
      graph,
      { nodes: sourceNodes, initialMeters: sourceMeters, labels: sourceLabels },
      {
        workspace,
        ...(input.cutoffMeters !== undefined ? { cutoffMeters: input.cutoffMeters } : {}),
        ...(input.queue ? { queue: input.queue } : {}),
      },
    );
    relaxations += tree.relaxations;
    const dist = tree.distanceMeters;
    const label = tree.sourceLabel;
    // Buildings edge by edge (not in input order), so the node distances are read in memory order.
    for (let k = 0; k < buildingsByEdge.items.length; k++) {
      const b = buildingsByEdge.items[k];
      const e = buildings.edge[b];
      const start = graph.edgeNodes[2 * e];
      const end = graph.edgeNodes[2 * e + 1];
      const viaStart = dist[start] + buildings.toStartMeters[b];
      const viaEnd = dist[end] + buildings.toEndMeters[b];
      let best = Infinity;
      if (viaStart <= viaEnd && viaStart < Infinity) {
        best = viaStart;
        nearestFacility[b] = label[start];
        routeVia[b] = ROUTE_VIA_START;
      } else if (viaEnd < Infinity) {
        best = viaEnd;
        nearestFacility[b] = label[end];
        routeVia[b] = ROUTE_VIA_END;
      }
      // A facility on the building's own edge: straight along the edge, not via a corner.
      const sameEdge = facilitiesOnEdge.get(e);
      if (sameEdge) {
        for (const f of sameEdge) {
          const d =
            buildings.connectorMeters[b] +
            Math.abs(buildings.fraction[b] - facilities.fraction[f]) * graph.edgeLengthsMeters[e] +
            facilities.connectorMeters[f];
          if (d < best) {
            best = d;
            nearestFacility[b] = f;
            routeVia[b] = ROUTE_SAME_EDGE;
          }
        }
      }
      if (input.cutoffMeters !== undefined && best > input.cutoffMeters) {
        best = Infinity;
        nearestFacility[b] = -1;
        routeVia[b] = -1;
      }
      walkDistanceMeters[b] = best;
    }
    if (keepNodes) {
      nodeDistanceMeters = dist.slice();
      nodePredecessor = tree.predecessor.slice();
      nodeFacility = label.slice();
    }
  } else if (keepNodes) {
    nodeDistanceMeters = new Float64Array(graph.nodeCount).fill(Infinity);
    nodePredecessor = new Int32Array(graph.nodeCount).fill(-1);
    nodeFacility = new Int32Array(graph.nodeCount).fill(-1);
  }

  const walkSeconds = new Float64Array(n);
  for (let b = 0; b < n; b++) walkSeconds[b] = walkDistanceMeters[b] / speed;

  const summary = summariseCoverage(rule, walkDistanceMeters, bandDistances(input.rules.bands), counted, population[rule.targetPopulation]);

  let capacity: CapacityCoverage | null = null;
  let capacityUnavailableReason: string | null = null;
  const targetPopulation = population[rule.targetPopulation];
  if (!rule.capacity) capacityUnavailableReason = 'the rule has no capacity standard';
  else if (!targetPopulation) capacityUnavailableReason = `population ${rule.targetPopulation} is unknown`;
  else if (members.length === 0) capacityUnavailableReason = 'no facility of this category';
  else if (members.some((f) => !(input.facilityCapacity && input.facilityCapacity[f] >= 0))) {
    capacityUnavailableReason = 'some facilities of this category have no capacity';
  } else {
    const result = computeCapacityCoverage({
      graph,
      buildings,
      facilities,
      facilityIndices: members,
      facilityCapacity: input.facilityCapacity!,
      targetPopulation,
      thresholdMeters: rule.maxDistanceMeters,
      demandPerTargetPerson: rule.capacity.demandPerTargetPerson,
      unit: rule.capacity.unit,
      workspace,
      buildingsByEdge,
      ...(input.queue ? { queue: input.queue } : {}),
    });
    capacity = result;
    relaxations += result.relaxations;
  }

  return {
    category: rule.category,
    rule,
    facilityIndices,
    attachedFacilityCount,
    walkDistanceMeters,
    walkSeconds,
    nearestFacility,
    routeVia,
    nodeDistanceMeters,
    nodePredecessor,
    nodeFacility,
    summary,
    capacity,
    capacityUnavailableReason,
    relaxations,
  };
}

/** The bands' distances, nearest first. */
export const bandDistances = (bands: readonly Pick<ServiceBand, 'maxDistanceMeters'>[]): number[] => bands.map((b) => b.maxDistanceMeters);

/**
 * A category's coverage summary from per-building walks (metres): what is counted, within the rule's
 * distance and each band's distance, and of whom. Distances only: the walking speed changes the
 * minutes shown, never who is inside a circle.
 */
export function summariseCoverage(
  rule: ServiceRule,
  walkDistanceMeters: Float64Array,
  bandsMeters: readonly number[],
  counted: Uint8Array,
  targetPopulation: Float64Array | undefined,
): CoverageSummary {
  let buildingsCounted = 0;
  let buildingsUnreachable = 0;
  let buildingsWithinThreshold = 0;
  let maxWalk = 0;
  const buildingsWithinBands = bandsMeters.map(() => 0);
  const popBands = bandsMeters.map(() => 0);
  let popTotal = 0;
  let popWithin = 0;
  for (let b = 0; b < walkDistanceMeters.length; b++) {
    const d = walkDistanceMeters[b];
    const within = d <= rule.maxDistanceMeters;
    if (counted[b]) {
      buildingsCounted++;
      if (d === Infinity) buildingsUnreachable++;
      else if (d > maxWalk) maxWalk = d;
      if (within) buildingsWithinThreshold++;
      for (let k = 0; k < bandsMeters.length; k++) if (d <= bandsMeters[k]) buildingsWithinBands[k]++;
    }
    if (targetPopulation) {
      const p = targetPopulation[b];
      popTotal += p;
      if (within) popWithin += p;
      for (let k = 0; k < bandsMeters.length; k++) if (d <= bandsMeters[k]) popBands[k] += p;
    }
  }
  const share = (x: number, total: number) => (total > 0 ? x / total : null);
  return {
    buildingsCounted,
    buildingsUnreachable,
    buildingsWithinBands,
    buildingsWithinThreshold,
    shareBuildingsWithinBands: buildingsWithinBands.map((x) => share(x, buildingsCounted)),
    shareBuildingsWithinThreshold: share(buildingsWithinThreshold, buildingsCounted),
    targetPopulation: rule.targetPopulation,
    targetPopulationTotal: targetPopulation ? popTotal : null,
    targetPopulationWithinBands: targetPopulation ? popBands : null,
    targetPopulationWithinThreshold: targetPopulation ? popWithin : null,
    uncoveredTargetPopulation: targetPopulation ? popTotal - popWithin : null,
    shareTargetPopulationWithinThreshold: targetPopulation ? share(popWithin, popTotal) : null,
    maxWalkDistanceMeters: maxWalk,
  };
}

/** The coverage of one category, or undefined when it was not computed. */
export function coverageOf(coverage: Pick<ServiceCoverage, 'categories'>, category: FacilityCategory): CategoryCoverage | undefined {
  return coverage.categories.find((c) => c.category === category);
}
