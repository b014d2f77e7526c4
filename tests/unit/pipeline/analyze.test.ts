import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from './analyzeOutput';
import { FACILITY_CATEGORIES } from '../../../src/core/model/types';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sample = `${root}models/sample-jinghe`;
const fixtures = `${root}tests/fixtures/analysis/`;
const tiny = (facilities = `${fixtures}osm-tiny/facilities.geojson`) => [
  '--buildings',
  `${fixtures}osm-tiny/buildings.geojson`,
  '--network',
  `${fixtures}osm-tiny/network.geojson`,
  '--facilities',
  facilities,
];

type Walk = { walkSeconds: number; distanceMeters: number; facilityId: string } | null;
interface Report {
  walkSpeedMetersPerSecond: number;
  bands: { id: string; maxDistanceMeters: number; walkMinutes: number }[];
  unmappedTags?: Record<string, number>;
  buildings: Record<string, Record<string, Walk>>;
  coverage: {
    category: string;
    shareBuildingsWithinThreshold: number | null;
    uncoveredTargetPopulation: number | null;
    facilities: number;
  }[];
  gaps: { category: string; missing: boolean; priority: number }[];
  skipped?: Record<string, number>;
  unattached: { buildings: { id: string; reason: string }[] };
}

describe('analyze CLI on the sample package', () => {
  it('prints per-building walks for every category, keyed by building id, with the speed, the circles and the summary', async () => {
    const { code, stdout } = await analyze([sample, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.walkSpeedMetersPerSecond).toBe(1);
    expect(Object.keys(report.buildings).length).toBe(203);
    const b = report.buildings['JH-B002'];
    expect(Object.keys(b).length).toBe(FACILITY_CATEGORIES.length);
    // The circles as distances of GB 50180-2018 Table 3.0.4; the minutes derived at 1 m/s.
    expect(report.bands).toEqual([
      { id: '5min', maxDistanceMeters: 300, walkMinutes: 5 },
      { id: '10min', maxDistanceMeters: 500, walkMinutes: 8.3 },
      { id: '15min', maxDistanceMeters: 1000, walkMinutes: 16.7 },
    ]);
    // No nursery and no disability aid in the sample: null for every building.
    expect(Object.values(report.buildings).every((row) => row.nursery === null && row['disability-aid'] === null)).toBe(true);
    expect(b.kindergarten).toMatchObject({ facilityId: 'JH-F001' });
    expect(b.kindergarten!.walkSeconds).toBe(b.kindergarten!.distanceMeters);
    expect(report.gaps.slice(0, 4).every((g) => g.priority === 1)).toBe(true);
    expect(
      report.gaps
        .filter((g) => g.missing)
        .map((g) => g.category)
        .sort(),
    ).toEqual(['disability-aid', 'nursery']);
  });

  it('converts metres to seconds at --speed', async () => {
    const report = JSON.parse((await analyze([sample, '--json', '--speed', '1.25'])).stdout) as Report;
    expect(report.walkSpeedMetersPerSecond).toBe(1.25);
    const walk = report.buildings['JH-B002'].kindergarten!;
    expect(walk.walkSeconds).toBeCloseTo(walk.distanceMeters / 1.25, 0);
  });

  it('prints a table of coverage per category and the top gaps', async () => {
    const { code, stdout } = await analyze([sample]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/category\s+tier\s+level\s+max m\s+facilities\s+homes ≤ max/);
    expect(stdout).toMatch(/metro-station\s+street\s+15min\s+800/);
    expect(stdout).toMatch(/party-service-centre\s+community\s+5min\s+300/);
    expect(stdout).toMatch(/nursery \[priority 1\] — NO FACILITY/);
    expect(stdout).toContain('Gaps (补短板)');
  });
});

describe('analyze CLI on OpenStreetMap-tagged GeoJSON', () => {
  it('gives the hand-checked walks of tests/fixtures/analysis/README.md', async () => {
    const { code, stdout, stderr } = await analyze([...tiny(), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const walks = (id: string) =>
      ['kindergarten', 'grocery', 'bus-stop'].map((c) => report.buildings[id][c]).map((w) => (w ? [w.distanceMeters, w.facilityId] : null));
    expect(walks('way/101')).toEqual([
      [130, 'node/201'],
      [230, 'node/204'],
      [630, 'node/202'],
    ]);
    expect(walks('way/102')).toEqual([
      [680, 'node/201'],
      [380, 'node/204'],
      [80, 'node/202'],
    ]);
    expect(walks('way/103')).toEqual([
      [260, 'node/201'],
      [460, 'node/204'],
      [860, 'node/202'],
    ]);
    expect(walks('way/104')).toEqual([null, null, null]);
    expect(report.unattached.buildings).toEqual([{ id: 'way/104', reason: 'no walkable network edge within 500 m' }]);
    expect(report.skipped).toEqual({ 'unwalkable ways': 1, 'facilities without a known category': 1 });
    // A hospital is no 社区卫生服务站: left out, and listed by its tag.
    expect(report.unmappedTags).toEqual({ 'amenity=hospital': 1 });
  });

  it('summarises by homes only when population is unknown', async () => {
    const report = JSON.parse((await analyze([...tiny(), '--json'])).stdout) as Report;
    const share = (c: string) => report.coverage.find((x) => x.category === c)!;
    expect(share('kindergarten').shareBuildingsWithinThreshold).toBeCloseTo(1 / 3, 4);
    expect(share('grocery').shareBuildingsWithinThreshold).toBeCloseTo(2 / 3, 4);
    expect(share('bus-stop').shareBuildingsWithinThreshold).toBeCloseTo(1 / 3, 4);
    expect(share('grocery').uncoveredTargetPopulation).toBeNull();
  });

  it('exits 1 naming the file, feature, id and field of each bad facility', async () => {
    const { code, stdout, stderr } = await analyze(tiny(`${fixtures}bad-facilities.geojson`));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('bad-facilities.geojson, feature 1, (id "f2"), field "category": must be one of nursery');
    expect(stderr).toContain(
      'bad-facilities.geojson, feature 2, (id "f3"), field "geometry": must be a Point or Polygon or MultiPolygon, got LineString',
    );
  });

  it('exits 1 for an unreadable or non-GeoJSON file, naming it', async () => {
    const missing = await analyze(tiny(`${fixtures}no-such-file.geojson`));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-file\.geojson: cannot be read/);
    const notGeoJson = await analyze(tiny(`${fixtures}README.md`));
    expect(notGeoJson.code).toBe(1);
    expect(notGeoJson.stderr).toMatch(/README\.md: is not valid JSON/);
  });

  it('exits 2 with the usage for bad arguments', async () => {
    for (const argv of [[], ['--buildings', 'b.geojson'], [sample, '--speed', 'fast'], [sample, '--frobnicate']]) {
      const { code, stderr } = await analyze(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('usage: tsx src/pipeline/analyze.ts');
    }
  });
});
