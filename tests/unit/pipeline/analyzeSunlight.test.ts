import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../../src/pipeline/analyze';
import { at } from '../analysis/localMeters';

/** Runs `analyze` in-process on in-memory files. */
async function analyze(argv: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runAnalyze(argv, {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    readText: (file) => {
      if (file in files) return files[file];
      throw new Error(`ENOENT ${file}`);
    },
  });
  return { code, stdout, stderr };
}

const box = (id: string, x0: number, y0: number, x1: number, y1: number, height: unknown) => ({
  type: 'Feature',
  properties: { id, height },
  geometry: { type: 'Polygon', coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]] },
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('npm run analyze -- --buildings b.geojson --sunlight', () => {
  // The hand-checked slab of tests/unit/analysis/sunlight/sunlightHours.test.ts: (H − z)/D = 0.74563 = tan β
  // at hour angle ±30° on 大寒, so the south wall sees 10:00–14:00 true solar time (4 h), the east wall
  // the morning part (its points farther from the slab see more), the north wall nothing.
  const files = {
    'b.geojson': collection(box('A', -5, 0, 5, 10, 3), box('SLAB', -300, -30, 300, -20, 0.9 + 20 * 0.74563)),
  };

  it("prints every building's floors with their sample points and the floor's best and worst hours", async () => {
    const { code, stdout } = await analyze(['--buildings', 'b.geojson', '--sunlight', '--date', '2027-01-20', '--json'], files);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.preset.id).toBe('gb50180-dahan-2h');
    expect(json.date).toBe('2027-01-20');
    const a = json.buildings.A;
    // 3 m high: one storey of 3 m, sampled at the sill (0.9 m).
    expect(a.floors.map((f: { floor: number }) => f.floor)).toEqual([1]);
    const floor = a.floors[0];
    expect(floor.bestHours).toBeGreaterThan(4 - 5 / 60);
    expect(floor.bestHours).toBeLessThan(4 + 5 / 60);
    expect(floor.worstHours).toBe(0);
    const south = floor.points.filter((p: { facadeAzimuthDeg: number }) => p.facadeAzimuthDeg === 180);
    const east = floor.points.filter((p: { facadeAzimuthDeg: number }) => p.facadeAzimuthDeg === 90);
    expect(south.length).toBeGreaterThan(0);
    for (const p of south) expect(p.heightMeters).toBe(0.9);
    // East wall, lowest point (y = 10/7/2 = 0.714 m, D = 20.714 m): tan β ≥ 14.9126/20.714 = 0.7199, which
    // the hand values put at |h| ≤ 30° + (0.74563 − 0.7199)/(0.74563 − 0.63065)·15° ≈ 33.4°; of that the
    // morning half only (the sun in front of the east wall), 09:46–12:00 ≈ 2.2 h. Farther points see more.
    const eastHours = [...east].sort((p: { lat: number }, q: { lat: number }) => p.lat - q.lat).map((p: { hours: number }) => p.hours);
    expect(eastHours[0]).toBeGreaterThan(2.1);
    expect(eastHours[0]).toBeLessThan(2.35);
    for (let i = 1; i < eastHours.length; i++) expect(eastHours[i]).toBeGreaterThanOrEqual(eastHours[i - 1]);
    // The slab: 15.8 m over 3 m storeys → 5 floors.
    expect(json.buildings.SLAB.floors.length).toBe(5);
  });

  it('names the file, feature and field of a footprint without a height, and exits 1', async () => {
    const { code, stderr } = await analyze(['--buildings', 'b.geojson', '--sunlight'], {
      'b.geojson': collection(box('A', 0, 0, 10, 10, 'tall')),
    });
    expect(code).toBe(1);
    expect(stderr).toContain('b.geojson, feature 0, (id "A"), field "height"');
  });

  it('refuses --sunlight with --reuse, an unknown preset and a bad date (exit 2)', async () => {
    expect((await analyze(['models/sample-jinghe', '--sunlight', '--reuse'])).code).toBe(2);
    expect((await analyze(['models/sample-jinghe', '--sunlight', '--preset', 'nope'])).stderr).toContain(
      '--preset must be one of gb50180-dahan-2h',
    );
    expect((await analyze(['models/sample-jinghe', '--sunlight', '--date', '2027-02-30'])).code).toBe(2);
    expect((await analyze(['models/sample-jinghe', '--date', '2027-01-20'])).code).toBe(2);
  });
});

describe('npm run analyze -- models/sample-jinghe --sunlight --json', () => {
  it('prints hours per home and per sample point, the summary consistent with them, residents suppressed below 5', async () => {
    const { readFileSync } = await import('node:fs');
    let stdout = '';
    const code = await runAnalyze(['models/sample-jinghe', '--sunlight', '--date', '2027-01-20', '--json'], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      readText: (file) => readFileSync(file, 'utf8'),
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const homes = Object.values(json.homes) as { building: string; floor: number; hours: number; passes: boolean }[];
    expect(homes.length).toBe(json.summary.homes);
    expect(homes.filter((h) => !h.passes).length).toBe(json.summary.failingHomes);
    for (const h of homes) expect(h.passes).toBe(h.hours >= 2);
    for (const [id, b] of Object.entries(json.buildings) as [
      string,
      {
        floors: { floor: number; bestHours: number; worstHours: number; points: { hours: number; facadeAzimuthDeg: number }[] }[];
        residentsInFailingHomes?: unknown;
      },
    ][]) {
      for (const f of b.floors) {
        expect(f.bestHours).toBe(Math.max(...f.points.map((p) => p.hours)));
        expect(f.worstHours).toBe(Math.min(...f.points.map((p) => p.hours)));
        // A home's hours are those of one of its floor's points.
        for (const h of homes.filter((x) => x.building === id && x.floor === f.floor))
          expect(f.points.some((p) => Math.abs(p.hours - h.hours) < 1e-3)).toBe(true);
      }
      // Residents: 0, ≥ 5, or "<5" (suppressed).
      if (typeof b.residentsInFailingHomes === 'number')
        expect(b.residentsInFailingHomes === 0 || b.residentsInFailingHomes >= 5).toBe(true);
      else if (b.residentsInFailingHomes !== undefined) expect(b.residentsInFailingHomes).toBe('<5');
    }
    const values = Object.values(json.buildings).map((b) => (b as { residentsInFailingHomes?: unknown }).residentsInFailingHomes);
    expect(values).toContain('<5');
    expect(values.some((v) => typeof v === 'number' && v >= 5)).toBe(true);
  }, 60_000);
});
