import { mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import {
  defaultFieldResolver,
  GraphQLScalarType,
  Kind,
  parse,
  visit,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { BuiltSubgraph } from '../src/federation/subgraph';
import type { HubContext } from '../src/graphql/context';

/**
 * The benchmark's reference (b): the subgraphs' own SDL and resolvers merged into one plain, non-federated schema,
 * served by a plain Apollo Server — no gateway, no query planning, no `_entities` round trips. Where a resolver
 * returns another society's entity as a stub `{ id }`, the owning subgraph's reference resolver (the same
 * DataLoader the gateway would hit) fills it in before the owner's fields are read.
 */
const FEDERATION_DIRECTIVES = new Set(['key', 'shareable', 'external', 'requires', 'link']);

function withoutFederation(document: DocumentNode): DocumentNode {
  return visit(document, {
    SchemaExtension: () => null,
    Directive: (node) => (FEDERATION_DIRECTIVES.has(node.name.value) ? null : undefined),
  });
}

type Resolvers = Record<string, Record<string, unknown>>;

export function buildReferenceSchema(subgraphs: readonly BuiltSubgraph[]): GraphQLSchema {
  const typeDefs = mergeTypeDefs(subgraphs.map((s) => withoutFederation(parse(s.sdl))));
  const owners = new Map<string, (ref: Record<string, unknown>, context: HubContext) => unknown>();
  const fieldsOwnedBy = new Map<string, Set<string>>();
  const ownerSize = new Map<string, number>();
  const merged: Resolvers = {};
  for (const subgraph of subgraphs) {
    const resolvers = subgraph.resolvers as Resolvers;
    const external = new Map<string, Set<string>>();
    const requires = new Map<string, [string, string[]][]>();
    for (const definition of parse(subgraph.sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      const typeName = definition.name.value;
      const fields = definition.fields ?? [];
      const isExternal = (f: (typeof fields)[number]) =>
        f.directives?.some((d) => d.name.value === 'external') ?? false;
      external.set(typeName, new Set(fields.filter(isExternal).map((f) => f.name.value)));
      requires.set(
        typeName,
        fields.flatMap((f) => {
          const directive = f.directives?.find((d) => d.name.value === 'requires');
          const argument = directive?.arguments?.[0]?.value;
          return argument?.kind === Kind.STRING
            ? [[f.name.value, argument.value.split(/\s+/)] as [string, string[]]]
            : [];
        }),
      );
      // The subgraph declaring the most of an entity's fields owns it; its reference resolver loads the row.
      const own = fields.filter((f) => !isExternal(f)).map((f) => f.name.value);
      const reference = resolvers[typeName]?.__resolveReference as
        ((ref: Record<string, unknown>, context: HubContext) => unknown) | undefined;
      if (reference && own.length > (ownerSize.get(typeName) ?? 0)) {
        owners.set(typeName, reference);
        fieldsOwnedBy.set(typeName, new Set(own));
        ownerSize.set(typeName, own.length);
      }
    }
    for (const [typeName, subgraphFields] of Object.entries(resolvers)) {
      let fields = subgraphFields;
      if (typeName.startsWith('_') || typeof fields !== 'object' || fields === null) continue;
      if (fields instanceof GraphQLScalarType) {
        merged[typeName] = fields as never;
        continue;
      }
      const skip = external.get(typeName) ?? new Set<string>();
      // A copy: the subgraph's own map stays as its (federated) schema uses it.
      fields = { ...fields };
      for (const [field, required] of requires.get(typeName) ?? []) {
        // @requires: compute the required fields with the merged schema's own resolvers, as the gateway would.
        const original = fields[field] as GraphQLFieldResolver<Record<string, unknown>, HubContext>;
        fields[field] = async (parent: Record<string, unknown>, args: unknown, context: HubContext, info: never) => {
          const extra: Record<string, unknown> = {};
          for (const name of required) {
            const resolve = merged[typeName]?.[name] as
              GraphQLFieldResolver<Record<string, unknown>, HubContext> | undefined;
            extra[name] = resolve ? await resolve(parent, {}, context, info) : parent[name];
          }
          return original({ ...parent, ...extra }, args as never, context, info);
        };
      }
      const own = Object.entries(fields).filter(([name]) => name !== '__resolveReference' && !skip.has(name));
      merged[typeName] = { ...(merged[typeName] ?? {}), ...Object.fromEntries(own) };
    }
  }
  const hydrated = new WeakMap<object, Promise<Record<string, unknown>>>();
  for (const [typeName, owner] of owners) {
    const owned = fieldsOwnedBy.get(typeName)!;
    const typeResolvers = (merged[typeName] ??= {});
    for (const field of owned) {
      if (field === 'id') continue;
      const original =
        (typeResolvers[field] as GraphQLFieldResolver<unknown, HubContext> | undefined) ?? defaultFieldResolver;
      typeResolvers[field] = async (
        parent: Record<string, unknown>,
        args: unknown,
        context: HubContext,
        info: never,
      ) => {
        if (parent[field] !== undefined || !('id' in parent) || Object.keys(parent).length > 2)
          return original(parent, args as never, context, info);
        let full = hydrated.get(parent);
        if (!full) {
          full = Promise.resolve(owner({ ...parent, id: String(parent.id) }, context)).then((row) => ({
            ...(row as object),
            ...parent,
          }));
          hydrated.set(parent, full);
        }
        return original(await full, args as never, context, info);
      };
    }
  }
  return makeExecutableSchema({ typeDefs, resolvers: merged as never });
}
