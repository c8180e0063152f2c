import type { SubgraphDefinition } from '../../federation/subgraph';
import { AuditEntry } from '../../audit/audit-entry.entity';
import { AuditResolver } from './audit.resolver';

/**
 * 审计: ADMIN reads the log here. Every subgraph writes its own rows (src/audit), into the audit table of its
 * own database; with one database, as by default, this log holds them all.
 */
export const auditSubgraph: SubgraphDefinition = {
  name: 'audit',
  entities: [AuditEntry],
  resolvers: [AuditResolver],
  references: {},
};
