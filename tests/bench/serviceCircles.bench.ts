/**
 * Service-circle engine at city scale — figures, not a test:
 *
 *   npx tsx tests/bench/serviceCircles.bench.ts [--size 1001] [--buildings 250000] [--no-graphology]
 *
 * A deterministic synthetic walking network (a perturbed size × size grid of 25 m blocks with ~5 %
 * of links missing and ~8 % of blocks crossed by a diagonal, written as long row/column polylines
 * so the builder has to split and join them), N buildings and 10 facility categories with counts of
 * a 3-million-people city (625 km²). Prints a Markdown table: graph build, attachment, per-building
 * walk times for the 10 categories, relaxations per second, and one single-source search by our
 * engine vs graphology-shortest-path on a graphology Graph built from the same edges.
 *
 * graphology needs several GB for a million nodes: the script re-runs itself with
 * --max-old-space-size=12288 unless the heap limit is already ≥ 8 GB (or set NODE_OPTIONS yourself).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import { createLocalFrame } from '../../src/core/geo/localFrame';
import { FACILITY_CATEGORIES, type FacilityCategory, type LonLat } from '../../src/core/model/types';
import { createRandom } from '../../src/core/random';
import { attachPoints } from '../../src/analysis/network/attachPoints';
import { buildWalkGraphFromPacked, type PackedLines, type WalkGraph } from '../../src/analysis/network/buildGraph';
import { buildEdgeGridIndex } from '../../src/analysis/network/edgeIndex';
import { createShortestPathWorkspace, shortestPathTree } from '../../src/analysis/network/shortestPaths';
import { computeServiceCoverage, summariseCoverage } from '../../src/analysis/service-circles/computeServiceCoverage';
import { buildHierarchy } from '../../src/analysis/network/hierarchy/buildHierarchy';
import { networkHash, readHierarchyFile, writeHierarchyFile } from '../../src/analysis/network/hierarchy/hierarchyFile';
import { createSweepWorkspace } from '../../src/analysis/network/hierarchy/sweep';
import { computeSweepCoverage } from '../../src/analysis/service-circles/sweepCoverage';
import { groupPointsByEdge } from '../../src/analysis/service-circles/capacity';
import { nearbyGain, nearbyGainNetwork } from '../../src/analysis/reuse/nearbyGain';
import { evaluateReuseOption, type ReuseOptionGain } from '../../src/analysis/reuse/evaluateReuseOption';
import { walkFromPoint } from '../../src/analysis/reuse/walkFromPoint';
import type { PopulationByTarget } from '../../src/analysis/service-circles/population';
import { DEFAULT_SERVICE_RULES } from '../../src/analysis/service-circles/rules';

const HEAP_MB = 12288;
if (v8.getHeapStatistics().heap_size_limit < 8 * 1024 ** 3 && !process.env.SERVICE_CIRCLES_BENCH_CHILD) {
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SERVICE_CIRCLES_BENCH_CHILD: '1' },
  });
  process.exit(child.status ?? 1);
}

const CENTRE: LonLat = [120.17, 30.27];
const SPACING_M = 25;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const SIZE = arg('--size', 1001);
const BUILDINGS = arg('--buildings', 250_000);
const WITH_GRAPHOLOGY = !process.argv.includes('--no-graphology');

/** Facility counts of a ~3-million-people city (about one per 4–6 thousand residents for schools and care). */
const FACILITY_COUNTS: [FacilityCategory, number, number?][] = [
  ['kindergarten', 900, 270],
  ['primary-school', 350, 1500],
  ['middle-school', 180, 1350],
  ['elderly-care', 700],
  ['elderly-canteen', 600],
  ['health-station', 500],
  ['community-service', 700],
  ['grocery', 1500],
  ['bus-stop', 5000],
  ['fitness', 2500],
];

function syntheticCity(seed: number) {
  const random = createRandom(seed);
  const frame = createLocalFrame(CENTRE);
  const half = ((SIZE - 1) * SPACING_M) / 2;
  // Perturbed node positions, local metres.
  const x = new Float64Array(SIZE * SIZE);
  const y = new Float64Array(SIZE * SIZE);
  for (let r = 0; r < SIZE; r++)
    for (let c = 0; c < SIZE; c++) {
      x[r * SIZE + c] = c * SPACING_M - half + random.range(-4, 4);
      y[r * SIZE + c] = r * SPACING_M - half + random.range(-4, 4);
    }
  const coords: number[] = [];
  const offsets: number[] = [0];
  const push = (i: number) => {
    const [lon, lat] = frame.toLonLat(x[i], y[i]);
    coords.push(lon, lat);
  };
  const endLine = () => {
    const start = offsets[offsets.length - 1];
    if (coords.length / 2 - start >= 2) offsets.push(coords.length / 2);
    else coords.length = start * 2;
  };
  // Rows and columns as long polylines, broken where a link is missing.
  for (const horizontal of [true, false]) {
    for (let a = 0; a < SIZE; a++) {
      push(horizontal ? a * SIZE : a);
      for (let b = 1; b < SIZE; b++) {
        const i = horizontal ? a * SIZE + b : b * SIZE + a;
        if (random.chance(0.05)) {
          endLine();
          push(i);
        } else push(i);
      }
      endLine();
    }
  }
  for (let r = 0; r + 1 < SIZE; r++)
    for (let c = 0; c + 1 < SIZE; c++)
      if (random.chance(0.08)) {
        push(r * SIZE + c);
        push((r + 1) * SIZE + c + 1);
        endLine();
      }
  const lines: PackedLines = { coordinates: Float64Array.from(coords), lineOffsets: Uint32Array.from(offsets) };

  const randomPoint = () => frame.toLonLat(random.range(-half, half), random.range(-half, half));
  const buildingLonLat = new Float64Array(BUILDINGS * 2);
  const population: PopulationByTarget = {
    all: new Float64Array(BUILDINGS),
    '60+': new Float64Array(BUILDINGS),
    '0-2': new Float64Array(BUILDINGS),
    '3-5': new Float64Array(BUILDINGS),
    '6-11': new Float64Array(BUILDINGS),
    '12-14': new Float64Array(BUILDINGS),
    disability: new Float64Array(BUILDINGS),
  };
  for (let b = 0; b < BUILDINGS; b++) {
    [buildingLonLat[2 * b], buildingLonLat[2 * b + 1]] = randomPoint();
    const residents = random.int(0, 24);
    population.all![b] = residents;
    // Hangzhou-like age structure (sample community shares).
    population['60+']![b] = Math.round(residents * 0.2);
    population['0-2']![b] = Math.round(residents * 0.02);
    population['3-5']![b] = Math.round(residents * 0.024);
    population['6-11']![b] = Math.round(residents * 0.045);
    population['12-14']![b] = Math.round(residents * 0.021);
    population.disability![b] = Math.round(residents * 0.019);
  }
  const total = FACILITY_COUNTS.reduce((s, [, n]) => s + n, 0);
  const facilityLonLat = new Float64Array(total * 2);
  const facilityCategory = new Uint8Array(total);
  const facilityCapacity = new Float64Array(total).fill(Number.NaN);
  let f = 0;
  for (const [category, count, capacity] of FACILITY_COUNTS)
    for (let k = 0; k < count; k++, f++) {
      [facilityLonLat[2 * f], facilityLonLat[2 * f + 1]] = randomPoint();
      facilityCategory[f] = FACILITY_CATEGORIES.indexOf(category);
      if (capacity) facilityCapacity[f] = capacity;
    }
  return { lines, buildingLonLat, population, facilityLonLat, facilityCategory, facilityCapacity };
}

/** Wall-clock and CPU time (this process, user + system) of a run, ms. */
function time<T>(run: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return [value, wall, (cpu.user + cpu.system) / 1000];
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
/** step, wall time, CPU time, notes */
const rows: [string, string, string, string][] = [];

const [city, generateMs] = time(() => syntheticCity(20240515));
const [graph, buildMs, buildCpu] = time(() => buildWalkGraphFromPacked(city.lines));
rows.push([
  'synthetic input',
  ms(generateMs),
  '',
  `${(city.lines.lineOffsets.length - 1).toLocaleString('en')} lines, ${(city.lines.coordinates.length / 2).toLocaleString('en')} vertices (not part of the figures below)`,
]);
rows.push([
  'graph build (snap 0.5 m, Vincenty lengths, CSR)',
  ms(buildMs),
  ms(buildCpu),
  `${graph.nodeCount.toLocaleString('en')} nodes, ${graph.edgeCount.toLocaleString('en')} edges`,
]);

const [attached, attachMs, attachCpu] = time(() => {
  const index = buildEdgeGridIndex(graph);
  return {
    buildings: attachPoints(graph, city.buildingLonLat, { index }),
    facilities: attachPoints(graph, city.facilityLonLat, { index }),
  };
});
rows.push([
  'attach buildings and facilities to their nearest edges',
  ms(attachMs),
  ms(attachCpu),
  `${BUILDINGS.toLocaleString('en')} buildings + ${city.facilityCategory.length.toLocaleString('en')} facilities`,
]);

const categories = FACILITY_COUNTS.map(([c]) => c);
const baseInput = {
  graph,
  buildings: attached.buildings,
  facilities: attached.facilities,
  facilityCategory: city.facilityCategory,
  facilityCapacity: city.facilityCapacity,
  rules: DEFAULT_SERVICE_RULES,
  categories,
};
// Warm-up on one category so the timed runs measure steady-state code, as a long-lived worker would.
computeServiceCoverage({ ...baseInput, categories: ['bus-stop'], keepNodeArrays: false });
const [walkOnly, walkMs, walkCpu] = time(() => computeServiceCoverage({ ...baseInput, keepNodeArrays: false }));
rows.push([
  `**per-building walk times, ${categories.length} categories** (one multi-source Dijkstra each, no cutoff, bucket queue)`,
  `**${ms(walkMs)}**`,
  `**${ms(walkCpu)}**`,
  `${(walkMs / categories.length).toFixed(0)} ms per category; ${walkOnly.relaxations.toLocaleString('en')} edge relaxations → ${(((walkOnly.relaxations / walkMs) * 1000) / 1e6).toFixed(1)} M/s wall, ${(((walkOnly.relaxations / walkCpu) * 1000) / 1e6).toFixed(1)} M/s CPU`,
]);
const [heapOnly, heapMs, heapCpu] = time(() => computeServiceCoverage({ ...baseInput, keepNodeArrays: false, queue: 'binary-heap' }));
if (heapOnly.categories.some((c, k) => c.walkDistanceMeters.some((d, b) => d !== walkOnly.categories[k].walkDistanceMeters[b])))
  throw new Error('the two queues disagree');
rows.push([
  'same with the binary-heap queue',
  ms(heapMs),
  ms(heapCpu),
  `${(heapMs / categories.length).toFixed(0)} ms per category; identical walk times`,
]);
const [withAll, fullMs, fullCpu] = time(() => computeServiceCoverage({ ...baseInput, population: city.population, keepNodeArrays: true }));
const kinder = withAll.categories.find((c) => c.category === 'kindergarten')!;
rows.push([
  'same + per-node arrays kept (bands, routes) + population summaries + 2SFCA capacity',
  ms(fullMs),
  ms(fullCpu),
  `${withAll.categories.filter((c) => c.capacity).length} capacity categories; kindergarten: ${((kinder.summary.shareBuildingsWithinThreshold ?? 0) * 100).toFixed(1)} % of homes ≤ 300 m, ${((kinder.capacity?.servedShare ?? 0) * 100).toFixed(1)} % of children 3–5 with a place`,
]);

// Single source from the centre node: ours vs graphology-shortest-path.
const centreNode = Math.floor(graph.nodeCount / 2);

// ---- The hierarchy: preprocessing once per network, then every category in one PHAST sweep ----
const median = <T>(runs: number, run: () => T): [T, number, number] => {
  const results = Array.from({ length: runs }, () => time(run)).sort((a, b) => a[1] - b[1]);
  const mid = results[Math.floor(runs / 2)];
  const cpus = results.map((r) => r[2]).sort((a, b) => a - b);
  return [mid[0], mid[1], cpus[Math.floor(runs / 2)]];
};
const peakRssBefore = process.resourceUsage().maxRSS;
const [hierarchy, prepMs, prepCpu] = time(() => buildHierarchy(graph, { nodeLonLat: graph.nodeLonLat }));
const peakRssAfter = process.resourceUsage().maxRSS;
const [hash, hashMs] = time(() => networkHash(graph));
const [file, writeMs] = time(() => writeHierarchyFile(hierarchy, hash));
const [, readMs] = time(() => readHierarchyFile(file, hash));
const hs = hierarchy.stats;
rows.push([
  '**preprocessing** (once per network): degree-2 chains, contraction hierarchy with a core, level + Hilbert renumbering',
  `**${ms(prepMs)}**`,
  `**${ms(prepCpu)}**`,
  `${hs.chainNodes.toLocaleString('en')} chain nodes, ${hs.shortcuts.toLocaleString('en')} shortcuts (${(hs.shortcuts / hs.edges).toFixed(2)} per edge), ${hs.levels} levels, core ${hierarchy.coreCount.toLocaleString('en')} nodes / ${hierarchy.coreTargets.length.toLocaleString('en')} arcs; ${hs.witnessSearches.toLocaleString('en')} witness searches; peak RSS ${peakRssAfter > peakRssBefore ? `+${((peakRssAfter - peakRssBefore) / 1024).toFixed(0)} MB` : 'not above the earlier steps’'} (${(peakRssAfter / 1024).toFixed(0)} MB)`,
]);
rows.push([
  'hierarchy file: network hash, write, read',
  `${ms(hashMs)} + ${ms(writeMs)} + ${ms(readMs)}`,
  '',
  `walk-hierarchy.bin ${(file.length / 1024 ** 2).toFixed(1)} MB (typed arrays, versioned by the network's hash)`,
]);

// What a user waits for after a change of facilities: attach them, one sweep for all categories,
// every building's walks and every category's summary (the graph, its hierarchy and the buildings' attachment are kept).
const edgeIndex = buildEdgeGridIndex(graph);
const sweepWorkspace = createSweepWorkspace(hierarchy, categories.length);
const afterChange = () => {
  const t0 = performance.now();
  const facilities = attachPoints(graph, city.facilityLonLat, { index: edgeIndex });
  const t1 = performance.now();
  const swept = computeSweepCoverage({ ...baseInput, facilities, hierarchy, workspace: sweepWorkspace });
  const t2 = performance.now();
  const counted = new Uint8Array(BUILDINGS).fill(1);
  const bandsMeters = DEFAULT_SERVICE_RULES.bands.map((band) => band.maxDistanceMeters);
  const summaries = swept.categories.map((c) =>
    summariseCoverage(c.rule, c.walkDistanceMeters, bandsMeters, counted, city.population[c.rule.targetPopulation]),
  );
  // Wall times of the steps around the sweep, and of the per-building walks inside computeSweepCoverage.
  const { up, core, down } = swept.phaseMs;
  const stepMs = { attach: t1 - t0, walks: t2 - t1 - up - core - down, summaries: performance.now() - t2 };
  return { swept, summaries, stepMs };
};
// The first run also keeps each building's edge ends as sweep positions in the workspace (the buildings do not change).
const [, firstMs, firstCpu] = time(afterChange);
const [after, sweepMs, sweepCpu] = median(5, afterChange);
const phases = after.swept;
// Same distances? Against the metre-exact Dijkstra runs above, within each category's cutoff.
let largestDifference = 0;
let thresholdFlips = 0;
after.swept.categories.forEach((c, k) => {
  const old = walkOnly.categories[k].walkDistanceMeters;
  for (let b = 0; b < BUILDINGS; b++) {
    const now = c.walkDistanceMeters[b];
    if (old[b] <= c.cutoffMeters - 1) largestDifference = Math.max(largestDifference, Math.abs(now - old[b]));
    if (now <= c.rule.maxDistanceMeters !== old[b] <= c.rule.maxDistanceMeters) thresholdFlips++;
  }
});
rows.push([
  `**per-building walk times, ${categories.length} categories, hierarchy: attach facilities + one PHAST sweep + summaries** (median of 5; cutoffs from the rules)`,
  `**${ms(sweepMs)}**`,
  `**${ms(sweepCpu)}**`,
  `speed-up ${(walkMs / sweepMs).toFixed(1)}× wall, ${(walkCpu / sweepCpu).toFixed(1)}× CPU over the Dijkstra row; first run ${ms(firstMs)} (CPU ${ms(firstCpu)}); steps (median run): attach facilities ${ms(after.stepMs.attach)}, sweep up ${ms(phases.phaseMs.up)}, core ${ms(phases.phaseMs.core)}, down ${ms(phases.phaseMs.down)}, building walks ${ms(after.stepMs.walks)}, summaries ${ms(after.stepMs.summaries)}; ${phases.arcsScanned.toLocaleString('en')} arcs read; largest difference from the Dijkstra row ${largestDifference.toExponential(1)} m, ${thresholdFlips} building × category pairs on the other side of the rule's distance`,
]);
const [, cutMs, cutCpu] = median(3, () => computeServiceCoverage({ ...baseInput, keepNodeArrays: false, cutoffMeters: 1000 }));
rows.push([
  'for comparison: the Dijkstra engine with a 1,000 m cutoff (median of 3)',
  ms(cutMs),
  ms(cutCpu),
  `${(cutMs / categories.length).toFixed(0)} ms per category`,
]);

// Per-candidate reuse gain: elderly care at 50 random places.
const candidateRandom = createRandom(7);
const half = ((SIZE - 1) * SPACING_M) / 2;
const candidateFrame = createLocalFrame(CENTRE);
const candidates = Array.from({ length: 50 }, () =>
  candidateFrame.toLonLat(candidateRandom.range(-half, half), candidateRandom.range(-half, half)),
);
const elderly = walkOnly.categories[categories.indexOf('elderly-care')];
const threshold = elderly.rule.maxDistanceMeters;
const nearby = nearbyGainNetwork(
  graph,
  attached.buildings,
  groupPointsByEdge(graph.edgeCount, attached.buildings),
  edgeIndex,
  createShortestPathWorkspace(graph.nodeCount),
);
const gainInput = { baseWalkMeters: elderly.walkDistanceMeters, thresholdMeters: threshold, targetPopulation: city.population['60+']! };
const [nearGains, nearMs, nearCpu] = time(() => candidates.map((p) => nearbyGain(nearby, p, gainInput)));
// The app's what-if (evaluateReuseOption): its first call keeps the buildings by edge and a search
// workspace for the coverage's buildings; every later candidate reuses them.
const whatIf = (p: LonLat) => evaluateReuseOption(walkOnly, { position: p, category: 'elderly-care', usableAreaM2: 600 }, { edgeIndex });
const [, setupMs, setupCpu] = time(() => whatIf(candidates[0]));
const [appGains, appMs, appCpu] = time(() => candidates.map(whatIf));
// Against the old reading: a walk from the candidate over the whole network, every building read.
const [wholeGains, wholeGainMs, wholeGainCpu] = time(() =>
  candidates
    .slice(0, 5)
    .map((p) =>
      evaluateReuseOption(
        walkOnly,
        { position: p, category: 'elderly-care', usableAreaM2: 600 },
        { walk: walkFromPoint(walkOnly, p, { edgeIndex }) },
      ),
    ),
);
const withoutWork = (g: ReuseOptionGain) => JSON.stringify({ ...g, afterWalkDistanceMeters: [], relaxations: 0 });
wholeGains.forEach((g, i) => {
  const a = appGains[i];
  if (withoutWork(g) !== withoutWork(a) || g.afterWalkDistanceMeters.some((d, b) => d !== a.afterWalkDistanceMeters[b]))
    throw new Error(`the what-if differs from the whole-network reading at candidate ${i}`);
});
if (appGains.some((g, i) => g.buildingsNewlyWithinThreshold !== nearGains[i].buildingsNewlyWithinThreshold))
  throw new Error('nearbyGain and the what-if disagree');
const longestToday = elderly.walkDistanceMeters.reduce((m, d) => (d < Infinity && d > m ? d : m), 0);
rows.push([
  '**per-candidate reuse gain** (elderly care, 50 places): nearbyGain, a search bounded by the rule + the buildings it reached, against the base walks',
  `**${(nearMs / candidates.length).toFixed(2)} ms**`,
  `**${(nearCpu / candidates.length).toFixed(2)} ms**`,
  `${nearGains.reduce((s, g) => s + g.buildingsNewlyWithinThreshold, 0)} homes gained in all`,
]);
rows.push([
  "**the app's what-if per candidate** (evaluateReuseOption: bands, homes, gaining homes, walks after, capacity)",
  `**${(appMs / candidates.length).toFixed(2)} ms**`,
  `**${(appCpu / candidates.length).toFixed(2)} ms**`,
  `its search stops at the rule's distance or the longest walk today among the buildings that a straight line lets gain, whichever is farther (the city's longest is ${longestToday.toFixed(0)} m); first call ${ms(setupMs)} (CPU ${ms(setupCpu)}: buildings by edge, search workspace); identical to reading a whole-network walk (first 5 checked), which takes ${ms(wholeGainMs / 5)} per candidate (CPU ${ms(wholeGainCpu / 5)})`,
]);

shortestPathTree(graph, { nodes: [centreNode] });
const median3 = (run: () => unknown): [number, number] => {
  const runs = [0, 1, 2].map(() => time(run)).sort((a, b) => a[1] - b[1]);
  return [runs[1][1], runs[1][2]];
};
const ours = shortestPathTree(graph, { nodes: [centreNode] });
const [oursMs, oursCpu] = median3(() => shortestPathTree(graph, { nodes: [centreNode] }));
const [oursHeapMs, oursHeapCpu] = median3(() => shortestPathTree(graph, { nodes: [centreNode] }, { queue: 'binary-heap' }));
rows.push([
  'single source, ours, bucket queue (median of 3)',
  ms(oursMs),
  ms(oursCpu),
  `${ours.settledCount.toLocaleString('en')} nodes settled, ${ours.relaxations.toLocaleString('en')} relaxations`,
]);
rows.push(['single source, ours, binary heap (median of 3)', ms(oursHeapMs), ms(oursHeapCpu), '']);

if (WITH_GRAPHOLOGY) {
  const [g, gBuildMs, gBuildCpu] = time(() => toGraphology(graph));
  rows.push(['graphology Graph from the same edges', ms(gBuildMs), ms(gBuildCpu), 'undirected, `weight` attribute = edge metres']);
  const heapBefore = process.memoryUsage().heapUsed;
  const [paths, gMs, gCpu] = time(() => dijkstra.singleSource(g, String(centreNode), 'weight'));
  const heapAfter = process.memoryUsage().heapUsed;
  // Same distances? Sum the edge weights along a spread of the library's paths.
  let maxDiff = 0;
  for (let v = 0; v < graph.nodeCount; v += 9973) {
    const path = paths[String(v)];
    if (!path) continue;
    let d = 0;
    for (let k = 1; k < path.length; k++) d += g.getEdgeAttribute(g.edge(path[k - 1], path[k])!, 'weight') as number;
    maxDiff = Math.max(maxDiff, Math.abs(d - ours.distanceMeters[v]));
  }
  rows.push([
    'single source, graphology-shortest-path 2.1.0 `dijkstra.singleSource`',
    ms(gMs),
    ms(gCpu),
    `heap +${((heapAfter - heapBefore) / 1024 ** 2).toFixed(0)} MB (it returns every path as an array); largest distance difference ${maxDiff.toExponential(1)} m`,
  ]);
  rows.push([
    '**speed-up, single source** (graphology ÷ ours)',
    `**${(gMs / oursMs).toFixed(0)}×**`,
    `**${(gCpu / oursCpu).toFixed(0)}×**`,
    `binary heap: ${(gMs / oursHeapMs).toFixed(0)}× wall`,
  ]);
}

function toGraphology(walk: WalkGraph): Graph {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let n = 0; n < walk.nodeCount; n++) g.addNode(String(n));
  for (let e = 0; e < walk.edgeCount; e++)
    g.addEdge(String(walk.edgeNodes[2 * e]), String(walk.edgeNodes[2 * e + 1]), { weight: walk.edgeLengthsMeters[e] });
  return g;
}

const load = os.loadavg()[0];
console.log(
  `\n### Service circles at city scale — ${os.cpus()[0]?.model ?? 'cpu'} (${os.cpus().length} cores, load ${load.toFixed(1)} at the end), Node ${process.version}, one thread\n`,
);
console.log('| step | wall | CPU | notes |');
console.log('| --- | ---: | ---: | --- |');
for (const [step, wall, cpu, notes] of rows) console.log(`| ${step} | ${wall} | ${cpu} | ${notes} |`);
