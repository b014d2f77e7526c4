import { because, toReason, type DataIssue, type Reason } from '../../core/errors';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../limits';
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
 * The attribute of `properties` whose value nests deeper than `max` levels (an object or list is one
 * level more than what it holds; `properties` itself counts), or undefined. Walked without recursion
 * and no deeper than `max + 1`, so a value nested 100,000 deep costs no more than one nested 33 deep.
 */
export function tooDeepField(properties: Record<string, unknown>, max: number): string | undefined {
  for (const [field, value] of Object.entries(properties)) {
    const stack: [unknown, number][] = [[value, 2]];
    while (stack.length) {
      const [item, depth] = stack.pop()!;
      if (typeof item !== 'object' || item === null) continue;
      if (depth > max) return field;
      for (const child of Array.isArray(item) ? item : Object.values(item))
        if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Runs each record of a file through a reader callback and keeps what came out: the feature,
 * or a located skipped issue when the callback throws `SkipFeature`, plus any repair notes.
 * Any other exception is a bug and propagates.
 *
 * It also holds the layer to the limits (data/limits.ts): records beyond `maxFeaturesPerLayer` are
 * counted, not read, and the layer says so; a feature whose attributes nest deeper than
 * `maxNestingDepth` is skipped (a result the worker could not post back would lose the whole drop).
 */
export class FeatureCollector {
  readonly features: ImportedFeature[] = [];
  readonly skipped: SkippedFeature[] = [];
  readonly repaired: DataIssue[] = [];
  /** Records offered beyond `maxFeaturesPerLayer`. */
  private beyondLimit = 0;

  constructor(
    readonly file: string,
    private readonly limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  ) {}

  /** False once the layer holds `maxFeaturesPerLayer` records (read or skipped); each further call counts one more. */
  private admit(): boolean {
    if (this.features.length + this.skipped.length < this.limits.maxFeaturesPerLayer) return true;
    this.beyondLimit++;
    return false;
  }

  /** Records a reader left unread because the layer was full (it stopped keeping them early). */
  countCut(records: number): void {
    this.beyondLimit += records;
  }

  /** What the user should know about the layer as a whole: that it was cut at `maxFeaturesPerLayer`. */
  limitWarnings(): DataIssue[] {
    if (this.beyondLimit === 0) return [];
    const max = this.limits.maxFeaturesPerLayer;
    const count = max + this.beyondLimit;
    return [
      {
        file: this.file,
        ...because(`has ${count} records; only the first ${max} were read (limit maxFeaturesPerLayer)`, 'issue.limit.featuresCut', {
          count,
          max,
          key: 'maxFeaturesPerLayer',
        }),
      },
    ];
  }

  private located(location: FeatureLocation): DataIssue {
    const issue: DataIssue = { file: this.file, reason: '' };
    if (location.row !== undefined) issue.row = location.row;
    if (location.feature !== undefined) issue.feature = location.feature;
    if (location.id !== undefined) issue.id = location.id;
    return issue;
  }

  add(location: FeatureLocation, read: (repairs: RepairLog) => ImportedFeature): void {
    if (!this.admit()) return;
    const repairs: RepairLog = [];
    try {
      const feature = read(repairs);
      const deep = tooDeepField(feature.properties, this.limits.maxNestingDepth);
      if (deep !== undefined) {
        const max = this.limits.maxNestingDepth;
        const why = because(`attribute nests deeper than ${max} levels (limit maxNestingDepth)`, 'issue.limit.tooDeep', {
          max,
          key: 'maxNestingDepth',
        });
        throw new SkipFeature('bad-record', why, deep);
      }
      this.features.push(feature);
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
    if (!this.admit()) return;
    this.skipped.push({ ...this.located(location), ...(field === undefined ? {} : { field }), code, ...toReason(reason) });
  }

  /** The reader's result: what was collected, in the CRS it was read from. */
  result(
    kind: ImportKind,
    resolved: Pick<ResolvedCrs, 'sourceCrs' | 'crs' | 'axesSwapped'>,
    extra: Pick<ImportResult, 'warnings' | 'encoding' | 'columns'> = {},
  ): ImportResult {
    const warnings = [...(extra.warnings ?? []), ...this.limitWarnings()];
    return {
      file: this.file,
      kind,
      sourceCrs: resolved.sourceCrs,
      crs: resolved.crs,
      axesSwapped: resolved.axesSwapped,
      features: this.features,
      skipped: this.skipped,
      repaired: this.repaired,
      ...(extra.warnings || warnings.length ? { warnings } : {}),
      ...(extra.encoding ? { encoding: extra.encoding } : {}),
      ...(extra.columns ? { columns: extra.columns } : {}),
    };
  }
}
