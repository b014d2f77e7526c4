import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../../../src/data/formats/jsonErrorOffset';

describe('jsonErrorOffset', () => {
  it('is undefined for valid JSON (compared with JSON.parse)', () => {
    for (const text of ['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]} ', '"x"', '0']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonErrorOffset(text)).toBeUndefined();
    }
  });

  it.each([
    ['{"a":1', 6, 'ends inside the object'],
    ['{"a":"b', 7, 'ends inside a string'],
    ['{"a":tr', 7, 'ends inside a literal'],
    ['{"a" 1}', 5, 'missing colon'],
    ['[1,,2]', 3, 'empty element'],
    ['{"a":1,}', 7, 'trailing comma'],
    ['{"a":01}', 6, 'leading zero'],
    ['{"a":1} x', 8, 'text after the value'],
    ['{"a":"\u0001"}', 6, 'raw control character in a string'],
    ['{"a":NaN}', 5, 'NaN is not JSON'],
  ])('finds %j at offset %i (%s)', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
