import { ConfigError, loadConfig, tracingConfig } from '../../src/config/config';
import { withoutLiterals } from '../../src/server/tracing';

test('tracing is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  expect(tracingConfig({})).toBeUndefined();
  expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: 'x' })).toBeUndefined();
  expect(loadConfig({}).tracing).toBeUndefined();
});

test.each([
  ['http://127.0.0.1:4318', 'http://127.0.0.1:4318/v1/traces'],
  ['http://collector:4318/', 'http://collector:4318/v1/traces'],
  ['https://otlp.example.org/otlp', 'https://otlp.example.org/otlp/v1/traces'],
])('the endpoint %s is a base URL: spans go to %s', (endpoint, tracesUrl) => {
  expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toEqual({ tracesUrl, serviceName: undefined });
});

test('OTEL_SERVICE_NAME names the process', () => {
  expect(
    loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SERVICE_NAME: 'yuxi-hub-2' }).tracing,
  ).toEqual({ tracesUrl: 'http://127.0.0.1:4318/v1/traces', serviceName: 'yuxi-hub-2' });
});

test.each(['collector:4318', '127.0.0.1:4318', 'grpc://collector:4317', 'http://c:4318/?key=1', 'not a url'])(
  'OTEL_EXPORTER_OTLP_ENDPOINT=%s is refused with a clear message',
  (endpoint) => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toThrow(ConfigError);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint })).toThrow(/base URL of an OTLP\/HTTP collector/);
  },
);

test.each([
  [
    "SELECT * FROM resident WHERE phone_hash = '13812345678' AND name = 'O''Brien' LIMIT 20",
    'SELECT * FROM resident WHERE phone_hash = ? AND name = ? LIMIT ?',
  ],
  ['SELECT "Region"."id" AS "Region_id2" FROM "region" "Region" WHERE id IN ($1, $2)', null],
  [
    'SELECT `t1`.`x` FROM `t1` WHERE `t1`.`y` = ? AND z > 3.5',
    'SELECT `t1`.`x` FROM `t1` WHERE `t1`.`y` = ? AND z > ?',
  ],
])('a statement is recorded with its literals masked, identifiers and placeholders kept: %s', (sql, expected) => {
  expect(withoutLiterals(sql)).toBe(expected ?? sql);
});
