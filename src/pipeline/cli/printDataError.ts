import { formatDataIssue, type DataError } from '../../core/errors';
import type { CliIo } from './runAsMain';

/** Issues listed one a line before the rest are only counted. */
const MAX_LISTED_ISSUES = 50;

/** Prints a DataError to stderr: its headline, then its issues (file, row or feature, field), the first 50 of them. */
export function printDataError(error: DataError, io: Pick<CliIo, 'stderr'>): void {
  io.stderr([error.message.split('\n')[0], ...error.issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  ${formatDataIssue(i)}`)].join('\n'));
  if (error.issues.length > MAX_LISTED_ISSUES) io.stderr(`  … ${error.issues.length - MAX_LISTED_ISSUES} more`);
}
