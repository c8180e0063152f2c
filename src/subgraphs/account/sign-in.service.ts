import { IsNull } from 'typeorm';
import { auditOutcome } from '../../audit/audit-log';
import { Account, AccountRole, AccountSession } from '../../auth/account.entity';
import { hashPassword, requireStrongPassword, spendLikeAVerification, verifyPassword } from '../../auth/passwords';
import { ForbiddenError } from '../../auth/policy';
import { clearedSessionCookie, openSession, revokeSessions, sessionCookie } from '../../auth/sessions';
import { acceptedTotpStep, newTotpSecret, totpUri } from '../../auth/totp';
import { DomainError } from '../../errors';
import type { HubContext } from '../../graphql/context';
import { inTransaction } from '../../graphql/transaction';
import type { SignInInput } from './account.inputs';
import { SignInStatus, type SignInResult, type TotpSetup, type Viewer } from './account.types';
import {
  codeMatches,
  invalidCode,
  invalidCredentials,
  invalidTotp,
  clearFailures,
  lockAccount,
  normalizeUsername,
  openSecret,
  passwordMatches,
  recordFailure,
  refusalWhileLocked,
  sealSecret,
} from './credentials';
import { viewerOfAccount } from './viewer.service';

/** Sessions, sign-in counters, passwords and second factors change no public answer: their writes pass no fence. */
const SESSION_WRITE = { publicData: false };

/** What a sign-in transaction decided: an answer to give, or an error to throw once its rows are committed. */
type Decision = { result: SignInResult; cookie?: string } | { error: DomainError };

/**
 * The password is checked (scrypt, tens of milliseconds) before the account row is locked, so parallel tries do
 * not queue behind each other's hashing; the row is then locked and the failure count, lock and second factor
 * decided on its latest version. A refusal commits its count and audit row, then answers the error.
 */
export async function signIn(context: HubContext, input: SignInInput): Promise<SignInResult> {
  const username = normalizeUsername(input.username);
  auditOutcome(context, { subject: username });
  const found = await context.dataSource.getRepository(Account).findOneBy({ username });
  const verifiedAgainst = found?.passwordHash ?? null;
  let passwordOk = false;
  if (verifiedAgainst) passwordOk = await verifyPassword(input.password, verifiedAgainst);
  else await spendLikeAVerification(input.password);

  const decision = await inTransaction<Decision>(
    context,
    async (manager) => {
      const now = new Date();
      if (!found) {
        auditOutcome(context, { outcome: 'INVALID_CREDENTIALS' });
        return { error: invalidCredentials() };
      }
      const account = await lockAccount(manager, found.id);
      const locked = refusalWhileLocked(context, account, now);
      if (locked) return { error: locked };
      const ok = await passwordMatches(account, input.password, { against: verifiedAgainst, ok: passwordOk });
      if (!ok) return { error: await recordFailure(manager, context, account, invalidCredentials(), now) };
      if (account.disabledAt) {
        auditOutcome(context, { outcome: 'ACCOUNT_DISABLED' });
        return { error: new DomainError('ACCOUNT_DISABLED', '账号已停用 (this account is disabled)') };
      }
      const secondFactor = await checkSecondFactor(context, account, input.totpCode, now);
      if ('error' in secondFactor) {
        return { error: await recordFailure(manager, context, account, secondFactor.error, now) };
      }
      if (secondFactor.status !== SignInStatus.SIGNED_IN) {
        await manager.getRepository(Account).save(account);
        auditOutcome(context, { outcome: secondFactor.status });
        return { result: { status: secondFactor.status, viewer: null, totpSetup: secondFactor.totpSetup ?? null } };
      }
      clearFailures(account);
      await manager.getRepository(Account).save(account);
      const { secret, session } = await openSession(manager, account, context.sessions, now);
      return {
        result: {
          status: SignInStatus.SIGNED_IN,
          viewer: viewerOfAccount(account, session.expiresAt),
          totpSetup: null,
        },
        cookie: sessionCookie(secret, context.sessions),
      };
    },
    SESSION_WRITE,
  );
  if ('error' in decision) throw decision.error;
  if (decision.cookie) context.responseCookies.push(decision.cookie);
  return decision.result;
}

type SecondFactor = { status: SignInStatus; totpSetup?: TotpSetup } | { error: DomainError };

/**
 * After the right password: an account with TOTP needs a fresh code; an ADMIN without one first enrols — the
 * answer hands out a pending secret (kept until confirmed, so asking twice shows the same one), and signing in
 * again with the password and a code of that secret enables it. Changes `account`; the caller saves it.
 */
async function checkSecondFactor(
  context: HubContext,
  account: Account,
  code: string | undefined,
  now: Date,
): Promise<SecondFactor> {
  if (account.totpSecret) {
    if (!code) return { status: SignInStatus.TOTP_REQUIRED };
    const step = acceptedTotpStep(
      openSecret(context, account.totpSecret, account.totpKeyId),
      code,
      account.totpLastStep,
      now.getTime(),
    );
    if (step === null) return { error: invalidTotp() };
    account.totpLastStep = step;
    return { status: SignInStatus.SIGNED_IN };
  }
  if (account.role !== AccountRole.ADMIN) return { status: SignInStatus.SIGNED_IN };
  if (code && account.totpPendingSecret) {
    const pending = openSecret(context, account.totpPendingSecret, account.totpKeyId);
    const step = acceptedTotpStep(pending, code, null, now.getTime());
    if (step === null) return { error: invalidTotp() };
    enableTotp(account, step);
    return { status: SignInStatus.SIGNED_IN };
  }
  return { status: SignInStatus.TOTP_ENROLLMENT_REQUIRED, totpSetup: pendingSetup(context, account) };
}

/** The account's pending secret, made (and sealed onto the account) when it has none. */
function pendingSetup(context: HubContext, account: Account): TotpSetup {
  if (account.totpPendingSecret) {
    const secret = openSecret(context, account.totpPendingSecret, account.totpKeyId);
    return { secret, uri: totpUri(secret, account.username) };
  }
  const setup = newTotpSecret(account.username);
  const { sealed, keyId } = sealSecret(context, setup.secret);
  account.totpPendingSecret = sealed;
  account.totpKeyId = keyId;
  return setup;
}

function enableTotp(account: Account, step: number): void {
  account.totpSecret = account.totpPendingSecret;
  account.totpPendingSecret = null;
  account.totpLastStep = step;
}

/** The caller's own account: only a signed-in session has one. */
function requireAccountId(context: HubContext): number {
  const accountId = context.identity.accountId;
  if (accountId === undefined) {
    throw new ForbiddenError('请先用账号登录 (this needs a signed-in account session, not a token)');
  }
  return accountId;
}

/** Ends this browser's session (if it has one) and clears its cookie. */
export async function signOut(context: HubContext): Promise<boolean> {
  const sessionId = context.session?.id;
  await inTransaction(
    context,
    async (manager) => {
      if (sessionId)
        await manager.update(AccountSession, { id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    },
    SESSION_WRITE,
  );
  context.responseCookies.push(clearedSessionCookie(context.sessions));
  return true;
}

/** Ends every session of the caller's account, this one included. */
export async function signOutEverywhere(context: HubContext): Promise<boolean> {
  const accountId = requireAccountId(context);
  await inTransaction(
    context,
    async (manager) => {
      await lockAccount(manager, accountId);
      await revokeSessions(manager, accountId);
    },
    SESSION_WRITE,
  );
  context.responseCookies.push(clearedSessionCookie(context.sessions));
  return true;
}

/** A new password for the caller's account; its other sessions end. A wrong current password counts as a failure. */
export async function changePassword(context: HubContext, current: string, next: string): Promise<boolean> {
  const accountId = requireAccountId(context);
  const username = context.identity.subject;
  requireStrongPassword(next, username);
  const [newHash, found] = await Promise.all([
    hashPassword(next),
    context.dataSource.getRepository(Account).findOneByOrFail({ id: accountId }),
  ]);
  const currentOk = found.passwordHash !== null && (await verifyPassword(current, found.passwordHash));
  const error = await inTransaction(
    context,
    async (manager) => {
      const now = new Date();
      const account = await lockAccount(manager, accountId);
      const locked = refusalWhileLocked(context, account, now);
      if (locked) return locked;
      const ok = await passwordMatches(account, current, { against: found.passwordHash, ok: currentOk });
      if (!ok) return recordFailure(manager, context, account, invalidCredentials(), now);
      account.passwordHash = newHash;
      clearFailures(account);
      await manager.getRepository(Account).save(account);
      await revokeSessions(manager, accountId, context.session?.id);
      return null;
    },
    SESSION_WRITE,
  );
  if (error) throw error;
  return true;
}

/**
 * Public: a one-time setup or reset code (issued by an ADMIN) becomes a password. A wrong code counts towards the
 * lockout like a wrong password; a used one is gone. Every session of the account ends. The code is checked before
 * the lock: a code only an ADMIN hands out is the way out of a lock that anyone knowing the username can keep
 * setting, so the right one goes through and lifts it, while a wrong one during the lock is refused uncounted.
 */
export async function resetPassword(
  context: HubContext,
  usernameTried: string,
  code: string,
  next: string,
): Promise<boolean> {
  const username = normalizeUsername(usernameTried);
  auditOutcome(context, { subject: username });
  requireStrongPassword(next, username);
  const [newHash, found] = await Promise.all([
    hashPassword(next),
    context.dataSource.getRepository(Account).findOneBy({ username }),
  ]);
  const error = await inTransaction(
    context,
    async (manager) => {
      const now = new Date();
      if (!found) {
        auditOutcome(context, { outcome: 'INVALID_CODE' });
        return invalidCode();
      }
      const account = await lockAccount(manager, found.id);
      if (!codeMatches(account, code, now)) {
        return (
          refusalWhileLocked(context, account, now) ?? recordFailure(manager, context, account, invalidCode(), now)
        );
      }
      account.passwordHash = newHash;
      account.resetCodeHash = null;
      account.resetCodeExpiresAt = null;
      clearFailures(account);
      await manager.getRepository(Account).save(account);
      await revokeSessions(manager, account.id);
      return null;
    },
    SESSION_WRITE,
  );
  if (error) throw error;
  return true;
}

/** A pending TOTP secret for the caller's account, confirmed by `confirmTotpEnrollment`. */
export async function beginTotpEnrollment(context: HubContext): Promise<TotpSetup> {
  const accountId = requireAccountId(context);
  return inTransaction(
    context,
    async (manager) => {
      const account = await lockAccount(manager, accountId);
      if (account.totpSecret) {
        throw new DomainError(
          'TOTP_ALREADY_ENABLED',
          '动态验证码已启用,如需更换请联系管理员重置 (TOTP is already on; an ADMIN can reset it)',
        );
      }
      const setup = pendingSetup(context, account);
      await manager.getRepository(Account).save(account);
      return setup;
    },
    SESSION_WRITE,
  );
}

export async function confirmTotpEnrollment(context: HubContext, code: string): Promise<Viewer> {
  const accountId = requireAccountId(context);
  const account = await inTransaction(
    context,
    async (manager) => {
      const locked = await lockAccount(manager, accountId);
      if (!locked.totpPendingSecret) {
        throw new DomainError('NO_TOTP_ENROLLMENT', '请先开始绑定动态验证码 (call beginTotpEnrollment first)');
      }
      const pending = openSecret(context, locked.totpPendingSecret, locked.totpKeyId);
      const step = acceptedTotpStep(pending, code, null);
      if (step === null) throw invalidTotp();
      enableTotp(locked, step);
      return manager.getRepository(Account).save(locked);
    },
    SESSION_WRITE,
  );
  return viewerOfAccount(account, context.session?.expiresAt ?? null);
}
