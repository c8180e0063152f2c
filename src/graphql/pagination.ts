import { ArgsType, Directive, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadInputError } from '../errors';

/** Largest page a client may ask for; bigger lists are walked with `after`. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** Deepest offset a cursor may point at; no list here is longer, and SQL engines choke on absurd offsets. */
const MAX_OFFSET = 100_000_000;

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection' });

@ObjectType({ description: 'Relay page information' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge already seen' })
  after?: string;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Lazy, so the COUNT runs only when a client selects totalCount. */
  totalCount: PromiseLike<number>;
}

/** Builds `<Name>Connection` and `<Name>Edge` for a node type. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => Int, { description: 'All matching items, not just this page' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The nodes of the edges, for clients that need no cursors' })
    nodes!: T[];
  }
  return ConnectionType;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(CURSOR_PREFIX.length));
  if (!text.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new BadInputError(`无效的分页游标 (invalid cursor "${cursor.slice(0, 40)}")`, { argument: 'after' });
  }
  return offset;
}

export function pageWindow(args: PageArgs): { offset: number; limit: number } {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new BadInputError(`每页最多 ${MAX_PAGE_SIZE} 条 (first must be between 0 and ${MAX_PAGE_SIZE})`, {
      argument: 'first',
      max: MAX_PAGE_SIZE,
    });
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { offset, limit };
}

/**
 * One page of a filtered, ordered query: one statement for the page (one row more than asked, to learn whether
 * there is a next page) and a COUNT only if totalCount is selected.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const { offset, limit } = pageWindow(args);
  const rows =
    limit === 0
      ? []
      : await query
          .clone()
          .offset(offset)
          .limit(limit + 1)
          .getMany();
  return connectionOf(
    rows,
    { offset, limit },
    lazy(() => query.clone().orderBy().getCount()),
  );
}

/** The connection for the rows of a window (one row more than the page, to learn whether there is a next page). */
export function connectionOf<T>(
  rows: T[],
  { offset, limit }: { offset: number; limit: number },
  totalCount: PromiseLike<number>,
): ConnectionShape<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node, index) => ({ node, cursor: encodeCursor(offset + index) }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** A promise-like that starts its work only when awaited (graphql-js awaits a field only if it is selected). */
export function lazy<T>(start: () => Promise<T>): PromiseLike<T> {
  let started: Promise<T> | undefined;
  return {
    then: (onFulfilled, onRejected) => (started ??= start()).then(onFulfilled, onRejected),
  };
}

/** LIKE pattern for a user's search words, with the wildcards they typed taken literally (escape char `!`). */
export function likePattern(search: string): string {
  // NUL is no character anyone types, and PostgreSQL's text cannot hold it (it would refuse the whole statement).
  const words = search.trim().replaceAll('\0', '');
  return `%${words.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/**
 * `<name> { field: <name>Field!, direction: OrderDirection! = ASC }` for a list's orderBy argument, with the enum
 * `<name>Field` of the sortable `fields` (GraphQL name → entity property).
 */
export function OrderInput<const F extends Record<string, string>>(name: string, fields: F) {
  registerEnumType(fields, { name: `${name}Field` });
  @InputType(name)
  class Order {
    @Field(() => fields)
    field!: F[keyof F];

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
    direction!: OrderDirection;
  }
  return Order;
}
