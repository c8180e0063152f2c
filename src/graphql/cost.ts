import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  valueFromASTUntyped,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/**
 * What a document will cost the database, estimated before it runs.
 *
 * Every per-parent field is batched per level (one DataLoader batch for all the parents of a level), so a field
 * that reads the database costs its statements once per place it appears in the document, however many parents it
 * has. What does grow with the parents is the work on rows and objects: each field counts once per parent it is
 * resolved for, and a list multiplies the parents of what it selects by its expected length — a connection (or a
 * list with a `first`) by its `first`, a list asked for by keys by the number of keys, `Region.children` by the width
 * of the division tree, other lists by a fixed guess.
 */
export interface CostEstimate {
  /** SQL statements expected (per level, not per parent). */
  statements: number;
  /** Field values to resolve: each field times the parents it is resolved for. */
  items: number;
  /** The figure budgets and rate limits count: items plus statements at STATEMENT_COST each. */
  cost: number;
  /** Mutation fields at the top of the operation, aliases counted. */
  mutationFields: number;
}

/** One statement weighs as much as resolving this many field values (a round trip, a plan, an index scan). */
export const STATEMENT_COST = 20;
/** Statements a mutation field is reckoned at: reads, checks, the write and its audit row in one transaction. */
export const MUTATION_STATEMENTS = 5;
/** Expected children of a region: Yuxi has 9 counties, 75 townships in them, ~700 communities in those. */
export const REGION_CHILDREN = 10;
/** Expected length of any other list (categories, candidates, a station's services …). */
export const LIST_LENGTH = 10;

/** A connection's edges, nodes and pageInfo are the rows its page statement already loaded. */
const PAGE_PARTS = /(Connection|Edge)$/;

/** `Type.field` names whose resolver computes a scalar (a figure, a count) rather than reading a loaded column. */
export type ComputedFields = ReadonlySet<string>;

/**
 * The fields resolved by code of their own (type-graphql @FieldResolver methods: figures, relations, lists) plus
 * every connection's totalCount (a COUNT when selected); other scalar fields are columns of a row already loaded.
 */
export function computedFields(): ComputedFields {
  const storage = getMetadataStorage();
  const names = new Map(storage.objectTypes.map((type) => [type.target, type.name]));
  const computed = new Set<string>();
  for (const resolver of storage.fieldResolvers) {
    const name = resolver.getObjectType ? names.get(resolver.getObjectType()) : undefined;
    if (name) computed.add(`${name}.${resolver.schemaName}`);
  }
  for (const type of storage.objectTypes) if (type.name.endsWith('Connection')) computed.add(`${type.name}.totalCount`);
  return computed;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  computed: ComputedFields;
  estimate: CostEstimate;
}

function pageSizeOf(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: never }[],
) {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const node = args.find((arg) => arg.name.value === 'first');
  const value = node ? valueFromASTUntyped(node.value, walk.variables) : undefined;
  const first = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(first, 0), MAX_PAGE_SIZE);
}

/**
 * A list asked for by a list of keys (e.g. `residentVolunteers(residents: [...])`) holds at most one item per key:
 * its length is the number of keys sent; undefined when the field takes no list or it was not sent.
 */
function keyCountOf(
  walk: Walk,
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: never }[],
) {
  for (const arg of field.args) {
    if (!isListType(getNullableType(arg.type))) continue;
    const node = args.find((candidate) => candidate.name.value === arg.name);
    const value = node ? valueFromASTUntyped(node.value, walk.variables) : undefined;
    if (Array.isArray(value)) return value.length;
  }
  return undefined;
}

function visit(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  parents: number,
  pageSize: number | undefined,
  root: boolean,
  seen: ReadonlySet<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) visit(walk, selection.selectionSet, type, parents, pageSize, root, seen);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments[name];
      const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (fragment && !seen.has(name) && type && isCompositeType(type))
        visit(walk, fragment.selectionSet, type, parents, pageSize, root, new Set([...seen, name]));
      continue;
    }
    // Introspection and __typename are answered from the schema, not the database.
    if (selection.name.value.startsWith('__') || !('getFields' in parentType)) continue;
    const field = parentType.getFields()[selection.name.value];
    if (!field) continue;
    const { estimate } = walk;
    estimate.items += parents;
    const named = getNamedType(field.type);
    const key = `${parentType.name}.${field.name}`;
    if (root && walk.schema.getMutationType() === parentType) {
      estimate.mutationFields += 1;
      estimate.statements += MUTATION_STATEMENTS;
    } else if (root || walk.computed.has(key) || (isCompositeType(named) && !PAGE_PARTS.test(parentType.name))) {
      estimate.statements += 1;
    }
    if (!selection.selectionSet || !isCompositeType(named)) continue;
    let children = parents;
    const page = pageSizeOf(walk, field, selection.arguments as never);
    if (isListType(getNullableType(field.type))) {
      children *=
        key === 'Region.children'
          ? REGION_CHILDREN
          : (page ?? keyCountOf(walk, field, selection.arguments as never) ?? pageSize ?? LIST_LENGTH);
    }
    visit(walk, selection.selectionSet, named, Math.max(children, 0), page, false, seen);
  }
}

export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  computed: ComputedFields,
): CostEstimate {
  const estimate: CostEstimate = { statements: 0, items: 0, cost: 0, mutationFields: 0 };
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'query'
        ? schema.getQueryType()
        : schema.getSubscriptionType();
  if (!rootType) return estimate;
  visit(
    { schema, fragments, variables: variables ?? {}, computed, estimate },
    operation.selectionSet,
    rootType,
    1,
    undefined,
    true,
    new Set(),
  );
  estimate.cost = Math.ceil(estimate.items + estimate.statements * STATEMENT_COST);
  return estimate;
}
