/**
 * A message the UI can show in the user's language: an i18n key of the `issue.` block of
 * src/i18n/zh-CN.json and en.json, and the values of its `{placeholders}`. A value is text or a
 * number (shown as it is), a `{zh, en}` pair (the one of the language is shown), a nested message
 * (translated too), or a list of those (joined with the language's list separator).
 * Plain data, so it crosses postMessage and JSON as it is; the data layer never translates it.
 */
export interface IssueMessage {
  code: IssueCode;
  params?: IssueParams;
}

/** An i18n key of the `issue.` block. */
export type IssueCode = `issue.${string}`;
export type IssueParam = string | number | { zh: string; en: string } | IssueMessage | readonly IssueParam[];
export type IssueParams = Readonly<Record<string, IssueParam>>;

/**
 * Why something is wrong: an English sentence (`reason`, printed by the CLIs and in logs, and the
 * text tests assert) and the same said as a message for the UI (`message`).
 */
export interface Reason {
  reason: string;
  message?: IssueMessage;
}

export function issueMessage(code: IssueCode, params?: IssueParams): IssueMessage {
  return params ? { code, params } : { code };
}

/** `{ reason, message }` in one call: `issues.push({ file, ...because('is empty', 'issue.file.empty') })`. */
export function because(reason: string, code: IssueCode, params?: IssueParams): Reason {
  return { reason, message: issueMessage(code, params) };
}

/**
 * A detail in English only, such as a parser's or the network's own message: shown after the
 * English text, left out of the Chinese (which says the same without it).
 */
export function englishDetail(text: string): { zh: string; en: string } {
  return { zh: '', en: text };
}

/** The Reason of a bare English text or of anything carrying one (a Reason, an issue: only `reason` and `message` are kept). */
export function toReason(problem: string | Reason): Reason {
  if (typeof problem === 'string') return { reason: problem };
  return problem.message ? { reason: problem.reason, message: problem.message } : { reason: problem.reason };
}

/**
 * Where a piece of input data is wrong: file, row or feature, field, and why.
 * Row numbers of CSV files count the header as row 1 (as a spreadsheet shows them);
 * feature numbers of GeoJSON files are 0-based indexes into `features`.
 */
export interface DataIssue extends Reason {
  file: string;
  /** CSV row (header = 1) */
  row?: number;
  /** GeoJSON feature index (0-based) */
  feature?: number;
  /** The record's id, when it has one, to find it without counting. */
  id?: string;
  field?: string;
}

/** The located line in English, for logs and the CLIs; the UI uses `localizeIssue` of src/i18n. */
export function formatDataIssue(issue: DataIssue): string {
  const where = [issue.file];
  if (issue.row !== undefined) where.push(`row ${issue.row}`);
  if (issue.feature !== undefined) where.push(`feature ${issue.feature}`);
  if (issue.id !== undefined) where.push(`(id "${issue.id}")`);
  if (issue.field !== undefined) where.push(`field "${issue.field}"`);
  return `${where.join(', ')}: ${issue.reason}`;
}

/** Input data that cannot be used; carries every issue found (capped) so the user can fix them at once. */
export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[], summary?: string) {
    const first = issues.slice(0, 5).map(formatDataIssue).join('\n');
    super(`${summary ?? 'Invalid data'}: ${issues.length} problem(s)\n${first}`);
    this.name = 'DataError';
    this.issues = issues;
  }
}

export type ImportErrorCode =
  | 'empty'
  | 'not-text'
  | 'invalid-json'
  | 'not-geojson'
  | 'not-cityjson'
  | 'invalid-shapefile'
  | 'missing-file'
  | 'missing-column'
  | 'unsupported-crs'
  | 'unknown-crs'
  | 'unsupported-format'
  /** Over a limit of data/limits.ts (size, inflate ratio): refused before it was read. */
  | 'too-large'
  /** Reading failed in a way no check foresaw (a reader's bug); the rest of the batch is kept. */
  | 'unreadable';

/** Where in a text a parse error happened, 1-based line and column. */
export interface TextPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * A file that cannot be imported at all. It is a `DataError` (so existing handlers show its
 * located issue) with a machine-readable `code` for the import dialog. Thrown in a worker it
 * arrives as an ImportError with the same fields (see runInWorker); inside an import batch it
 * travels as a plain `ImportFailure` (data/formats/importResult).
 */
export class ImportError extends DataError {
  readonly code: ImportErrorCode;
  readonly position?: TextPosition;

  constructor(code: ImportErrorCode, issue: DataIssue, position?: TextPosition) {
    super([issue], `Cannot import ${issue.file}`);
    this.name = 'ImportError';
    this.code = code;
    if (position) this.position = position;
  }
}

/** A programmer mistake (wrong call), as opposed to bad data. */
export class DeveloperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeveloperError';
  }
}
