import { describe, expect, it } from 'vitest';
import { groupHex } from '../../../src/report/packageHash';
import { assertNoPersonalIdentifiers, findPersonalIdentifiers, PrivacyError } from '../../../src/report/privacyGuard';

describe('privacy guard', () => {
  it('finds a mobile number, also with a country code glued to it', () => {
    expect(findPersonalIdentifiers('联系 13812345678')).toEqual([{ kind: 'phone', index: 3 }]);
    expect(findPersonalIdentifiers('+8613812345678').map((f) => f.kind)).toEqual(['phone']);
  });

  it('finds an 18-character ID number with a digit or X as check character', () => {
    expect(findPersonalIdentifiers('330106199001011234').map((f) => f.kind)).toContain('id-number');
    expect(findPersonalIdentifiers('id 33010619900101123x').map((f) => f.kind)).toContain('id-number');
  });

  it('lets ordinary report text through: grouped numbers, dates, short ids', () => {
    const text = '居民 9,665 人 · 2026-06-30 · JH-B017 · 12.5% · 10480 m² · 0123456789';
    expect(assertNoPersonalIdentifiers(text)).toBe(text);
  });

  it('does not read the pixels of an embedded image as text', () => {
    const png = `<img src="data:image/png;base64,${'A'.repeat(20)}13812345678${'B'.repeat(20)}=">`;
    expect(findPersonalIdentifiers(png)).toEqual([]);
  });

  it('throws without repeating the number it found', () => {
    let error: unknown;
    try {
      assertNoPersonalIdentifiers('电话 13812345678');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrivacyError);
    expect((error as Error).message).not.toContain('13812345678');
    expect((error as PrivacyError).findings).toEqual([{ kind: 'phone', index: 3 }]);
  });

  it('groups digests by 8 so an all-digit stretch of a hash can never look like a phone number', () => {
    const hex = `${'1'.repeat(30)}${'a'.repeat(34)}`;
    expect(findPersonalIdentifiers(hex).length).toBeGreaterThan(0);
    expect(findPersonalIdentifiers(groupHex(hex))).toEqual([]);
  });
});
