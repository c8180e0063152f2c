import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Role } from '../../src/auth/identity';
import { composeSupergraph } from '../../src/federation/compose';
import { buildAllSubgraphs } from '../../src/subgraphs/registry';
import { LIQI, XIAHE } from '../helpers/identities';
import { NESTED_SERVICES } from '../helpers/operations';
import { CLI, startSubgraphProcess } from '../helpers/subgraph-process';
import { startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type GraphQLResult, type TestHub } from '../helpers/test-hub';

// `wushe gateway` and three subgraph processes, each exporting OTLP/HTTP to a collector played by this test: one
// request's spans from every process share its trace, link up parent to child across the processes, include the
// SQL statements under the subgraphs' GraphQL execution, and carry neither the caller's token nor a phone number.

/** A span as the collector received it, with its process's service name. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
  /** Everything else it carried (events, status, links, resource), to search for what must never be there. */
  raw: unknown;
}

// OTLP's span kinds as numbers.
const SERVER = 2;
const CLIENT = 3;

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpRequest {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

const valueOf = (value: OtlpValue): unknown =>
  value.stringValue ??
  value.intValue ??
  value.doubleValue ??
  value.boolValue ??
  value.arrayValue?.values?.map(valueOf) ??
  null;
const attributesOf = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, valueOf(value)]));
/** OTLP/JSON writes ids as hex; base64 is accepted too, in case an exporter follows protobuf's JSON mapping. */
const hexId = (id = '') => (/^[0-9a-f]*$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex'));

interface Collector {
  url: string;
  spans: ReceivedSpan[];
  contentTypes: Set<string>;
  close(): Promise<void>;
}

/** A minimal OTLP/HTTP collector: POST /v1/traces with a JSON body. */
async function startCollector(): Promise<Collector> {
  const spans: ReceivedSpan[] = [];
  const contentTypes = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      contentTypes.add(`${request.method} ${request.url} ${request.headers['content-type']}`);
      let body = Buffer.concat(chunks);
      if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const exported = JSON.parse(body.toString('utf8')) as OtlpRequest;
      for (const resourceSpans of exported.resourceSpans ?? []) {
        const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
        for (const scope of resourceSpans.scopeSpans ?? []) {
          for (const span of scope.spans ?? []) {
            spans.push({
              service,
              traceId: hexId(span.traceId),
              spanId: hexId(span.spanId),
              parentSpanId: hexId(span.parentSpanId),
              name: span.name,
              kind: span.kind,
              attributes: attributesOf(span.attributes),
              raw: { span, resource: resourceSpans.resource },
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    contentTypes,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port free a moment ago (`wushe gateway` takes PORT, not --port 0). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Spawns the CLI with exactly `env` (plus PATH) and resolves on the stderr line `startLine` matches. */
function startCli(
  args: string[],
  env: Record<string, string>,
  startLine: RegExp,
  node: string[] = [CLI],
): Promise<{ child: ChildProcess; match: RegExpExecArray; stderr: () => string }> {
  const child = spawn(process.execPath, [...node, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = startLine.exec(output);
      if (match) resolve({ child, match, stderr: () => output });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

/** SIGTERM, as an orchestrator stops a process, and its exit: a graceful stop flushes the spans still buffered. */
function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

const ROOT = join(__dirname, '..', '..');

/**
 * Hive Gateway from its own CLI with the committed configuration (deploy/hive-gateway/gateway.config.mjs), which
 * exports its spans because OTEL_EXPORTER_OTLP_ENDPOINT is set; run in a directory of its own (no `.env` read).
 */
async function startHiveGateway(otlpEndpoint: string, supergraph: string) {
  const dir = mkdtempSync(join(tmpdir(), 'wushe-otel-hive-'));
  writeFileSync(join(dir, 'supergraph.graphql'), supergraph);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
      'supergraph',
      'supergraph.graphql',
      '-c',
      join(ROOT, 'deploy/hive-gateway/gateway.config.mjs'),
    ],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(port),
        NODE_ENV: 'production',
        OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on http/.test(output)) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`hive-gateway exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    child,
    cleanUp: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const PHONE = '13812345678';
const productionLike = { JWT_SECRET: TEST_JWT_SECRET, DATA_KEY: TEST_DATA_KEY, NODE_ENV: 'test' };

describe('with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  let t: TestHub;
  let collector: Collector;
  let gatewayUrl: string;
  let token: string;
  const children: ChildProcess[] = [];
  // The caller's own trace: the gateway continues it.
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');
  const hiveTraceId = randomBytes(16).toString('hex');
  let hiveExit: number | null | undefined;
  const exitCodes: (number | null)[] = [];
  let trace: ReceivedSpan[];

  beforeAll(async () => {
    t = await startTestHub();
    collector = await startCollector();
    const env = { DATABASE_URL: t.testDatabase.url, ...productionLike, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url };
    const urls: Record<string, string> = {};
    const remote = await Promise.all(
      (['community', 'organization', 'volunteer'] as const).map(async (name) => {
        const started = await startSubgraphProcess(name, env);
        children.push(started.child);
        urls[name] = started.url;
        return `${name}=${started.url}`;
      }),
    );
    const gateway = await startCli(
      ['gateway', ...remote.flatMap((entry) => ['--subgraph', entry])],
      { ...env, PORT: String(await freePort()) },
      /^wushe hub: (http:\/\/\S+)\/graphql/m,
    );
    children.push(gateway.child);
    gatewayUrl = `${gateway.match[1].replace('localhost', '127.0.0.1')}/graphql`;
    token = await t.token({ role: Role.STAFF, subject: 'staff-traced', regionId: LIQI });

    // One cross-subgraph query inside the caller's trace.
    const traced = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({ query: NESTED_SERVICES, variables: { first: 5 } }),
    });
    const answer = (await traced.json()) as GraphQLResult<{ services: { edges: unknown[] } }>;
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.services.edges).toHaveLength(5);
    // A phone number written into a document, and one in a GET request's variables (its URL).
    const registered = (await (
      await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation { registerResident(input: { name: "李阿姨", regionId: "${XIAHE}", phone: "${PHONE}",
            consentAt: "2026-11-01T08:00:00.000Z", tags: [ELDERLY_ALONE] }) { id } }`,
        }),
      })
    ).json()) as GraphQLResult<{ registerResident: { id: string } }>;
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerResident.id).toMatch(/^\d+$/);
    const search = new URLSearchParams({
      query: 'query Organization($id: ID!) { organization(id: $id) { name } }',
      variables: JSON.stringify({ id: PHONE }),
    });
    const got = await fetch(`${gatewayUrl}?${search}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(got.status).toBe(200);

    // Hive Gateway in front of the same subgraph processes: the same query in another trace of the caller's, and
    // the GET with a phone number in its variables.
    const hive = await startHiveGateway(collector.url, composeSupergraph(buildAllSubgraphs(), urls));
    try {
      const viaHive = (await (
        await fetch(hive.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            traceparent: `00-${hiveTraceId}-${callerSpanId}-01`,
          },
          body: JSON.stringify({ query: NESTED_SERVICES, variables: { first: 5 } }),
        })
      ).json()) as GraphQLResult<{ services: { edges: unknown[] } }>;
      expect(viaHive.errors).toBeUndefined();
      expect(viaHive.data!.services.edges).toHaveLength(5);
      const hiveGet = await fetch(`${hive.url}?${search}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      expect(hiveGet.status).toBe(200);
    } finally {
      // A graceful stop flushes Hive Gateway's spans.
      hiveExit = await stop(hive.child);
      hive.cleanUp();
    }

    for (const child of children) exitCodes.push(await stop(child));
    trace = collector.spans.filter((span) => span.traceId === traceId);
  });

  afterAll(async () => {
    for (const child of children) await stop(child);
    await collector?.close();
    await t?.close();
  });

  test('every process stops cleanly and exports OTLP/HTTP JSON to <endpoint>/v1/traces', () => {
    expect(exitCodes).toEqual([0, 0, 0, 0]);
    expect(hiveExit).toBe(0);
    expect([...collector.contentTypes]).toEqual(['POST /v1/traces application/json']);
  });

  test('the gateway and the subgraph processes each record spans of the caller’s trace, under their own names', () => {
    expect(new Set(trace.map((span) => span.service))).toEqual(
      new Set(['wushe-gateway', 'wushe-subgraph-community', 'wushe-subgraph-organization', 'wushe-subgraph-volunteer']),
    );
  });

  test('parent and child link up: one root, continuing the caller’s span; processes join at client → server', () => {
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    expect(byId.size).toBe(trace.length);
    const roots = trace.filter((span) => !byId.has(span.parentSpanId));
    expect(roots.map((span) => [span.service, span.kind, span.parentSpanId, span.attributes['url.path']])).toEqual([
      ['wushe-gateway', SERVER, callerSpanId, '/graphql'],
    ]);
    const crossings = trace.filter(
      (span) => byId.get(span.parentSpanId)?.service !== span.service && span !== roots[0],
    );
    expect(crossings.length).toBeGreaterThanOrEqual(3);
    for (const span of crossings) {
      const parent = byId.get(span.parentSpanId)!;
      expect([parent.service, parent.kind, span.kind]).toEqual(['wushe-gateway', CLIENT, SERVER]);
      // The gateway's HTTP call sits in its fetch from that subgraph.
      expect(byId.get(parent.parentSpanId)?.name).toBe('gateway.fetch');
    }
  });

  test('the GraphQL operation is named and typed, in the gateway and in each subgraph', () => {
    const gatewayRequest = trace.find((span) => span.service === 'wushe-gateway' && span.name === 'gateway.request');
    expect(gatewayRequest?.attributes).toMatchObject({
      'graphql.operation.name': 'NestedServices',
      'graphql.operation.type': 'query',
    });
    for (const service of ['wushe-subgraph-organization', 'wushe-subgraph-volunteer']) {
      const executions = trace.filter((span) => span.service === service && span.name.startsWith('query'));
      expect(executions.length).toBeGreaterThanOrEqual(1);
      for (const execution of executions) expect(execution.attributes['graphql.operation.type']).toBe('query');
    }
  });

  test('SQL statements are spans under the subgraph’s GraphQL execution, without their parameters', () => {
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan) => {
      const chain: ReceivedSpan[] = [];
      for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId)) chain.push(at);
      return chain;
    };
    for (const service of ['wushe-subgraph-organization', 'wushe-subgraph-volunteer']) {
      const statements = trace.filter((span) => span.service === service && span.attributes['db.system.name']);
      expect(statements.length).toBeGreaterThanOrEqual(1);
      expect(statements.some((span) => /^\s*SELECT\b/i.test(String(span.attributes['db.query.text'])))).toBe(true);
      for (const statement of statements) {
        expect(statement.kind).toBe(CLIENT);
        const within = ancestors(statement).filter((span) => span.service === service);
        expect(within.some((span) => span.name.startsWith('query') && span.attributes['graphql.operation.type'])).toBe(
          true,
        );
        expect(within.at(-1)?.kind).toBe(SERVER);
      }
    }
  });

  test('behind Hive Gateway with the committed configuration, the subgraph processes join the router’s trace', () => {
    const hiveTrace = collector.spans.filter((span) => span.traceId === hiveTraceId);
    const byId = new Map(hiveTrace.map((span) => [span.spanId, span]));
    expect(new Set(hiveTrace.map((span) => span.service))).toEqual(
      new Set([
        'wushe-hive-gateway',
        'wushe-subgraph-community',
        'wushe-subgraph-organization',
        'wushe-subgraph-volunteer',
      ]),
    );
    const roots = hiveTrace.filter((span) => !byId.has(span.parentSpanId));
    expect(roots.map((span) => [span.service, span.parentSpanId])).toEqual([['wushe-hive-gateway', callerSpanId]]);
    const operation = hiveTrace.find((span) => span.attributes['graphql.operation.name'] === 'NestedServices');
    expect(operation?.attributes['graphql.operation.type']).toBe('query');
    for (const span of hiveTrace.filter((s) => s.service !== 'wushe-hive-gateway' && s.kind === SERVER)) {
      expect(byId.get(span.parentSpanId)?.service).toBe('wushe-hive-gateway');
    }
    expect(
      hiveTrace.some((span) => span.service.startsWith('wushe-subgraph') && span.attributes['db.system.name']),
    ).toBe(true);
    // The configuration's first processor took the documents out.
    expect(collector.spans.filter((span) => 'graphql.document' in span.attributes)).toEqual([]);
  });

  test('no span carries the bearer token or the phone number, in any attribute, event or status', () => {
    // Both requests without a traceparent were traced too: their spans are searched as well.
    expect(collector.spans.length).toBeGreaterThan(trace.length);
    expect(collector.spans.some((span) => span.attributes['url.query'] === 'query=REDACTED&variables=REDACTED')).toBe(
      true,
    );
    // Each offending span named with the text around what it carried.
    const carrying = (pattern: RegExp) =>
      collector.spans.flatMap((span) => {
        const text = JSON.stringify(span.raw);
        const at = text.search(pattern);
        return at < 0 ? [] : [`${span.service} ${span.name}: …${text.slice(Math.max(0, at - 150), at + 40)}…`];
      });
    const escape = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    expect(carrying(escape(token))).toEqual([]);
    expect(carrying(escape(token.split('.')[2]))).toEqual([]);
    expect(carrying(escape(PHONE))).toEqual([]);
    expect(carrying(/bearer/i)).toEqual([]);
    // Nor the caller's device: its address or user agent (the HTTP instrumentations record both by default).
    const personal = ['client.address', 'network.peer.address', 'user_agent.original'];
    expect(collector.spans.flatMap((span) => personal.filter((name) => name in span.attributes))).toEqual([]);
  });
});

test('without OTEL_EXPORTER_OTLP_ENDPOINT no OpenTelemetry SDK, exporter or instrumentation is loaded', async () => {
  const t = await startTestHub();
  const collector = await startCollector();
  // The CLI run under a few lines that list, at exit, every OpenTelemetry module it loaded.
  const harness = `
    process.on('exit', () => process.stderr.write('\\nloaded: ' +
      JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('@opentelemetry'))) + '\\n'));
    process.argv.splice(1, 0, ${JSON.stringify(CLI)});
    require(${JSON.stringify(CLI)});`;
  const loaded = async (extra: Record<string, string>) => {
    const started = await startCli(
      ['subgraph', 'volunteer', '--port', '0'],
      { DATABASE_URL: t.testDatabase.url, ...productionLike, ...extra },
      /^wushe subgraph volunteer: (http:\/\/\S+)/m,
      ['-e', harness],
    );
    const response = await fetch(started.match[1].replace('localhost', '127.0.0.1'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ volunteerTeams(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(await stop(started.child)).toBe(0);
    const files = JSON.parse(/\nloaded: (.*)\n/.exec(started.stderr())![1]) as string[];
    return new Set(
      files.map((file) => /@opentelemetry\/([^/]+)/.exec(file.slice(file.lastIndexOf('@opentelemetry')))![1]),
    );
  };
  try {
    // @apollo/gateway itself loads the API (a no-op until a provider is registered) and parts of its own metrics code.
    const ours = ['sdk-trace-node', 'exporter-trace-otlp-http', 'instrumentation', 'instrumentation-http'];
    const on = await loaded({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url });
    expect(ours.filter((name) => on.has(name))).toEqual(ours);
    const off = await loaded({});
    expect(
      [...off].filter((name) => name === 'sdk-trace-node' || /^(instrumentation|exporter-trace)/.test(name)),
    ).toEqual([]);
  } finally {
    await collector.close();
    await t.close();
  }
});
