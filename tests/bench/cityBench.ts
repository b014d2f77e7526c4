/**
 * `npm run bench` (part): the city base at scale. Generates the synthetic Hangzhou (seeded), tiles it
 * with `npm run tiles` under `/usr/bin/time -v` (wall time, buildings/s, peak RSS), then opens the
 * built app (light profile, software GL) with that tileset as its base at three camera heights —
 * city, district, community — in a fresh browser each: time from navigation to the first complete
 * frame (data-ready and every base tile in view loaded), browser RSS (all Chromium processes) and
 * JS heap after GC. Figures, not a test.
 *
 *   npm run bench:city [-- --count 1000000] [--work dist-bench/city] [--reuse]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { cspMetaTag } from '../../build/contentSecurityPolicy.ts';
import { DEFAULT_BASE_CONFIG, type BaseConfig } from '../../src/data/base/baseConfig.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser/support/globalSetup.ts';
import { indexWithCsp, serveSite } from '../browser/support/baseServer.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const count = Number(option('--count', '1000000'));
const work = path.resolve(option('--work', 'dist-bench/city'));
const reuse = args.includes('--reuse');
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const HEIGHTS = [
  { name: 'city', cam: '120.20,30.05,45000,0,-60' },
  { name: 'district', cam: '120.13,30.20,7000,0,-45' },
  { name: 'community', cam: '120.1767,30.2599,900,20,-40' },
];

/** RSS of a process and all its descendants, MiB (Linux /proc). */
function treeRssMiB(pid: number): number {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows)
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}

async function main() {
  if (!existsSync('dist/index.html')) throw new Error('run `npm run build` first');
  const input = path.join(work, 'hangzhou-synthetic.geojsonl');
  const tiles = path.join(work, 'tiles');
  mkdirSync(work, { recursive: true });
  if (!reuse || !existsSync(input))
    execFileSync('npx', ['tsx', 'src/pipeline/generateBuildings.ts', '--count', String(count), '--seed', '1', '--out', input], {
      stdio: 'inherit',
    });
  if (!reuse || !existsSync(path.join(tiles, 'tileset.json'))) {
    rmSync(tiles, { recursive: true, force: true });
    const run = spawnSync('/usr/bin/time', ['-v', 'npx', 'tsx', 'src/pipeline/writeTiles.ts', '--buildings', input, '--out', tiles], {
      encoding: 'utf8',
    });
    const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(run.stderr)?.[1] ?? '?';
    const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    const seconds = elapsed.split(':').reduce((s, part) => s * 60 + Number(part), 0);
    console.log(run.stdout.trim().split('\n').slice(-2).join('\n'));
    console.log(
      `\nTiling ${fmt(count)} synthetic buildings: wall ${fmt(seconds, 1)} s, ${fmt(count / seconds)} buildings/s, peak RSS ${fmt(rssKb / 1024)} MiB (/usr/bin/time -v)\n`,
    );
  }
  const config: BaseConfig = {
    ...DEFAULT_BASE_CONFIG,
    sources: [
      ...DEFAULT_BASE_CONFIG.sources,
      {
        id: 'city',
        kind: '3dtiles',
        type: 'buildings',
        name: { zh: '杭州（合成）', en: 'Hangzhou (synthetic)' },
        attribution: 'synthetic',
        visible: true,
        url: 'city-bench/tileset.json',
        style: { colorBy: 'height' },
      },
    ],
  };
  const site = await serveSite(
    { '/twin/models/city-bench/': tiles, '/twin/': 'dist' },
    { '/twin/models/base.json': JSON.stringify(config), '/twin/index.html': indexWithCsp(cspMetaTag(config)) },
  );
  const lines = ['| camera | first complete frame s | browser RSS MiB | JS heap MiB | tiles requested |', '|---|---|---|---|---|'];
  try {
    for (const height of HEIGHTS) {
      const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
      const browser = await chromium.connect(server.wsEndpoint());
      try {
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        let tileRequests = 0;
        page.on('request', (r) => r.url().includes('/city-bench/tiles/') && tileRequests++);
        const start = Date.now();
        await page.goto(`${site.url}?profile=light&cam=${height.cam}`);
        await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 600_000 });
        await page.waitForFunction(() => window.__twin?.importedLayersLoaded() === true, undefined, { timeout: 600_000, polling: 500 });
        await page.evaluate(() => window.__twin!.nextFrame());
        const seconds = (Date.now() - start) / 1000;
        const rss = treeRssMiB(server.process().pid!);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        await page.screenshot({ path: path.join(work, `city-${height.name}.png`) });
        lines.push(
          `| ${height.name} (${height.cam}) | ${fmt(seconds, 1)} | ${fmt(rss)} | ${fmt(usedSize / 2 ** 20, 1)} | ${tileRequests} |`,
        );
        console.log(lines.at(-1));
      } finally {
        await browser.close();
        await server.close();
      }
    }
  } finally {
    await site.close();
  }
  console.log(
    `\nViewer on ${fmt(count)} synthetic buildings (light profile, software GL, 1600×900; screenshots in ${path.relative(process.cwd(), work)}):\n${lines.join('\n')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
