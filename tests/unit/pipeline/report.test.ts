import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeServiceCoverageFromRequest,
  serviceCoverageRequestFromCommunity,
} from '../../../src/analysis/service-circles/serviceCoverageRequest';
import { formatSuppressed, suppressCount } from '../../../src/data/privacy/aggregate';
import { formatNumber, translate } from '../../../src/i18n/translate';
import { runReport } from '../../../src/pipeline/report';
import { ID_NUMBER_PATTERN, PHONE_PATTERN } from '../../../src/report/privacyGuard';
import { formatValue, SCENARIOS } from '../../../src/scenarios';
import { loadSampleCommunity } from '../support/samplePackage';

/**
 * The report CLI as a user runs it on the sample package: a real PDF printed by headless Chromium,
 * read back with poppler's pdftotext (apt package poppler-utils, installed by .ci/run), and checked
 * against figures computed here independently of the report code.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const sample = path.join(root, 'models/sample-jinghe');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('npm run report -- models/sample-jinghe --out report.pdf', () => {
  let dir: string;
  let text = '';
  let html = '';
  let code: number;
  let stderr = '';

  beforeAll(async () => {
    if (!existsSync(chromium))
      throw new Error(`Chromium not found at ${chromium}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`);
    if (!hasPdftotext()) throw new Error('pdftotext not found: apt-get install -y poppler-utils');
    dir = mkdtempSync(path.join(tmpdir(), 'fct-report-'));
    code = await runReport([sample, '--out', path.join(dir, 'report.pdf'), '--html', path.join(dir, 'report.html')], {
      stdout: () => {},
      stderr: (t) => (stderr += `${t}\n`),
    });
    // -layout keeps each table row on one line, so a row can be matched as a whole.
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    html = readFileSync(path.join(dir, 'report.html'), 'utf8');
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 and writes a PDF', () => {
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('names the community and every scenario', () => {
    expect(text).toContain('景和新村社区');
    for (const s of SCENARIOS) expect(text, s.id).toContain(s.name.zh);
  });

  it('prints the coverage the analysis engine computes for the same package', async () => {
    const community = await loadSampleCommunity();
    const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
    const pct = (x: number | null) => formatValue(x, 'share', 'percent', 'zh-CN');
    const lines = text.split('\n');
    for (const c of coverage.categories) {
      const s = c.summary;
      const total = s.targetPopulationTotal!;
      const k5 = coverage.bands.findIndex((b) => b.id === '5min');
      const k15 = coverage.bands.findIndex((b) => b.id === '15min');
      const cells = [
        pct(s.shareTargetPopulationWithinThreshold),
        pct(total > 0 ? s.targetPopulationWithinBands![k5] / total : null),
        pct(total > 0 ? s.targetPopulationWithinBands![k15] / total : null),
        formatSuppressed(suppressCount(s.uncoveredTargetPopulation!), (v) => formatNumber('zh-CN', v)),
      ];
      // The coverage table's row: label … radius "300 m" … facilities, within radius, 5 min, 15 min, uncovered.
      const label = translate('zh-CN', `facility.${c.category}`);
      const row = new RegExp(
        `^\\s*${escapeRegExp(label)}\\s.*\\s${escapeRegExp(formatNumber('zh-CN', c.rule.maxDistanceMeters))} m\\s.*\\s${c.facilityIndices.length}\\s+${cells.map(escapeRegExp).join('\\s+')}\\s*$`,
      );
      expect(
        lines.some((line) => row.test(line)),
        `${c.category}: ${cells.join(' ')}`,
      ).toBe(true);
    }
  });

  it('holds nothing shaped like a phone or an ID number', () => {
    expect(text).not.toMatch(PHONE_PATTERN);
    expect(text).not.toMatch(ID_NUMBER_PATTERN);
  });

  it('writes the same report as self-contained HTML', () => {
    expect(html).toContain('景和新村社区');
    expect(html).not.toMatch(/<script|\ssrc="http/i);
  });
});

describe('report CLI arguments', () => {
  const run = async (...argv: string[]) => {
    let stderr = '';
    const code = await runReport(argv, { stdout: () => {}, stderr: (t) => (stderr += t), printPdf: async () => new Uint8Array() });
    return { code, stderr };
  };

  it('exits 2 without an output', async () => {
    expect((await run(sample)).code).toBe(2);
  });

  it('exits 2 for an unknown language', async () => {
    const { code, stderr } = await run(sample, '--out', 'x.pdf', '--lang', 'fr');
    expect(code).toBe(2);
    expect(stderr).toContain('--lang');
  });

  it('exits 1 naming the file of a package that cannot be read', async () => {
    const { code, stderr } = await run(path.join(root, 'no-such-package'), '--out', 'x.pdf');
    expect(code).toBe(1);
    expect(stderr).toContain('manifest.json');
  });
});
