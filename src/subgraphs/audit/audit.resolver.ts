import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { AuditEntry } from '../../audit/audit-entry.entity';
import type { HubContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { AuditFilter } from './audit.inputs';
import { listAuditEntries } from './audit.service';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'ADMIN only; newest first' })
  auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listAuditEntries(context, filter, page);
  }
}
