import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource } from 'typeorm';
import { auditedMutation } from '../audit/audit-log';
import { AccountRole } from '../auth/account.entity';
import { Role } from '../auth/identity';
import type { Config } from '../config/config';
import { requestContexts, type HubContext } from '../graphql/context';
import type { CreateAccountInput } from '../subgraphs/account/account.inputs';
import { createAccount } from '../subgraphs/account/account.service';
import type { CreatedAccount } from '../subgraphs/account/account.types';
import { localLookups } from '../subgraphs/registry';

/** Who the audit log names for what the CLI does: an operator on the server, acting as ADMIN. */
export const CLI_IDENTITY = { role: Role.ADMIN, subject: 'cli' };

export interface AccountOptions {
  username: string;
  role: string;
  region?: string;
  organization?: string;
  displayName?: string;
}

export class AccountCommandError extends Error {}

/**
 * `wushe account create`: the same createAccount an ADMIN runs over GraphQL — ids checked, one transaction with
 * its audit row — done by `cli`. This is how the first ADMIN comes to exist.
 */
export async function createAccountFromCli(
  dataSource: DataSource,
  config: Pick<Config, 'auth' | 'dataKeys'>,
  options: AccountOptions,
): Promise<CreatedAccount> {
  const role = options.role.toUpperCase();
  if (!Object.values(AccountRole).includes(role as AccountRole)) {
    throw new AccountCommandError(`--role must be ADMIN, STAFF or ORG, got "${options.role}"`);
  }
  const context = requestContexts({ dataSource, config, references: localLookups() }).context(CLI_IDENTITY, 'cli');
  const input: CreateAccountInput = {
    username: options.username,
    role: role as AccountRole,
    regionId: options.region,
    organizationId: options.organization,
    displayName: options.displayName,
  };
  const run = auditedMutation<HubContext>('createAccount', (_root, args: { input: CreateAccountInput }, ctx) =>
    createAccount(ctx, args.input),
  );
  return (await run(undefined, { input }, context, undefined as unknown as GraphQLResolveInfo)) as CreatedAccount;
}

/** What the operator reads: the one-time code and where the new user turns it into a password. */
export function setupInstructions(created: CreatedAccount, consoleUrl: string): string {
  const { account, setupCode, expiresAt } = created;
  return [
    `账号已创建 (account created): ${account.username} · ${account.role}`,
    `一次性设置码 (one-time setup code): ${setupCode}`,
    `有效期至 (valid until): ${expiresAt.toISOString()}`,
    `请本人打开控制台 ${consoleUrl},选择“设置密码”,输入用户名和设置码,设置自己的密码。`,
    `(the user opens ${consoleUrl}, chooses "set password" and enters the username and this code; the code works once)`,
    '',
  ].join('\n');
}
