import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dataKeyFrom, loadConfig } from '../../src/config/config';
import { legacyDataKey } from '../../src/commands/rekey';
import { protect, unprotect } from '../../src/graphql/personal-data';
import { Resident } from '../../src/subgraphs/community/resident.entity';
import { Need } from '../../src/subgraphs/linkage/need.entity';
import { createHub } from '../../src/server/hub';
import * as AccountOp from '../helpers/account-operations';
import { REGISTER_RESIDENT } from '../helpers/admin-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import { CLI } from '../helpers/subgraph-process';
import { totpCode } from '../helpers/session-client';
import { operationsOn, startTestHub, TEST_JWT_SECRET, type TestHub } from '../helpers/test-hub';
import type { CreateAccountMutation, SignInMutation } from '../helpers/generated/operations';

// Phones are sealed under DATA_KEY, a key of its own: `wushe rekey` moves every sealed value to a new key, and
// rotating JWT_SECRET leaves what is stored alone.
const OLD = randomBytes(32);
const NEW = randomBytes(32);
const oldKey = dataKeyFrom(OLD);
const newKey = dataKeyFrom(NEW);
const PHONES = ['13812345678', '13900000001', '15011112222'];

let t: TestHub;

beforeAll(async () => {
  t = await startTestHub({ env: { DATA_KEY: OLD.toString('base64') } });
  for (const phone of PHONES) {
    await t.query(
      REGISTER_RESIDENT,
      { regionId: XIAHE, phone, consentAt: '2026-11-01T08:00:00.000Z' },
      IDENTITIES.STAFF_IN,
    );
  }
  await t.query(
    `mutation { submitNeed(input: { category: ELDERLY_CARE, description: "需要上门探访", communityId: "${XIAHE}",
       contactPhone: "13712345678", contactConsentAt: "2026-11-01T08:00:00.000Z" }) { id } }`,
    {},
    IDENTITIES.STAFF_IN,
  );
  // A phone stored before key ids existed: no key id, sealed with the key the hub used to derive from JWT_SECRET.
  const legacy = protect(legacyDataKey(TEST_JWT_SECRET), '18612345678');
  await t.database.dataSource.getRepository(Resident).insert({
    name: '老住户',
    regionId: XIAHE,
    phoneSealed: legacy.sealed,
    phoneKeyId: null,
    phoneMasked: '186****5678',
    consentAt: new Date('2026-01-01T00:00:00Z'),
    tagList: '',
    registeredAt: new Date('2026-01-01T00:00:00Z'),
  });
});

afterAll(() => t?.close());

function rekeyCli(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'rekey', ...args], {
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: t.testDatabase.url, JWT_SECRET: TEST_JWT_SECRET, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

async function sealedPhones() {
  const residents = await t.database.dataSource
    .getRepository(Resident)
    .createQueryBuilder('r')
    .where('r.phoneSealed IS NOT NULL')
    .orderBy('r.id')
    .getMany();
  const needs = await t.database.dataSource
    .getRepository(Need)
    .createQueryBuilder('n')
    .where('n.contactPhoneSealed IS NOT NULL')
    .getMany();
  return [
    ...residents.map((r) => ({ sealed: r.phoneSealed!, keyId: r.phoneKeyId })),
    ...needs.map((n) => ({ sealed: n.contactPhoneSealed!, keyId: n.contactPhoneKeyId })),
  ];
}

test('every phone is stored with the id of the key that sealed it', async () => {
  const stored = await sealedPhones();
  expect(stored.map((s) => s.keyId)).toEqual([oldKey.id, oldKey.id, oldKey.id, null, oldKey.id]);
});

test('rotating JWT_SECRET does not change the data key', () => {
  const a = loadConfig({ JWT_SECRET: 'first-secret-0123456789', DATA_KEY: NEW.toString('hex') }).dataKeys.current;
  const b = loadConfig({ JWT_SECRET: 'second-secret-0123456789', DATA_KEY: NEW.toString('base64') }).dataKeys.current;
  expect(b).toEqual(a);
  expect(a.id).toBe(newKey.id);
});

test('DATA_KEY is required outside development and must be 32 bytes', () => {
  expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' })).toThrow(
    'DATA_KEY must be set when NODE_ENV=production',
  );
  expect(() => loadConfig({ DATA_KEY: 'short' })).toThrow(/DATA_KEY must be 32 bytes/);
  expect(() => loadConfig({ DATA_KEY: randomBytes(16).toString('hex') })).toThrow(/DATA_KEY must be 32 bytes/);
});

test('without the old key, rekey stops and names the value it cannot open', () => {
  const run = rekeyCli({ DATA_KEY: NEW.toString('base64') });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain(`wushe: resident.phone of row`);
  expect(run.stderr).toContain(`(key id ${oldKey.id}); set DATA_KEY_PREVIOUS`);
});

test('wushe rekey re-seals every phone under the new key, in batches, and a second run changes nothing', async () => {
  const before = await sealedPhones();
  const run = rekeyCli({ DATA_KEY: NEW.toString('base64'), DATA_KEY_PREVIOUS: OLD.toString('hex') }, '--batch', '2');
  expect(run.stderr).toContain(
    `re-sealed under key ${newKey.id}: resident.phone 4, need.contactPhone 1, account.totpSecret 0, account.totpPendingSecret 0`,
  );
  expect(run.status).toBe(0);
  const after = await sealedPhones();
  expect(after.map((s) => s.keyId)).toEqual([newKey.id, newKey.id, newKey.id, newKey.id, newKey.id]);
  expect(after.map((s) => unprotect([newKey], s as { sealed: string; keyId: string }))).toEqual([
    ...PHONES,
    '18612345678',
    '13712345678',
  ]);
  for (const [index, value] of after.entries()) {
    expect(value.sealed).not.toBe(before[index].sealed);
    // Under the old key alone, nothing opens any more: neither by id nor by trying the old key on it.
    expect(() => unprotect([oldKey], value as { sealed: string; keyId: string })).toThrow();
    expect(() => unprotect([{ id: newKey.id, key: OLD }], value as { sealed: string; keyId: string })).toThrow();
  }
  const again = rekeyCli({ DATA_KEY: NEW.toString('base64'), DATA_KEY_PREVIOUS: OLD.toString('hex') });
  expect(again.status).toBe(0);
  expect(again.stderr).toContain(
    `re-sealed under key ${newKey.id}: resident.phone 0, need.contactPhone 0, account.totpSecret 0, account.totpPendingSecret 0`,
  );
  expect(await sealedPhones()).toEqual(after);
});

test('an account that enrolled TOTP under the old key signs in with it while the key rotates', async () => {
  const password = 'Rotating-Keys-2026';
  const created = await t.query<CreateAccountMutation>(
    AccountOp.CREATE_ACCOUNT,
    { input: { username: 'keys.admin', role: 'ADMIN' } },
    IDENTITIES.ADMIN,
  );
  const code = created.createAccount.setupCode;
  await t.query(AccountOp.RESET_PASSWORD, { username: 'keys.admin', code, newPassword: password });
  const signIn = (hub: Pick<TestHub, 'query'>, totp?: string) =>
    hub.query<SignInMutation>(AccountOp.SIGN_IN, { input: { username: 'keys.admin', password, totpCode: totp } });
  // The hub `t` seals under the old key.
  const { secret } = (await signIn(t)).signIn.totpSetup!;
  const now = Date.now();
  expect((await signIn(t, totpCode(secret, now))).signIn.status).toBe('SIGNED_IN');

  const config = loadConfig({
    DATABASE_URL: t.testDatabase.url,
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEY: NEW.toString('base64'),
    DATA_KEY_PREVIOUS: OLD.toString('hex'),
  });
  const rotated = await createHub({ config, database: t.database, log: () => undefined });
  try {
    expect((await signIn(operationsOn(rotated), totpCode(secret, now + 30_000))).signIn.status).toBe('SIGNED_IN');
  } finally {
    await rotated.stop();
  }
});
