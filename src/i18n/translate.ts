import type { LocalizedText } from '../core/model/types';
import en from './en.json';
import zhCN from './zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Every key the UI may use; zh-CN is the reference dictionary (a test checks en has the same keys). */
export type MessageKey = keyof typeof zhCN;

const dictionaries: Record<Language, Record<string, string>> = { 'zh-CN': zhCN, en };

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** `?lang=en` and `?lang=zh` / `zh-CN` both work in share links. */
export function parseLanguage(value: string | null | undefined): Language | undefined {
  if (!value) return undefined;
  if (value === 'zh' || value.toLowerCase() === 'zh-cn') return 'zh-CN';
  return isLanguage(value) ? value : undefined;
}

/**
 * Looks a key up in the language's dictionary, falling back to Chinese and then to the key itself
 * (so a missing string is visible rather than blank). `{name}` placeholders are filled from `params`.
 */
export function translate(language: Language, key: string, params?: Record<string, string | number>): string {
  const text = dictionaries[language][key] ?? dictionaries['zh-CN'][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

/**
 * Text that travels with data in both languages (a scenario's name, a KPI label written beside its
 * formula, a storyboard caption) in the UI language. UI wording itself goes through `translate`.
 */
export function localize(language: Language, text: LocalizedText): string {
  return language === 'en' ? text.en : text.zh;
}

/** A dictionary entry in both languages, for data that carries its text (chart specs built by the UI). */
export function bilingual(key: MessageKey): LocalizedText {
  return { zh: translate('zh-CN', key), en: translate('en', key) };
}

export function dictionaryKeys(language: Language): string[] {
  return Object.keys(dictionaries[language]);
}

/** Number formatting per language (grouping separators). */
export function formatNumber(language: Language, value: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}
