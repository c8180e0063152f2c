import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey, DataKeyRing } from '../config/config';

/** A sealed value and the id of the key that sealed it; both are stored, side by side. */
export interface Sealed {
  sealed: string;
  keyId: string;
}

/** AES-256-GCM for personal data at rest: iv.tag.ciphertext, base64url. */
export function protect(dataKey: DataKey, plain: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey.key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    sealed: [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.'),
    keyId: dataKey.id,
  };
}

export class UnknownDataKeyError extends Error {}

/** Opens a value with the key its id names; a missing key or a tampered value throws. */
export function unprotect(keys: readonly DataKey[], { sealed, keyId }: Sealed): string {
  const dataKey = keys.find((candidate) => candidate.id === keyId);
  if (!dataKey) throw new UnknownDataKeyError(`no key with id ${keyId} is configured (DATA_KEY, DATA_KEY_PREVIOUS)`);
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', dataKey.key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}

/** The keys that open stored values: the current one, and the previous one during a rotation. */
export const openingKeys = ({ current, previous }: DataKeyRing): DataKey[] =>
  previous ? [current, previous] : [current];

/** A mainland mobile number: 11 digits, 13x–19x. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/;

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
