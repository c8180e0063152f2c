import { Account, AccountRole } from '../../auth/account.entity';
import { Role } from '../../auth/identity';
import { ForbiddenError, requireRole } from '../../auth/policy';
import { revokeSessions } from '../../auth/sessions';
import { isDuplicateKey } from '../../db/duplicate-key';
import { BadInputError, DomainError } from '../../errors';
import type { HubContext } from '../../graphql/context';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { loadOrFail } from '../../graphql/loaders';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { requireReference, requireRegion } from '../../graphql/references';
import { inTransaction } from '../../graphql/transaction';
import type { AccountFilter, CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { accountById } from './account.loaders';
import type { CreatedAccount, PasswordResetCode } from './account.types';
import {
  clearFailures,
  CODE_LIFETIME_SECONDS,
  codeHash,
  lockAccount,
  newOneTimeCode,
  requireUsername,
} from './credentials';

/*
 * Accounts are managed by ADMIN only in this version (docs/decisions.md): a STAFF who could create accounts below
 * their region could also hand out accounts nobody above them reviews.
 */

interface Scope {
  regionId: string | null;
  organizationId: number | null;
}

/**
 * The scope a role needs, checked: STAFF a region on record, ORG an organisation on record, ADMIN neither. A
 * scope the role does not use is refused rather than silently dropped.
 */
async function requireScope(
  context: HubContext,
  role: AccountRole,
  regionId: string | null | undefined,
  organizationId: string | null | undefined,
): Promise<Scope> {
  const refuse = (argument: string, message: string) => new BadInputError(message, { argument });
  if (role !== AccountRole.STAFF && regionId)
    throw refuse('regionId', `${role} 账号不设区域 (only STAFF accounts have a region)`);
  if (role !== AccountRole.ORG && organizationId) {
    throw refuse('organizationId', `${role} 账号不设组织 (only ORG accounts have an organisation)`);
  }
  if (role === AccountRole.STAFF) {
    if (!regionId) throw refuse('regionId', 'STAFF 账号须指定区域 (a STAFF account needs a region)');
    await requireRegion(context, regionId, 'regionId');
    return { regionId, organizationId: null };
  }
  if (role === AccountRole.ORG) {
    if (!organizationId) throw refuse('organizationId', 'ORG 账号须指定组织 (an ORG account needs an organisation)');
    await requireReference(context, 'SocialOrganization', organizationId);
    return { regionId: null, organizationId: optionalIntId(organizationId, 'organizationId') };
  }
  return { regionId: null, organizationId: null };
}

const usernameTaken = (username: string) =>
  new DomainError('USERNAME_TAKEN', `用户名已被使用:${username} (the username is taken)`, { argument: 'username' });

const codeExpiry = () => new Date(Date.now() + CODE_LIFETIME_SECONDS * 1000);

/**
 * An ADMIN changing their own account in a way that signs them out for good: a role without account management, a
 * reset that ends their own session (their own password has `changePassword`).
 */
function refuseOnOwnAccount(context: HubContext, accountId: number, code: string, message: string): void {
  if (context.identity.accountId === accountId) throw new DomainError(code, message);
}

export async function createAccount(context: HubContext, input: CreateAccountInput): Promise<CreatedAccount> {
  requireRole(context.identity, Role.ADMIN);
  const username = requireUsername(input.username);
  const scope = await requireScope(context, input.role, input.regionId, input.organizationId);
  const setupCode = newOneTimeCode();
  const expiresAt = codeExpiry();
  const account = await inTransaction(context, async (manager) => {
    const repository = manager.getRepository(Account);
    if (await repository.existsBy({ username })) throw usernameTaken(username);
    // A parallel creation can insert the name between the check and this insert: its unique index answers then.
    return repository
      .save(
        repository.create({
          username,
          displayName: input.displayName?.trim() || username,
          role: input.role,
          ...scope,
          disabledAt: null,
          passwordHash: null,
          failedAttempts: 0,
          lockedUntil: null,
          resetCodeHash: codeHash(setupCode),
          resetCodeExpiresAt: expiresAt,
          totpSecret: null,
          totpPendingSecret: null,
          totpKeyId: null,
          totpLastStep: null,
          createdAt: new Date(),
        }),
      )
      .catch((error: unknown) => {
        throw isDuplicateKey(error) ? usernameTaken(username) : error;
      });
  });
  return { id: account.id, account, setupCode, expiresAt };
}

/**
 * A new display name, role or scope. A new role ends the account's sessions (an ADMIN must enrol TOTP, anyone
 * signs in anew); a new region or organisation applies to its open sessions at their next request, since a
 * session acts with its account's current scope.
 */
export async function updateAccount(context: HubContext, id: string, input: UpdateAccountInput): Promise<Account> {
  requireRole(context.identity, Role.ADMIN);
  const current = await loadOrFail(accountById(context), id, '账号');
  const role = input.role ?? current.role;
  const roleChanged = role !== current.role;
  if (roleChanged) {
    refuseOnOwnAccount(
      context,
      current.id,
      'CANNOT_CHANGE_OWN_ROLE',
      '不能更改自己账号的角色,请由另一位管理员操作 (an ADMIN cannot change the role of their own account)',
    );
  }
  const scope = await requireScope(
    context,
    role,
    input.regionId ?? (roleChanged ? undefined : current.regionId),
    input.organizationId ??
      (roleChanged || current.organizationId === null ? undefined : String(current.organizationId)),
  );
  return inTransaction(context, async (manager) => {
    const account = await lockAccount(manager, current.id);
    const newRole = account.role !== role;
    Object.assign(account, { role, ...scope });
    if (input.displayName !== undefined) account.displayName = input.displayName.trim() || account.displayName;
    if (newRole) await revokeSessions(manager, account.id);
    return manager.getRepository(Account).save(account);
  });
}

export async function setAccountDisabled(context: HubContext, id: string, disabled: boolean): Promise<Account> {
  requireRole(context.identity, Role.ADMIN);
  const accountId = parseIntId(id);
  if (disabled && context.identity.accountId === accountId) {
    throw new ForbiddenError('不能停用自己的账号 (an ADMIN cannot disable their own account)');
  }
  return inTransaction(context, async (manager) => {
    const account = await lockAccount(manager, accountId);
    account.disabledAt = disabled ? (account.disabledAt ?? new Date()) : null;
    if (disabled) await revokeSessions(manager, account.id);
    // An ADMIN turning an account back on means it to be usable now, not after a lock someone else ran up.
    else clearFailures(account);
    return manager.getRepository(Account).save(account);
  });
}

/**
 * A one-time reset code for the account (shown once, to the ADMIN, who hands it over); its sessions end and any
 * lock is lifted, so the owner can sign in again whoever kept failing under their name.
 */
export async function issuePasswordReset(context: HubContext, id: string): Promise<PasswordResetCode> {
  requireRole(context.identity, Role.ADMIN);
  const accountId = parseIntId(id);
  refuseOnOwnAccount(
    context,
    accountId,
    'CANNOT_RESET_OWN_PASSWORD',
    '不能为自己的账号生成重置码,请在“修改密码”中更改 (use changePassword for your own account)',
  );
  const code = newOneTimeCode();
  const expiresAt = codeExpiry();
  const account = await inTransaction(context, async (manager) => {
    const locked = await lockAccount(manager, accountId);
    locked.resetCodeHash = codeHash(code);
    locked.resetCodeExpiresAt = expiresAt;
    clearFailures(locked);
    await revokeSessions(manager, locked.id);
    return manager.getRepository(Account).save(locked);
  });
  return { id: account.id, account, code, expiresAt };
}

/** Turns the account's TOTP off (a lost phone); its sessions end, and an ADMIN enrols again at next sign-in. */
export async function resetAccountTotp(context: HubContext, id: string): Promise<Account> {
  requireRole(context.identity, Role.ADMIN);
  const accountId = parseIntId(id);
  refuseOnOwnAccount(
    context,
    accountId,
    'CANNOT_RESET_OWN_TOTP',
    '不能关闭自己账号的两步验证,请由另一位管理员操作 (another ADMIN resets the TOTP of your account)',
  );
  return inTransaction(context, async (manager) => {
    const account = await lockAccount(manager, accountId);
    Object.assign(account, { totpSecret: null, totpPendingSecret: null, totpKeyId: null, totpLastStep: null });
    await revokeSessions(manager, account.id);
    return manager.getRepository(Account).save(account);
  });
}

export function getAccount(context: HubContext, id: string): Promise<Account | null> {
  requireRole(context.identity, Role.ADMIN);
  return accountById(context).load(parseIntId(id)) as Promise<Account | null>;
}

export function listAccounts(context: HubContext, filter: AccountFilter = {}, page: PageArgs) {
  requireRole(context.identity, Role.ADMIN);
  const query = listQuery(context.dataSource, Account, {
    equals: { role: filter.role },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
  });
  if (filter.disabled === true) query.andWhere('item.disabledAt IS NOT NULL');
  if (filter.disabled === false) query.andWhere('item.disabledAt IS NULL');
  return paginate(query, page);
}
