import { describe, expect, it } from 'vitest';
import { canSeePersonRows, identifiersForRole, maskIdNumber, maskName, maskPhone } from '../../../../src/data/privacy/mask';

describe('masking of personal identifiers', () => {
  it('keeps only the surname of a name, both characters of a compound surname', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
  });

  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138-1234-1234')).toBe('138****1234');
  });

  it('hides the birth date and sex digits of an 18-digit ID number', () => {
    const masked = maskIdNumber('330106199001011234');
    expect(masked).toBe('330***********1234');
    expect(masked).not.toContain('19900101');
  });

  it('masks for caseworkers, shows raw values only to administrators, and gives the public no rows', () => {
    const person = { name: '李四', phone: '13900001111', idNumber: '33010619850505432X' };
    expect(identifiersForRole(person, 'caseworker')).toEqual({ name: '李*', phone: '139****1111', idNumber: '330***********432X' });
    expect(identifiersForRole(person, 'administrator')).toEqual(person);
    expect(canSeePersonRows('public')).toBe(false);
    expect(canSeePersonRows('caseworker')).toBe(true);
  });
});
