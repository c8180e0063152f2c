import type { SubgraphDefinition } from '../../federation/subgraph';
import { ViewerResolver } from './viewer.resolver';

/** 账号: staff accounts, sign-in sessions and the caller's own view of who they are (`viewer`). */
export const accountSubgraph: SubgraphDefinition = {
  name: 'account',
  entities: [],
  resolvers: [ViewerResolver],
  references: {},
};
