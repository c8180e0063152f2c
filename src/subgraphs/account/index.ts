import { Account, AccountSession } from '../../auth/account.entity';
import type { SubgraphDefinition } from '../../federation/subgraph';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { AccountResolver, SignInResolver, ViewerResolver } from './account.resolver';
import { accountById } from './account.loaders';
import { AccountProfileResolver } from './account-profile.resolver';
import { accountProfile, accountScope } from './account-profile.service';

/**
 * 账号: the staff's accounts and sign-in sessions, and every caller's own view of who they are (`viewer`). The
 * entities live in src/auth, because the HTTP edge reads sessions before any subgraph runs.
 */
export const accountSubgraph: SubgraphDefinition = {
  name: 'account',
  entities: [Account, AccountSession],
  resolvers: [ViewerResolver, SignInResolver, AccountResolver, AccountProfileResolver],
  references: {
    AccountProfile: (ref, context) => accountProfile(context, ref.id),
  },
  lookups: {
    Account: lookupWith(accountById, (id) => parseIntId(id, 'accountId'), accountScope),
  },
};
