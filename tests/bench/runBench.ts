/**
 * `npm run bench`: figures, not a test. Builds tests/bench/building-layer.html into dist-bench/,
 * serves it on loopback and, in headless Chromium (software WebGL), measures the community building
 * layer (one batched Primitive) against one Entity per building at several sizes.
 *
 *   npm run bench [-- --sizes 1000,10000,50000] [--repeat 3] [--timeout 180]
 *
 * Each (N, approach, repeat) run gets a fresh browser, so no run inherits another's GPU-process or
 * heap state. With --repeat > 1, runs are interleaved (all sizes and approaches, then again) and the
 * table shows medians.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/support/globalSetup.ts';
import { serveStatic } from '../browser/support/staticServer.ts';
import type { Approach, BenchResult } from './benchTypes.ts';

const APPROACHES: Approach[] = ['tiles', 'primitive', 'entity'];
const VIEWPORT = { width: 1280, height: 720 };

interface Options {
  sizes: number[];
  repeat: number;
  timeoutMs: number;
}

interface Measured {
  firstCompleteFrameMs: number;
  fps: number;
  p95FrameMs: number;
  heapMB: number;
}

type Outcome = Measured | 'timeout' | 'error';

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [1000, 10000, 50000], repeat: 1, timeoutMs: 180_000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => inline ?? argv[++i] ?? '';
    if (flag === '--sizes') options.sizes = value().split(',').map(Number);
    else if (flag === '--repeat') options.repeat = Number(value());
    else if (flag === '--timeout') options.timeoutMs = Number(value()) * 1000;
    else throw new Error(`unknown argument ${argv[i]} (use --sizes 1000,10000 --repeat 3 --timeout 180)`);
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--sizes takes positive integers, e.g. 1000,10000');
  if (!Number.isInteger(options.repeat) || options.repeat < 1) throw new Error('--repeat takes a positive integer');
  return options;
}

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Off-host means anything but loopback (data: and blob: URLs never leave the page). */
function isOffHost(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return false;
  return hostname !== '127.0.0.1';
}

async function runOnce(
  browser: Browser,
  url: string,
  timeoutMs: number,
  requests: string[],
  onFirstPage: (info: { glRenderer: string }) => void,
): Promise<Outcome> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  // Includes requests from the page's workers (Cesium builds geometry in web workers).
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    try {
      // Polling by interval, not by animation frame: frames take up to seconds in software GL.
      await page.waitForFunction(() => window.__bench?.done === true, undefined, { timeout: timeoutMs, polling: 500 });
    } catch {
      return 'timeout';
    }
    const result = (await page.evaluate(() => window.__bench)) as BenchResult;
    if (result.error || result.fps === undefined) {
      console.error(`  page error: ${result.error ?? 'no figures'} ${pageErrors.slice(0, 3).join(' | ')}`);
      return 'error';
    }
    onFirstPage({
      glRenderer: await page.evaluate(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        const info = gl?.getExtension('WEBGL_debug_renderer_info');
        return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL2';
      }),
    });
    // JS heap after a full GC, (ArrayBuffers and GPU memory are not included).
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return {
      firstCompleteFrameMs: result.firstCompleteFrameMs!,
      fps: result.fps,
      p95FrameMs: result.p95FrameMs!,
      heapMB: usedSize / 2 ** 20,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);

  // Software GL uses every core: anything else running (a test suite, a build) skews the figures.
  const loadAtStart = os.loadavg()[0];
  console.log('Building dist-bench/ …');
  await build({ configFile: 'vite.bench.config.ts' });
  const site = await serveStatic('dist-bench', '/bench/');

  const outcomes = new Map<string, Outcome[]>();
  const key = (n: number, approach: Approach): string => `${n}/${approach}`;
  const requests: string[] = [];
  let chromiumVersion = '';
  let glRenderer = '';
  try {
    for (let rep = 1; rep <= options.repeat; rep++) {
      for (const n of options.sizes) {
        for (const approach of APPROACHES) {
          const runStarted = performance.now();
          const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
          chromiumVersion ||= browser.version();
          let outcome: Outcome;
          try {
            const url = `${site.url}building-layer.html?n=${n}&approach=${approach}&seed=1`;
            outcome = await runOnce(browser, url, options.timeoutMs, requests, (info) => (glRenderer ||= info.glRenderer));
          } finally {
            await browser.close();
          }
          outcomes.set(key(n, approach), [...(outcomes.get(key(n, approach)) ?? []), outcome]);
          const summary =
            typeof outcome === 'string'
              ? outcome
              : `first frame ${fmt(outcome.firstCompleteFrameMs)} ms, ${fmt(outcome.fps, 2)} fps, heap ${fmt(outcome.heapMB, 1)} MB`;
          console.log(
            `  [${rep}/${options.repeat}] N=${fmt(n)} ${approach}: ${summary} (${fmt((performance.now() - runStarted) / 1000, 1)} s)`,
          );
        }
      }
    }
  } finally {
    await site.close();
  }

  /** Medians over the runs that produced figures; 'timeout'/'error' only when none did. */
  const summarize = (n: number, approach: Approach): Measured | string => {
    const all = outcomes.get(key(n, approach)) ?? [];
    const ok = all.filter((o): o is Measured => typeof o !== 'string');
    if (ok.length === 0) return all.find((o) => o === 'timeout') ?? 'error';
    const pick = (f: (m: Measured) => number): number => median(ok.map(f));
    return {
      firstCompleteFrameMs: pick((m) => m.firstCompleteFrameMs),
      fps: pick((m) => m.fps),
      p95FrameMs: pick((m) => m.p95FrameMs),
      heapMB: pick((m) => m.heapMB),
    };
  };
  const label = {
    tiles: '3D Tiles tiled in the page (tiled path)',
    primitive: 'BuildingLayer (batched Primitive)',
    entity: 'one Entity per building',
  } satisfies Record<Approach, string>;

  const lines: string[] = [];
  lines.push('');
  lines.push(
    `Chromium ${chromiumVersion}; GL renderer: ${glRenderer || 'unknown'}; viewport ${VIEWPORT.width}×${VIEWPORT.height}, profile 'light'`,
  );
  lines.push(
    options.repeat > 1 ? `Medians of ${options.repeat} runs, one fresh browser per run.` : 'One run each, one fresh browser per run.',
  );
  lines.push('');
  lines.push('| N | approach | first complete frame ms | FPS while moving | p95 frame ms | JS heap MB |');
  lines.push('|---|---|---|---|---|---|');
  const ratios: string[] = [];
  for (const n of options.sizes) {
    const rows = APPROACHES.map((a) => [a, summarize(n, a)] as const);
    for (const [approach, m] of rows) {
      const cells =
        typeof m === 'string' ? [m, m, m, m] : [fmt(m.firstCompleteFrameMs), fmt(m.fps, 2), fmt(m.p95FrameMs), fmt(m.heapMB, 1)];
      lines.push(`| ${fmt(n)} | ${label[approach]} | ${cells.join(' | ')} |`);
    }
    const [p, e, t] = [summarize(n, 'primitive'), summarize(n, 'entity'), summarize(n, 'tiles')];
    if (typeof t !== 'string' && typeof e !== 'string' && typeof p !== 'string')
      ratios.push(
        `N=${fmt(n)}: first complete frame entity/tiles = ${fmt(e.firstCompleteFrameMs / t.firstCompleteFrameMs, 2)}×, ` +
          `primitive/tiles = ${fmt(p.firstCompleteFrameMs / t.firstCompleteFrameMs, 2)}×`,
      );
    ratios.push(
      typeof p === 'string' || typeof e === 'string'
        ? `N=${fmt(n)}: ratios n/a (primitive: ${typeof p === 'string' ? p : 'ok'}, entity: ${typeof e === 'string' ? e : 'ok'})`
        : `N=${fmt(n)}: first complete frame entity/primitive = ${fmt(e.firstCompleteFrameMs / p.firstCompleteFrameMs, 2)}×; ` +
            `FPS primitive/entity = ${fmt(p.fps / e.fps, 2)}×; JS heap entity/primitive = ${fmt(e.heapMB / p.heapMB, 1)}×`,
    );
  }
  lines.push('', ...ratios, '');
  const offHost = [...new Set(requests.filter(isOffHost))];
  lines.push(
    offHost.length === 0
      ? `Requests: ${requests.length}, all to 127.0.0.1.`
      : `WARNING: ${offHost.length} request URL(s) left 127.0.0.1: ${offHost.slice(0, 5).join(', ')}`,
  );
  const load = `1-min load average ${fmt(loadAtStart, 2)} at start, on ${os.cpus().length} cores`;
  lines.push(loadAtStart > os.cpus().length / 2 ? `WARNING: ${load}: something else was using the CPU; figures may be skewed.` : load);
  lines.push(`Total wall time: ${fmt((performance.now() - started) / 1000, 1)} s`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
