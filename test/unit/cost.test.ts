import { buildSchema, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { Admission } from '../../src/graphql/admission';
import { estimateCost } from '../../src/graphql/cost';
import { createErrorFormatter } from '../../src/graphql/errors';
import { prefixGroups } from '../../src/db/region-scope';

const schema = buildSchema(`
  type Query { region(id: ID!): Region regionsOf(ids: [ID!]!): [Region]! }
  type Mutation { rateNeed(id: ID!): Int }
  type Region { id: ID! name: String! children: [Region!]! linkageIndex: LinkageIndex! needs(first: Int): NeedConnection! latest(first: Int): [Need!]! }
  type LinkageIndex { needsResolved: Int! }
  type NeedConnection { totalCount: Int! nodes: [Need!]! }
  type Need { number: String! }
`);
const computed = new Set([
  'Region.latest',
  'Region.children',
  'Region.linkageIndex',
  'Region.needs',
  'NeedConnection.totalCount',
]);

function estimate(source: string, variables?: Record<string, unknown>) {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return estimateCost(schema, operation, fragments, variables, computed);
}

describe('the cost estimate', () => {
  test('the linkage index of three levels of children: statements once per level, values per region', () => {
    // items: region 1, children 1 + 10 + 100, linkageIndex 1000, needsResolved 1000; statements: region, three
    // children levels, linkageIndex.
    expect(
      estimate('{ region(id: "1") { children { children { children { linkageIndex { needsResolved } } } } } }'),
    ).toEqual({
      items: 2112,
      statements: 5,
      cost: 2112 + 5 * 20,
      mutationFields: 0,
    });
  });

  test('a connection multiplies what its nodes select by first (a variable too), capped at the page limit', () => {
    expect(
      estimate('query($n: Int) { region(id: "1") { needs(first: $n) { totalCount nodes { number } } } }', { n: 50 }),
    ).toEqual({
      items: 1 + 1 + 1 + 1 + 50,
      statements: 3,
      cost: 54 + 3 * 20,
      mutationFields: 0,
    });
    expect(estimate('{ region(id: "1") { needs(first: 100000) { nodes { number } } } }').items).toBe(1 + 1 + 1 + 100);
    expect(estimate('{ region(id: "1") { needs { nodes { number } } } }').items).toBe(1 + 1 + 1 + 20);
  });

  test('a list asked for by keys holds one item per key; a plain list with first holds first', () => {
    // items: regionsOf 1, name ×3, latest ×3, number ×3×5; statements: regionsOf, latest.
    expect(
      estimate('query($ids: [ID!]!) { regionsOf(ids: $ids) { name latest(first: 5) { number } } }', {
        ids: ['1', '2', '3'],
      }),
    ).toEqual({ items: 1 + 3 + 3 + 15, statements: 2, cost: 22 + 2 * 20, mutationFields: 0 });
    expect(estimate('{ regionsOf(ids: ["1", "2"]) { name } }').items).toBe(1 + 2);
    // Not sent: the fixed guess of 10.
    expect(estimate('query($ids: [ID!]!) { regionsOf(ids: $ids) { name } }').items).toBe(1 + 10);
    expect(estimate('{ region(id: "1") { latest { number } } }').items).toBe(1 + 1 + 20);
  });

  test('fragments count like the fields they spread; __typename is free', () => {
    const direct = estimate('{ region(id: "1") { children { name } } }');
    expect(estimate('{ region(id: "1") { ...R __typename } } fragment R on Region { children { name } }')).toEqual(
      direct,
    );
  });

  test('every aliased mutation field counts', () => {
    expect(estimate('mutation { a: rateNeed(id: "1") b: rateNeed(id: "2") c: rateNeed(id: "3") }')).toEqual({
      items: 3,
      statements: 15,
      cost: 3 + 15 * 20,
      mutationFields: 3,
    });
  });
});

describe('regions batched by prefix length', () => {
  test('one group per level, each with its prefixes and the range covering them', () => {
    expect(prefixGroups(['530402006001', '530400000000', '530402006002', '530402000000', '530423000000'])).toEqual([
      { length: 12, prefixes: ['530402006001', '530402006002'], low: '530402006001', high: '530402006002' },
      { length: 4, prefixes: ['5304'], low: '530400000000', high: '530499999999' },
      { length: 6, prefixes: ['530402', '530423'], low: '530402000000', high: '530423999999' },
    ]);
  });
});

describe('admission', () => {
  test('work past the capacity waits for room and is admitted when a request answers', async () => {
    const admission = new Admission(10, 60_000);
    const release = await admission.acquire(6);
    let admitted = false;
    const next = admission.acquire(6).then((r) => ((admitted = true), r));
    await Promise.resolve();
    expect(admitted).toBe(false);
    release();
    (await next)();
  });

  test('work that finds no room in time, or a full line, is told the service is busy', async () => {
    const admission = new Admission(10, 5);
    const release = await admission.acquire(10);
    await expect(admission.acquire(4)).rejects.toMatchObject({ extensions: { code: 'SERVICE_BUSY' } });
    const waiting = admission.acquire(10).catch((e: unknown) => e);
    await expect(admission.acquire(1)).rejects.toMatchObject({
      extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: 1 },
    });
    expect(await waiting).toMatchObject({ extensions: { code: 'SERVICE_BUSY' } });
    release();
  });
});

describe('the error formatter', () => {
  test('a full connection pool is SERVICE_BUSY, not an internal error', () => {
    expect(createErrorFormatter(true)({ message: 'Queue limit reached.', path: ['region'] })).toEqual({
      message: '服务繁忙,请 1 秒后再试 (the service is busy; retry in 1 s)',
      path: ['region'],
      extensions: { code: 'SERVICE_BUSY', retryAfterSeconds: 1 },
    });
  });

  test('in production no message suggests a name', () => {
    const format = createErrorFormatter(true);
    expect(
      format({
        message:
          'Value "ELDERLY_CAR" does not exist in "ServiceCategory" enum. Did you mean the enum value "ELDERLY_CARE"?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }).message,
    ).toBe('Value "ELDERLY_CAR" does not exist in "ServiceCategory" enum.');
    expect(
      format({
        message: 'Cannot query field "nam" on type "Region". Did you mean "name" or "kind"?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }).message,
    ).toBe('Cannot query field "nam" on type "Region".');
  });
});
