import { DeveloperError } from '../../core/errors';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../core/model/types';
import type { AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import type { WalkHierarchy } from '../network/hierarchy/buildHierarchy';
import { createSweepWorkspace, sweepDistances, type SweepSourceSet, type SweepWorkspace } from '../network/hierarchy/sweep';
import { groupPointsByEdge, type PointsByEdge } from './capacity';
import type { ServiceRule, ServiceRuleSet } from './rules';

/**
 * Every building's walk to the nearest facility of EVERY category from one PHAST sweep over the
 * walking graph's hierarchy (network/hierarchy/): the city-scale counterpart of
 * computeServiceCoverage's one Dijkstra per category. Each category is searched only as far as its
 * rule needs (`categoryCutoffMeters`); a building farther away reads as Infinity.
 *
 * Exactness: the same arithmetic per building as computeServiceCoverage on node distances equal to its
 * Dijkstra's up to the order of additions (< 1e-9 m; tests/unit/analysis/network/hierarchy.test.ts and
 * tests/unit/analysis/service-circles/sweepCoverage.test.ts), so a community's figures in the city view
 * are its service-circle tab's.
 */
export interface SweepCoverageInput {
  graph: WalkGraph;
  hierarchy: WalkHierarchy;
  buildings: AttachedPoints;
  facilities: AttachedPoints;
  /** Per facility: index into FACILITY_CATEGORIES. */
  facilityCategory: Uint8Array;
  rules: ServiceRuleSet;
  /** Walking speed, m/s; default the rule set's. */
  walkSpeedMetersPerSecond?: number;
  /** Default every category with a rule, in rule order. */
  categories?: readonly FacilityCategory[];
  /** Reused between runs on one hierarchy (labels for the same number of categories). */
  workspace?: SweepCoverageWorkspace;
}

/**
 * The sweep's workspace plus what the per-building step derives from the buildings' attachment and
 * the hierarchy, both kept between runs: each building's edge ends as sweep positions (one read per
 * building instead of a chain of three dependent ones through the edge and the renumbering, which
 * made that step wait on memory) and the buildings of each edge.
 */
export interface SweepCoverageWorkspace extends SweepWorkspace {
  buildingEnds?: BuildingEnds;
}

interface BuildingEnds {
  buildings: AttachedPoints;
  hierarchy: WalkHierarchy;
  /** Per building: the sweep positions of its edge's ends (0 when it is not attached; then unread). */
  startPosition: Uint32Array;
  endPosition: Uint32Array;
  byEdge: PointsByEdge;
}

function buildingEndsFor(
  graph: WalkGraph,
  hierarchy: WalkHierarchy,
  buildings: AttachedPoints,
  workspace: SweepCoverageWorkspace,
): BuildingEnds {
  const kept = workspace.buildingEnds;
  if (kept && kept.buildings === buildings && kept.hierarchy === hierarchy) return kept;
  const startPosition = new Uint32Array(buildings.count);
  const endPosition = new Uint32Array(buildings.count);
  for (let b = 0; b < buildings.count; b++) {
    const e = buildings.edge[b];
    if (e < 0) continue;
    startPosition[b] = hierarchy.positionOfNode[graph.edgeNodes[2 * e]];
    endPosition[b] = hierarchy.positionOfNode[graph.edgeNodes[2 * e + 1]];
  }
  const ends = { buildings, hierarchy, startPosition, endPosition, byEdge: groupPointsByEdge(graph.edgeCount, buildings) };
  workspace.buildingEnds = ends;
  return ends;
}

export interface SweepCategoryWalks {
  category: FacilityCategory;
  rule: ServiceRule;
  /** How far this category was searched, metres. */
  cutoffMeters: number;
  /** Per building: metres to the nearest facility, Infinity when none within the cutoff. */
  walkDistanceMeters: Float64Array;
}

export interface SweepCoverage {
  walkSpeedMetersPerSecond: number;
  categories: SweepCategoryWalks[];
  /** Arcs read by the sweeps. */
  arcsScanned: number;
  /** The sweep's phases, ms. */
  phaseMs: { up: number; core: number; down: number };
}

/**
 * How far a category must be searched: its rule's distance, or the largest living circle (band) when
 * that is farther — every band is summarised for every category (GB 50180-2018 Table 3.0.4: 300 / 500 /
 * 1,000 m). From the rules, so a changed rule set changes the cutoffs.
 */
export function categoryCutoffMeters(rule: ServiceRule, rules: ServiceRuleSet): number {
  return Math.max(rule.maxDistanceMeters, ...rules.bands.map((band) => band.maxDistanceMeters));
}

export function computeSweepCoverage(input: SweepCoverageInput): SweepCoverage {
  const { graph, hierarchy, buildings, facilities, rules } = input;
  if (hierarchy.nodeCount !== graph.nodeCount) throw new DeveloperError('the hierarchy was built for another graph');
  const speed = input.walkSpeedMetersPerSecond ?? rules.walkSpeedMetersPerSecond;
  const categories = input.categories ?? rules.rules.map((r) => r.category);
  const ruleOf = (category: FacilityCategory) => {
    const rule = rules.rules.find((r) => r.category === category);
    if (!rule) throw new DeveloperError(`no service rule for category "${category}"`);
    return rule;
  };
  const categoryRules = categories.map(ruleOf);
  const cutoffs = Float64Array.from(categoryRules, (rule) => categoryCutoffMeters(rule, rules));
  const labelOfCategory = new Int32Array(FACILITY_CATEGORIES.length).fill(-1);
  categories.forEach((c, k) => (labelOfCategory[FACILITY_CATEGORIES.indexOf(c)] = k));

  // Sources: each attached facility's two edge ends at their link lengths (as computeServiceCoverage).
  const nodes = categories.map(() => [] as number[]);
  const starts = categories.map(() => [] as number[]);
  for (let f = 0; f < facilities.count; f++) {
    const k = labelOfCategory[input.facilityCategory[f]];
    const e = facilities.edge[f];
    if (k < 0 || e < 0) continue;
    nodes[k].push(graph.edgeNodes[2 * e], graph.edgeNodes[2 * e + 1]);
    starts[k].push(facilities.toStartMeters[f], facilities.toEndMeters[f]);
  }
  const sets: SweepSourceSet[] = categories.map((_, k) => ({
    nodes: nodes[k],
    initialMeters: starts[k],
    cutoffMeters: cutoffs[k],
  }));
  const workspace: SweepCoverageWorkspace = input.workspace ?? createSweepWorkspace(hierarchy, categories.length);
  const ends = buildingEndsFor(graph, hierarchy, buildings, workspace);
  const sweep = sweepDistances(hierarchy, sets, workspace);
  const K = categories.length;
  const labels = sweep.labels;

  // Every building via either end of its edge, its K labels at once (one or two cache lines per end).
  // Not filled first: every entry is written here.
  const walks = categories.map(() => new Float64Array(buildings.count));
  const { startPosition, endPosition } = ends;
  const { edge, toStartMeters, toEndMeters } = buildings;
  for (let b = 0; b < buildings.count; b++) {
    if (edge[b] < 0) {
      for (let k = 0; k < K; k++) walks[k][b] = Infinity;
      continue;
    }
    const startBase = startPosition[b] * K;
    const endBase = endPosition[b] * K;
    const toStart = toStartMeters[b];
    const toEnd = toEndMeters[b];
    for (let k = 0; k < K; k++) {
      const d = Math.min(labels[startBase + k] + toStart, labels[endBase + k] + toEnd);
      walks[k][b] = d <= cutoffs[k] ? d : Infinity;
    }
  }
  // A facility on a building's own edge: straight along it, not round a corner (the minimum of the
  // same candidates as before, each kept only within the cutoff).
  for (let f = 0; f < facilities.count; f++) {
    const k = labelOfCategory[input.facilityCategory[f]];
    const e = facilities.edge[f];
    if (k < 0 || e < 0) continue;
    const walk = walks[k];
    for (let i = ends.byEdge.start[e]; i < ends.byEdge.start[e + 1]; i++) {
      const b = ends.byEdge.items[i];
      const along =
        buildings.connectorMeters[b] +
        Math.abs(buildings.fraction[b] - facilities.fraction[f]) * graph.edgeLengthsMeters[e] +
        facilities.connectorMeters[f];
      if (along < walk[b] && along <= cutoffs[k]) walk[b] = along;
    }
  }
  return {
    walkSpeedMetersPerSecond: speed,
    categories: categories.map((category, k) => ({
      category,
      rule: categoryRules[k],
      cutoffMeters: cutoffs[k],
      walkDistanceMeters: walks[k],
    })),
    arcsScanned: sweep.arcsScanned,
    phaseMs: sweep.phaseMs,
  };
}
