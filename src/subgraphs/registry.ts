import { AuditEntry } from '../audit/audit-entry.entity';
import { SEARCH_INDEX_ENTITIES } from '../db/search-index';
import type { ReferenceLookups } from '../graphql/references';
import { buildSubgraph, type BuiltSubgraph, type SubgraphDefinition, type SubgraphName } from '../federation/subgraph';
import { accountSubgraph } from './account';
import { auditSubgraph } from './audit';
import { charitySubgraph } from './charity';
import { communitySubgraph } from './community';
import { linkageSubgraph } from './linkage';
import { organizationSubgraph } from './organization';
import { socialworkSubgraph } from './socialwork';
import { volunteerSubgraph } from './volunteer';

/** Every society's subgraph, plus the audit log and the accounts. The only code that knows them all, with what is built from that list. */
export const SUBGRAPHS: readonly SubgraphDefinition[] = [
  communitySubgraph,
  organizationSubgraph,
  socialworkSubgraph,
  volunteerSubgraph,
  charitySubgraph,
  linkageSubgraph,
  auditSubgraph,
  accountSubgraph,
];

export const SUBGRAPH_NAMES = SUBGRAPHS.map((s) => s.name);

export function subgraphByName(name: string): SubgraphDefinition {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`unknown subgraph "${name}": choose one of ${SUBGRAPH_NAMES.join(', ')}`);
  return found;
}

/** A subgraph's own tables plus the audit log and the search index, which every subgraph keeps in its own database. */
export function entitiesOf(definition: SubgraphDefinition) {
  return [...new Set([...definition.entities, AuditEntry, ...SEARCH_INDEX_ENTITIES])];
}

/** Every figure tally of every subgraph (src/db/figure-tally.ts). */
export function allFigureTallies() {
  return SUBGRAPHS.flatMap((s) => s.figures ?? []);
}

export function allEntities() {
  return [...new Set(SUBGRAPHS.flatMap(entitiesOf))];
}

export type { SubgraphName };

let builtSubgraphs: BuiltSubgraph[] | undefined;

/** The eight subgraph schemas, built once per process (type-graphql metadata is global anyway). */
export function buildAllSubgraphs(): BuiltSubgraph[] {
  return (builtSubgraphs ??= SUBGRAPHS.map(buildSubgraph));
}

/** The lookups of the subgraphs in this process (those not served remotely); remote kinds: remote-lookups.ts. */
export function localLookups(remote: Partial<Record<SubgraphName, string>> = {}): ReferenceLookups {
  return Object.assign({}, ...SUBGRAPHS.filter((s) => !remote[s.name]).map((s) => s.lookups ?? {}));
}
