import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../errors';

/**
 * scrypt with N = 2^15, r = 8, p = 1: 32 MiB and tens of milliseconds per guess. The parameters are stored with
 * each hash, so raising them later re-hashes nobody and still verifies every old hash.
 */
const DEFAULT_PARAMETERS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, parameters: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...parameters, maxmem: 256 * parameters.N * parameters.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULT_PARAMETERS);
  const { N, r, p } = DEFAULT_PARAMETERS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Compared in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a hash of nothing anybody knows: a sign-in with an unknown username costs as much as one with a
 * known username, so the answer's timing does not tell which usernames exist.
 */
export async function spendLikeAVerification(password: string): Promise<void> {
  await verifyPassword(password, await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'))));
}

/** Passwords people choose most often (and their obvious variants are caught by the length rule). */
const COMMON_PASSWORDS = new Set([
  'password123',
  'password1234',
  'passw0rd123',
  'qwerty123456',
  'qwertyuiop',
  '1234567890',
  '12345678910',
  '123456789a',
  'a123456789',
  'abcd123456',
  'iloveyou123',
  'woaini1314',
  'woaini520',
  '5201314abc',
  'admin12345',
  'admin@123',
  'administrator',
  'welcome123',
  'changeme123',
  'p@ssw0rd123',
  'password@123',
  'qwer1234!@#$',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'zaq12wsx',
  'aa123456789',
  'abc123456789',
  'wushe123456',
]);

export const MIN_PASSWORD_LENGTH = 10;
export const LONG_PASSWORD_LENGTH = 16;

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/**
 * At least 10 characters mixing three of lower case, upper case, digits and symbols, or 16 of anything (a
 * passphrase); never the username inside it, never one of the commonest passwords.
 */
export function requireStrongPassword(password: string, username: string): void {
  const length = [...password].length;
  const weak = (message: string) => new DomainError('WEAK_PASSWORD', message, { argument: 'newPassword' });
  if (length > 128) throw weak('密码过长,最多 128 个字符 (at most 128 characters)');
  if (length < LONG_PASSWORD_LENGTH && (length < MIN_PASSWORD_LENGTH || characterClasses(password) < 3)) {
    throw weak(
      `密码强度不足:至少 ${MIN_PASSWORD_LENGTH} 个字符且包含小写字母、大写字母、数字、符号中的三类,或至少 ${LONG_PASSWORD_LENGTH} 个任意字符 (at least ${MIN_PASSWORD_LENGTH} characters of three kinds, or ${LONG_PASSWORD_LENGTH} of any)`,
    );
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    throw weak('密码不能包含用户名 (the password may not contain the username)');
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase()) || COMMON_PASSWORDS.has(password)) {
    throw weak('密码过于常见,请换一个 (this password is among the most common ones)');
  }
}
