import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Repository, type ObjectLiteral } from 'typeorm';
import { Account } from '../../src/auth/account.entity';
import { Role, type Identity } from '../../src/auth/identity';
import * as Op from '../helpers/account-operations';
import { IDENTITIES, JIANGCHUAN, LIQI, orgIdentity, XIAHE } from '../helpers/identities';
import { post, sessionCookieOf } from '../helpers/session-client';
import { codeOf, startTestHub, TEST_DATA_KEY, TEST_JWT_SECRET, type TestHub } from '../helpers/test-hub';
import type {
  AccountAuditQuery,
  AccountQuery,
  AccountsQuery,
  CreateAccountMutation,
  FirstOrganizationQuery,
  SignInMutation,
} from '../helpers/generated/operations';

// Managing accounts: ADMIN only, every id checked, invariants held under parallel requests (run this file on
// MariaDB too), and the CLI that makes the first ADMIN.

let t: TestHub;
const PASSWORD = 'Guanli-Ceshi-2026';
const admin = IDENTITIES.ADMIN;

beforeAll(async () => {
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
});
afterAll(() => t.close());

const create = (input: Record<string, unknown>, as: Identity = admin) =>
  t.execute<CreateAccountMutation>(Op.CREATE_ACCOUNT, { input }, as);

async function created(input: Record<string, unknown>) {
  const answer = await create(input);
  expect(answer.errors).toBeUndefined();
  return answer.data!.createAccount;
}

async function withPassword(input: Record<string, unknown>) {
  const { account, setupCode } = await created(input);
  await t.query(Op.RESET_PASSWORD, { username: account.username, code: setupCode, newPassword: PASSWORD });
  return account;
}

describe('who may manage accounts', () => {
  it.each([
    ['STAFF', IDENTITIES.STAFF_IN],
    ['ORG', orgIdentity(1)],
    ['BOT', IDENTITIES.BOT_IN],
    ['PUBLIC', IDENTITIES.PUBLIC],
  ])('%s may not create, list or change accounts', async (_name, as) => {
    const target = await created({ username: `target.${_name.toLowerCase()}`, role: 'STAFF', regionId: XIAHE });
    expect(codeOf(await create({ username: `by.${_name.toLowerCase()}`, role: 'STAFF', regionId: XIAHE }, as))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.execute(Op.ACCOUNTS, {}, as))).toBe('FORBIDDEN');
    expect(codeOf(await t.execute(Op.ACCOUNT, { id: target.account.id }, as))).toBe('FORBIDDEN');
    for (const [operation, variables] of [
      [Op.UPDATE_ACCOUNT, { id: target.account.id, input: { displayName: 'x' } }],
      [Op.SET_ACCOUNT_DISABLED, { id: target.account.id, disabled: true }],
      [Op.ISSUE_PASSWORD_RESET, { id: target.account.id }],
      [Op.RESET_ACCOUNT_TOTP, { id: target.account.id }],
    ] as const) {
      expect(codeOf(await t.execute(operation, variables, as))).toBe('FORBIDDEN');
    }
    expect((await t.query<AccountQuery>(Op.ACCOUNT, { id: target.account.id }, admin)).account).toMatchObject({
      displayName: `target.${_name.toLowerCase()}`,
      disabledAt: null,
    });
  });

  it('an ADMIN may not disable the account it is signed in with', async () => {
    const account = await withPassword({ username: 'self.admin', role: 'ADMIN' });
    const self: Identity = { role: Role.ADMIN, subject: 'self.admin', accountId: Number(account.id) };
    expect(codeOf(await t.execute(Op.SET_ACCOUNT_DISABLED, { id: account.id, disabled: true }, self))).toBe(
      'FORBIDDEN',
    );
  });

  it('an ADMIN may not change their own role, nor reset their own password or TOTP; another ADMIN may', async () => {
    const account = await withPassword({ username: 'own.admin', role: 'ADMIN' });
    const self: Identity = { role: Role.ADMIN, subject: 'own.admin', accountId: Number(account.id) };
    const { id } = account;
    const role = { id, input: { role: 'STAFF', regionId: XIAHE } };
    expect(codeOf(await t.execute(Op.UPDATE_ACCOUNT, role, self))).toBe('CANNOT_CHANGE_OWN_ROLE');
    expect(codeOf(await t.execute(Op.ISSUE_PASSWORD_RESET, { id }, self))).toBe('CANNOT_RESET_OWN_PASSWORD');
    expect(codeOf(await t.execute(Op.RESET_ACCOUNT_TOTP, { id }, self))).toBe('CANNOT_RESET_OWN_TOTP');
    const renamed = await t.execute(Op.UPDATE_ACCOUNT, { id, input: { role: 'ADMIN', displayName: '自己' } }, self);
    expect(renamed.errors).toBeUndefined();
    expect((await t.query<AccountQuery>(Op.ACCOUNT, { id }, admin)).account).toMatchObject({
      role: 'ADMIN',
      displayName: '自己',
      passwordSet: true,
    });

    for (const [operation, variables] of [
      [Op.ISSUE_PASSWORD_RESET, { id }],
      [Op.RESET_ACCOUNT_TOTP, { id }],
      [Op.UPDATE_ACCOUNT, role],
    ] as const) {
      expect((await t.execute(operation, variables, admin)).errors).toBeUndefined();
    }
  });
});

describe('createAccount checks what it is given', () => {
  it('creates a STAFF account of a region on record, with no password until its setup code is used', async () => {
    const { account, setupCode, expiresAt } = await created({
      username: 'Zhang.Wei',
      displayName: '张伟',
      role: 'STAFF',
      regionId: LIQI,
    });
    expect(account).toEqual({
      id: expect.any(String),
      username: 'zhang.wei',
      displayName: '张伟',
      role: 'STAFF',
      regionId: LIQI,
      organizationId: null,
      disabledAt: null,
      failedAttempts: 0,
      lockedUntil: null,
      totpEnabled: false,
      passwordSet: false,
    });
    expect(setupCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const hours = (new Date(expiresAt as string).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect((await t.query<AccountQuery>(Op.ACCOUNT, { id: account.id }, admin)).account?.region).toEqual({
      name: '李棋街道',
    });
  });

  it('creates an ORG account of an organisation on record', async () => {
    const { organizations } = await t.query<FirstOrganizationQuery>(Op.FIRST_ORGANIZATION);
    const organizationId = organizations.nodes[0].id;
    const { account } = await created({ username: 'org.officer', role: 'ORG', organizationId });
    expect(account).toMatchObject({ role: 'ORG', organizationId, regionId: null });
  });

  it.each([
    ['a STAFF account without a region', { role: 'STAFF' }, 'BAD_USER_INPUT'],
    ['a region not on record', { role: 'STAFF', regionId: '530402999999' }, 'NOT_FOUND'],
    ['an organisation not on record', { role: 'ORG', organizationId: '99999999' }, 'NOT_FOUND'],
    ['an ORG account without an organisation', { role: 'ORG' }, 'BAD_USER_INPUT'],
    ['a STAFF account with an organisation', { role: 'STAFF', regionId: LIQI, organizationId: '1' }, 'BAD_USER_INPUT'],
    ['an ADMIN account with a region', { role: 'ADMIN', regionId: LIQI }, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_name, input, code) => {
    expect(codeOf(await create({ username: 'refused.one', ...input }))).toBe(code);
  });

  it.each(['ab', 'has space', '-dash.first', 'x'.repeat(33), '张三'])('refuses the username "%s"', async (username) => {
    expect(codeOf(await create({ username, role: 'ADMIN' }))).toBe('BAD_USER_INPUT');
  });

  it('records the change in the audit log, with the new account’s id', async () => {
    const { account } = await created({ username: 'audited.staff', role: 'STAFF', regionId: XIAHE });
    const audit = await t.query<AccountAuditQuery>(Op.ACCOUNT_AUDIT, { subject: 'admin' }, admin);
    expect(audit.auditLog.nodes[0]).toEqual({
      kind: 'MUTATION',
      operation: 'createAccount',
      subject: 'admin',
      outcome: 'OK',
      target: `regionId=${XIAHE} → ${account.id}`,
    });
  });
});

describe('updateAccount and the other changes check their ids', () => {
  it('re-scopes within the rules of the role', async () => {
    const { account } = await created({ username: 'rescoped.staff', role: 'STAFF', regionId: LIQI });
    const update = (input: Record<string, unknown>) => t.execute(Op.UPDATE_ACCOUNT, { id: account.id, input }, admin);
    expect(codeOf(await update({ regionId: '530402999999' }))).toBe('NOT_FOUND');
    expect(codeOf(await update({ role: 'ORG' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await update({ organizationId: '1' }))).toBe('BAD_USER_INPUT');
    expect((await update({ regionId: JIANGCHUAN, displayName: '江川区工作人员' })).data).toEqual({
      updateAccount: expect.objectContaining({ regionId: JIANGCHUAN, displayName: '江川区工作人员', role: 'STAFF' }),
    });
    // Becoming ADMIN drops the region: an ADMIN acts city-wide.
    expect((await update({ role: 'ADMIN' })).data).toEqual({
      updateAccount: expect.objectContaining({ role: 'ADMIN', regionId: null, organizationId: null }),
    });
  });

  it.each([
    ['updateAccount', Op.UPDATE_ACCOUNT, { input: { displayName: 'x' } }],
    ['setAccountDisabled', Op.SET_ACCOUNT_DISABLED, { disabled: true }],
    ['issuePasswordReset', Op.ISSUE_PASSWORD_RESET, {}],
    ['resetAccountTotp', Op.RESET_ACCOUNT_TOTP, {}],
  ])('%s refuses an account that does not exist, and an id that is not one', async (_name, operation, variables) => {
    expect(codeOf(await t.execute(operation, { id: '999999', ...variables }, admin))).toBe('NOT_FOUND');
    expect(codeOf(await t.execute(operation, { id: 'abc', ...variables }, admin))).toBe('BAD_USER_INPUT');
  });
});

describe('accounts', () => {
  it('lists by role, region subtree, words and state, a page at a time', async () => {
    for (const [username, regionId] of [
      ['list.liqi.one', LIQI],
      ['list.xiahe.two', XIAHE],
      ['list.jiangchuan', JIANGCHUAN],
    ]) {
      await created({ username, role: 'STAFF', regionId });
    }
    const { account } = await created({ username: 'list.disabled', role: 'STAFF', regionId: XIAHE });
    await t.query(Op.SET_ACCOUNT_DISABLED, { id: account.id, disabled: true }, admin);
    const list = (filter: Record<string, unknown>, first = 20) =>
      t.query<AccountsQuery>(Op.ACCOUNTS, { filter, first }, admin).then((data) => data.accounts);
    const names = async (filter: Record<string, unknown>) => (await list(filter)).nodes.map((node) => node.username);
    expect(await names({ search: 'list.', regionId: LIQI })).toEqual([
      'list.liqi.one',
      'list.xiahe.two',
      'list.disabled',
    ]);
    expect(await names({ search: 'list.', regionId: LIQI, disabled: false })).toEqual([
      'list.liqi.one',
      'list.xiahe.two',
    ]);
    expect(await names({ search: 'list.', disabled: true })).toEqual(['list.disabled']);
    expect(await names({ search: 'list.', role: 'ADMIN' })).toEqual([]);
    const page = await list({ search: 'list.' }, 2);
    expect(page).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const next = await t.query<AccountsQuery>(
      Op.ACCOUNTS,
      { filter: { search: 'list.' }, first: 2, after: page.pageInfo.endCursor },
      admin,
    );
    expect(next.accounts.nodes.map((node) => node.username)).toEqual(['list.jiangchuan', 'list.disabled']);
  });
});

describe('under parallel requests', () => {
  it('counts eight parallel wrong passwords exactly: four refused, then the lock at the fifth', async () => {
    const account = await withPassword({ username: 'parallel.wrong', role: 'STAFF', regionId: LIQI });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.execute<SignInMutation>(Op.SIGN_IN, { input: { username: 'parallel.wrong', password: 'Wrong-Guess-2026' } }),
      ),
    );
    const codes = answers.map(codeOf).sort();
    expect(codes).toEqual([
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'ACCOUNT_LOCKED',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
    ]);
    expect((await t.query<AccountQuery>(Op.ACCOUNT, { id: account.id }, admin)).account?.failedAttempts).toBe(5);
    const audit = await t.query<AccountAuditQuery>(Op.ACCOUNT_AUDIT, { subject: 'parallel.wrong' }, admin);
    const outcomes = audit.auditLog.nodes
      .filter((row) => row.operation !== 'resetPassword')
      .map((row) => `${row.operation} ${row.outcome}`)
      .sort();
    expect(outcomes).toEqual([
      'lockAccount ACCOUNT_LOCKED',
      'signIn ACCOUNT_LOCKED',
      'signIn ACCOUNT_LOCKED',
      'signIn ACCOUNT_LOCKED',
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
    ]);
  });

  it('makes one account of six parallel creations with one username', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        create({ username: 'parallel.same', displayName: `第${index}个`, role: 'STAFF', regionId: LIQI }),
      ),
    );
    expect(answers.map((answer) => codeOf(answer) ?? 'OK').sort()).toEqual([
      'OK',
      'USERNAME_TAKEN',
      'USERNAME_TAKEN',
      'USERNAME_TAKEN',
      'USERNAME_TAKEN',
      'USERNAME_TAKEN',
    ]);
    const list = await t.query<AccountsQuery>(Op.ACCOUNTS, { filter: { search: 'parallel.same' } }, admin);
    expect(list.accounts.totalCount).toBe(1);
  });

  it('answers USERNAME_TAKEN when the name is inserted between the check and the insert (the unique index)', async () => {
    await created({ username: 'raced.name', role: 'STAFF', regionId: LIQI });
    // The check misses the row, as it does when a parallel creation commits it just after the check.
    const existsBy = Repository.prototype.existsBy;
    const missed = jest.spyOn(Repository.prototype, 'existsBy').mockImplementation(function (
      this: Repository<ObjectLiteral>,
      where,
    ) {
      return this.metadata.target === Account ? Promise.resolve(false) : existsBy.call(this, where);
    });
    try {
      const answer = await create({ username: 'raced.name', role: 'STAFF', regionId: LIQI });
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'USERNAME_TAKEN', argument: 'username' });
    } finally {
      missed.mockRestore();
    }
  });

  it('takes a setup code once when four use it at the same time', async () => {
    const { setupCode } = await created({ username: 'parallel.code', role: 'STAFF', regionId: LIQI });
    const answers = await Promise.all(
      ['Erste-Passwort-2026', 'Zweite-Passwort-2026', 'Dritte-Passwort-2026', 'Vierte-Passwort-2026'].map(
        (newPassword) => t.execute(Op.RESET_PASSWORD, { username: 'parallel.code', code: setupCode, newPassword }),
      ),
    );
    expect(answers.map((answer) => codeOf(answer) ?? 'OK').sort()).toEqual([
      'INVALID_CODE',
      'INVALID_CODE',
      'INVALID_CODE',
      'OK',
    ]);
  });
});

describe('wushe account create', () => {
  const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli.js');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'account', 'create', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: t.testDatabase.url,
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_KEY: TEST_DATA_KEY,
        PORT: '4321',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('makes the first ADMIN: prints a setup code that works once and the console address, audited as cli', async () => {
    const done = run('--username', 'first.admin', '--role', 'admin', '--display-name', '第一位管理员');
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('first.admin · ADMIN');
    expect(done.stdout).toContain('http://localhost:4321/console/');
    const code = /\(one-time setup code\): ([A-Z2-9-]{19})/.exec(done.stdout)![1];
    expect(
      (await t.query(Op.RESET_PASSWORD, { username: 'first.admin', code, newPassword: PASSWORD })).resetPassword,
    ).toBe(true);
    const url = await t.listen();
    const signIn = await post<SignInMutation>(url, Op.SIGN_IN, {
      input: { username: 'first.admin', password: PASSWORD },
    });
    expect(signIn.body.data?.signIn.status).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect(sessionCookieOf(signIn.setCookies)).toBeUndefined();
    const audit = await t.query<AccountAuditQuery>(Op.ACCOUNT_AUDIT, { subject: 'cli' }, admin);
    expect(audit.auditLog.nodes).toEqual([
      expect.objectContaining({ kind: 'MUTATION', operation: 'createAccount', subject: 'cli', outcome: 'OK' }),
    ]);
  });

  it('checks the region like the API does, and says so', () => {
    const refused = run('--username', 'no.region', '--role', 'STAFF', '--region', '530402999999');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('530402999999');
    const taken = run('--username', 'first.admin', '--role', 'ADMIN');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('first.admin');
  });
});
