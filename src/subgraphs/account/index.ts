import { Account, AccountSession } from '../../auth/account.entity';
import type { SubgraphDefinition } from '../../federation/subgraph';
import { AccountResolver, SignInResolver, ViewerResolver } from './account.resolver';

/**
 * 账号: the staff's accounts and sign-in sessions, and every caller's own view of who they are (`viewer`). The
 * entities live in src/auth, because the HTTP edge reads sessions before any subgraph runs.
 */
export const accountSubgraph: SubgraphDefinition = {
  name: 'account',
  entities: [Account, AccountSession],
  resolvers: [ViewerResolver, SignInResolver, AccountResolver],
  references: {},
};
