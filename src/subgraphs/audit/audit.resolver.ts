import { Arg, Args, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { AuditEntry, AuditKind } from '../../audit/audit-entry.entity';
import { Role } from '../../auth/identity';
import { requireRole } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { listQuery } from '../../graphql/list-query';
import { Connection, OrderDirection, PageArgs, paginate } from '../../graphql/pagination';

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@InputType()
export class AuditFilter {
  @Field(() => AuditKind, { nullable: true })
  kind?: AuditKind;

  @Field({ nullable: true })
  operation?: string;

  @Field({ nullable: true })
  subject?: string;

  @Field({ nullable: true, description: 'OK or an error code' })
  outcome?: string;

  @Field({ nullable: true, description: 'the personal record read, e.g. Resident:12' })
  record?: string;

  @Field({ nullable: true, description: 'at or after' })
  since?: Date;

  @Field({ nullable: true, description: 'before' })
  until?: Date;
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
      equals: {
        kind: filter?.kind,
        operation: filter?.operation,
        subject: filter?.subject,
        outcome: filter?.outcome,
        record: filter?.record,
      },
      order: { field: 'id', direction: OrderDirection.DESC },
    });
    if (filter?.since) query.andWhere('item.at >= :since', { since: filter.since });
    if (filter?.until) query.andWhere('item.at < :until', { until: filter.until });
    return paginate(query, page);
  }
}
