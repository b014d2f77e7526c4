import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (node:crypto) and a per-user random salt. Parameters: N = 2^15, r = 8,
 * p = 1 — OWASP Password Storage Cheat Sheet's scrypt baseline (N=2^17 is its first choice; 2^15
 * keeps sign-in near 50 ms on a small server while staying well above the 2^14 minimum it lists).
 */
const PARAMS: ScryptOptions = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, PARAMS, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export interface PasswordHash {
  hash: string;
  salt: string;
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  return { hash: (await derive(password, salt)).toString('base64'), salt: salt.toString('base64') };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await derive(password, Buffer.from(stored.salt, 'base64'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash to verify against when the username is unknown, so both answers take the same time. */
let dummy: Promise<PasswordHash> | undefined;
export function dummyHash(): Promise<PasswordHash> {
  dummy ??= hashPassword(randomBytes(16).toString('base64'));
  return dummy;
}

/** A random password for generated accounts: 18 bytes → 24 base64url characters (144 bits). */
export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
