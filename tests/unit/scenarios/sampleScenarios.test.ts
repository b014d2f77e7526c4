import { analyzeSunlight } from '../../../src/analysis/sunlight/analyzeSunlight';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceCoverage } from '../../../src/analysis/service-circles/computeServiceCoverage';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import type { Community } from '../../../src/core/model/types';
import { summariseBuildings } from '../../../src/data/community/buildingSummaries';
import { SCENARIOS } from '../../../src/scenarios/registry';
import { scoreCommunity } from '../../../src/scenarios/scoring';
import type { ScenarioContext, ScenarioScene } from '../../../src/scenarios/types';
import { loadSampleCommunity } from '../support/samplePackage';

let community: Community;
let coverage: ServiceCoverage;
let ctx: ScenarioContext;
beforeAll(async () => {
  community = await loadSampleCommunity();
  coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
  const summaries = summariseBuildings(community);
  ctx = { community, summaries, coverage, sunlight: analyzeSunlight(community, { date: '2027-01-20', summaries }).sunlight };
});

const finiteOrNull = (x: number | null) => x === null || Number.isFinite(x);

/** What distinguishes one scene from another on screen. */
function signature(scene: ScenarioScene): string {
  const coloring = scene.coloring.kind === 'mode' ? scene.coloring.mode : `custom:${scene.coloring.title.en}`;
  return JSON.stringify([coloring, scene.serviceCategory, Object.entries(scene.layers).sort()]);
}

describe('every scenario on the sample package 景和新村', () => {
  it('computes KPIs that are finite numbers, or null with the reason', () => {
    for (const s of SCENARIOS) {
      for (const k of s.kpis(ctx)) {
        expect(finiteOrNull(k.value), `${s.id}/${k.id}`).toBe(true);
        expect(k.value === null, `${s.id}/${k.id}: null ⇔ unavailable`).toBe(k.unavailable !== undefined);
        expect(k.status, `${s.id}/${k.id}`).not.toBe('pending');
        if (k.display === 'percent' && k.value !== null) expect(k.value >= 0 && k.value <= 1, `${s.id}/${k.id}`).toBe(true);
      }
    }
  });

  it('shows a different scene for every scenario', () => {
    const signatures = SCENARIOS.map((s) => signature(s.scene(ctx)));
    expect(new Set(signatures).size).toBe(SCENARIOS.length);
    for (const s of SCENARIOS) {
      const { coloring } = s.scene(ctx);
      if (coloring.kind === 'custom') expect(coloring.colors.size, s.id).toBe(community.buildings.length);
    }
  });

  it('draws charts of finite values and flies to a camera near the community', () => {
    for (const s of SCENARIOS) {
      for (const c of s.charts(ctx)) for (const series of c.series) expect(series.values.every(finiteOrNull), `${s.id}/${c.id}`).toBe(true);
      const camera = s.camera(ctx);
      expect(Math.abs(camera.lon - community.manifest.centre[0]), s.id).toBeLessThan(0.02);
      expect(Math.abs(camera.lat - community.manifest.centre[1]), s.id).toBeLessThan(0.02);
      expect(camera.heightMeters).toBeGreaterThan(100);
    }
  });

  it('finds the sample’s deliberate gaps: no nursery, and an overloaded grid cell', () => {
    const kpi = (scenario: string, id: string) =>
      SCENARIOS.find((s) => s.id === scenario)!
        .kpis(ctx)
        .find((k) => k.id === id)!;
    expect(kpi('education', 'nursery-places-per-1000')).toMatchObject({ value: 0, status: 'bad' });
    expect(kpi('governance', 'grid-count').value).toBe(community.grids.length);
    expect(kpi('governance', 'max-households-per-grid-worker').status).toBe('bad');
  });

  it('scores the community, gated only by satisfaction, and reports pending while circles compute', () => {
    const score = scoreCommunity(ctx);
    expect(score.communityType).toBe('puhui');
    expect(score.score).toBeGreaterThanOrEqual(0);
    expect(score.score).toBeLessThanOrEqual(100);
    expect(score.gate.status).toBe(
      community.manifest.survey && community.manifest.survey.satisfiedShare >= 0.8
        ? 'passed'
        : community.manifest.survey
          ? 'below'
          : 'missing',
    );
    const pending = { ...ctx, coverage: null };
    const waiting = scoreCommunity(pending);
    expect(waiting.acceptance).toBe(score.gate.status === 'passed' ? 'pending' : 'gated');
    for (const s of SCENARIOS) {
      for (const k of s.kpis(pending)) expect(finiteOrNull(k.value), `${s.id}/${k.id}`).toBe(true);
      expect(() => s.scene(pending)).not.toThrow();
      expect(() => s.charts(pending)).not.toThrow();
    }
  });
});
