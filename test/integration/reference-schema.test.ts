import { graphql } from 'graphql';
import { buildReferenceSchema } from '../../bench/reference-schema';
import { buildAllSubgraphs } from '../../src/subgraphs/registry';
import { NESTED_SERVICES, CITY_FIGURES } from '../helpers/operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';

// The benchmark's non-federated reference must answer exactly what the hub answers, or the comparison is void.
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

test.each([
  ['NestedServices', NESTED_SERVICES, { first: 20 }],
  ['CityFigures', CITY_FIGURES, { id: '530402000000' }],
  [
    'Search',
    '{ services(filter: { search: "老年" }, first: 20) { totalCount nodes { name schedule provider { name } } } }',
    {},
  ],
])('%s: reference schema = hub', async (_name, query, variables) => {
  const schema = buildReferenceSchema(buildAllSubgraphs());
  const reference = await graphql({ schema, source: query, variableValues: variables, contextValue: t.hub.context() });
  expect(reference.errors).toBeUndefined();
  expect(reference.data).toEqual(await t.query(query, variables));
});
