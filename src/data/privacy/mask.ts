/**
 * Display masking of personal identifiers (GB/T 35273-2020 display restriction; common practice):
 * names keep the surname, mobiles keep 3 + 4 digits, ID numbers keep the first 3 and last 4
 * (digits 7–14 carry the birth date, digit 17 the sex).
 */

/** Who is looking. Only `administrator` sees identifiers unmasked; `public` sees aggregates only. */
export const ROLES = ['public', 'caseworker', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Whether a role may see person-level rows at all (otherwise aggregates only). */
export function canSeePersonRows(role: Role): boolean {
  return role !== 'public';
}

/** 张三 → 张*, 欧阳娜娜 → 欧阳**, "Li Lei" → L** */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '';
  const chars = Array.from(trimmed);
  // Common two-character compound surnames keep both characters.
  const compound = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙'];
  const keep = compound.includes(chars.slice(0, 2).join('')) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}

/** 13812341234 → 138****1234; other lengths keep only the last 2 digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (digits.length <= 2) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 2) + digits.slice(-2);
}

/** 330106199001011234 → 330***********1234 (18 digits); 15-digit legacy numbers likewise. */
export function maskIdNumber(idNumber: string): string {
  const text = idNumber.trim();
  if (text.length <= 7) return '*'.repeat(text.length);
  return text.slice(0, 3) + '*'.repeat(text.length - 7) + text.slice(-4);
}

export interface IdentifyingFields {
  name?: string;
  phone?: string;
  idNumber?: string;
}

/** The identifiers as a role may see them. */
export function identifiersForRole<T extends IdentifyingFields>(person: T, role: Role): IdentifyingFields {
  if (role === 'administrator') return { name: person.name, phone: person.phone, idNumber: person.idNumber };
  return {
    ...(person.name ? { name: maskName(person.name) } : {}),
    ...(person.phone ? { phone: maskPhone(person.phone) } : {}),
    ...(person.idNumber ? { idNumber: maskIdNumber(person.idNumber) } : {}),
  };
}
