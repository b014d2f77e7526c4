import { because, issueMessage, toReason, type DataIssue, type IssueParam, type Reason } from '../../core/errors';

/** Where a record sits in its file, for error messages. */
export interface RecordLocation {
  file: string;
  row?: number;
  feature?: number;
  id?: string;
}

interface NumberRule {
  min?: number;
  max?: number;
  /** min is exclusive */
  above?: number;
}

/**
 * Reads typed fields from one record (a GeoJSON `properties` object or a CSV row of strings),
 * recording a located issue for each bad field instead of throwing, so that one pass over a file
 * reports every problem. `fromText` parses numbers and booleans from strings (CSV).
 */
export class FieldReader {
  private readonly issueCountAtStart: number;

  constructor(
    private readonly record: Record<string, unknown>,
    private readonly location: RecordLocation,
    private readonly issues: DataIssue[],
    private readonly fromText = false,
  ) {
    this.issueCountAtStart = issues.length;
  }

  /** True when no issue was recorded for this record. */
  get ok(): boolean {
    return this.issues.length === this.issueCountAtStart;
  }

  /** Records a problem with `field`: an English reason, or a Reason with its message for the UI. */
  fail(field: string | undefined, problem: string | Reason): void {
    this.issues.push({ ...this.location, ...(field === undefined ? {} : { field }), ...toReason(problem) });
  }

  private raw(field: string): unknown {
    const value = this.record[field];
    if (value === null || value === undefined) return undefined;
    if (this.fromText && typeof value === 'string' && value.trim() === '') return undefined;
    return value;
  }

  has(field: string): boolean {
    return this.raw(field) !== undefined;
  }

  string(field: string): string {
    const value = this.raw(field);
    if (value === undefined) {
      this.fail(field, REQUIRED);
      return '';
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.fail(field, because(`must be text, got ${describe(value)}`, 'issue.field.mustBeText', { got: describeValue(value) }));
      return '';
    }
    return String(value);
  }

  optionalString(field: string): string | undefined {
    return this.has(field) ? this.string(field) : undefined;
  }

  number(field: string, rule: NumberRule = {}, integer = false): number {
    const value = this.raw(field);
    if (value === undefined) {
      this.fail(field, REQUIRED);
      return Number.NaN;
    }
    const parsed = typeof value === 'number' ? value : this.fromText && typeof value === 'string' ? Number(value) : NaN;
    const kind = integer ? 'an integer' : 'a number';
    const mustBe = (got: string, gotParam: IssueParam) =>
      because(`must be ${kind}${ruleText(rule)}, got ${got}`, 'issue.field.mustBeNumber', {
        kind: issueMessage(integer ? 'issue.value.anInteger' : 'issue.value.aNumber'),
        rule: ruleParam(rule),
        got: gotParam,
      });
    if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed))) {
      this.fail(field, mustBe(describe(value), describeValue(value)));
      return Number.NaN;
    }
    if (
      (rule.min !== undefined && parsed < rule.min) ||
      (rule.max !== undefined && parsed > rule.max) ||
      (rule.above !== undefined && parsed <= rule.above)
    ) {
      this.fail(field, mustBe(String(parsed), parsed));
      return Number.NaN;
    }
    return parsed;
  }

  integer(field: string, rule: NumberRule = {}): number {
    return this.number(field, rule, true);
  }

  optionalNumber(field: string, rule: NumberRule = {}): number | undefined {
    return this.has(field) ? this.number(field, rule) : undefined;
  }

  optionalInteger(field: string, rule: NumberRule = {}): number | undefined {
    return this.has(field) ? this.integer(field, rule) : undefined;
  }

  boolean(field: string): boolean {
    const value = this.raw(field);
    if (typeof value === 'boolean') return value;
    if (this.fromText && typeof value === 'string') {
      const text = value.trim().toLowerCase();
      if (text === 'true' || text === '1') return true;
      if (text === 'false' || text === '0') return false;
    }
    this.fail(
      field,
      value === undefined
        ? REQUIRED
        : because(`must be true or false, got ${describe(value)}`, 'issue.field.mustBeBoolean', { got: describeValue(value) }),
    );
    return false;
  }

  optionalBoolean(field: string): boolean | undefined {
    return this.has(field) ? this.boolean(field) : undefined;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.raw(field);
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(
      field,
      value === undefined
        ? because(`is required (one of ${allowed.join(', ')})`, 'issue.field.requiredOneOf', { allowed })
        : because(`must be one of ${allowed.join(', ')}, got ${describe(value)}`, 'issue.field.mustBeOneOf', {
            allowed,
            got: describeValue(value),
          }),
    );
    return allowed[0];
  }

  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | undefined {
    return this.has(field) ? this.oneOf(field, allowed) : undefined;
  }
}

const REQUIRED = because('is required', 'issue.field.required');

function ruleParts(rule: NumberRule): string[] {
  const parts: string[] = [];
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.min !== undefined) parts.push(`≥ ${rule.min}`);
  if (rule.max !== undefined) parts.push(`≤ ${rule.max}`);
  return parts;
}

function ruleText(rule: NumberRule): string {
  const parts = ruleParts(rule);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

/** The bounds as a message: " ≥ 1 and ≤ 200" / "（≥ 1 且 ≤ 200）", or nothing. */
function ruleParam(rule: NumberRule): IssueParam {
  const [a, b, c] = ruleParts(rule);
  if (c !== undefined) return issueMessage('issue.rule.three', { a, b, c });
  if (b !== undefined) return issueMessage('issue.rule.two', { a, b });
  return a !== undefined ? issueMessage('issue.rule.one', { a }) : '';
}

/** `describe` as a message parameter: "a list" and "an object" are translated, values stay as they are. */
export function describeValue(value: unknown): IssueParam {
  if (Array.isArray(value)) return issueMessage('issue.value.list');
  if (typeof value === 'object' && value !== null) return issueMessage('issue.value.object');
  return describe(value);
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
