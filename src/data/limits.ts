import { because, type DataIssue, type Reason } from '../core/errors';

/**
 * What one input may cost before the app refuses it: the limits on dropped files, zips, CSV cells,
 * attributes, layers, URL imports and storyboards, in one place. Each is checked before the step it
 * protects (a file's size before it is read, a zip entry's declared size before it is inflated, a
 * cell's length before it is matched, nesting before a result is posted from the worker), and a
 * refusal is a located, translated issue that names the limit.
 *
 * A deployment changes them without rebuilding: `config/limits.json` beside `index.html` (served as
 * the app's own file; keys as below, missing keys keep their defaults) is read once at start
 * (features/import/deploymentLimits.ts). README "Limits" lists them.
 */

export interface ImportLimits {
  /**
   * Bytes of one file: a dropped file (checked before it is read), a zip entry (its declared size,
   * before inflating) and the pages of a URL import together. Parsing holds about 10–40 times a
   * file's size in memory, and a browser worker has a few GiB at most.
   */
  maxFileBytes: number;
  /** Bytes the entries of one zip may inflate to in all (declared sizes, checked before inflating). */
  maxInflatedBytes: number;
  /**
   * How many times its compressed size a zip entry of more than INFLATE_RATIO_FLOOR_BYTES may
   * inflate to. Text and tables compress 5–20 times, padded dBASE tables up to ~100; a zip bomb's
   * zeros compress about 1,000 times.
   */
  maxInflateRatio: number;
  /** Features (rows, records) read per layer; beyond, the first ones are read and the layer says so. */
  maxFeaturesPerLayer: number;
  /** Nesting of objects and lists in a feature's attributes; a deeper feature is skipped, located. */
  maxNestingDepth: number;
  /** Characters in a CSV cell: Excel's own limit ("Excel specifications and limits": 32,767 characters a cell). */
  maxCellLength: number;
  /** Pages a URL import follows (`next` links of an OGC API – Features collection). */
  maxUrlPages: number;
}

export interface TourLimits {
  /** Bytes of a storyboard fetched by `?tour=<url>` (the built-in briefing is ~5 KB). */
  maxBytes: number;
  /**
   * Origins besides the app's own that `?tour=<url>` may fetch from ("https://gis.intranet:8443");
   * a crafted link must not make the wall contact any other host.
   */
  allowedOrigins: string[];
}

export interface DeploymentLimits {
  import: ImportLimits;
  tours: TourLimits;
}

/** Sizes in decimal megabytes, as file managers and the messages show them. */
const MB = 1_000_000;

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 100 * MB,
  maxInflatedBytes: 200 * MB,
  maxInflateRatio: 200,
  maxFeaturesPerLayer: 500_000,
  maxNestingDepth: 32,
  maxCellLength: 32_767,
  maxUrlPages: 1_000,
});

export const DEFAULT_TOUR_LIMITS: Readonly<TourLimits> = Object.freeze({ maxBytes: 1 * MB, allowedOrigins: [] });

export const DEFAULT_LIMITS: Readonly<DeploymentLimits> = Object.freeze({ import: DEFAULT_IMPORT_LIMITS, tours: DEFAULT_TOUR_LIMITS });

/** Zip entries up to this size are not held to the inflate ratio: however well they compress, they are harmless. */
export const INFLATE_RATIO_FLOOR_BYTES = 8 * MB;

/** Where a deployment puts its limits, relative to the app's `index.html`. */
export const LIMITS_FILE = 'config/limits.json';

/** "1.5 MB": bytes for messages, in decimal units as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : Number(value.toPrecision(2))} ${units[unit]}`;
}

/** Why a file is refused for its size: "is 1.1 GB, more than the 105 MB a file may be (maxFileBytes)". */
export function tooLarge(bytes: number, limit: number, key: string): Reason {
  const [size, max] = [formatBytes(bytes), formatBytes(limit)];
  return because(`is ${size}, more than the ${max} a file may be (limit ${key})`, 'issue.limit.fileTooLarge', { size, max, key });
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A positive whole number (or at least 1 for counts), else undefined. */
const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? value : undefined;

/** "https://gis.intranet:8443" as the origin it names, or undefined (paths and other schemes are refused). */
function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The limits a deployment's `config/limits.json` sets, over the defaults. A value that is not a
 * positive whole number (or, for origins, an http(s) origin) and an unknown key are reported and
 * ignored: a typo must not silently lift a limit, nor stop the app.
 */
export function parseDeploymentLimits(json: unknown, file = LIMITS_FILE): { limits: DeploymentLimits; issues: DataIssue[] } {
  const issues: DataIssue[] = [];
  const problem = (field: string, why: Reason) => issues.push({ file, field, ...why });
  const limits: DeploymentLimits = { import: { ...DEFAULT_IMPORT_LIMITS }, tours: { ...DEFAULT_TOUR_LIMITS, allowedOrigins: [] } };
  if (!isObject(json)) {
    problem('(root)', because('must be a JSON object', 'issue.json.notObject'));
    return { limits, issues };
  }
  const section = <K extends keyof DeploymentLimits>(key: K, read: (values: Json) => void) => {
    const values = json[key];
    if (values === undefined) return;
    if (!isObject(values)) problem(key, because('must be a JSON object', 'issue.json.notObject'));
    else read(values);
  };
  for (const key of Object.keys(json))
    if (!(key in limits)) problem(key, because(`unknown key "${key}"`, 'issue.limit.unknownKey', { key }));
  section('import', (values) => {
    for (const [key, value] of Object.entries(values)) {
      if (!(key in DEFAULT_IMPORT_LIMITS)) problem(`import.${key}`, because(`unknown key "${key}"`, 'issue.limit.unknownKey', { key }));
      else {
        const n = positiveInteger(value);
        if (n === undefined) problem(`import.${key}`, because('must be a whole number of at least 1', 'issue.limit.notPositive'));
        else limits.import[key as keyof ImportLimits] = n;
      }
    }
  });
  section('tours', (values) => {
    for (const [key, value] of Object.entries(values)) {
      if (key === 'maxBytes') {
        const n = positiveInteger(value);
        if (n === undefined) problem('tours.maxBytes', because('must be a whole number of at least 1', 'issue.limit.notPositive'));
        else limits.tours.maxBytes = n;
      } else if (key === 'allowedOrigins') {
        if (!Array.isArray(value)) problem('tours.allowedOrigins', because('must be a list of origins', 'issue.limit.originList'));
        else
          value.forEach((item, i) => {
            const origin = originOf(item);
            if (origin) limits.tours.allowedOrigins.push(origin);
            else
              problem(
                `tours.allowedOrigins[${i}]`,
                because(`${JSON.stringify(item)} is not an http(s) origin`, 'issue.limit.notOrigin', { value: JSON.stringify(item) }),
              );
          });
      } else problem(`tours.${key}`, because(`unknown key "${key}"`, 'issue.limit.unknownKey', { key }));
    }
  });
  return { limits, issues };
}
