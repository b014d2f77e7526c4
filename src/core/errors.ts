/**
 * Where a piece of input data is wrong: file, row or feature, field, and why.
 * Row numbers of CSV files count the header as row 1 (as a spreadsheet shows them);
 * feature numbers of GeoJSON files are 0-based indexes into `features`.
 */
export interface DataIssue {
  file: string;
  /** CSV row (header = 1) */
  row?: number;
  /** GeoJSON feature index (0-based) */
  feature?: number;
  /** The record's id, when it has one, to find it without counting. */
  id?: string;
  field?: string;
  reason: string;
}

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

/** A programmer mistake (wrong call), as opposed to bad data. */
export class DeveloperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeveloperError';
  }
}
