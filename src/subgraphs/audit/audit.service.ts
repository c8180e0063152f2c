import { AuditEntry } from '../../audit/audit-entry.entity';
import { Role } from '../../auth/identity';
import { requireRole } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { listQuery } from '../../graphql/list-query';
import { OrderDirection, paginate, type PageArgs } from '../../graphql/pagination';
import type { AuditFilter } from './audit.inputs';

/** The audit log, newest first: ADMIN only. */
export function listAuditEntries(context: HubContext, filter: AuditFilter = {}, page: PageArgs) {
  requireRole(context.identity, Role.ADMIN);
  const query = listQuery(context.dataSource, AuditEntry, {
    equals: {
      kind: filter.kind,
      operation: filter.operation,
      subject: filter.subject,
      outcome: filter.outcome,
      record: filter.record,
    },
    order: { field: 'id', direction: OrderDirection.DESC },
  });
  if (filter.since) query.andWhere('item.at >= :since', { since: filter.since });
  if (filter.until) query.andWhere('item.at < :until', { until: filter.until });
  return paginate(query, page);
}
