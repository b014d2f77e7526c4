import type { ImportResult, SkipCode, SkippedFeature } from './importResult';

/**
 * One line saying how much of a file came in, e.g.
 * "1,204 features imported, 3 skipped (row 17: no geometry; row 20: invalid coordinate; …)".
 * The two dictionaries live here, not in src/i18n, so the data layer (and a worker) can produce
 * the line without the app's i18n machinery.
 */

export type SummaryLocale = 'zh-CN' | 'en';

interface SummaryDictionary {
  imported: (count: string) => string;
  skipped: (count: string) => string;
  repaired: (count: string) => string;
  row: (n: number) => string;
  feature: (n: number) => string;
  listSeparator: string;
  open: string;
  close: string;
  more: string;
  clauseSeparator: string;
  reasons: Record<SkipCode, string>;
}

const DICTIONARIES: Record<SummaryLocale, SummaryDictionary> = {
  en: {
    imported: (n) => `${n} feature${n === '1' ? '' : 's'} imported`,
    skipped: (n) => `, ${n} skipped`,
    repaired: (n) => `, ${n} fixed on reading`,
    row: (n) => `row ${n}`,
    feature: (n) => `feature ${n}`,
    listSeparator: '; ',
    open: ' (',
    close: ')',
    more: '…',
    clauseSeparator: ': ',
    reasons: {
      'no-geometry': 'no geometry',
      'bad-coordinate': 'invalid coordinate',
      'out-of-range': 'coordinate out of range',
      'too-few-positions': 'too few points',
      'self-intersection': 'self-intersecting ring',
      'unsupported-geometry': 'unsupported geometry type',
      'bad-record': 'unreadable record',
    },
  },
  'zh-CN': {
    imported: (n) => `已导入 ${n} 个要素`,
    skipped: (n) => `，跳过 ${n} 个`,
    repaired: (n) => `，读取时修复 ${n} 处`,
    row: (n) => `第 ${n} 行`,
    feature: (n) => `要素 ${n}`,
    listSeparator: '；',
    open: '（',
    close: '）',
    more: '……',
    clauseSeparator: '：',
    reasons: {
      'no-geometry': '无几何',
      'bad-coordinate': '坐标无效',
      'out-of-range': '坐标超出范围',
      'too-few-positions': '点数过少',
      'self-intersection': '面自相交',
      'unsupported-geometry': '不支持的几何类型',
      'bad-record': '记录无法读取',
    },
  },
};

/** How many skipped features are named in the line before "…". */
const EXAMPLES = 3;

function where(issue: SkippedFeature, d: SummaryDictionary): string {
  if (issue.row !== undefined) return d.row(issue.row);
  if (issue.feature !== undefined) return d.feature(issue.feature);
  return issue.file;
}

export function summarizeImport(result: Pick<ImportResult, 'features' | 'skipped' | 'repaired'>, locale: SummaryLocale = 'en'): string {
  const d = DICTIONARIES[locale];
  const count = (n: number) => n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
  let line = d.imported(count(result.features.length));
  if (result.skipped.length > 0) {
    const examples = result.skipped.slice(0, EXAMPLES).map((issue) => `${where(issue, d)}${d.clauseSeparator}${d.reasons[issue.code]}`);
    if (result.skipped.length > EXAMPLES) examples.push(d.more);
    line += `${d.skipped(count(result.skipped.length))}${d.open}${examples.join(d.listSeparator)}${d.close}`;
  }
  if (result.repaired.length > 0) line += d.repaired(count(result.repaired.length));
  return line;
}
