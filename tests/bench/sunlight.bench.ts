/**
 * Sunlight hours (日照) — figures, not a test:
 *
 *   npx tsx tests/bench/sunlight.bench.ts [--district 5000]
 *
 * 1. Every home of the sample community 景和新村 for 大寒 at the default preset's 1-minute step, computed
 *    as the worker computes it (one thread, so one core): façade points, rays (sample × step toward a
 *    sun in front of the wall), exact prism tests, and time.
 * 2. A synthetic district of N six-storey slabs (60 × 12 m, 18 m high) in rows 30 m apart, the spacing of
 *    1980s–90s walk-ups, every one assessed, with the same preset: the figure for a 5,000-building district.
 * Prints a Markdown table. Goal: the sample under 5 s.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeSunlight } from '../../src/analysis/sunlight/analyzeSunlight';
import { computeSunlightFromRequest, sunlightRequestFromPrisms } from '../../src/analysis/sunlight/sunlightRequest';
import { sunlightPreset } from '../../src/analysis/sunlight/sunlightRules';
import { createLocalFrame } from '../../src/core/geo/localFrame';
import type { LonLat } from '../../src/core/model/types';
import { readCommunityPackage } from '../../src/data/package/readPackage';

const argIndex = process.argv.indexOf('--district');
const districtSize = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 5000;
const preset = sunlightPreset(undefined)!;
const date = '2027-01-20';

interface Row {
  what: string;
  buildings: number;
  points: number;
  rays: number;
  prismTests: number;
  seconds: number;
}
const rows: Row[] = [];

const community = await readCommunityPackage(async (p) => readFileSync(path.join('models/sample-jinghe', p), 'utf8'));
// Warm the JIT once, then time.
analyzeSunlight(community, { preset, date });
const t0 = performance.now();
const { result, sunlight } = analyzeSunlight(community, { preset, date });
rows.push({
  what: `sample ${community.manifest.id}: ${sunlight.totalHomes} homes, ${community.context.reduce((n, c) => n + c.buildings.length, 0)} context buildings`,
  buildings: result.buildingIds.length,
  ...result.stats,
  seconds: (performance.now() - t0) / 1000,
});

// The district: columns of slabs 20 m apart east–west, rows 30 m apart north–south.
const origin: LonLat = [120.16, 30.27];
const frame = createLocalFrame(origin);
const columns = Math.ceil(Math.sqrt(districtSize / 2.5));
const sources = Array.from({ length: districtSize }, (_, i) => {
  const [cx, cy] = [(i % columns) * 80, Math.floor(i / columns) * 42];
  const ring = [
    [cx, cy],
    [cx + 60, cy],
    [cx + 60, cy + 12],
    [cx, cy + 12],
    [cx, cy],
  ].map(([x, y]) => frame.toLonLat(x, y));
  return { id: `D${i}`, footprint: [ring], heightMeters: 18, floors: 6 };
});
const t1 = performance.now();
const district = computeSunlightFromRequest(sunlightRequestFromPrisms(sources, { origin, preset, date }));
rows.push({
  what: `synthetic district of ${districtSize} six-storey slabs`,
  buildings: districtSize,
  ...district.stats,
  seconds: (performance.now() - t1) / 1000,
});

console.log(
  `Sunlight (${preset.id}, ${date}, ${preset.stepMinutes}-min step, points every ≤ ${preset.pointSpacingMeters} m), one thread on ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`,
);
console.log('');
console.log('| run | buildings assessed | façade points | rays | exact prism tests | time (s) | points/s | rays/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.what} | ${r.buildings} | ${r.points.toLocaleString('en')} | ${r.rays.toLocaleString('en')} | ${r.prismTests.toLocaleString('en')} | ${r.seconds.toFixed(2)} | ${Math.round(r.points / r.seconds).toLocaleString('en')} | ${Math.round(r.rays / r.seconds).toLocaleString('en')} |`,
  );
