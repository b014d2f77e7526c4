import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('falls back to the key itself, so a missing string shows instead of a blank', () => {
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
