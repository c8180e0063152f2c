import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { FIELD_HINTS, INHERITING_TYPES, listedType, TYPE_HINTS } from './cache-hints';
import type { HubContext } from './context';
import { anonymous } from './public-cache';

/** The lifetime a field's own type gives it, or undefined when it inherits its parent's. */
function typeLifetime(type: GraphQLNamedType): number | undefined {
  if (!isCompositeType(type) || INHERITING_TYPES.has(type.name)) return undefined;
  const hinted = TYPE_HINTS[type.name] ?? TYPE_HINTS[listedType(type.name) ?? ''];
  return hinted ?? 0;
}

/**
 * Seconds a shared cache may keep the answer to `operation`, from the hints of cache-hints.ts: the shortest
 * lifetime of any field it selects (through its fragments too). Static, from the document alone: the answer's
 * shape is the document's, whatever the data.
 */
export function maxAgeOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let shortest = Infinity;
  const walk = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | undefined | null,
    inherited: number,
    path: string[],
  ) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(name!);
        // A spread inside its own fragment is a validation error; the guard keeps a walk of one finite anyway.
        if (!fragment || (name !== undefined && path.includes(name))) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        walk(fragment.selectionSet, condition, inherited, name === undefined ? path : [...path, name]);
        continue;
      }
      const fieldName = selection.name.value;
      if (fieldName === '__typename') continue;
      const field =
        parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[fieldName] : undefined;
      if (!field) {
        // Introspection (__schema, __type) or a field the schema does not know: nothing to share.
        shortest = 0;
        continue;
      }
      const type = getNamedType(field.type);
      const lifetime = FIELD_HINTS[`${parent!.name}.${fieldName}`] ?? typeLifetime(type) ?? inherited;
      shortest = Math.min(shortest, lifetime);
      if (selection.selectionSet) walk(selection.selectionSet, type, lifetime, path);
    }
  };
  // Root fields inherit nothing: one that returns scalars without a hint of its own lives 0 s.
  walk(operation.selectionSet, schema.getRootType(operation.operation), 0, []);
  return shortest === Infinity ? 0 : shortest;
}

/**
 * The Cache-Control of an answer: `public, max-age=N` for an anonymous query answered without errors that read no
 * personal data and not the clock (the same test as the hub's own cache of public reads), N from the hints;
 * `private, no-store` for anything answered to a token or a session, that read personal data or the clock;
 * `no-store` for mutations, errors and what the hints give 0 s. With `shared: false` (subgraphs served elsewhere,
 * which read the clock and personal data where this process cannot see it) nothing is `public`.
 */
export function cacheControlPlugin({ shared = true } = {}): ApolloServerPlugin<HubContext> {
  const lifetimes = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation, document, schema, queryHash }) {
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          let value = 'no-store';
          if (!anonymous(contextValue) || contextValue.clockRead || contextValue.audit.reads.size) {
            value = 'private, no-store';
          } else if (
            shared &&
            operation?.operation === 'query' &&
            document &&
            single?.data &&
            !single.errors?.length &&
            (response.http.status === undefined || response.http.status === 200)
          ) {
            // The same operation of the same document always has the same lifetime: computed once.
            const key = `${queryHash ?? ''}:${operation.name?.value ?? ''}`;
            let seconds = lifetimes.get(key);
            if (seconds === undefined) {
              seconds = maxAgeOf(schema, document, operation);
              if (lifetimes.size >= 1000) lifetimes.clear();
              if (queryHash) lifetimes.set(key, seconds);
            }
            if (seconds > 0) value = `public, max-age=${seconds}`;
          }
          response.http.headers.set('cache-control', value);
        },
      };
    },
  };
}
