/**
 * Every threshold the app applies is data with a source, and every source says how far it can be
 * trusted: [V] checked against a cited source, [M] from memory or secondary text — to verify (an
 * assumption of this app is [M] too, and says so), [C] computed here. These helpers find the rows of a
 * rule file that break that; the unit test runs them over every rule file of src/.
 */

/** A source text with its confidence mark: "[V]", "[M]", "[M, unverified]", "[C]", "[V, secondary page …]". */
export const SOURCE_MARK = /\[(V|M|C)(\]|,)/;

export const hasSourceMark = (text: unknown): boolean => typeof text === 'string' && SOURCE_MARK.test(text);

/** Keys whose numbers are identifiers, counts of the file itself or display order, not thresholds. */
const NOT_THRESHOLDS = new Set(['number', 'priority']);

export interface UnsourcedValue {
  /** JSON path of the value, e.g. "rules[3].maxDistanceMeters". */
  path: string;
  problem: 'no source' | 'source without a [V]/[M]/[C] mark';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isThreshold = (v: unknown): boolean =>
  typeof v === 'number' || v === null || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number'));

/**
 * The threshold values (numbers, number lists and null thresholds) of a rule file that carry no
 * marked source. A value's source is, nearest first: a `<key>Source` beside it (or one whose name
 * starts the key: `walkSpeedSource` for `walkSpeedMetersPerSecond`), the `source` of its object, or
 * the `<key>Source` its object sits under in the parent (`targetWeightsSource` for `targetWeights`).
 */
export function unsourcedValues(json: unknown, path = '', inherited: unknown = undefined): UnsourcedValue[] {
  const out: UnsourcedValue[] = [];
  if (Array.isArray(json)) {
    json.forEach((item, i) => out.push(...unsourcedValues(item, `${path}[${i}]`, inherited)));
    return out;
  }
  if (!isObject(json)) return out;
  const sourceKeys = Object.keys(json).filter((k) => k.endsWith('Source'));
  for (const [key, value] of Object.entries(json)) {
    const at = path ? `${path}.${key}` : key;
    if (isObject(value) || (Array.isArray(value) && value.some((x) => isObject(x)))) {
      out.push(...unsourcedValues(value, at, json[`${key}Source`] ?? json.source ?? inherited));
      continue;
    }
    if (!isThreshold(value) || NOT_THRESHOLDS.has(key) || key.endsWith('Source')) continue;
    const own = sourceKeys.find((k) => key.startsWith(k.slice(0, -'Source'.length)));
    const source = (own ? json[own] : undefined) ?? json.source ?? inherited;
    if (source === undefined) out.push({ path: at, problem: 'no source' });
    else if (!hasSourceMark(source)) out.push({ path: at, problem: 'source without a [V]/[M]/[C] mark' });
  }
  return out;
}
