import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { AccountProfile } from './account.types';
import { needHandlerAccounts } from './account-profile.service';

@Resolver(() => AccountProfile)
export class AccountProfileResolver {
  @Query(() => [AccountProfile], {
    description:
      'the active STAFF accounts a need may be assigned to (its community or a region containing it), nearest first: STAFF of the need’s region and ADMIN',
  })
  needHandlerAccounts(@Arg('needId', () => ID) needId: string, @Ctx() context: HubContext) {
    return needHandlerAccounts(context, needId);
  }
}
