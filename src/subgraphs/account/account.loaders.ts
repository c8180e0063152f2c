import { Account } from '../../auth/account.entity';
import type { HubContext } from '../../graphql/context';
import { byIdLoader } from '../../graphql/loaders';

export const accountById = (context: HubContext) => byIdLoader(context, Account, 'Account');
