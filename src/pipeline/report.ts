/**
 * The one-click community report (杭政办函〔2023〕52号 四(二)6: 一键生成未来社区建设运营基础信息报告)
 * from the command line, as a PDF:
 *
 *   npx tsx src/pipeline/report.ts <package-dir> --out report.pdf [--lang en] [--html report.html]
 *
 * --out FILE    the PDF (A4), printed by headless Chromium (playwright-core; CHROMIUM_PATH overrides
 *               /usr/bin/chromium). The page is given the HTML as a string and makes no request
 * --html FILE   also (or only) write the self-contained HTML
 * --lang L      zh-CN (default) or en
 * --snapshot    accepted for symmetry with the browser, which adds a 3D snapshot; the CLI report
 *               has none (the service-coverage map is drawn instead) and says so
 *
 * The package is read and validated, the service circles computed with the bundled rules (the
 * same call as `analyze.ts`), the scenarios scored, and the report built, rendered and checked by
 * the privacy guard. Exit codes: 0 done, 1 bad input data (file, feature and field are named) or a
 * report refused by the privacy guard, 2 bad arguments, 3 the PDF could not be printed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { computeServiceCoverageFromRequest, serviceCoverageRequestFromCommunity } from '../analysis/service-circles/serviceCoverageRequest';
import { DataError, formatDataIssue } from '../core/errors';
import { readCommunityPackage } from '../data/package/readPackage';
import { MANIFEST_FILE } from '../data/package/writePackage';
import { parseLanguage, type Language } from '../i18n/translate';
import { buildReport } from '../report/buildReport';
import { hashPackageFiles, type Sha256 } from '../report/packageHash';
import { PrivacyError } from '../report/privacyGuard';
import { renderReportHtml } from '../report/renderReportHtml';
import { runAsMain } from './cli/runAsMain';

export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file's bytes; default node:fs. */
  readBytes?: (file: string) => Uint8Array;
  writeFile?: (file: string, data: string | Uint8Array) => void;
  /** HTML → PDF bytes; default headless Chromium (printPdfWithChromium). */
  printPdf?: (html: string) => Promise<Uint8Array>;
  /** The report's time stamp; default now. */
  now?: () => Date;
}

interface Options {
  packageDir?: string;
  out?: string;
  html?: string;
  language: Language;
  snapshot: boolean;
}

const USAGE = 'usage: tsx src/pipeline/report.ts <package-dir> --out report.pdf [--lang zh-CN|en] [--html report.html]';

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { language: 'zh-CN', snapshot: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const take = () => {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      i++;
      return value;
    };
    if (arg === '--out') options.out = take();
    else if (arg === '--html') options.html = take();
    else if (arg === '--lang') {
      const value = take();
      const language = parseLanguage(value);
      if (!language) throw new UsageError(`--lang must be zh-CN or en, got ${value}`);
      options.language = language;
    } else if (arg === '--snapshot') options.snapshot = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (options.packageDir === undefined) options.packageDir = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (options.packageDir === undefined) throw new UsageError('give a package folder');
  if (options.out === undefined && options.html === undefined) throw new UsageError('give --out report.pdf (and/or --html report.html)');
  return options;
}

/** Flags that keep Chromium from calling home (docs: ARCHITECTURE "Known recipes"); no GPU is needed to print. */
export const CHROMIUM_PRINT_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Prints self-contained HTML to an A4 PDF with headless Chromium; every request the page might make is refused. */
export async function printPdfWithChromium(html: string, executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_PRINT_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    // The margins and page numbers come from the report's @page rules.
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** The app's version from package.json (read, not imported: src/ imports nothing above itself). */
function appVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const nodeSha256: Sha256 = async (data) => new Uint8Array(createHash('sha256').update(data).digest());

class PrintError extends Error {}

/** Runs the CLI; returns the exit code (0 done, 1 bad data or privacy refusal, 2 bad arguments, 3 printing failed). */
export async function runReport(argv: readonly string[], io: ReportIo): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    const message = (error as Error).message;
    io.stderr(message ? `${message}\n${USAGE}` : USAGE);
    return 2;
  }
  const readBytes = io.readBytes ?? ((file: string) => new Uint8Array(readFileSync(file)));
  const writeFile = io.writeFile ?? ((file: string, data: string | Uint8Array) => writeFileSync(file, data));
  const dir = options.packageDir!;
  const read = (relative: string) => {
    const file = path.join(dir, relative);
    try {
      return readBytes(file);
    } catch (error) {
      throw new DataError([{ file, reason: `cannot be read (${(error as Error).message})` }], 'Invalid community package');
    }
  };
  try {
    const decoder = new TextDecoder();
    const community = await readCommunityPackage(async (p) => decoder.decode(read(p)));
    // The package = manifest.json and the layer files it names (shared context layers are not hashed).
    const names = [MANIFEST_FILE, ...new Set(Object.values(community.manifest.layers) as string[])];
    const packageHash = await hashPackageFiles(names.map((name) => ({ name, content: read(name) })), nodeSha256);
    const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
    const model = buildReport(community, coverage, { appVersion: appVersion(), packageHash, generatedAt: (io.now?.() ?? new Date()).toISOString() });
    const html = renderReportHtml(model, options.language);
    if (options.snapshot) io.stderr('--snapshot: the command-line report has no 3D snapshot (the browser report has one); skipped');
    if (options.html) {
      writeFile(options.html, html);
      io.stdout(`wrote ${options.html}`);
    }
    if (options.out) {
      let pdf: Uint8Array;
      try {
        pdf = await (io.printPdf ?? printPdfWithChromium)(html);
      } catch (error) {
        throw new PrintError(`the PDF could not be printed: ${(error as Error).message.split('\n')[0]} (set CHROMIUM_PATH to a Chromium executable)`);
      }
      writeFile(options.out, pdf);
      io.stdout(`wrote ${options.out} (${model.scenarios.length} scenarios, package SHA-256 ${packageHash.hex.slice(0, 12)}…)`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      io.stderr([error.message.split('\n')[0], ...error.issues.slice(0, 50).map((i) => `  ${formatDataIssue(i)}`)].join('\n'));
      if (error.issues.length > 50) io.stderr(`  … ${error.issues.length - 50} more`);
      return 1;
    }
    if (error instanceof PrivacyError) {
      io.stderr(`${error.message}: remove personal data (phone or ID numbers) from the package's text fields`);
      return 1;
    }
    if (error instanceof PrintError) {
      io.stderr(error.message);
      return 3;
    }
    throw error;
  }
}

runAsMain(import.meta.url, runReport);
