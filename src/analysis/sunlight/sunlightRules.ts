import { DataError, type DataIssue } from '../../core/errors';
import type { LocalizedText } from '../../core/model/types';
import { SOLAR_TERMS, type SolarTerm } from './solarPosition';
import defaultRulesJson from './sunlightRules.json';

/**
 * Sunlight rules (住宅日照标准) as data: presets of GB 50180-2018 §4.0.9 and a Hangzhou local one, each
 * value with its source in `sunlightRules.json`. The user picks a preset; results and the report name it.
 */
export const SUMMING_MODES = ['cumulative', 'longest'] as const;
/** cumulative: segments of at least the minimum length added up (累计); longest: the longest one only (连续). */
export type SummingMode = (typeof SUMMING_MODES)[number];

export interface SunlightPreset {
  id: string;
  name: LocalizedText;
  appliesTo: 'housing' | 'elderly-housing';
  day: SolarTerm;
  /** Window of true solar time (真太阳时), hours. */
  windowStartHours: number;
  windowEndHours: number;
  minHours: number;
  stepMinutes: number;
  /** Sunlit segments shorter than this are not counted (0: every sunlit step counts). */
  minSegmentMinutes: number;
  summing: SummingMode;
  /** Sample points sit this far above each floor (计算起点: 窗台面). */
  sillHeightMeters: number;
  /** Spacing of the sample points along a façade. */
  pointSpacingMeters: number;
  /** The source of each value (day, window, minHours, …), from its `<key>Source` in the JSON. */
  sources: Record<string, string>;
}

export interface SunlightRuleSet {
  version: string;
  presets: SunlightPreset[];
  defaultPreset: string;
  /** GB 50180-2018 §4.0.9 item 3, on what an addition may do to the neighbours. */
  additionsRule: LocalizedText;
}

type Json = Record<string, unknown>;
/** Values that cite a source, each in a `<key>Source` beside it (`windowSource` covers both window ends). */
const SOURCED = [
  'day',
  'window',
  'minHours',
  'stepMinutes',
  'minSegmentMinutes',
  'summing',
  'sillHeightMeters',
  'pointSpacingMeters',
] as const;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a rule set, naming the preset and field of each problem; throws a DataError listing them all. */
export function parseSunlightRules(json: unknown, file = 'sunlightRules.json'): SunlightRuleSet {
  const issues: DataIssue[] = [];
  const root = isObject(json) ? json : {};
  if (!isObject(json)) issues.push({ file, reason: 'must be a JSON object' });
  const list = Array.isArray(root.presets) ? root.presets : [];
  if (list.length === 0) issues.push({ file, field: 'presets', reason: 'must be a non-empty list' });
  const presets: SunlightPreset[] = [];
  list.forEach((raw, index) => {
    const p = isObject(raw) ? raw : {};
    const where = `presets[${index}]${typeof p.id === 'string' ? ` (${p.id})` : ''}`;
    const fail = (field: string, reason: string) => issues.push({ file, field: `${where}.${field}`, reason });
    const num = (field: string, min: number, max: number): number => {
      const v = p[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
        fail(field, `must be a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
      return typeof v === 'number' ? v : NaN;
    };
    if (typeof p.id !== 'string' || p.id === '') fail('id', 'must be a non-empty text');
    const name = p.name;
    if (!isObject(name) || typeof name.zh !== 'string' || typeof name.en !== 'string') fail('name', 'must be {"zh": …, "en": …}');
    if (p.appliesTo !== 'housing' && p.appliesTo !== 'elderly-housing') fail('appliesTo', 'must be "housing" or "elderly-housing"');
    if (typeof p.day !== 'string' || !(p.day in SOLAR_TERMS)) fail('day', `must be one of ${Object.keys(SOLAR_TERMS).join(', ')}`);
    if (!(SUMMING_MODES as readonly unknown[]).includes(p.summing)) fail('summing', `must be one of ${SUMMING_MODES.join(', ')}`);
    const start = num('windowStartHours', 0, 24);
    const end = num('windowEndHours', 0, 24);
    if (end <= start) fail('windowEndHours', 'must be after windowStartHours');
    const step = num('stepMinutes', 0.1, 60);
    if (
      Number.isFinite(step) &&
      Number.isFinite(end - start) &&
      Math.abs(((end - start) * 60) / step - Math.round(((end - start) * 60) / step)) > 1e-9
    )
      fail('stepMinutes', 'must divide the window into whole steps');
    const preset: SunlightPreset = {
      id: String(p.id),
      name: (isObject(name) ? name : { zh: '', en: '' }) as unknown as LocalizedText,
      appliesTo: p.appliesTo as SunlightPreset['appliesTo'],
      day: p.day as SolarTerm,
      windowStartHours: start,
      windowEndHours: end,
      minHours: num('minHours', 0, 24),
      stepMinutes: step,
      minSegmentMinutes: num('minSegmentMinutes', 0, 240),
      summing: p.summing as SummingMode,
      sillHeightMeters: num('sillHeightMeters', 0, 5),
      pointSpacingMeters: num('pointSpacingMeters', 0.1, 50),
      sources: Object.fromEntries(
        SOURCED.map((key) => [key, p[`${key}Source`]]).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
    };
    for (const key of SOURCED) if (!preset.sources[key]) fail(`${key}Source`, 'must cite a source');
    presets.push(preset);
  });
  const ids = presets.map((p) => p.id);
  ids.forEach((id, i) => ids.indexOf(id) !== i && issues.push({ file, field: `presets[${i}].id`, reason: `repeats ${id}` }));
  if (typeof root.defaultPreset !== 'string' || !ids.includes(root.defaultPreset))
    issues.push({ file, field: 'defaultPreset', reason: 'must name one of the presets' });
  if (issues.length > 0) throw new DataError(issues, 'Invalid sunlight rules');
  return {
    version: String(root.version ?? ''),
    presets,
    defaultPreset: root.defaultPreset as string,
    additionsRule: { zh: String(root.additionsRule ?? ''), en: String(root.additionsRuleEn ?? '') },
  };
}

export const DEFAULT_SUNLIGHT_RULES: SunlightRuleSet = parseSunlightRules(defaultRulesJson);

/** A preset by id, or the rule set's default. */
export function sunlightPreset(id: string | undefined, rules: SunlightRuleSet = DEFAULT_SUNLIGHT_RULES): SunlightPreset | undefined {
  return rules.presets.find((p) => p.id === (id ?? rules.defaultPreset));
}
