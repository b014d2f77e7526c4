import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIP_CODES } from '../../../src/data/formats/importResult';
import { dictionaryKeys, translate } from '../../../src/i18n/translate';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('i18n dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect([...dictionaryKeys('en')].sort()).toEqual([...dictionaryKeys('zh-CN')].sort());
  });

  it('have no empty strings', () => {
    for (const language of ['zh-CN', 'en'] as const)
      for (const key of dictionaryKeys(language)) expect(translate(language, key), `${language} ${key}`).not.toBe('');
  });

  it('contain every literal key the UI passes to t(…)', () => {
    const known = new Set(dictionaryKeys('zh-CN'));
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'\)/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
  });

  it('fill the same {placeholders} in both languages', () => {
    const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const differing = dictionaryKeys('zh-CN').filter(
      (key) => placeholders(translate('zh-CN', key)).join() !== placeholders(translate('en', key)).join(),
    );
    expect(differing).toEqual([]);
  });

  it('contain every issue message code used in src/ (data issues, their places and parameters), and only those', () => {
    const known = new Set(dictionaryKeys('zh-CN').filter((k) => k.startsWith('issue.')));
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`](issue\.[A-Za-z0-9.-]+)['"`]/g)) used.add(match[1]);
    }
    // The import summary names skipped features by their skip code: `issue.skip.<code>`.
    for (const code of SKIP_CODES) used.add(`issue.skip.${code}`);
    expect(used.size).toBeGreaterThan(150);
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
    expect([...known].filter((k) => !used.has(k))).toEqual([]);
  });

  it('keep the issue messages together, sorted by key', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const keys = dictionaryKeys(language);
      const first = keys.findIndex((k) => k.startsWith('issue.'));
      const block = keys.slice(first, first + keys.filter((k) => k.startsWith('issue.')).length);
      expect(
        block.every((k) => k.startsWith('issue.')),
        language,
      ).toBe(true);
      expect(block, language).toEqual([...block].sort());
    }
  });

  it('falls back to the key itself, so a missing string shows instead of a blank', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
