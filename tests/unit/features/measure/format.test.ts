import { describe, expect, it } from 'vitest';
import { SQUARE_METERS_PER_MU, formatArea, formatLength, type MeasureUnits } from '../../../../src/features/measure/format';

const auto: MeasureUnits = { length: 'auto', area: 'auto', decimals: 2 };

describe('formatLength', () => {
  it('writes metres below 1 km and kilometres from 1 km, with grouping', () => {
    expect(formatLength(123.456, auto)).toBe('123.46 m');
    expect(formatLength(999.994, auto)).toBe('999.99 m');
    expect(formatLength(1234.5, auto)).toBe('1.235 km');
    expect(formatLength(1234.5, { ...auto, length: 'm' })).toBe('1,234.50 m');
    expect(formatLength(-3.2, { ...auto, decimals: 0 })).toBe('-3 m');
  });
});

describe('formatArea', () => {
  it('writes m², hectares from 1 ha and km² from 1 km²', () => {
    expect(formatArea(8250, auto)).toBe('8,250.00 m²');
    expect(formatArea(12000, auto)).toBe('1.20 ha');
    expect(formatArea(2.5e6, auto)).toBe('2.50 km²');
  });

  it('writes 亩 (15 亩 to the hectare) in Chinese and mu in English', () => {
    expect(SQUARE_METERS_PER_MU).toBeCloseTo(666.667, 3);
    expect(formatArea(10000, { ...auto, area: 'mu' })).toBe('15.00 亩');
    expect(formatArea(10000, { ...auto, area: 'mu' }, 'en')).toBe('15.00 mu');
  });
});
