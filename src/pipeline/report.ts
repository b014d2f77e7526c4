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
 * --preset ID   the sunlight rule (src/analysis/sunlight/sunlightRules.json; default gb50180-dahan-2h),
 *               named in the report beside its 日照达标率
 * --date D      the day of the sunlight analysis, YYYY-MM-DD (default: the preset's solar term, 大寒 or
 *               冬至, of the report's year)
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
import { analyzeSunlight } from '../analysis/sunlight/analyzeSunlight';
import { parseCivilDate } from '../analysis/sunlight/solarPosition';
import { defaultSunlightDate } from '../analysis/sunlight/sunlightRequest';
import { DEFAULT_SUNLIGHT_RULES, sunlightPreset } from '../analysis/sunlight/sunlightRules';
import { summariseBuildings } from '../data/community/buildingSummaries';
import { DataError } from '../core/errors';
import { readCommunityPackage } from '../data/package/readPackage';
import { MANIFEST_FILE } from '../data/package/writePackage';
import { parseLanguage, type Language } from '../i18n/translate';
import { buildReport } from '../report/buildReport';
import { hashPackageFiles, type Sha256 } from '../report/packageHash';
import { PrivacyError } from '../report/privacyGuard';
import { renderReportHtml } from '../report/renderReportHtml';
import { plansThatBuild, reportSunlight } from '../report/sunlightSection';
import { parseCliArgs, parseCommandLine, UsageError, type ArgSpec } from './cli/parseArgs';
import { printDataError } from './cli/printDataError';
import { runAsMain, type CliIo } from './cli/runAsMain';

export interface ReportIo extends CliIo {
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
  preset?: string;
  date?: string;
}

const USAGE =
  'usage: tsx src/pipeline/report.ts <package-dir> --out report.pdf [--lang zh-CN|en] [--html report.html] [--preset ID] [--date YYYY-MM-DD]';

const ARGS: ArgSpec<Options> = {
  switches: {
    '--snapshot': (o) => (o.snapshot = true),
  },
  withValue: {
    '--out': (o, v) => (o.out = v),
    '--html': (o, v) => (o.html = v),
    '--lang': (o, v) => {
      const language = parseLanguage(v);
      if (!language) throw new UsageError(`--lang must be zh-CN or en, got ${v}`);
      o.language = language;
    },
    '--preset': (o, v) => {
      if (!sunlightPreset(v))
        throw new UsageError(`--preset must be one of ${DEFAULT_SUNLIGHT_RULES.presets.map((p) => p.id).join(', ')}, got ${v}`);
      o.preset = v;
    },
    '--date': (o, v) => {
      if (!parseCivilDate(v)) throw new UsageError(`--date must be a day YYYY-MM-DD, got ${v}`);
      o.date = v;
    },
  },
};

function parseArgs(argv: readonly string[]): Options {
  const options = parseCliArgs<Options>(argv, { language: 'zh-CN', snapshot: false }, ARGS);
  if (options.packageDir === undefined) throw new UsageError('give a package folder');
  if (options.out === undefined && options.html === undefined) throw new UsageError('give --out report.pdf (and/or --html report.html)');
  return options;
}

/** Flags that keep Chromium from calling home (docs: ARCHITECTURE "Known recipes"); no GPU is needed to print. */
export const CHROMIUM_PRINT_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Prints self-contained HTML to an A4 PDF with headless Chromium; every request the page might make is refused. */
export async function printPdfWithChromium(
  html: string,
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
): Promise<Uint8Array> {
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
  const options = parseCommandLine(argv, parseArgs, USAGE, io);
  if (!options) return 2;
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
    const packageHash = await hashPackageFiles(
      names.map((name) => ({ name, content: read(name) })),
      nodeSha256,
    );
    const coverage = computeServiceCoverageFromRequest(serviceCoverageRequestFromCommunity(community));
    const now = io.now?.() ?? new Date();
    const summaries = summariseBuildings(community);
    const preset = sunlightPreset(options.preset)!;
    const date = options.date ?? defaultSunlightDate(preset, now.getUTCFullYear());
    const sunlight = await reportSunlight(
      preset,
      date,
      plansThatBuild(community, coverage),
      (volumes) => analyzeSunlight(community, { preset, date, summaries, volumes }).sunlight,
    );
    const model = buildReport(community, coverage, {
      appVersion: appVersion(),
      packageHash,
      generatedAt: now.toISOString(),
      summaries,
      sunlight,
    });
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
        throw new PrintError(
          `the PDF could not be printed: ${(error as Error).message.split('\n')[0]} (set CHROMIUM_PATH to a Chromium executable)`,
        );
      }
      writeFile(options.out, pdf);
      io.stdout(`wrote ${options.out} (${model.scenarios.length} scenarios, package SHA-256 ${packageHash.hex.slice(0, 12)}…)`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataError) {
      printDataError(error, io);
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
