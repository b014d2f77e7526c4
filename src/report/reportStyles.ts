/**
 * A CSS string literal: quotes and backslashes escaped, "<" as \3c (no "</style>"), and every control
 * character as a hex escape. CSS Syntax Level 3 ends a string at a newline, and a newline is LF, CR or
 * FORM FEED: a raw form feed in a community name would close the string and let the rest be CSS.
 */
const cssString = (text: string) =>
  `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3c ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * Print CSS of the report: A4 portrait (GB/T 9704-2012 公文 paper size), margins for binding, one
 * section per page run (break-before: page), table rows never split, page numbers in the bottom
 * margin box (CSS Paged Media margin boxes, in Chromium since 131). Screen view mimics the pages.
 */
/** Noto Sans CJK (Debian fonts-noto-cjk, as on CI) first, then what Windows and macOS ship. */
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const reportCss = (footer: string): string => `
@page { size: A4 portrait; margin: 16mm 15mm 18mm 15mm;
  @bottom-left { content: ${cssString(footer)}; font: 8pt ${FONT}; color: #7b8794; }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt ${FONT}; color: #7b8794; white-space: nowrap; }
}
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT};
  font-size: 9.5pt; line-height: 1.5; color: #1f2933; background: #fff; }
@media screen { body { background: #e4e7eb; } .sheet { width: 210mm; margin: 8mm auto; background: #fff; padding: 16mm 15mm; box-shadow: 0 1px 6px rgba(0,0,0,.2); } }
section { break-before: page; }
section.cover { break-before: auto; }
h1 { font-size: 22pt; margin: 0 0 4mm; line-height: 1.25; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 2px solid #2f6fae; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.muted { color: #52606d; }
.small { font-size: 8pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.5pt; }
th, td { border-bottom: 1px solid #d9e2ec; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #f0f4f8; font-weight: 600; }
td.nowrap, th.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
.status { display: inline-block; padding: 0 1.5mm; border-radius: 1mm; font-size: 8pt; white-space: nowrap; }
.status.good { background: #e3f4e8; color: #1e6b3a; }
.status.bad { background: #fbe4e2; color: #9b2c24; }
.status.warn { background: #fdf0dd; color: #8a4b08; }
.status.none { background: #eef1f4; color: #52606d; }
.cover-title { margin-top: 10mm; }
/* The cover is one page, with or without the 3D snapshot. */
.cover { break-after: page; }
.cover .kicker { font-size: 11pt; color: #2f6fae; letter-spacing: .08em; margin-bottom: 3mm; }
.cover .community { font-size: 26pt; font-weight: 700; margin: 4mm 0 2mm; }
.cover dl { display: grid; grid-template-columns: 32mm 1fr; gap: 1.2mm 4mm; margin: 5mm 0; font-size: 10pt; }
.cover dt { color: #52606d; }
.cover dd { margin: 0; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 6mm 0; }
.figure { border: 1px solid #d9e2ec; border-radius: 2mm; padding: 3mm; }
.figure .value { font-size: 16pt; font-weight: 700; }
.figure .label { font-size: 8pt; color: #52606d; }
.notice { border: 1.5px solid #e0892b; background: #fff7ed; padding: 3mm 4mm; border-radius: 2mm; margin: 5mm 0; }
.snapshot { display: block; width: 100%; max-height: 80mm; object-fit: cover; border-radius: 2mm; border: 1px solid #d9e2ec; }
.chart { break-inside: avoid; margin: 2mm 0 4mm; }
.chart svg { width: 100%; height: auto; display: block; }
.map { break-inside: avoid; }
.map svg { width: 100%; max-height: 150mm; display: block; border: 1px solid #d9e2ec; }
.legend { display: flex; flex-wrap: wrap; gap: 2mm 5mm; margin: 2mm 0 4mm; font-size: 8.5pt; }
.legend i { display: inline-block; width: 3.2mm; height: 3.2mm; border-radius: .6mm; margin-right: 1.2mm; vertical-align: -0.4mm; }
.scenario { break-inside: avoid; }
table.fixed { table-layout: fixed; }
.scenario h3 .score { float: right; font-weight: 400; font-size: 9pt; color: #52606d; }
.mono { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: keep-all; }
.sources li { margin-bottom: 1mm; }
.two-col { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; align-items: start; }
`;
