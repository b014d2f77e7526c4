import { formatNumber, translate, type Language } from './translate';

/**
 * Data issues in the user's language. The data layer (readers and validators, which also run in a
 * worker and in Node) never translates: next to its English `reason` an issue carries a `message`,
 * an `issue.` key of the dictionaries with its parameters, and it is turned into text here, at
 * display time. The shapes below restate core/errors' `IssueMessage` and `DataIssue` structurally,
 * as i18n imports nothing outside itself.
 */

export interface LocalizableMessage {
  code: string;
  params?: Readonly<Record<string, MessageParam>>;
}

/** Text or a number as it is, a `{zh, en}` pair, a nested message, or a list of those. */
export type MessageParam = string | number | { readonly zh: string; readonly en: string } | LocalizableMessage | readonly MessageParam[];

export interface LocalizableReason {
  reason: string;
  message?: LocalizableMessage;
}

export interface LocalizableIssue extends LocalizableReason {
  file: string;
  row?: number;
  feature?: number;
  id?: string;
  field?: string;
}

function paramText(param: MessageParam, language: Language): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if (Array.isArray(param)) return param.map((p) => paramText(p, language)).join(translate(language, 'issue.separator.list'));
  if ('code' in (param as object)) return localizeMessage(param as LocalizableMessage, language);
  const pair = param as { zh: string; en: string };
  return language === 'zh-CN' ? pair.zh : pair.en;
}

/** A message with its parameters (nested messages included) in the language. */
export function localizeMessage(message: LocalizableMessage, language: Language): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) params[name] = paramText(value, language);
  return translate(language, message.code, params);
}

/** Why, in the language: the message when there is one, else the English reason as it is. */
export function localizeReason(reason: LocalizableReason, language: Language): string {
  return reason.message ? localizeMessage(reason.message, language) : reason.reason;
}

/**
 * The located line of an issue in the language: "a.csv，第 17 行，字段 "floors"：应为数字…" /
 * "a.csv, row 17, field "floors": must be a number…" (the English is core's formatDataIssue).
 */
export function localizeIssue(issue: LocalizableIssue, language: Language): string {
  const where = [issue.file];
  if (issue.row !== undefined) where.push(translate(language, 'issue.at.row', { row: issue.row }));
  if (issue.feature !== undefined) where.push(translate(language, 'issue.at.feature', { feature: issue.feature }));
  if (issue.id !== undefined) where.push(translate(language, 'issue.at.id', { id: issue.id }));
  if (issue.field !== undefined) where.push(translate(language, 'issue.at.field', { field: issue.field }));
  return translate(language, 'issue.at.located', {
    where: where.join(translate(language, 'issue.separator.place')),
    reason: localizeReason(issue, language),
  });
}

/** The heading above a list of issues: "3 problem(s)" / "共 3 处问题". */
export function localizeProblemCount(count: number, language: Language): string {
  return translate(language, 'issue.problems', { count: formatNumber(language, count) });
}

/** One problem of a storyboard (data/tour/storyboard): `step` is 0-based. */
export interface LocalizableStoryboardIssue extends LocalizableReason {
  step?: number;
  field: string;
}

/** "step 2 (steps[1]), field "caption.en": …" / "第 2 步（steps[1]），字段 "caption.en"：…" */
export function localizeStoryboardIssue(issue: LocalizableStoryboardIssue, language: Language): string {
  const field = translate(language, 'issue.at.field', { field: issue.field });
  const where =
    issue.step === undefined
      ? field
      : `${translate(language, 'issue.at.step', { step: issue.step + 1, index: issue.step })}${translate(language, 'issue.separator.place')}${field}`;
  return translate(language, 'issue.at.located', { where, reason: localizeReason(issue, language) });
}

/**
 * An error for display: every located issue of a DataError (or an ImportError) or of a
 * StoryboardError on its own line in the language, after the source it came from; any other error's
 * message as it is. Recognised by shape, so this works on errors rebuilt from a worker as well.
 */
export function localizeError(error: unknown, language: Language, maxIssues = 8): string {
  const e = error as { name?: unknown; message?: unknown; issues?: unknown; source?: unknown } | null;
  const issues = Array.isArray(e?.issues) ? (e.issues as unknown[]) : null;
  if (issues && e?.name === 'StoryboardError') {
    const heading = translate(language, 'issue.at.located', {
      where: String(e.source ?? 'storyboard'),
      reason: translate(language, 'issue.storyboard.problems', { count: formatNumber(language, issues.length) }),
    });
    return [heading, ...(issues as LocalizableStoryboardIssue[]).slice(0, maxIssues).map((i) => localizeStoryboardIssue(i, language))].join(
      '\n',
    );
  }
  if (issues && issues.length > 0)
    return (issues as LocalizableIssue[])
      .slice(0, maxIssues)
      .map((i) => localizeIssue(i, language))
      .join('\n');
  return e && typeof e.message === 'string' ? e.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// The one-line account of an import (what came in, what was skipped and where)

/** Why a feature was skipped: data/formats/importResult's SkipCode. */
export interface SkippedLike extends LocalizableIssue {
  code: string;
}

/** How many skipped features are named in the line before "…". */
const EXAMPLES = 3;

/**
 * One line saying how much of a file came in, e.g.
 * "1,204 features imported, 3 skipped (row 17: no geometry; row 20: invalid coordinate; …)" /
 * "已导入 1,204 个要素，跳过 3 个（第 17 行：无几何；第 20 行：坐标无效；……）".
 */
export function summarizeImport(
  result: { features: readonly unknown[]; skipped: readonly SkippedLike[]; repaired: readonly unknown[] },
  language: Language = 'en',
): string {
  const count = (n: number) => formatNumber(language, n);
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const imported = result.features.length;
  let line = t(imported === 1 ? 'issue.summary.importedOne' : 'issue.summary.imported', { count: count(imported) });
  if (result.skipped.length > 0) {
    const examples = result.skipped.slice(0, EXAMPLES).map((issue) => {
      const where =
        issue.row !== undefined
          ? t('issue.at.row', { row: issue.row })
          : issue.feature !== undefined
            ? t('issue.at.feature', { feature: issue.feature })
            : issue.file;
      return t('issue.at.located', { where, reason: t(`issue.skip.${issue.code}`) });
    });
    if (result.skipped.length > EXAMPLES) examples.push(t('issue.summary.more'));
    line += t('issue.summary.skipped', { count: count(result.skipped.length), examples: examples.join(t('issue.separator.examples')) });
  }
  if (result.repaired.length > 0) line += t('issue.summary.repaired', { count: count(result.repaired.length) });
  return line;
}
