import { AuditEntry } from '../audit/audit-entry.entity';
import { communitySubgraph } from '../subgraphs/community';
import { auditSubgraph } from '../subgraphs/audit';
import { charitySubgraph } from '../subgraphs/charity';
import { linkageSubgraph } from '../subgraphs/linkage';
import { organizationSubgraph } from '../subgraphs/organization';
import { socialworkSubgraph } from '../subgraphs/socialwork';
import { volunteerSubgraph } from '../subgraphs/volunteer';
import type { ReferenceLookups } from '../graphql/references';
import type { SubgraphDefinition, SubgraphName } from './subgraph';

/** Every society's subgraph, plus the audit log. The composition layer is the only code that knows them all. */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  communitySubgraph,
  organizationSubgraph,
  socialworkSubgraph,
  volunteerSubgraph,
  charitySubgraph,
  linkageSubgraph,
  auditSubgraph,
];

export const SUBGRAPH_NAMES = SUBGRAPHS.map((s) => s.name);

export function subgraphByName(name: string): SubgraphDefinition {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}": choose one of ${SUBGRAPH_NAMES.join(', ')}`);
  return found;
}

/** A subgraph's own tables plus the audit log, which every subgraph writes in its own database. */
export function entitiesOf(definition: SubgraphDefinition) {
  return [...new Set([...definition.entities, AuditEntry])];
}

export function allEntities() {
  return [...new Set(SUBGRAPHS.flatMap(entitiesOf))];
}

export type { SubgraphName };

/** The lookups of the subgraphs in this process (those not served remotely); remote kinds: remote-lookups.ts. */
export function localLookups(remote: Partial<Record<SubgraphName, string>> = {}): ReferenceLookups {
  return Object.assign({}, ...SUBGRAPHS.filter((s) => !remote[s.name]).map((s) => s.lookups ?? {}));
}
