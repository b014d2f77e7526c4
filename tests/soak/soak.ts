/**
 * `npm run soak`: the large screen's kiosk tour, run accelerated for many steps in headless Chromium
 * (software WebGL), to show that a wall can run all day: the JS heap after garbage collection and the
 * DOM node counts are printed at the start and at the end, and the run fails (exit 1) when the heap
 * grew by more than 20 %, the page crashed or the steps were not reached in time.
 *
 *   npm run build && npm run soak [-- --steps 2000] [--dwell 0.2] [--width 1920 --height 540]
 *                                 [--warmup 22] [--max-growth 0.2] [--timeout-min 240]
 *
 * Builds nothing itself: it serves the existing dist/ from a sub-path, like the browser tests. The
 * default window is 1920×540 — the 32:9 wall layout at a quarter of 7680×2160 — so software WebGL
 * stays fast; every step still flies the camera, recolours the buildings and replaces the KPI tiles
 * and the charts. Start and end are measured at the same place: the tour paused (space) on its first
 * step (a click on it in the caption), the scene drawn, after two forced garbage collections.
 */
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/support/globalSetup.ts';
import { serveStatic } from '../browser/support/staticServer.ts';

interface Options {
  steps: number;
  dwellSeconds: number;
  width: number;
  height: number;
  /** Steps shown before the start is measured: chunks loaded, caches and pools filled. */
  warmup: number;
  /** Largest accepted heap growth, as a share of the start (0.2 = 20 %). */
  maxGrowth: number;
  timeoutMs: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    steps: 2000,
    dwellSeconds: 0.2,
    width: 1920,
    height: 540,
    warmup: 22,
    maxGrowth: 0.2,
    timeoutMs: 240 * 60_000,
  };
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number ≥ ${min}, got ${value}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--steps') options.steps = Math.round(number(flag, value, 1));
    else if (flag === '--dwell') options.dwellSeconds = number(flag, value, 0.05);
    else if (flag === '--width') options.width = Math.round(number(flag, value, 320));
    else if (flag === '--height') options.height = Math.round(number(flag, value, 180));
    else if (flag === '--warmup') options.warmup = Math.round(number(flag, value, 0));
    else if (flag === '--max-growth') options.maxGrowth = number(flag, value, 0);
    else if (flag === '--timeout-min') options.timeoutMs = number(flag, value, 1) * 60_000;
    else throw new Error(`unknown option ${flag} (see the comment at the top of tests/soak/soak.ts)`);
  }
  return options;
}

interface Sample {
  stepsShown: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** CDP Memory.getDOMCounters: nodes alive in the renderer, attached or not (after GC). */
  domNodes: number;
  jsEventListeners: number;
  documents: number;
  /** Elements in the document. */
  elements: number;
}

const MiB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
const stepsShown = (page: Page) =>
  page.evaluate(() => Number(document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-steps-shown') ?? 0));
const playing = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-playing') === 'true');
const waitForDataReady = (page: Page, timeoutMs = 180_000) =>
  page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: timeoutMs });

async function heapUsage(cdp: CDPSession): Promise<{ usedSize: number; totalSize: number }> {
  return cdp.send('Runtime.getHeapUsage');
}

/** Pauses the tour on its first step with the scene drawn, collects garbage and measures. */
async function measureAtRest(page: Page, cdp: CDPSession): Promise<Sample> {
  if (await playing(page)) await page.keyboard.press(' ');
  await page.waitForFunction(() => document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-playing') === 'false');
  await page.locator('[data-testid=tour-caption] .screen-steps li').first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-step') === '0');
  await waitForDataReady(page);
  await page.evaluate(() => window.__twin!.nextFrame());
  // Let charts, the clock and the workers settle, then collect twice (the second frees what finalisers released).
  await page.waitForTimeout(1500);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await heapUsage(cdp);
  const dom = await cdp.send('Memory.getDOMCounters');
  return {
    stepsShown: await stepsShown(page),
    heapUsedBytes: heap.usedSize,
    heapTotalBytes: heap.totalSize,
    domNodes: dom.nodes,
    jsEventListeners: dom.jsEventListeners,
    documents: dom.documents,
    elements: await page.evaluate(() => document.getElementsByTagName('*').length),
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` first');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`);
  const site = await serveStatic('dist', '/twin/');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 60_000).toFixed(1)} min`;
  const problems: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: options.width, height: options.height },
      deviceScaleFactor: 1,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    let crashed = false;
    page.on('crash', () => (crashed = true));
    const cdp = await context.newCDPSession(page);

    const query = `profile=light&mode=screen&tour=auto&dwell=${options.dwellSeconds}`;
    console.log(
      `soak: ${options.steps} tour steps, dwell ${options.dwellSeconds} s, ${options.width}×${options.height}, ${site.url}?${query}`,
    );
    await page.goto(`${site.url}?${query}`);
    await waitForDataReady(page);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid=tour-caption]')?.getAttribute('data-steps-shown') ?? 0) >= n,
      options.warmup,
      {
        timeout: 30 * 60_000,
        polling: 1000,
      },
    );
    const start = await measureAtRest(page, cdp);
    console.log(
      `start (after ${start.stepsShown} warm-up steps, ${elapsed()}): heap ${MiB(start.heapUsedBytes)}, DOM nodes ${start.domNodes}, elements ${start.elements}, listeners ${start.jsEventListeners}`,
    );

    await page.keyboard.press(' '); // play again
    const target = start.stepsShown + options.steps;
    let reported = start.stepsShown;
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      if (crashed) break;
      const shown = await stepsShown(page);
      if (shown >= target) break;
      if (Date.now() > deadline) {
        problems.push(`only ${shown - start.stepsShown} of ${options.steps} steps in ${options.timeoutMs / 60_000} min`);
        break;
      }
      if (shown - reported >= 100) {
        reported = shown;
        // Collected while the tour runs (one step's scene and charts are alive at any time): the trend
        // between the rest measurements, to tell a plateau from a leak.
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = await heapUsage(cdp);
        const quality = await page.evaluate(() => window.__twin?.quality().level ?? -1);
        console.log(
          `  ${shown - start.stepsShown} steps, ${elapsed()}: heap ${MiB(heap.usedSize)} (after GC, tour running), quality level ${quality}`,
        );
      }
      await page.waitForTimeout(2000);
    }
    if (crashed) problems.push('the page crashed');
    else {
      const end = await measureAtRest(page, cdp);
      const steps = end.stepsShown - start.stepsShown - 1; // the click on the first step counts as one
      const growth = end.heapUsedBytes / start.heapUsedBytes - 1;
      const twin = await page.evaluate(() => ({ rebuilds: window.__twin!.rebuilds(), quality: window.__twin!.quality() }));
      console.log(
        `end (after ${steps} steps, ${elapsed()}): heap ${MiB(end.heapUsedBytes)}, DOM nodes ${end.domNodes}, elements ${end.elements}, listeners ${end.jsEventListeners}`,
      );
      console.log('');
      console.log('| | start | end | change |');
      console.log('|---|---|---|---|');
      console.log(`| JS heap used (after GC) | ${MiB(start.heapUsedBytes)} | ${MiB(end.heapUsedBytes)} | ${(growth * 100).toFixed(1)} % |`);
      console.log(`| JS heap total | ${MiB(start.heapTotalBytes)} | ${MiB(end.heapTotalBytes)} | |`);
      console.log(`| DOM nodes (Memory.getDOMCounters) | ${start.domNodes} | ${end.domNodes} | ${end.domNodes - start.domNodes} |`);
      console.log(`| elements in the document | ${start.elements} | ${end.elements} | ${end.elements - start.elements} |`);
      console.log(
        `| JS event listeners | ${start.jsEventListeners} | ${end.jsEventListeners} | ${end.jsEventListeners - start.jsEventListeners} |`,
      );
      console.log(`| documents | ${start.documents} | ${end.documents} | ${end.documents - start.documents} |`);
      console.log('');
      console.log(
        `views rebuilt: ${twin.rebuilds}, render quality level ${twin.quality.level} (resolution ${twin.quality.resolutionScale}), console errors: ${consoleErrors.length}`,
      );
      for (const e of consoleErrors.slice(0, 5)) console.log(`  console error: ${e.slice(0, 300)}`);
      if (growth > options.maxGrowth)
        problems.push(`the JS heap grew by ${(growth * 100).toFixed(1)} % (limit ${options.maxGrowth * 100} %)`);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  for (const p of problems) console.error(`soak FAILED: ${p}`);
  if (!problems.length) console.log('soak passed');
  return problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
