import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { jwtVerify } from 'jose';
import { loadConfig } from '../../src/config/config';
import { CLI } from '../helpers/subgraph-process';

// The built CLI reads `.env` from its working directory; a variable set in the real environment wins; the
// example file's values are all valid.
const FROM_FILE = 'a-secret-written-in-the-dot-env-file';
const FROM_ENVIRONMENT = 'a-secret-exported-in-the-real-environment';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wushe-dotenv-'));
  writeFileSync(join(dir, '.env'), `# comments and empty values are fine\nJWT_SECRET=${FROM_FILE}\nDATA_KEY=\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function mintToken(env: Record<string, string | undefined>): string {
  const { JWT_SECRET: _unset, DATA_KEY: _unsetKey, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [CLI, 'token', '--role', 'ADMIN', '--subject', 'dotenv-test'], {
    cwd: dir,
    env: { ...inherited, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
  });
  expect([run.status, run.stderr]).toEqual([0, '']);
  return run.stdout.trim();
}

const verifies = async (token: string, secret: string) =>
  jwtVerify(token, new TextEncoder().encode(secret)).then(
    () => true,
    () => false,
  );

test('JWT_SECRET from .env signs the token', async () => {
  const token = mintToken({});
  expect(await verifies(token, FROM_FILE)).toBe(true);
});

test('the real environment wins over .env', async () => {
  const token = mintToken({ JWT_SECRET: FROM_ENVIRONMENT });
  expect([await verifies(token, FROM_ENVIRONMENT), await verifies(token, FROM_FILE)]).toEqual([true, false]);
});

test('.env.example loads as it is: every value passes the checks in src/config', () => {
  const example = parseEnv(readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8'));
  const config = loadConfig(example);
  expect([config.port, config.database.url, config.auth.usingDevelopmentSecret, config.nodeEnv]).toEqual([
    4000,
    'sqlite:data/wushe.sqlite',
    true,
    'development',
  ]);
});
