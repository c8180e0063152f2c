import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../../src/federation/compose';
import { buildAllSubgraphs, SUBGRAPH_NAMES } from '../../src/subgraphs/registry';
import { freePort } from '../helpers/hub-process';

// The committed Hive Gateway configuration keeps the hub's front-door rules that need no subgraph: the allow-list
// of operations (OPERATIONS=allow-list) and CORS for the listed origins only, without credentials unless asked.
// Its subgraphs are deliberately unreachable here: a document the list lets through fails later, and differently.

const ROOT = join(__dirname, '..', '..');
const HIVE_BIN = join(ROOT, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');
const HIVE_CONFIG = join(ROOT, 'deploy', 'hive-gateway', 'gateway.config.mjs');
const LISTED = 'http://app.example.test';

let hive: ChildProcess;
let url: string;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'wushe-hive-front-'));
  const nowhere = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:1/${name}`]));
  const supergraph = join(workDir, 'supergraph.graphql');
  writeFileSync(supergraph, composeSupergraph(buildAllSubgraphs(), nowhere));
  const port = await freePort();
  hive = spawn(process.execPath, [HIVE_BIN, 'supergraph', supergraph, '-c', HIVE_CONFIG, '--port', String(port)], {
    cwd: workDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      OPERATIONS: 'allow-list',
      CORS_ORIGINS: LISTED,
      SUBGRAPH_TIMEOUT_MS: '1000',
    },
    stdio: 'ignore',
  });
  url = `http://127.0.0.1:${port}/graphql`;
  for (let ready = false; !ready;) {
    if (hive.exitCode !== null) throw new Error(`Hive Gateway exited with ${hive.exitCode}`);
    ready = (await fetch(`http://127.0.0.1:${port}/readiness`).catch(() => undefined))?.ok === true;
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 180_000);

afterAll(() => {
  hive?.kill();
  rmSync(workDir, { recursive: true, force: true });
});

async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] },
  };
}

test('OPERATIONS=allow-list: a document not in schema/operations/ is refused before it runs', async () => {
  const refused = await post('{ __typename }');
  expect(refused.status).toBe(400);
  expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(['OPERATION_NOT_ALLOWED']);
  // The bot's own document, as the bot sends it, passes the list (and then finds its subgraph unreachable).
  const listed = readFileSync(join(ROOT, 'schema', 'operations', 'bot', 'categories-named-by.graphql'), 'utf8');
  const allowed = await post(listed, { text: '养老' });
  expect(allowed.body.errors?.map((error) => error.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
}, 30_000);

test('CORS: a listed origin is allowed without credentials; another origin is not', async () => {
  const preflight = (origin: string) =>
    fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
  const listed = await preflight(LISTED);
  expect(listed.headers.get('access-control-allow-origin')).toBe(LISTED);
  expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
  const other = await preflight('http://elsewhere.example.test');
  expect(other.headers.get('access-control-allow-origin')).not.toBe('http://elsewhere.example.test');
  expect(other.headers.get('access-control-allow-credentials')).toBeNull();
});
