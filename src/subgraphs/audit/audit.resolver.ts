import { Arg, Args, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/identity';
import { requireRole } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { listQuery } from '../../graphql/list-query';
import { Connection, OrderDirection, PageArgs, paginate } from '../../graphql/pagination';
import { AuditEntry } from './audit.entity';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@InputType()
export class AuditFilter {
  @Field({ nullable: true })
  operation?: string;

  @Field({ nullable: true })
  subject?: string;

  @Field({ nullable: true, description: 'OK or an error code' })
  outcome?: string;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'ADMIN only; newest first' })
  auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    requireRole(context.identity, Role.ADMIN);
    const query = listQuery(context.dataSource, AuditEntry, {
      equals: { operation: filter?.operation, subject: filter?.subject, outcome: filter?.outcome },
      order: { field: 'id', direction: OrderDirection.DESC },
    });
    return paginate(query, page);
  }
}
