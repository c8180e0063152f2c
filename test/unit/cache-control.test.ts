import { HeaderMap } from '@apollo/server';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { cacheControlPlugin, maxAgeOf } from '../../src/graphql/cache-control';

// The rules of the cache hints on a schema of the hinted names (src/graphql/cache-hints.ts): Region 3600 s with
// its figures 300 s, Need 60 s, Account unhinted.

const schema = buildSchema(`
  type Query { region(id: ID!): Region needs: NeedConnection! accounts: [Account!]! serviceCategoriesNamedBy(text: String!): [String!]! version: String }
  type Region { id: ID! name: String! parent: Region volunteerCount: Int! needs: NeedConnection! }
  type NeedConnection { totalCount: Int! pageInfo: PageInfo! edges: [NeedEdge!]! }
  type NeedEdge { node: Need! }
  type PageInfo { hasNextPage: Boolean! }
  type Need { number: String! region: Region }
  type Account { username: String! }
`);

function lifetime(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return maxAgeOf(schema, document, operation);
}

test('a field takes its own hint, else its type’s; scalars inherit; lists live as long as what they list', () => {
  expect(lifetime('{ region(id: 1) { name parent { name } } }')).toBe(3600);
  expect(lifetime('{ region(id: 1) { name volunteerCount } }')).toBe(300);
  expect(lifetime('{ needs { totalCount pageInfo { hasNextPage } } }')).toBe(60);
  expect(lifetime('{ needs { edges { node { number region { name } } } } }')).toBe(60);
  expect(lifetime('{ region(id: 1) { needs { totalCount } } }')).toBe(60);
  expect(lifetime('{ serviceCategoriesNamedBy(text: "老人") }')).toBe(3600);
});

test('an unhinted type, an unhinted root scalar or introspection live 0 s', () => {
  expect(lifetime('{ accounts { username } }')).toBe(0);
  expect(lifetime('{ region(id: 1) { name } accounts { username } }')).toBe(0);
  expect(lifetime('{ version }')).toBe(0);
  expect(lifetime('{ __schema { types { name } } }')).toBe(0);
  // __typename asks for nothing that changes.
  expect(lifetime('{ region(id: 1) { __typename name } }')).toBe(3600);
});

test('fragments count where they are spread', () => {
  expect(lifetime('{ region(id: 1) { ...F } } fragment F on Region { name volunteerCount }')).toBe(300);
  expect(lifetime('{ region(id: 1) { ... on Region { needs { totalCount } } } }')).toBe(60);
});

test('nothing is public when subgraphs are served elsewhere', async () => {
  const document = parse('{ region(id: 1) { name } }');
  const answer = async (shared: boolean) => {
    const listener = await cacheControlPlugin({ shared }).requestDidStart!({} as never);
    const response = {
      http: { headers: new HeaderMap(), status: undefined },
      body: { kind: 'single', singleResult: { data: { region: { name: '玉溪市' } } } },
    };
    await listener!.willSendResponse!({
      schema,
      document,
      operation: document.definitions[0],
      queryHash: 'h',
      response,
      contextValue: {
        identity: { role: 'PUBLIC', subject: 'anonymous' },
        responseCookies: [],
        audit: { reads: new Map() },
      },
    } as never);
    return response.http.headers.get('cache-control');
  };
  expect(await answer(true)).toBe('public, max-age=3600');
  expect(await answer(false)).toBe('no-store');
});
