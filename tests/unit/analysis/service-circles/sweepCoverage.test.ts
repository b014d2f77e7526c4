import { beforeAll, describe, expect, it } from 'vitest';
import { buildHierarchy } from '../../../../src/analysis/network/hierarchy/buildHierarchy';
import type { ServiceCoverage } from '../../../../src/analysis/service-circles/computeServiceCoverage';
import { DEFAULT_SERVICE_RULES } from '../../../../src/analysis/service-circles/rules';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../../src/analysis/service-circles/serviceCoverageRequest';
import { createSweepWorkspace } from '../../../../src/analysis/network/hierarchy/sweep';
import { categoryCutoffMeters, computeSweepCoverage } from '../../../../src/analysis/service-circles/sweepCoverage';
import { loadSampleCommunity } from '../../support/samplePackage';

let today: ServiceCoverage;
beforeAll(async () => {
  today = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(await loadSampleCommunity()));
});

describe('service circles from one sweep over the hierarchy, on the sample community', () => {
  it('gives every building of every category today’s walk (to 1e-9 m) up to the rule’s cutoff, and the same coverage counts', () => {
    const hierarchy = buildHierarchy(today.graph, { nodeLonLat: today.graph.nodeLonLat });
    const sweep = computeSweepCoverage({
      graph: today.graph,
      hierarchy,
      buildings: today.buildings,
      facilities: today.facilities,
      facilityCategory: today.facilityCategory,
      rules: DEFAULT_SERVICE_RULES,
      categories: today.categories.map((c) => c.category),
    });
    let compared = 0;
    sweep.categories.forEach((s, k) => {
      const c = today.categories[k];
      expect(s.category).toBe(c.category);
      // Cutoff from the rules: the longer of the rule's distance and the largest band (1,000 m).
      expect(s.cutoffMeters).toBe(Math.max(c.rule.maxDistanceMeters, 1000));
      let within = 0;
      for (let b = 0; b < today.buildings.count; b++) {
        const old = c.walkDistanceMeters[b];
        const now = s.walkDistanceMeters[b];
        if (old > s.cutoffMeters) expect(now, `${c.category} building ${b}`).toBe(Infinity);
        else {
          expect(Math.abs(now - old), `${c.category} building ${b}`).toBeLessThan(1e-9);
          compared++;
        }
        if (now <= c.rule.maxDistanceMeters && today.countedBuildings[b]) within++;
      }
      expect(within).toBe(c.summary.buildingsWithinThreshold);
    });
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives the same walks with a workspace kept between runs, for other buildings and other facilities too', () => {
    const hierarchy = buildHierarchy(today.graph, { nodeLonLat: today.graph.nodeLonLat });
    const categories = today.categories.map((c) => c.category);
    const input = {
      graph: today.graph,
      hierarchy,
      buildings: today.buildings,
      facilities: today.facilities,
      facilityCategory: today.facilityCategory,
      rules: DEFAULT_SERVICE_RULES,
      categories,
    };
    // The facilities as buildings and the buildings as facilities: what the workspace kept for the
    // first buildings must not be read for the second.
    const swapped = {
      ...input,
      buildings: today.facilities,
      facilities: today.buildings,
      facilityCategory: new Uint8Array(today.buildings.count).fill(3),
    };
    const workspace = createSweepWorkspace(hierarchy, categories.length);
    for (const run of [input, swapped, input]) {
      const kept = computeSweepCoverage({ ...run, workspace });
      const fresh = computeSweepCoverage(run);
      kept.categories.forEach((c, k) => expect(c.walkDistanceMeters).toEqual(fresh.categories[k].walkDistanceMeters));
    }
  });

  it('takes the cutoff from the rules: the rule’s distance or the largest band, whichever is longer', () => {
    const rule = { ...DEFAULT_SERVICE_RULES.rules[0], maxDistanceMeters: 1500 };
    expect(categoryCutoffMeters(rule, DEFAULT_SERVICE_RULES)).toBe(1500);
    expect(categoryCutoffMeters({ ...rule, maxDistanceMeters: 300 }, DEFAULT_SERVICE_RULES)).toBe(1000);
    const bands = [{ ...DEFAULT_SERVICE_RULES.bands[0], maxDistanceMeters: 200 }];
    expect(categoryCutoffMeters({ ...rule, maxDistanceMeters: 300 }, { ...DEFAULT_SERVICE_RULES, bands })).toBe(300);
  });
});
