import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBGRAPH_NAMES } from '../../src/subgraphs/registry';
import { CLI } from '../helpers/subgraph-process';

// `wushe supergraph` writes a supergraph a router can serve; the committed one routes nowhere and says so, and Hive
// Gateway with the committed configuration refuses to start on it, saying what to do.

const ROOT = join(__dirname, '..', '..');
const COMMITTED = join(ROOT, 'schema', 'supergraph.graphql');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wushe-supergraph-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wushe(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
}

test('--from a file of name=url lines writes a supergraph routing to exactly those URLs', () => {
  const urls = SUBGRAPH_NAMES.map((name, i) => `${name}=http://10.0.0.${11 + i}:41${i}1/graphql`);
  writeFileSync(join(dir, 'subgraphs.txt'), `# the city's subgraphs\n${urls.join('\n')}\n\n`);
  const run = wushe(['supergraph', '--from', 'subgraphs.txt']);
  expect(run.status).toBe(0);
  const routed = [...run.stdout.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)].map(
    (m) => `${m[1]}=${m[2]}`,
  );
  expect(routed.sort()).toEqual([...urls].sort());
});

test('a list that leaves subgraphs out, or names a URL that is not http(s), is refused', () => {
  const partial = wushe(['supergraph', '--subgraph', 'community=http://10.0.0.11:4101/graphql']);
  expect(partial.status).toBe(1);
  expect(partial.stderr).toContain('wushe supergraph needs the URL of every subgraph; missing: ');
  expect(partial.stderr).toContain('volunteer');
  const local = wushe([
    'supergraph',
    ...SUBGRAPH_NAMES.flatMap((name) => ['--subgraph', `${name}=${name === 'audit' ? 'local://audit' : 'http://x/'}`]),
  ]);
  expect(local.status).toBe(1);
  expect(local.stderr).toContain('the URL of audit must be http:// or https://, got "local://audit"');
});

test('the committed supergraph says it is not for routing, and every URL in it is a placeholder', () => {
  const text = readFileSync(COMMITTED, 'utf8');
  expect(text.split('\n')[0]).toBe(
    '# For composition checks and code generation only, NOT for routing: its subgraph URLs are placeholders',
  );
  const urls = [...text.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)].map((m) => m[2]);
  expect(urls).toEqual(
    [...SUBGRAPH_NAMES].sort().map((name) => `http://compose-with-wushe-supergraph.invalid/${name}`),
  );
});

test('Hive Gateway with the committed configuration refuses the committed supergraph, saying what to do', async () => {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js'),
      'supergraph',
      COMMITTED,
      '-c',
      join(ROOT, 'deploy', 'hive-gateway', 'gateway.config.mjs'),
      '--port',
      '0',
    ],
    { cwd: dir, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).not.toBe(0);
  expect(output).toContain("this supergraph's routing URLs are placeholders");
  expect(output).toContain('npx wushe supergraph --subgraph name=url');
});
