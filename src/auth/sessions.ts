import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { oneWriteAtATime } from '../db/sqlite-writes';
import { Account, AccountSession } from './account.entity';
import { Role, type Identity } from './identity';

export const SESSION_COOKIE = 'wushe_session';

export interface SessionConfig {
  /** A session unused this long (seconds) ends. */
  idleSeconds: number;
  /** A session ends this long (seconds) after sign-in, however active. */
  absoluteSeconds: number;
  /** Mark the cookie `Secure` (behind https). */
  secureCookie: boolean;
}

/** A request's signed-in session: what the viewer and sign-out need of it. */
export interface SessionInfo {
  id: string;
  expiresAt: Date;
  account: Account;
}

/** Only the hash of the cookie is stored: whoever reads the table cannot present its rows as cookies. */
export const sessionIdOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new session in the transaction of the sign-in; returns the cookie value (the only copy of the secret). */
export async function openSession(
  manager: EntityManager,
  account: Account,
  config: SessionConfig,
  now = new Date(),
): Promise<{ secret: string; session: AccountSession }> {
  const secret = randomBytes(32).toString('base64url');
  const session = await manager.getRepository(AccountSession).save({
    id: sessionIdOf(secret),
    accountId: account.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.absoluteSeconds * 1000),
    revokedAt: null,
  });
  return { secret, session };
}

/** Ends the sessions of `accountId` (all, or all but `except`) still open. */
export async function revokeSessions(manager: EntityManager, accountId: number, except?: string): Promise<void> {
  const query = manager
    .createQueryBuilder()
    .update(AccountSession)
    .set({ revokedAt: new Date() })
    .where('accountId = :accountId AND revokedAt IS NULL', { accountId });
  if (except) query.andWhere('id <> :except', { except });
  await query.execute();
}

export function sessionCookie(secret: string, config: SessionConfig): string {
  return [
    `${SESSION_COOKIE}=${secret}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${config.absoluteSeconds}`,
    ...(config.secureCookie ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(config: SessionConfig): string {
  return [
    `${SESSION_COOKIE}=`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    'Max-Age=0',
    ...(config.secureCookie ? ['Secure'] : []),
  ].join('; ');
}

/** The value of the session cookie in a `Cookie` header, if any. */
export function sessionSecretIn(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/** Seen-at is written at most this often: a busy console costs one write a minute, not one per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export function identityOfAccount(account: Account): Identity {
  return {
    role: account.role as unknown as Role,
    subject: account.username,
    regionId: account.regionId ?? undefined,
    organizationId: account.organizationId ?? undefined,
    accountId: account.id,
  };
}

/**
 * The session a cookie names, with its account, in one indexed statement; undefined when it is unknown, revoked,
 * past its absolute or idle end, or its account is disabled.
 */
export async function findLiveSession(
  dataSource: DataSource,
  secret: string,
  config: SessionConfig,
  now = new Date(),
): Promise<SessionInfo | undefined> {
  const row = await dataSource
    .getRepository(AccountSession)
    .createQueryBuilder('session')
    .innerJoinAndMapOne('session.account', Account, 'account', 'account.id = session.accountId')
    .where('session.id = :id', { id: sessionIdOf(secret) })
    .getOne();
  const session = row as (AccountSession & { account: Account }) | null;
  if (!session || session.revokedAt || session.account.disabledAt) return undefined;
  if (session.expiresAt.getTime() <= now.getTime()) return undefined;
  if (session.lastSeenAt.getTime() + config.idleSeconds * 1000 <= now.getTime()) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await oneWriteAtATime(dataSource, () =>
      dataSource.getRepository(AccountSession).update({ id: session.id }, { lastSeenAt: now }),
    );
  }
  return { id: session.id, expiresAt: session.expiresAt, account: session.account };
}
