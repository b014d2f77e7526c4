/**
 * The last line of defence of the report's privacy rule (aggregates only, DOMAIN 5.2; PIPL Art. 28
 * and GB/T 35273-2020 display restriction): before a report leaves the renderer, its final text is
 * scanned for anything shaped like a mainland mobile number or a resident ID number, and the report
 * is refused if one is found — whatever put it there (a facility named with a phone number, a
 * free-text field, a bug). The patterns have no digit boundaries on purpose: "+8613812345678" must
 * trip as well, so the renderer never prints long digit runs of its own (hashes are grouped by 8).
 */

/** 11-digit mobile numbers: 1, then 3–9 (the mobile prefixes of the 工信部 numbering plan). */
export const PHONE_PATTERN = /1[3-9]\d{9}/;
/** 18-character resident ID numbers (GB 11643-1999): 17 digits and a check digit 0–9 or X. */
export const ID_NUMBER_PATTERN = /\d{17}[\dXx]/;

export class PrivacyError extends Error {
  readonly findings: { kind: 'phone' | 'id-number'; index: number }[];
  constructor(findings: { kind: 'phone' | 'id-number'; index: number }[]) {
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

export function findPersonalIdentifiers(text: string): { kind: 'phone' | 'id-number'; index: number }[] {
  const scanned = text.replace(DATA_URL, (m) => ' '.repeat(m.length));
  const findings: { kind: 'phone' | 'id-number'; index: number }[] = [];
  const id = ID_NUMBER_PATTERN.exec(scanned);
  if (id) findings.push({ kind: 'id-number', index: id.index });
  const phone = PHONE_PATTERN.exec(scanned);
  if (phone) findings.push({ kind: 'phone', index: phone.index });
  return findings;
}

/** Throws a PrivacyError when the text holds something shaped like a phone or ID number. */
export function assertNoPersonalIdentifiers(text: string): string {
  const findings = findPersonalIdentifiers(text);
  if (findings.length) throw new PrivacyError(findings);
  return text;
}
