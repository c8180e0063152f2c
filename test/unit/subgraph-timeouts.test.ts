import { ConfigError, loadConfig, subgraphTimeoutMs, subgraphTimeouts } from '../../src/config/config';
import { isSubgraphCode, subgraphUnavailable } from '../../src/federation/subgraph-unavailable';

test('every subgraph waits SUBGRAPH_TIMEOUT_MS (5000 unless set) except those SUBGRAPH_TIMEOUTS names', () => {
  expect(loadConfig({}).subgraphTimeouts).toEqual({ defaultMs: 5000, byName: {} });
  const timeouts = subgraphTimeouts({ SUBGRAPH_TIMEOUT_MS: '2500', SUBGRAPH_TIMEOUTS: 'volunteer=800, linkage=9000' });
  expect(['volunteer', 'linkage', 'charity'].map((name) => subgraphTimeoutMs(timeouts, name))).toEqual([
    800, 9000, 2500,
  ]);
});

test.each([['volunteer'], ['volunteer=0'], ['volunteer=3s'], ['Volunteer=100'], ['volunteer=100;linkage=200']])(
  'SUBGRAPH_TIMEOUTS=%s is refused',
  (raw) => {
    expect(() => subgraphTimeouts({ SUBGRAPH_TIMEOUTS: raw })).toThrow(ConfigError);
  },
);

test('SUBGRAPH_UNAVAILABLE names the subgraph and why, in Chinese with the English, and nothing of its address', () => {
  expect(subgraphUnavailable('volunteer', 'TIMEOUT', 1500)).toEqual({
    message:
      '子图 volunteer 在 1500 毫秒内未应答,其数据暂缺,请稍后再试 (subgraph volunteer did not answer within 1500 ms; its fields are missing)',
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'volunteer', reason: 'TIMEOUT' },
  });
  expect(subgraphUnavailable('charity', 'UNREACHABLE', 5000).message).toBe(
    '子图 charity 暂时无法访问,其数据暂缺,请稍后再试 (subgraph charity is unavailable; its fields are missing)',
  );
});

test("a subgraph's own codes pass; the transports' codes for a failed fetch do not", () => {
  expect(['RATE_LIMITED', 'FORBIDDEN', 'SERVICE_BUSY', 'INTERNAL_SERVER_ERROR'].map(isSubgraphCode)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(
    ['DOWNSTREAM_SERVICE_ERROR', 'SUBREQUEST_HTTP_ERROR', 'TIMEOUT_ERROR', 'RESPONSE_VALIDATION_FAILED', undefined].map(
      isSubgraphCode,
    ),
  ).toEqual([false, false, false, false, false]);
});
