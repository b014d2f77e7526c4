import type { LocalizedText } from '../core/model/types';
import { formatNumber, localize, type Language } from '../i18n/translate';
import type { KpiDisplay } from './types';

/**
 * Units of KPI values and indicator thresholds, by id, so indicators.json can be checked against the
 * KPI it reads and the UI can label both in either language. Shares are 0–1 ('share', shown as %).
 */
export const UNIT_LABELS = {
  share: { zh: '%', en: '%' },
  count: { zh: '个', en: '' },
  persons: { zh: '人', en: 'persons' },
  households: { zh: '户', en: 'households' },
  buildings: { zh: '幢', en: 'buildings' },
  rooms: { zh: '间', en: 'rooms' },
  m: { zh: '米', en: 'm' },
  m2: { zh: 'm²', en: 'm²' },
  'm2-per-person': { zh: 'm²/人', en: 'm²/person' },
  'places-per-1000-residents': { zh: '托位/千人', en: 'places per 1,000 residents' },
  'places-per-child': { zh: '学位/儿童', en: 'places per child' },
  places: { zh: '学位', en: 'places' },
  'spaces-per-household': { zh: '车位/户', en: 'spaces per household' },
  spaces: { zh: '个车位', en: 'spaces' },
  'lockers-per-100-households': { zh: '格口/百户', en: 'lockers per 100 households' },
  'households-per-worker': { zh: '户/网格员', en: 'households per grid worker' },
  'volunteers-per-100-households': { zh: '人/百户', en: 'volunteers per 100 households' },
  'km-per-km2': { zh: 'km/km²', en: 'km/km²' },
  kwp: { zh: 'kWp', en: 'kWp' },
  'mwh-per-year': { zh: 'MWh/年', en: 'MWh/yr' },
  years: { zh: '年', en: 'years' },
  'cim-level': { zh: '级', en: '' },
} as const satisfies Record<string, LocalizedText>;

export type UnitId = keyof typeof UNIT_LABELS;

export function isUnitId(value: unknown): value is UnitId {
  return typeof value === 'string' && Object.hasOwn(UNIT_LABELS, value);
}

const FRACTION_DIGITS: Record<KpiDisplay, number> = { percent: 0, integer: 0, decimal1: 1, decimal2: 2 };

/**
 * A value as text with its unit, e.g. formatValue(0.834, 'share', 'percent', 'en') → "83%";
 * formatValue(1.234, 'm2-per-person', 'decimal2', 'zh-CN') → "1.23 m²/人"; null → "—".
 */
export function formatValue(value: number | null, unit: UnitId, display: KpiDisplay, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (display === 'percent') return `${formatNumber(language, value * 100, FRACTION_DIGITS.percent)}%`;
  const label = localize(language, UNIT_LABELS[unit]);
  const number = formatNumber(language, value, FRACTION_DIGITS[display]);
  return label ? `${number} ${label}` : number;
}

/** Both languages at once (for reasons stored as LocalizedText). */
export function formatValueText(value: number | null, unit: UnitId, display: KpiDisplay): LocalizedText {
  return { zh: formatValue(value, unit, display, 'zh-CN'), en: formatValue(value, unit, display, 'en') };
}
