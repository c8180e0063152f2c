import { Account, AccountSession } from '../../src/auth/account.entity';
import * as Op from '../helpers/account-operations';
import { IDENTITIES, JIANGCHUAN, LIQI } from '../helpers/identities';
import { post, sessionCookieOf, totpCode } from '../helpers/session-client';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  AccountAuditQuery,
  AccountQuery,
  CreateAccountMutation,
  SignInMutation,
  ViewerQuery,
  ViewerRoleQuery,
} from '../helpers/generated/operations';

// Sign-in over HTTP with cookies, as the console does it: sessions, their ends, lockout, TOTP and CSRF.

let t: TestHub;
let url: string;
const PASSWORD = 'Liqi-Jiedao-2026';
let accounts = 0;

beforeAll(async () => {
  t = await startTestHub({
    env: {
      SESSION_MAX_LIFETIME: '2h',
      SESSION_IDLE_TIMEOUT: '10m',
      MUTATIONS_PER_MINUTE_PER_TOKEN: '100000',
      MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000',
    },
  });
  url = await t.listen();
});
afterAll(() => t.close());

/** A new account with its password set through its setup code; returns its id and username. */
async function newAccount(input: { role: string; regionId?: string } = { role: 'STAFF', regionId: LIQI }) {
  accounts += 1;
  const username = `user${accounts}.liqi`;
  const created = await t.query<CreateAccountMutation>(
    Op.CREATE_ACCOUNT,
    { input: { username, displayName: `测试员${accounts}`, ...input } },
    IDENTITIES.ADMIN,
  );
  const { setupCode, account } = created.createAccount;
  await t.query(Op.RESET_PASSWORD, { username, code: setupCode, newPassword: PASSWORD });
  return { id: account.id, username };
}

const signIn = (username: string, password = PASSWORD, totp?: string) =>
  post<SignInMutation>(url, Op.SIGN_IN, { input: { username, password, totpCode: totp } });

async function sessionOf(username: string): Promise<string> {
  const answer = await signIn(username);
  expect(answer.body.data?.signIn.status).toBe('SIGNED_IN');
  return sessionCookieOf(answer.setCookies)!;
}

const viewerWith = (cookie: string) => post<ViewerQuery>(url, Op.VIEWER, {}, { cookie });
const accountRow = (id: string) => t.query<AccountQuery>(Op.ACCOUNT, { id }, IDENTITIES.ADMIN);
const sessionRepository = () => t.database.dataSource.getRepository(AccountSession);

describe('a session', () => {
  it('is opened by signIn with an HttpOnly, SameSite=Strict cookie living as long as configured', async () => {
    const { id, username } = await newAccount();
    const answer = await signIn(username);
    expect(answer.body.data?.signIn).toMatchObject({
      status: 'SIGNED_IN',
      viewer: { role: 'STAFF', subject: username, accountId: id, regionId: LIQI, totpEnabled: false },
      totpSetup: null,
    });
    const [cookie] = answer.setCookies;
    expect(cookie).toMatch(/^wushe_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=7200$/);
    const { body, setCookies } = await viewerWith(sessionCookieOf(answer.setCookies)!);
    expect(setCookies).toEqual([]);
    expect(body.data?.viewer).toMatchObject({
      role: 'STAFF',
      subject: username,
      displayName: expect.stringMatching(/^测试员/),
      regionId: LIQI,
      region: { id: LIQI, name: '李棋街道' },
      accountId: id,
      totpEnabled: false,
    });
    const expires = new Date(body.data!.viewer.sessionExpiresAt as string).getTime();
    expect(Math.abs(expires - (Date.now() + 7200_000))).toBeLessThan(60_000);
  });

  it('acts with the rights of its account: STAFF of 李棋街道 may not list accounts', async () => {
    const { username } = await newAccount();
    const answer = await post(url, Op.ACCOUNTS, {}, { cookie: await sessionOf(username) });
    expect(codeOf(answer.body)).toBe('FORBIDDEN');
  });

  it('costs one statement per request (the session with its account), a bearer token none', async () => {
    const { username } = await newAccount();
    const cookie = await sessionOf(username);
    const token = await t.token({ role: IDENTITIES.STAFF_IN.role, subject: 'staff-token', regionId: LIQI });
    const statementsOf = async (auth: { cookie?: string; token?: string }) => {
      t.database.queries.reset();
      const { body } = await post<ViewerRoleQuery>(url, Op.VIEWER_ROLE, {}, auth);
      expect(body.errors).toBeUndefined();
      return t.database.queries.reset();
    };
    expect(await statementsOf({ cookie })).toBe(1);
    expect(await statementsOf({ token })).toBe(0);
    expect(await statementsOf({ token, cookie })).toBe(0);
    expect(await statementsOf({})).toBe(0);
  });

  it('stores only the hash of the cookie', async () => {
    const { username } = await newAccount();
    const cookie = await sessionOf(username);
    const secret = cookie.split('=')[1];
    expect(await sessionRepository().existsBy({ id: secret })).toBe(false);
  });

  it('loses to a bearer token sent with it', async () => {
    const { username } = await newAccount();
    const cookie = await sessionOf(username);
    const token = await t.token({ role: IDENTITIES.ADMIN.role, subject: 'cli-admin' });
    const { body } = await post<ViewerQuery>(url, Op.VIEWER, {}, { cookie, token });
    expect(body.data?.viewer).toMatchObject({ role: 'ADMIN', subject: 'cli-admin', accountId: null });
  });

  it('ends with signOut: the old cookie then makes a PUBLIC caller and is cleared, never a 401', async () => {
    const { username } = await newAccount();
    const cookie = await sessionOf(username);
    const out = await post(url, Op.SIGN_OUT, {}, { cookie });
    expect(out.body.errors).toBeUndefined();
    expect(out.body.data).toEqual({ signOut: true });
    expect(out.setCookies).toEqual(['wushe_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0']);
    const after = await viewerWith(cookie);
    expect(after.status).toBe(200);
    expect(after.body.data?.viewer).toMatchObject({ role: 'PUBLIC', subject: 'anonymous', accountId: null });
    expect(after.setCookies).toEqual(['wushe_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0']);
    const audit = await t.query<AccountAuditQuery>(Op.ACCOUNT_AUDIT, { subject: username }, IDENTITIES.ADMIN);
    expect(audit.auditLog.nodes.slice(0, 2).map((row) => `${row.operation} ${row.outcome}`)).toEqual([
      'signOut OK',
      'signIn OK',
    ]);
  });

  it('ends everywhere with signOutEverywhere', async () => {
    const { username } = await newAccount();
    const first = await sessionOf(username);
    const second = await sessionOf(username);
    expect((await post(url, Op.SIGN_OUT_EVERYWHERE, {}, { cookie: second })).body.data).toEqual({
      signOutEverywhere: true,
    });
    for (const cookie of [first, second]) {
      expect((await viewerWith(cookie)).body.data?.viewer.role).toBe('PUBLIC');
    }
  });

  it('ends when idle longer than SESSION_IDLE_TIMEOUT (10 minutes here), and at its absolute end', async () => {
    const { id, username } = await newAccount();
    const idle = await sessionOf(username);
    const ended = await sessionOf(username);
    const accountId = Number(id);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // Moving the stored times back stands for the time passing.
    await sessionRepository().update({ accountId }, { lastSeenAt: ago(9) });
    expect((await viewerWith(idle)).body.data?.viewer.role).toBe('STAFF');
    await sessionRepository().update({ accountId }, { lastSeenAt: ago(11) });
    expect((await viewerWith(idle)).body.data?.viewer.role).toBe('PUBLIC');
    await sessionRepository().update({ accountId }, { lastSeenAt: new Date(), expiresAt: ago(1) });
    const expired = await viewerWith(ended);
    expect(expired.body.data?.viewer.role).toBe('PUBLIC');
    expect(expired.setCookies[0]).toContain('Max-Age=0');
  });

  it('is seen at most once a minute: a request soon after another writes nothing', async () => {
    const { id, username } = await newAccount();
    const cookie = await sessionOf(username);
    const accountId = Number(id);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await sessionRepository().update({ accountId }, { lastSeenAt: twoMinutesAgo });
    await viewerWith(cookie);
    const [seen] = await sessionRepository().findBy({ accountId });
    expect(seen.lastSeenAt.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());
    const thirtySecondsAgo = new Date(Math.floor((Date.now() - 30_000) / 1000) * 1000);
    await sessionRepository().update({ accountId }, { lastSeenAt: thirtySecondsAgo });
    await viewerWith(cookie);
    const [unchanged] = await sessionRepository().findBy({ accountId });
    expect(unchanged.lastSeenAt.getTime()).toBe(thirtySecondsAgo.getTime());
  });

  it('follows a re-scoped account at its next request; a new role ends it', async () => {
    const { id, username } = await newAccount();
    const cookie = await sessionOf(username);
    await t.query(Op.UPDATE_ACCOUNT, { id, input: { regionId: JIANGCHUAN } }, IDENTITIES.ADMIN);
    expect((await viewerWith(cookie)).body.data?.viewer).toMatchObject({ role: 'STAFF', regionId: JIANGCHUAN });
    await t.query(Op.UPDATE_ACCOUNT, { id, input: { role: 'ADMIN' } }, IDENTITIES.ADMIN);
    expect((await viewerWith(cookie)).body.data?.viewer.role).toBe('PUBLIC');
  });

  it('ends when its account is disabled, and a disabled account cannot sign in', async () => {
    const { id, username } = await newAccount();
    const cookie = await sessionOf(username);
    await t.query(Op.SET_ACCOUNT_DISABLED, { id, disabled: true }, IDENTITIES.ADMIN);
    expect((await viewerWith(cookie)).body.data?.viewer.role).toBe('PUBLIC');
    expect(codeOf((await signIn(username)).body)).toBe('ACCOUNT_DISABLED');
    await t.query(Op.SET_ACCOUNT_DISABLED, { id, disabled: false }, IDENTITIES.ADMIN);
    expect((await signIn(username)).body.data?.signIn.status).toBe('SIGNED_IN');
  });
});

describe('CSRF', () => {
  it('refuses a cookie request that is not JSON and carries no preflight header (Apollo csrfPrevention)', async () => {
    const { username } = await newAccount();
    const cookie = await sessionOf(username);
    const form = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie },
      body: JSON.stringify({ query: Op.SIGN_OUT_EVERYWHERE }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toMatch(/CSRF/);
    const simpleGet = await fetch(`${url}/graphql?query=${encodeURIComponent(Op.VIEWER_ROLE)}`, {
      headers: { cookie },
    });
    expect(simpleGet.status).toBe(400);
    // The refused request did nothing: the session still works.
    expect((await viewerWith(cookie)).body.data?.viewer.role).toBe('STAFF');
  });
});

describe('passwords', () => {
  it('refuses weak ones with WEAK_PASSWORD saying what is needed, and takes a setup code once', async () => {
    accounts += 1;
    const username = `weak${accounts}`;
    const created = await t.query<CreateAccountMutation>(
      Op.CREATE_ACCOUNT,
      { input: { username, role: 'STAFF', regionId: LIQI } },
      IDENTITIES.ADMIN,
    );
    const code = created.createAccount.setupCode;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    for (const weak of ['short1A!', 'alllowercaseletters'.slice(0, 12), `Xy1-${username}-Q`, 'Password@123']) {
      const answer = await t.execute(Op.RESET_PASSWORD, { username, code, newPassword: weak });
      expect(codeOf(answer)).toBe('WEAK_PASSWORD');
      expect(answer.errors?.[0].message).toMatch(/密码/);
    }
    expect(
      (await t.execute(Op.RESET_PASSWORD, { username, code, newPassword: 'a long passphrase of words' })).data,
    ).toEqual({
      resetPassword: true,
    });
    const again = await t.execute(Op.RESET_PASSWORD, { username, code, newPassword: 'another long passphrase' });
    expect(codeOf(again)).toBe('INVALID_CODE');
    expect((await signIn(username, 'a long passphrase of words')).body.data?.signIn.status).toBe('SIGNED_IN');
  });

  it('changePassword needs the current one and ends the other sessions', async () => {
    const { username } = await newAccount();
    const other = await sessionOf(username);
    const mine = await sessionOf(username);
    const wrong = await post(
      url,
      Op.CHANGE_PASSWORD,
      { current: 'Not-The-Password-1', next: 'Brand-New-Pass-2026' },
      { cookie: mine },
    );
    expect(codeOf(wrong.body)).toBe('INVALID_CREDENTIALS');
    const changed = await post(
      url,
      Op.CHANGE_PASSWORD,
      { current: PASSWORD, next: 'Brand-New-Pass-2026' },
      { cookie: mine },
    );
    expect(changed.body.data).toEqual({ changePassword: true });
    expect((await viewerWith(mine)).body.data?.viewer.role).toBe('STAFF');
    expect((await viewerWith(other)).body.data?.viewer.role).toBe('PUBLIC');
    expect(codeOf((await signIn(username)).body)).toBe('INVALID_CREDENTIALS');
    expect((await signIn(username, 'Brand-New-Pass-2026')).body.data?.signIn.status).toBe('SIGNED_IN');
  });

  it('a reset code issued by ADMIN sets a new password once and ends the sessions', async () => {
    const { id, username } = await newAccount();
    const cookie = await sessionOf(username);
    const issued = await t.query<{ issuePasswordReset: { code: string } }>(
      Op.ISSUE_PASSWORD_RESET,
      { id },
      IDENTITIES.ADMIN,
    );
    expect((await viewerWith(cookie)).body.data?.viewer.role).toBe('PUBLIC');
    const code = issued.issuePasswordReset.code.toLowerCase().replace(/-/g, ' ');
    expect((await t.query(Op.RESET_PASSWORD, { username, code, newPassword: 'Reset-By-Admin-77' })).resetPassword).toBe(
      true,
    );
    expect((await signIn(username, 'Reset-By-Admin-77')).body.data?.signIn.status).toBe('SIGNED_IN');
  });
});

describe('lockout', () => {
  it('locks after five failures for a minute, doubles with each further one, refuses even the right password, and is audited', async () => {
    const { id, username } = await newAccount();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(codeOf((await signIn(username, 'Wrong-Password-99')).body)).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await signIn(username, 'Wrong-Password-99');
    expect(codeOf(fifth.body)).toBe('ACCOUNT_LOCKED');
    expect(fifth.body.errors?.[0].extensions?.retryAfterSeconds).toBe(60);
    const right = await signIn(username);
    expect(codeOf(right.body)).toBe('ACCOUNT_LOCKED');
    expect(right.setCookies).toEqual([]);
    expect((await accountRow(id)).account).toMatchObject({ failedAttempts: 5 });

    // The minute passes (the stored lock moved back), and one more wrong password locks for two minutes.
    const repository = t.database.dataSource.getRepository(Account);
    await repository.update({ username }, { lockedUntil: new Date(Date.now() - 1000) });
    const sixth = await signIn(username, 'Wrong-Password-99');
    expect(sixth.body.errors?.[0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 120 });
    await repository.update({ username }, { lockedUntil: new Date(Date.now() - 1000), failedAttempts: 12 });
    const capped = await signIn(username, 'Wrong-Password-99');
    expect(capped.body.errors?.[0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfterSeconds: 3600 });

    await repository.update({ username }, { lockedUntil: new Date(Date.now() - 1000) });
    expect((await signIn(username)).body.data?.signIn.status).toBe('SIGNED_IN');
    expect((await accountRow(id)).account).toMatchObject({ failedAttempts: 0, lockedUntil: null });

    const audit = await t.query<AccountAuditQuery>(Op.ACCOUNT_AUDIT, { subject: username }, IDENTITIES.ADMIN);
    const rows = audit.auditLog.nodes.filter((row) => row.operation !== 'resetPassword').reverse();
    expect(rows.map((row) => `${row.operation} ${row.outcome}`)).toEqual([
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
      'signIn INVALID_CREDENTIALS',
      // The failure that locks writes the lockout first, then its own row, in one transaction.
      'lockAccount ACCOUNT_LOCKED',
      'signIn INVALID_CREDENTIALS',
      'signIn ACCOUNT_LOCKED',
      'lockAccount ACCOUNT_LOCKED',
      'signIn INVALID_CREDENTIALS',
      'lockAccount ACCOUNT_LOCKED',
      'signIn INVALID_CREDENTIALS',
      'signIn OK',
    ]);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(['MUTATION']));
  });

  /** Five wrong passwords from anyone who knows the username: the account is locked. */
  async function lockedOut(username: string) {
    for (let attempt = 1; attempt <= 5; attempt += 1) await signIn(username, 'Wrong-Password-99');
    expect(codeOf((await signIn(username)).body)).toBe('ACCOUNT_LOCKED');
  }

  it('is lifted by the owner’s right reset code; a wrong code while locked is refused and not counted', async () => {
    const { id, username } = await newAccount();
    await lockedOut(username);
    const issued = await t.query<{ issuePasswordReset: { code: string } }>(
      Op.ISSUE_PASSWORD_RESET,
      { id },
      IDENTITIES.ADMIN,
    );
    // Issuing the code already lifted the lock; someone keeps failing, and the account is locked again.
    expect((await accountRow(id)).account).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    await lockedOut(username);

    const wrongCode = { username, code: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'Unlocked-By-Code-1' };
    const wrong = await t.execute(Op.RESET_PASSWORD, wrongCode);
    expect(codeOf(wrong)).toBe('ACCOUNT_LOCKED');
    expect((await accountRow(id)).account).toMatchObject({ failedAttempts: 5 });

    const right = { username, code: issued.issuePasswordReset.code, newPassword: 'Unlocked-By-Code-1' };
    expect((await t.query(Op.RESET_PASSWORD, right)).resetPassword).toBe(true);
    expect((await accountRow(id)).account).toMatchObject({ failedAttempts: 0, lockedUntil: null });
    expect((await signIn(username, 'Unlocked-By-Code-1')).body.data?.signIn.status).toBe('SIGNED_IN');
  });

  it('is lifted when an ADMIN enables the account again', async () => {
    const { id, username } = await newAccount();
    await lockedOut(username);
    await t.query(Op.SET_ACCOUNT_DISABLED, { id, disabled: true }, IDENTITIES.ADMIN);
    const enabled = await t.query<{ setAccountDisabled: unknown }>(
      Op.SET_ACCOUNT_DISABLED,
      { id, disabled: false },
      IDENTITIES.ADMIN,
    );
    expect(enabled.setAccountDisabled).toMatchObject({ disabledAt: null, failedAttempts: 0, lockedUntil: null });
    expect((await signIn(username)).body.data?.signIn.status).toBe('SIGNED_IN');
  });

  it('audits a failed sign-in of an unknown username under the name tried, with no REFUSAL row besides', async () => {
    const answer = await signIn('nobody.here', 'Whatever-Password-1');
    expect(codeOf(answer.body)).toBe('INVALID_CREDENTIALS');
    const audit = await t.query<AccountAuditQuery>(Op.ACCOUNT_AUDIT, { subject: 'nobody.here' }, IDENTITIES.ADMIN);
    expect(audit.auditLog.nodes).toEqual([
      { kind: 'MUTATION', operation: 'signIn', subject: 'nobody.here', outcome: 'INVALID_CREDENTIALS', target: '-' },
    ]);
  });
});

describe('TOTP', () => {
  it('an ADMIN cannot sign in without it: the right password first enrols, a code from the secret completes', async () => {
    const { id, username } = await newAccount({ role: 'ADMIN' });
    const first = await signIn(username);
    expect(first.body.data?.signIn).toMatchObject({ status: 'TOTP_ENROLLMENT_REQUIRED', viewer: null });
    expect(first.setCookies).toEqual([]);
    const { secret, uri } = first.body.data!.signIn.totpSetup!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain(`otpauth://totp/`);
    expect(uri).toContain(`secret=${secret}`);
    // Asking again shows the same pending secret, so a scanned code keeps working.
    expect((await signIn(username)).body.data?.signIn.totpSetup?.secret).toBe(secret);
    expect(codeOf((await signIn(username, PASSWORD, '000000')).body)).toBe('INVALID_TOTP');

    const now = Date.now();
    const enrolled = await signIn(username, PASSWORD, totpCode(secret, now));
    expect(enrolled.body.data?.signIn).toMatchObject({
      status: 'SIGNED_IN',
      viewer: { role: 'ADMIN', totpEnabled: true },
    });
    expect(sessionCookieOf(enrolled.setCookies)).toBeDefined();

    // From now on the password alone is not enough, and a code is accepted once.
    expect((await signIn(username)).body.data?.signIn).toMatchObject({
      status: 'TOTP_REQUIRED',
      viewer: null,
      totpSetup: null,
    });
    expect(codeOf((await signIn(username, PASSWORD, totpCode(secret, now))).body)).toBe('INVALID_TOTP');
    const next = await signIn(username, PASSWORD, totpCode(secret, now + 30_000));
    expect(next.body.data?.signIn.status).toBe('SIGNED_IN');
    expect(codeOf((await signIn(username, PASSWORD, totpCode(secret, now + 30_000))).body)).toBe('INVALID_TOTP');

    // ADMIN resets it (a lost phone): the sessions end and the next sign-in enrols anew.
    await t.query(Op.RESET_ACCOUNT_TOTP, { id }, IDENTITIES.ADMIN);
    expect((await viewerWith(sessionCookieOf(next.setCookies)!)).body.data?.viewer.role).toBe('PUBLIC');
    const again = await signIn(username);
    expect(again.body.data?.signIn.status).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect(again.body.data?.signIn.totpSetup?.secret).not.toBe(secret);
  });

  it('is optional for STAFF, who enrol from a session', async () => {
    const { username } = await newAccount();
    const cookie = await sessionOf(username);
    const begun = await post<{ beginTotpEnrollment: { secret: string } }>(url, Op.BEGIN_TOTP, {}, { cookie });
    const { secret } = begun.body.data!.beginTotpEnrollment;
    expect(codeOf((await post(url, Op.CONFIRM_TOTP, { code: '123456' }, { cookie })).body)).toBe('INVALID_TOTP');
    const now = Date.now();
    const confirmed = await post(url, Op.CONFIRM_TOTP, { code: totpCode(secret, now) }, { cookie });
    expect(confirmed.body.data).toEqual({ confirmTotpEnrollment: { totpEnabled: true } });
    expect((await signIn(username)).body.data?.signIn.status).toBe('TOTP_REQUIRED');
    expect(codeOf((await signIn(username, PASSWORD, totpCode(secret, now))).body)).toBe('INVALID_TOTP');
    expect((await signIn(username, PASSWORD, totpCode(secret, now + 30_000))).body.data?.signIn.status).toBe(
      'SIGNED_IN',
    );
  });

  it('keeps the secret sealed at rest', async () => {
    const { username } = await newAccount({ role: 'ADMIN' });
    const { secret } = (await signIn(username)).body.data!.signIn.totpSetup!;
    const row = await t.database.dataSource.getRepository(Account).findOneByOrFail({ username });
    expect(row.totpPendingSecret).not.toContain(secret);
    expect(row.totpPendingSecret).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });
});
