import { loadConfig } from '../../src/config/config';
import { clientOperationNames, Metrics, OPERATION_LABELS } from '../../src/server/metrics';
import { parseSamples, valueOf } from '../helpers/prometheus-text';

const outcome = (operation: string | undefined, codes?: string[]) => ({
  requestId: 'r',
  operation,
  status: 200,
  codes,
  ms: 3,
});

test('operation labels stay bounded: our clients’ names always, 100 others, the rest `other`', async () => {
  const metrics = new Metrics(loadConfig({}), undefined, new Set(['NeedStatus']));
  for (let i = 0; i < OPERATION_LABELS + 50; i += 1) metrics.observe(outcome(`Invented${i}`));
  metrics.observe(outcome('NeedStatus'));
  metrics.observe(outcome(undefined));
  metrics.observe(outcome('x'.repeat(65)));
  metrics.observe(outcome('not a name'));
  metrics.observe(outcome('Invented0'));
  const samples = parseSamples(await metrics.registry.metrics());
  const labels = samples.filter((s) => s.name === 'wushe_graphql_requests_total').map((s) => s.labels.operation);
  expect(labels.length).toBe(OPERATION_LABELS + 3);
  expect({
    Invented0: valueOf(samples, 'wushe_graphql_requests_total', { operation: 'Invented0' }),
    Invented99: valueOf(samples, 'wushe_graphql_requests_total', { operation: 'Invented99' }),
    Invented100: labels.includes('Invented100'),
    NeedStatus: valueOf(samples, 'wushe_graphql_requests_total', { operation: 'NeedStatus' }),
    anonymous: valueOf(samples, 'wushe_graphql_requests_total', { operation: 'anonymous' }),
    other: valueOf(samples, 'wushe_graphql_requests_total', { operation: 'other' }),
    otherHistogram: valueOf(samples, 'wushe_graphql_request_duration_seconds_count', { operation: 'other' }),
  }).toEqual({
    Invented0: 2,
    Invented99: 1,
    Invented100: false,
    NeedStatus: 1,
    anonymous: 1,
    other: 52,
    otherHistogram: 52,
  });
});

test('error codes: one count per answer and code; a code that is not one is OTHER', async () => {
  const metrics = new Metrics(loadConfig({}));
  metrics.observe(outcome('A', ['NOT_FOUND', 'RATE_LIMITED']));
  metrics.observe(outcome('A', ['NOT_FOUND']));
  metrics.observe(outcome('A', ['weird code']));
  const samples = parseSamples(await metrics.registry.metrics());
  expect([
    valueOf(samples, 'wushe_graphql_errors_total', { code: 'NOT_FOUND' }),
    valueOf(samples, 'wushe_graphql_errors_total', { code: 'RATE_LIMITED' }),
    valueOf(samples, 'wushe_graphql_errors_total', { code: 'OTHER' }),
    valueOf(samples, 'wushe_rate_limited_total'),
  ]).toEqual([2, 1, 1, 1]);
});

test('the names of our clients’ operations are read from schema/operations/', () => {
  const names = clientOperationNames();
  expect(names.has('NeedEvents')).toBe(true);
  expect(names.size).toBeGreaterThan(50);
});
