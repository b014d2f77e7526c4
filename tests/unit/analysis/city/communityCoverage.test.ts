import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { communityCoverageCsv, coverageByCommunity, sortByOneOldOneYoungGap } from '../../../../src/analysis/city/communityCoverage';
import { DEFAULT_SERVICE_RULES, type ServiceRule } from '../../../../src/analysis/service-circles/rules';
import { runCityCoverage } from '../../../../src/pipeline/cityCoverage';
import { parseCommunityCoverage } from '../../../../src/data/city/communityCoverageFile';
import { at, grid3x3 } from '../localMeters';

const rule = (category: ServiceRule['category']) => DEFAULT_SERVICE_RULES.rules.find((r) => r.category === category)!;

describe('coverage per community of a city', () => {
  // A (district d1): b0 100 m and b1 400 m from elderly care; B (d2): b2 250 m; b3 in no community.
  // Residents 60+: 10, 20, 3, 7. Elderly care: 300 m, priority 1 (一老一小); grocery: priority 3.
  const input = {
    communities: [
      { id: 'B', district: 'd2' },
      { id: 'A', district: 'd1' },
    ],
    buildingCommunity: Int32Array.from([1, 1, 0, -1]),
    categories: [
      { category: 'elderly-care' as const, rule: rule('elderly-care'), walkDistanceMeters: Float64Array.from([100, 400, 250, 50]) },
      { category: 'grocery' as const, rule: rule('grocery'), walkDistanceMeters: Float64Array.from([100, 100, Infinity, 100]) },
    ],
    population: { '60+': Float64Array.from([10, 20, 3, 7]), all: Float64Array.from([30, 40, 6, 9]) },
  };

  it('counts homes and target residents within the rule per community (hand-checked), the 一老一小 gap over priority-1 categories only, n < 5 suppressed', () => {
    const rows = sortByOneOldOneYoungGap(coverageByCommunity(input));
    expect(rows.map((r) => r.id)).toEqual(['A', 'B']);
    const [a, b] = rows;
    expect(a.homes).toBe(2);
    expect(a.categories[0]).toEqual({
      category: 'elderly-care',
      homesWithin: 1,
      shareHomesWithin: 0.5,
      target: {
        total: { value: 30, suppressed: false },
        within: { value: 10, suppressed: false },
        uncovered: { value: 20, suppressed: false },
      },
      shareTargetWithin: 10 / 30,
    });
    // The gap is the 20 elderly of b1 (grocery, priority 3, does not count even though it is 100 m for all of A).
    expect(a.oneOldOneYoungUncovered).toEqual({ value: 20, suppressed: false });
    // B has 3 residents aged 60+, all within: total and within suppressed, the zero shown, no share that would give them away.
    expect(b.categories[0].target).toEqual({
      total: { suppressed: true },
      within: { suppressed: true },
      uncovered: { value: 0, suppressed: false },
    });
    expect(b.categories[0].shareTargetWithin).toBeNull();
    expect(b.categories[1].homesWithin).toBe(0);
    expect(b.oneOldOneYoungUncovered).toEqual({ value: 0, suppressed: false });
  });

  it('writes CSV with "<5" for suppressed cells and neutralises cells that would start a spreadsheet formula', () => {
    const csv = communityCoverageCsv(
      sortByOneOldOneYoungGap(
        coverageByCommunity({ ...input, communities: [{ id: '=HYPERLINK("x")', district: 'd2' }, input.communities[1]] }),
      ),
    );
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'community,district,homes,one_old_one_young_uncovered,elderly-care:share_homes_within,elderly-care:target_within,elderly-care:target_uncovered,elderly-care:share_target_within,grocery:share_homes_within,grocery:target_within,grocery:target_uncovered,grocery:share_target_within',
    );
    expect(lines[1]).toBe('A,d1,2,20,0.500,10,20,0.333,1.000,70,0,1.000');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",d2,1,0,1.000,<5,0,,0.000,0,6,0.000`);
  });
});

describe('npm run coverage:city', () => {
  it('writes CSV and JSON for the city list from plain GeoJSON, and names a building whose community is not listed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'city-coverage-'));
    try {
      const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
      const point = (xy: [number, number], properties: Record<string, unknown>) => ({
        type: 'Feature',
        properties,
        geometry: { type: 'Point', coordinates: at(...xy) },
      });
      const files = {
        network: path.join(dir, 'network.geojson'),
        buildings: path.join(dir, 'buildings.geojson'),
        facilities: path.join(dir, 'facilities.geojson'),
      };
      writeFileSync(
        files.network,
        fc(grid3x3().map((l) => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: l.coordinates } }))),
      );
      writeFileSync(
        files.buildings,
        fc([
          point([50, 10], { id: 'H1', community: 'shangcheng-001', 'population:60+': 12 }),
          point([190, 150], { id: 'H2', community: 'shangcheng-001', 'population:60+': 8 }),
          point([120, 210], { id: 'H3', community: 'gongshu-001', 'population:60+': 9 }),
        ]),
      );
      writeFileSync(files.facilities, fc([point([0, 0], { id: 'E', category: 'elderly-care' })]));
      const out = path.join(dir, 'out');
      const args = [
        '--communities',
        'models/city/hangzhou-future-communities.json',
        '--buildings',
        files.buildings,
        '--network',
        files.network,
        '--facilities',
        files.facilities,
        '--out',
        out,
      ];
      const log: string[] = [];
      const cli = { stdout: (t: string) => log.push(t), stderr: (t: string) => log.push(t) };
      expect(await runCityCoverage(args, cli)).toBe(0);
      const json = JSON.parse(readFileSync(path.join(out, 'community-coverage.json'), 'utf8'));
      expect(json.synthetic).toBeDefined();
      // H1 is 60 m from E, H2 360 m, H3 330 m (the walks worked out in the reuse tests): elderly care covers 12 of 20 in shangcheng-001.
      const first = json.communities[0];
      // The gap counts every priority-1 category with a known target group: elderly care (8 | 9 uncovered) and
      // elderly canteens (none in the input: 20 | 9), so shangcheng-001 (28) comes before gongshu-001 (18).
      expect(first.id).toBe('shangcheng-001');
      expect(first.oneOldOneYoungUncovered).toEqual({ value: 28, suppressed: false });
      const shangcheng = json.communities.find((c: { id: string }) => c.id === 'shangcheng-001');
      const elderly = shangcheng.categories.find((c: { category: string }) => c.category === 'elderly-care');
      expect(elderly.target).toEqual({
        total: { value: 20, suppressed: false },
        within: { value: 12, suppressed: false },
        uncovered: { value: 8, suppressed: false },
      });
      expect(json.communities[0]).not.toHaveProperty('sortKey');
      expect(() => parseCommunityCoverage(json)).not.toThrow();
      expect(readFileSync(path.join(out, 'community-coverage.csv'), 'utf8').split('\n')[1]).toMatch(/^shangcheng-001,shangcheng,2,28,/);

      writeFileSync(files.buildings, fc([point([50, 10], { id: 'H1', community: 'nowhere-9' })]));
      log.length = 0;
      expect(await runCityCoverage(args, cli)).toBe(1);
      expect(log.join('\n')).toMatch(/buildings\.geojson.*feature 0.*community.*nowhere-9/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
