/**
 * The last line of defence of the report's privacy rule (aggregates only, DOMAIN 5.2; PIPL Art. 28
 * and GB/T 35273-2020 display restriction): before a report leaves the renderer, its final text is
 * scanned for anything shaped like a mainland mobile number or a resident ID number, and the report
 * is refused if one is found — whatever put it there (a facility named with a phone number, a
 * free-text field, a bug).
 *
 * Numbers are looked for the way people write them, not only as one run of ASCII digits: the text
 * is normalised first (NFKC turns full-width １３８ into 138; zero-width spaces, joiners and soft
 * hyphens are removed), and in the report's visible text digit groups separated by spaces, hyphens
 * or dashes are joined ("138-1234-5678", "138 1234 5678", "330106 19900101 123X"). The 15-digit
 * resident ID of GB 11643-1989 (area code, YYMMDD, sequence) is known as well as the 18-character one.
 * The patterns have no digit boundaries on purpose ("+8613812345678" must trip); the renderer never
 * prints long digit runs of its own except the digests it names in `allow` (hashes are also grouped
 * by 8), and separators are joined only in text, so the numbers of SVG paths and CSS never meet.
 */

/** 11-digit mobile numbers: 1, then 3–9 (the mobile prefixes of the 工信部 numbering plan). */
export const PHONE_PATTERN = /1[3-9]\d{9}/;
/** 18-character resident ID numbers (GB 11643-1999): 17 digits and a check digit 0–9 or X. */
export const ID_NUMBER_PATTERN = /\d{17}[\dXx]/;
/**
 * 15-digit resident ID numbers of before 1999 (GB 11643-1989): a 6-digit area code (provinces 11–82),
 * a YYMMDD birth date and a 3-digit sequence, standing alone (a 15-digit window of a longer run is not one).
 */
export const LEGACY_ID_NUMBER_PATTERN = /(?<!\d)[1-8]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/;

export type Finding = { kind: 'phone' | 'id-number'; index: number };

export class PrivacyError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    // The matched text itself is not repeated: the error may end up in a log.
    super(
      `The report contains ${findings.map((f) => `a ${f.kind === 'phone' ? 'phone number' : 'ID number'} at character ${f.index}`).join(', ')}; it was not produced`,
    );
    this.name = 'PrivacyError';
    this.findings = findings;
  }
}

/**
 * Embedded images (data: URLs of the 3D snapshot) are skipped: their base64 payload is pixels, not
 * text, and random base64 holds long digit runs by chance.
 */
const DATA_URL = /data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+/g;
/** Invisible characters that can sit between digits: soft hyphen, Mongolian vowel separator, zero-width space/joiners, marks, word joiner…, BOM. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
/** Digit groups separated by up to three spaces, hyphens or dashes (after NFKC), joined into one run. */
const SEPARATED_DIGITS = /(\d)[\s\-\u2010-\u2015\u2212\u30fc]{1,3}(?=\d)/g;
/** Elements whose content is not text: styles (the footer in CSS is also printed as text) and scripts. */
const NOT_TEXT = /<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** A tag, replaced by a character that joins nothing, so table cells side by side stay apart. */
const TAG = /<[^>]*>/g;

/** The visible text of HTML: tags out, character references decoded (digits can be written as &#49;). */
function visibleText(html: string): string {
  return html
    .replace(NOT_TEXT, '|')
    .replace(TAG, '|')
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, hex: string) => String.fromCodePoint(Math.min(0x10ffff, parseInt(hex, 16))))
    .replace(/&#(\d{1,7});/g, (_, dec: string) => String.fromCodePoint(Math.min(0x10ffff, Number(dec))))
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function scan(text: string): Finding[] {
  const findings: Finding[] = [];
  const id = ID_NUMBER_PATTERN.exec(text) ?? LEGACY_ID_NUMBER_PATTERN.exec(text);
  if (id) findings.push({ kind: 'id-number', index: id.index });
  const phone = PHONE_PATTERN.exec(text);
  if (phone) findings.push({ kind: 'phone', index: phone.index });
  return findings;
}

export interface GuardOptions {
  /** Exact strings the renderer printed itself and vouches for (the package's digests); left out of the scan. */
  allow?: readonly string[];
}

export function findPersonalIdentifiers(text: string, options: GuardOptions = {}): Finding[] {
  let scanned = text.replace(DATA_URL, (m) => ' '.repeat(m.length));
  for (const allowed of options.allow ?? []) if (allowed) scanned = scanned.split(allowed).join('|');
  const normalise = (t: string) => t.normalize('NFKC').replace(INVISIBLE, '');
  // Everything, markup included, for numbers written as one run; the visible text for numbers written in groups.
  const whole = scan(normalise(scanned));
  const grouped = scan(normalise(visibleText(scanned)).replace(SEPARATED_DIGITS, '$1'));
  const found = new Map<Finding['kind'], Finding>();
  for (const finding of [...whole, ...grouped]) if (!found.has(finding.kind)) found.set(finding.kind, finding);
  return [...found.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'id-number' ? -1 : 1));
}

/** Throws a PrivacyError when the text holds something shaped like a phone or ID number. */
export function assertNoPersonalIdentifiers(text: string, options: GuardOptions = {}): string {
  const findings = findPersonalIdentifiers(text, options);
  if (findings.length) throw new PrivacyError(findings);
  return text;
}
