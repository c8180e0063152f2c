import type { FigureTally } from '../db/figure-tally';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { auditedMutation } from '../audit/audit-log';
import type { HubContext } from '../graphql/context';
import type { ReferenceLookups } from '../graphql/references';

export type SubgraphName =
  'community' | 'organization' | 'socialwork' | 'volunteer' | 'charity' | 'linkage' | 'audit' | 'account';

/** Answers `_entities` for one type; the gateway sends one representation per call, so batch with a loader. */
export type ReferenceResolver = (
  representation: { id: string } & Record<string, unknown>,
  context: HubContext,
) => unknown;

/** What a subgraph's index.ts exports and nothing else (one file per role). */
export interface SubgraphDefinition {
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Entity stubs reachable from no root field, which type-graphql would otherwise leave out. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references: Record<string, ReferenceResolver>;
  /** Scope lookups for the kinds it owns, so other subgraphs in the same process can check ids they are given. */
  lookups?: ReferenceLookups;
  /** The figure tallies it keeps (src/db/figure-tally.ts): filled after the seed, checked by `wushe verify-figures`. */
  figures?: readonly FigureTally[];
}

export interface BuiltSubgraph {
  name: SubgraphName;
  sdl: string;
  typeDefs: DocumentNode;
  schema: GraphQLSchema;
  /** The resolvers map, reference resolvers included (the benchmark's non-federated reference reuses it). */
  resolvers: GraphQLResolverMap<unknown>;
}

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires"])';

/** type-graphql schema → SDL with federation directives → Apollo subgraph schema with the same resolvers. */
export function buildSubgraph(definition: SubgraphDefinition): BuiltSubgraph {
  const typeGraphqlSchema = buildSchemaSync({
    resolvers: definition.resolvers,
    orphanedTypes: definition.orphanedTypes,
    // class-validator constraints on inputs; the offending input is not echoed back.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}\n`;
  const typeDefs = parse(sdl);
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  // Every mutation field is audited by the subgraph that runs it, whatever router sits in front.
  const mutations = (resolvers.Mutation ?? {}) as Record<string, unknown>;
  for (const [field, resolve] of Object.entries(mutations)) {
    if (typeof resolve === 'function') mutations[field] = auditedMutation(field, resolve as never);
  }
  for (const [typeName, resolveReference] of Object.entries(definition.references)) {
    // Merge, never replace: a spread of the type's entry would drop its field resolvers.
    const typeResolvers = (resolvers[typeName] ??= {}) as Record<string, unknown>;
    typeResolvers.__resolveReference = resolveReference;
  }
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  return { name: definition.name, sdl, typeDefs, schema, resolvers };
}
