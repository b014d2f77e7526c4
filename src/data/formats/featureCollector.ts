import { toReason, type DataIssue, type Reason } from '../../core/errors';
import { SkipFeature, type RepairLog } from './geometry';
import type { ImportedFeature, ImportKind, ImportResult, SkippedFeature } from './importResult';
import type { ResolvedCrs } from './sourceCrs';

/** Where a record sits in its file: CSV row (header = 1) or 0-based feature index, plus its id. */
export interface FeatureLocation {
  row?: number;
  feature?: number;
  id?: string;
}

/**
 * Runs each record of a file through a reader callback and keeps what came out: the feature,
 * or a located skipped issue when the callback throws `SkipFeature`, plus any repair notes.
 * Any other exception is a bug and propagates.
 */
export class FeatureCollector {
  readonly features: ImportedFeature[] = [];
  readonly skipped: SkippedFeature[] = [];
  readonly repaired: DataIssue[] = [];

  constructor(readonly file: string) {}

  private located(location: FeatureLocation): DataIssue {
    const issue: DataIssue = { file: this.file, reason: '' };
    if (location.row !== undefined) issue.row = location.row;
    if (location.feature !== undefined) issue.feature = location.feature;
    if (location.id !== undefined) issue.id = location.id;
    return issue;
  }

  add(location: FeatureLocation, read: (repairs: RepairLog) => ImportedFeature): void {
    const repairs: RepairLog = [];
    try {
      this.features.push(read(repairs));
      for (const repair of repairs) this.repaired.push({ ...this.located(location), ...repair });
    } catch (error) {
      if (!(error instanceof SkipFeature)) throw error;
      this.skip(
        location,
        error.code,
        error.issueMessage ? { reason: error.message, message: error.issueMessage } : error.message,
        error.field,
      );
    }
  }

  skip(location: FeatureLocation, code: SkippedFeature['code'], reason: string | Reason, field?: string): void {
    this.skipped.push({ ...this.located(location), ...(field === undefined ? {} : { field }), code, ...toReason(reason) });
  }

  /** The reader's result: what was collected, in the CRS it was read from. */
  result(
    kind: ImportKind,
    resolved: Pick<ResolvedCrs, 'sourceCrs' | 'crs' | 'axesSwapped'>,
    extra: Pick<ImportResult, 'warnings' | 'encoding' | 'columns'> = {},
  ): ImportResult {
    return {
      file: this.file,
      kind,
      sourceCrs: resolved.sourceCrs,
      crs: resolved.crs,
      axesSwapped: resolved.axesSwapped,
      features: this.features,
      skipped: this.skipped,
      repaired: this.repaired,
      ...(extra.warnings ? { warnings: extra.warnings } : {}),
      ...(extra.encoding ? { encoding: extra.encoding } : {}),
      ...(extra.columns ? { columns: extra.columns } : {}),
    };
  }
}
