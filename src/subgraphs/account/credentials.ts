import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { auditEvent, auditOutcome } from '../../audit/audit-log';
import { Account } from '../../auth/account.entity';
import { verifyPassword } from '../../auth/passwords';
import { lockOrFail } from '../../db/rows';
import { BadInputError, DomainError } from '../../errors';
import type { HubContext } from '../../graphql/context';
import { openingKeys, protect, unprotect } from '../../graphql/personal-data';

/** Consecutive failures before the first lock, and how long locks last: 1 minute, doubled per further failure. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_SECONDS = 60;
const LONGEST_LOCK_SECONDS = 3600;
/** How long a setup or reset code works. */
export const CODE_LIFETIME_SECONDS = 24 * 3600;

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Usernames are compared in lower case, so 'Zhang.Wei' and 'zhang.wei' are one account. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

export function requireUsername(username: string): string {
  const normalized = normalizeUsername(username);
  if (!USERNAME.test(normalized)) {
    throw new BadInputError(
      '用户名应为 3–32 位小写字母、数字或 . _ - (a username is 3–32 of a-z 0-9 . _ -, starting with a letter or digit)',
      { argument: 'username' },
    );
  }
  return normalized;
}

/** No 0/O, 1/I/L: a code read aloud or copied from paper survives. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters of 31 (79 bits), shown as XXXX-XXXX-XXXX-XXXX. */
export function newOneTimeCode(): string {
  const characters = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return [0, 4, 8, 12].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/** A one-time code is random enough that a plain SHA-256 protects it at rest; case, spaces and dashes are ignored. */
export const codeHash = (code: string) =>
  createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

export function codeMatches(account: Account, code: string, now: Date): boolean {
  if (!account.resetCodeHash || !account.resetCodeExpiresAt || account.resetCodeExpiresAt <= now) return false;
  return timingSafeEqual(Buffer.from(codeHash(code)), Buffer.from(account.resetCodeHash));
}

export function lockAccount(manager: EntityManager, id: number): Promise<Account> {
  return lockOrFail(manager, Account, id, '账号');
}

function lockedError(until: Date, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new DomainError(
    'ACCOUNT_LOCKED',
    `连续失败次数过多,账号已暂时锁定,请 ${retryAfterSeconds} 秒后再试 (locked after repeated failures; retry in ${retryAfterSeconds} s)`,
    { retryAfterSeconds },
  );
}

/** While the account is locked: the error to answer, with its audit outcome noted; null otherwise. */
export function refusalWhileLocked(context: HubContext, account: Account, now: Date): DomainError | null {
  if (account.lockedUntil === null || account.lockedUntil <= now) return null;
  auditOutcome(context, { outcome: 'ACCOUNT_LOCKED' });
  return lockedError(account.lockedUntil, now);
}

/**
 * The password check made before the row was locked, unless the hash changed in between (a parallel new
 * password): then it is checked again against the locked row's hash.
 */
export async function passwordMatches(
  account: Account,
  password: string,
  checked: { against: string | null; ok: boolean },
): Promise<boolean> {
  if (account.passwordHash === checked.against) return checked.ok;
  return account.passwordHash !== null && verifyPassword(password, account.passwordHash);
}

/** A success (sign-in, a new password) ends the run of failures and any lock. */
export function clearFailures(account: Account): void {
  account.failedAttempts = 0;
  account.lockedUntil = null;
}

/** 1 minute at the fifth failure in a row, doubled with each further one, at most an hour. */
export function lockSeconds(failures: number): number {
  return Math.min(FIRST_LOCK_SECONDS * 2 ** (failures - FAILURES_BEFORE_LOCK), LONGEST_LOCK_SECONDS);
}

/**
 * One more failure of the locked `account`, saved in the running transaction with its audit rows (the failure
 * and, when this one locks the account, the lockout); the error the mutation answers once that committed.
 */
export async function recordFailure(
  manager: EntityManager,
  context: HubContext,
  account: Account,
  error: DomainError,
  now: Date,
): Promise<DomainError> {
  account.failedAttempts += 1;
  let answer = error;
  if (account.failedAttempts >= FAILURES_BEFORE_LOCK) {
    account.lockedUntil = new Date(now.getTime() + lockSeconds(account.failedAttempts) * 1000);
    answer = lockedError(account.lockedUntil, now);
    await auditEvent(manager, context, {
      operation: 'lockAccount',
      target: `id=${account.id} until=${account.lockedUntil.toISOString()}`,
      outcome: 'ACCOUNT_LOCKED',
      subject: account.username,
    });
  }
  await manager.getRepository(Account).save(account);
  auditOutcome(context, { outcome: error.code });
  return answer;
}

export const invalidCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', '用户名或密码错误 (wrong username or password)');
export const invalidTotp = () =>
  new DomainError('INVALID_TOTP', '动态验证码错误或已使用 (the TOTP code is wrong or was used already)');
export const invalidCode = () =>
  new DomainError('INVALID_CODE', '设置码或重置码无效或已过期 (the one-time code is wrong, used or expired)');

/** TOTP secrets are sealed at rest with the data key, like residents' phones, and opened during a rotation too. */
export function sealSecret(context: HubContext, secret: string): { sealed: string; keyId: string } {
  return protect(context.dataKeys.current, secret);
}

export function openSecret(context: HubContext, sealed: string, keyId: string | null): string {
  return unprotect(openingKeys(context.dataKeys), { sealed, keyId: keyId ?? '' });
}
