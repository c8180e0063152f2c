import { Account, AccountRole } from '../../auth/account.entity';
import { requireStaffIn, seesStaffAccount } from '../../auth/policy';
import { regionAndAncestors } from '../../db/region-scope';
import type { HubContext } from '../../graphql/context';
import { parseIntId } from '../../graphql/ids';
import { requireReference, type ReferenceScope } from '../../graphql/references';
import { reference } from '../../federation/references';
import { accountById } from './account.loaders';
import type { AccountProfile } from './account.types';

function profileOf(account: Pick<Account, 'id' | 'username' | 'displayName' | 'regionId'>): AccountProfile {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    region: reference(account.regionId)!,
  };
}

/**
 * A STAFF account's profile, for whom `seesStaffAccount`. Anyone else, and every other kind of account, gets null:
 * usernames are sign-in names, not to be listed to strangers.
 */
export async function accountProfile(context: HubContext, id: string): Promise<AccountProfile | null> {
  const account = await accountById(context).load(parseIntId(id));
  if (!account || account.role !== AccountRole.STAFF || !account.regionId) return null;
  return seesStaffAccount(context.identity, account.regionId) ? profileOf(account) : null;
}

/**
 * The accounts a need may be assigned to: active STAFF accounts of its community or of a region containing it,
 * nearest first. For STAFF of the need's region and ADMIN; one statement whatever their number.
 */
export async function needHandlerAccounts(context: HubContext, needId: string): Promise<AccountProfile[]> {
  const need = await requireReference(context, 'Need', needId);
  requireStaffIn(context.identity, need.regionId);
  const rows = await context.dataSource
    .getRepository(Account)
    .createQueryBuilder('account')
    .select(['account.id', 'account.username', 'account.displayName', 'account.regionId'])
    .where('account.role = :role', { role: AccountRole.STAFF })
    .andWhere('account.disabledAt IS NULL')
    .andWhere('account.regionId IN (:...regions)', { regions: regionAndAncestors(need.regionId) })
    .orderBy('account.regionId', 'DESC')
    .addOrderBy('account.username', 'ASC')
    .getMany();
  return rows.map(profileOf);
}

/** An account's scope for the ids other subgraphs check (handlers of needs): region, role, whether disabled. */
export function accountScope(account: Account): ReferenceScope {
  return {
    regionId: account.regionId ?? '',
    role: account.role,
    disabled: account.disabledAt !== null,
  };
}
