import { DeveloperError } from '../../core/errors';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../core/model/types';
import type { AttachedPoints } from '../network/attachPoints';
import type { WalkGraph } from '../network/buildGraph';
import type { WalkHierarchy } from '../network/hierarchy/buildHierarchy';
import { createSweepWorkspace, sweepDistances, type SweepSourceSet, type SweepWorkspace } from '../network/hierarchy/sweep';
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
  workspace?: SweepWorkspace;
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
  const cutoffs = categoryRules.map((rule) => categoryCutoffMeters(rule, rules));
  const labelOfCategory = new Int32Array(FACILITY_CATEGORIES.length).fill(-1);
  categories.forEach((c, k) => (labelOfCategory[FACILITY_CATEGORIES.indexOf(c)] = k));

  // Sources: each attached facility's two edge ends at their link lengths (as computeServiceCoverage).
  const nodes = categories.map(() => [] as number[]);
  const starts = categories.map(() => [] as number[]);
  const onEdge = new Map<number, number[]>();
  for (let f = 0; f < facilities.count; f++) {
    const k = labelOfCategory[input.facilityCategory[f]];
    const e = facilities.edge[f];
    if (k < 0 || e < 0) continue;
    nodes[k].push(graph.edgeNodes[2 * e], graph.edgeNodes[2 * e + 1]);
    starts[k].push(facilities.toStartMeters[f], facilities.toEndMeters[f]);
    const list = onEdge.get(e);
    if (list) list.push(f);
    else onEdge.set(e, [f]);
  }
  const sets: SweepSourceSet[] = categories.map((_, k) => ({
    nodes: nodes[k],
    initialMeters: starts[k],
    cutoffMeters: cutoffs[k],
  }));
  const workspace = input.workspace ?? createSweepWorkspace(hierarchy, categories.length);
  const sweep = sweepDistances(hierarchy, sets, workspace);
  const K = categories.length;
  const labels = sweep.labels;
  const position = hierarchy.positionOfNode;

  const walks = categories.map(() => new Float64Array(buildings.count).fill(Infinity));
  const best = new Float64Array(K);
  for (let b = 0; b < buildings.count; b++) {
    const e = buildings.edge[b];
    if (e < 0) continue;
    const startBase = position[graph.edgeNodes[2 * e]] * K;
    const endBase = position[graph.edgeNodes[2 * e + 1]] * K;
    const toStart = buildings.toStartMeters[b];
    const toEnd = buildings.toEndMeters[b];
    for (let k = 0; k < K; k++) best[k] = Math.min(labels[startBase + k] + toStart, labels[endBase + k] + toEnd);
    // A facility on the building's own edge: straight along it, not round a corner.
    const sameEdge = onEdge.get(e);
    if (sameEdge) {
      for (const f of sameEdge) {
        const k = labelOfCategory[input.facilityCategory[f]];
        const along =
          buildings.connectorMeters[b] +
          Math.abs(buildings.fraction[b] - facilities.fraction[f]) * graph.edgeLengthsMeters[e] +
          facilities.connectorMeters[f];
        if (along < best[k]) best[k] = along;
      }
    }
    for (let k = 0; k < K; k++) walks[k][b] = best[k] <= cutoffs[k] ? best[k] : Infinity;
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
