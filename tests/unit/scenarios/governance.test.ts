import { describe, expect, it } from 'vitest';
import { governance } from '../../../src/scenarios/governance';
import { gridLoads } from '../../../src/scenarios/governance/kpis';
import { kpiOf, kpiValues } from './kpiHelpers';
import { tinyCommunity, tinyContext } from './tinyCommunity';

describe('治理 governance scenario on the tiny community', () => {
  it('counts the households of buildings whose centroid lies in each grid cell', () => {
    const loads = gridLoads(tinyContext(undefined, { coverage: false }));
    // G1: H1 (6) and S1 (0); G2: H2 (6), H3 (5), C1 (0).
    expect(loads.map((l) => [l.grid.id, l.buildingIds, l.households, l.householdsPerWorker])).toEqual([
      ['G1', ['H1', 'S1'], 6, 6],
      ['G2', ['H2', 'H3', 'C1'], 11, 11],
    ]);
  });

  it('computes grid load, coverage, service-station reach and satisfaction', () => {
    const v = kpiValues(governance, tinyContext());
    expect(v['grid-count']).toBe(2);
    // 17 households / 2 workers.
    expect(v['households-per-grid-worker']).toBe(8.5);
    expect(v['max-households-per-grid-worker']).toBe(11);
    expect(v['unstaffed-grid-count']).toBe(0);
    expect(v['grid-coverage-share']).toBe(1);
    // Service station ≤ 300 m: H1 (180 m, 9) and H2 (180 m, 10); H3 (380 m, 5) beyond → 19 / 24.
    expect(v['community-service-reach-share']).toBeCloseTo(19 / 24, 6);
    expect(v['satisfied-share']).toBe(0.9);
  });

  it('flags a cell with households but no worker', () => {
    const community = tinyCommunity();
    community.grids[1].staffCount = 0;
    const ctx = tinyContext(community, { coverage: false });
    expect(kpiOf(governance, ctx, 'unstaffed-grid-count')).toMatchObject({ value: 1, status: 'bad' });
    // 17 households / 1 worker; the busiest staffed cell is G1 (6).
    expect(kpiOf(governance, ctx, 'households-per-grid-worker').value).toBe(17);
    expect(kpiOf(governance, ctx, 'max-households-per-grid-worker').value).toBe(6);
  });

  it('reports missing data (status bad) without grid cells or a survey, and keeps a scene', () => {
    const community = tinyCommunity();
    community.grids = [];
    delete community.manifest.survey;
    const ctx = tinyContext(community, { coverage: false });
    for (const id of [
      'grid-count',
      'households-per-grid-worker',
      'max-households-per-grid-worker',
      'grid-coverage-share',
      'satisfied-share',
    ]) {
      expect(kpiOf(governance, ctx, id)).toMatchObject({ value: null, unavailable: 'no-data', status: 'bad' });
    }
    expect(governance.scene(ctx).coloring).toEqual({ kind: 'mode', mode: 'use' });
    expect(governance.charts(ctx).length).toBeGreaterThan(0);
  });
});
