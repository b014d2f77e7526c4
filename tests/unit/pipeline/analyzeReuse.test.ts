import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import { reuseCandidates } from '../../../src/analysis/reuse/reuseCandidates';
import { evaluateReuseOption } from '../../../src/analysis/reuse/evaluateReuseOption';
import { suggestReusePlan } from '../../../src/analysis/reuse/suggestReusePlan';
import { elevatorCandidates } from '../../../src/analysis/reuse/elevatorCandidates';
import { loadSampleCommunity } from '../support/samplePackage';
import { analyze } from './analyzeOutput';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sample = `${root}models/sample-jinghe`;
const fixtures = `${root}tests/fixtures/analysis/`;

interface ReuseReport {
  input: string;
  budget: number;
  bands: { id: string; maxDistanceMeters: number }[];
  candidates: {
    id: string;
    source: string;
    areaM2: number;
    position: [number, number];
    feasibleCategories: string[];
    feasible: { category: string; ok: boolean; reasons: string[] }[];
    hub: { ok: boolean };
  }[];
  conversions: {
    candidateId: string;
    category: string;
    targetPopulationNewlyCovered: number | null;
    buildingsNewlyCovered: number;
    weightedGain: number;
    bands: { bandSeconds: number; buildingsNewlyWithin: number; targetPopulationNewlyWithin: number | null }[];
  }[];
  plan: {
    budget: number;
    totalWeightedGain: number;
    stoppedEarly: string | null;
    picks: {
      step: number;
      candidateId: string;
      hub: boolean;
      weightedGain: number;
      categories: { category: string; targetPopulationNewlyCovered: number }[];
    }[];
  };
  elevators: {
    rules: { minFloors: number; maxYearBuilt: number };
    candidates: { rank: number; buildingId: string; elderlyAboveFloor: number }[];
  };
}

const reportOf = async (...args: string[]) => {
  const { code, stdout, stderr } = await analyze([sample, '--reuse', '--json', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as ReuseReport;
};

describe('analyze --reuse on the sample package', async () => {
  const community = await loadSampleCommunity();
  const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
  const candidates = reuseCandidates(community);

  it('prints the 12 candidates with what each can host, and why not the rest', async () => {
    const report = await reportOf();
    expect(report.budget).toBe(3);
    expect(report.bands.map((b) => b.maxDistanceMeters)).toEqual([300, 500, 1000]);
    expect(report.candidates.map((c) => c.id)).toEqual(candidates.map((c) => c.id));
    const s03 = report.candidates.find((c) => c.id === 'JH-S03')!;
    expect(s03).toMatchObject({ source: 'reuse-space', areaM2: 160, hub: { ok: false } });
    expect(s03.feasibleCategories).toEqual(['elderly-canteen', 'disability-aid', 'health-station', 'fitness']);
    expect(s03.feasible.find((f) => f.category === 'nursery')!.reasons).toEqual(['area 160 < 200 m²']);
  });

  it('gives the gain of every single feasible conversion, the same numbers as evaluateReuseOption', async () => {
    const report = await reportOf();
    const feasible = candidates.flatMap((c) => c.feasible.filter((f) => f.ok).map((f) => [c, f.category] as const));
    expect(report.conversions.map((c) => `${c.candidateId} ${c.category}`)).toEqual(feasible.map(([c, category]) => `${c.id} ${category}`));
    for (const [i, [candidate, category]] of feasible.entries()) {
      const gain = evaluateReuseOption(coverage, { position: candidate.position, category });
      const row = report.conversions[i];
      expect(row.targetPopulationNewlyCovered).toBe(gain.targetPopulationNewlyWithinThreshold);
      expect(row.buildingsNewlyCovered).toBe(gain.buildingsNewlyWithinThreshold);
      expect(row.bands).toEqual(gain.bands);
    }
    // The nursery gap (no 托育 in the sample): the old street office covers 84 infants newly, at weight 2.
    expect(report.conversions.find((c) => c.candidateId === 'JH-S01' && c.category === 'nursery')).toMatchObject({
      targetPopulationNewlyCovered: 84,
      weightedGain: 168,
    });
  });

  it('suggests the plan suggestReusePlan gives for the budget (default 3), with its total gain', async () => {
    const report = await reportOf();
    const plan = suggestReusePlan(coverage, candidates, { budget: 3 });
    expect(report.plan.picks.map((p) => [p.candidateId, p.hub, p.weightedGain])).toEqual(
      plan.picks.map((p) => [p.candidateId, p.hub, p.weightedGain]),
    );
    expect(report.plan.totalWeightedGain).toBe(plan.totalWeightedGain);
    expect(report.plan.totalWeightedGain).toBe(report.plan.picks.reduce((s, p) => s + p.weightedGain, 0));
    // The hand-read result on the sample: the old street office as a hub first, 3 different places.
    // The school's field, open to residents after hours (错时共享), now covers the north-east's fitness
    // gap, so the bike-shed yard's fitness gain shrinks and the grain store's fitness ground comes second.
    expect(report.plan.picks.map((p) => p.candidateId)).toEqual(['JH-S01', 'JH-S02', 'JH-S05']);
    expect(report.plan.totalWeightedGain).toBe(plan.totalWeightedGain);
  });

  it('takes --budget: one conversion is the first pick of three', async () => {
    const one = await reportOf('--budget', '1');
    const three = await reportOf();
    expect(one.plan.budget).toBe(1);
    expect(one.plan.picks).toEqual(three.plan.picks.slice(0, 1));
    expect((await reportOf('--budget', '0')).plan.picks).toEqual([]);
  });

  it('lists the elevator-addition candidates as elevatorCandidates ranks them', async () => {
    const report = await reportOf();
    const ranked = elevatorCandidates(community);
    expect(report.elevators.rules).toMatchObject({ minFloors: 4, builtByFilter: { enabled: false, maxYearBuilt: 2000 } });
    expect(report.elevators.candidates.map((e) => e.buildingId)).toEqual(ranked.map((e) => e.buildingId));
    expect(report.elevators.candidates[0]).toMatchObject({ rank: 1, elderlyAboveFloor: ranked[0].elderlyAboveFloor });
  });

  it('prints tables of candidates, conversions, the plan and the elevator list', async () => {
    const { code, stdout } = await analyze([sample, '--reuse', '--top', '3']);
    expect(code).toBe(0);
    expect(stdout).toContain('Building reuse what-if (存量空间再利用)');
    const plan = suggestReusePlan(coverage, candidates, { budget: 3 });
    expect(stdout).toMatch(new RegExp(`Suggested plan: 3 of 3 conversions.*total weighted gain ${plan.totalWeightedGain}`));
    expect(stdout).toMatch(/1\. JH-S01 原街道办公楼 → hub \(嵌入式服务综合体\): /);
    for (const c of plan.picks[0].categories) expect(stdout.split('\n').find((l) => l.startsWith('  1. JH-S01'))).toContain(c.category);
    expect(stdout).toContain('Elevator addition (加装电梯) candidates: 102');
  });
});

describe('analyze --reuse arguments', () => {
  it.each([
    [['--budget', '2', sample], '--budget goes with --reuse'],
    [[sample, '--reuse', '--budget', '1.5'], '--budget needs a whole number of conversions, got 1.5'],
    [[sample, '--reuse', '--budget', '-1'], '--budget needs a number in (-1, 1000], got -1'],
    [
      [
        '--reuse',
        '--buildings',
        `${fixtures}osm-tiny/buildings.geojson`,
        '--network',
        `${fixtures}osm-tiny/network.geojson`,
        '--facilities',
        `${fixtures}osm-tiny/facilities.geojson`,
      ],
      '--reuse needs a package folder',
    ],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const { code, stderr } = await analyze(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('--reuse [--budget N]');
  });

  it('runs from the command line: npx tsx src/pipeline/analyze.ts <package> --reuse --json exits 0', () => {
    const result = spawnSync('npx', ['tsx', 'src/pipeline/analyze.ts', 'models/sample-jinghe', '--reuse', '--json', '--budget', '2'], {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: root,
    });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as ReuseReport).plan.picks).toHaveLength(2);
  }, 60_000);
});
