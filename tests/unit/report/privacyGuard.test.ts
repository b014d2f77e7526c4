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

  it('takes the digests the renderer prints (grouped by 8) as they are when it names them', () => {
    const hex = `${'1'.repeat(30)}${'a'.repeat(34)}`;
    expect(findPersonalIdentifiers(hex).length).toBeGreaterThan(0);
    // Groups are joined like "138 1234 5678": grouping alone no longer hides a run of digits …
    expect(findPersonalIdentifiers(groupHex(hex)).length).toBeGreaterThan(0);
    // … the renderer vouches for its own digests.
    expect(findPersonalIdentifiers(`SHA-256 ${groupHex(hex)}`, { allow: [groupHex(hex)] })).toEqual([]);
  });
});

describe('privacy guard: the forms people write numbers in', () => {
  it.each([
    ['138-1234-5678', 'phone'],
    ['138 1234 5678', 'phone'],
    ['电话：138 – 1234 – 5678', 'phone'],
    ['１３８１２３４５６７８', 'phone'],
    ['138\u200b1234\u200b5678', 'phone'],
    ['1\u20603\u20608\u00ad12345678', 'phone'],
    ['330106 19900101 123X', 'id-number'],
    ['３３０１０６１９９００１０１１２３Ｘ', 'id-number'],
    ['旧身份证 330106900101123', 'id-number'],
  ])('finds %j', (text, kind) => {
    expect(findPersonalIdentifiers(text).map((f) => f.kind)).toContain(kind);
  });

  it('leaves the numbers a report prints alone: dates, standards, areas, counts, coordinates, versions', () => {
    const text = [
      '2026-06-30 08:00:00 · GB 50180-2018 · 杭政办函〔2023〕52号 · 10,480 m² · 9,665 人 · 5 / 10 / 15 分钟',
      '120.155123 30.274135 · v1.0.0 · 2023/2025/2035 · 3 幢 2 单元 · 0.3 0.25 0.2',
      '<td>138</td><td>1234</td><td>5678</td>',
    ].join('\n');
    expect(findPersonalIdentifiers(text)).toEqual([]);
  });

  it('lets through the digests the renderer itself printed, and nothing shaped like one that it did not', () => {
    const digest = '13812345 67890123 45678901 23456789 01234567 89012345 67890123 45678901';
    expect(findPersonalIdentifiers(`SHA-256 ${digest}`, { allow: [digest] })).toEqual([]);
    expect(findPersonalIdentifiers(`SHA-256 ${digest}`).length).toBeGreaterThan(0);
    expect(findPersonalIdentifiers(`名称 13812345 678abcde`, { allow: [digest] }).map((f) => f.kind)).toEqual(['phone']);
  });
});
