import type { LocalizedText } from '../../core/model/types';
import type { CityStatus } from '../../data/city/cityDataset';
import { formatNumber, localize, translate, type Language } from '../../i18n/translate';

/** Status colours of points, bars, badges and legends (same order: 创建, 在建, 已验收). */
export const STATUS_COLORS: Record<CityStatus, string> = {
  created: '#4fc3f7',
  building: '#ffb74d',
  accepted: '#66bb6a',
};
export const TARGET_COLOR = '#ff8a9b';

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Everything a city component needs to speak the page's language. */
export interface CityLocale {
  language: Language;
  t: Translate;
  text: (l: LocalizedText) => string;
  num: (value: number, fractionDigits?: number) => string;
  percent: (share: number, fractionDigits?: number) => string;
}

export function cityLocale(language: Language): CityLocale {
  return {
    language,
    t: (key, params) => translate(language, key, params),
    text: (l) => localize(language, l),
    num: (value, fractionDigits = 0) => formatNumber(language, value, fractionDigits),
    percent: (share, fractionDigits = 1) => `${(share * 100).toFixed(fractionDigits)}%`,
  };
}
