import type { SubgraphDefinition } from '../../federation/subgraph';
import { AuditEntry } from './audit.entity';
import { AuditResolver } from './audit.resolver';

/** 审计: the log of every mutation, written by the hub (audit.plugin.ts), read by ADMIN. */
export const auditSubgraph: SubgraphDefinition = {
  name: 'audit',
  entities: [AuditEntry],
  resolvers: [AuditResolver],
  references: {},
};
