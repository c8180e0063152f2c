import { Role, type Identity } from '../../src/auth/identity';
import * as A from '../helpers/account-operations';
import * as Op from '../helpers/admin-operations';
import * as Ev from '../helpers/need-event-operations';
import * as H from '../helpers/handler-account-operations';
import * as W from '../helpers/workbench-operations';
import { IDENTITIES, JIANGCHUAN, LIQI, orgIdentity, XIAHE } from '../helpers/identities';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  AssignmentAuditQuery,
  CreateAccountMutation,
  HandlersInQuery,
  NeedHandlerAccountQuery,
  NeedHandlerAccountsQuery,
  NeedFeedHandlersQuery,
  SubmitNeedMutation,
  SubmitUrgentNeedMutation,
} from '../helpers/generated/operations';

// A STAFF account as a need's handler (issue 12: "assigning a handler (an account or a social worker)"): checked
// like the societies' handlers, shown in the need's assignment and history, and offered to staff in a list.
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;
/** 红塔区: contains 李棋街道; 玉兴街道 is another 街道 of it; 金州社区 a neighbour of 下赫社区 in 李棋街道. */
const HONGTA = '530402000000';
const YUXING = '530402001000';
const JINZHOU = '530402006001';
const yuxingStaff: Identity = { role: Role.STAFF, subject: 'staff-yuxing', regionId: YUXING };

let needId: string;
const accounts: Record<string, { id: string; username: string; displayName: string }> = {};

async function createAccount(username: string, role: string, scope: Record<string, unknown> = {}) {
  const { createAccount } = await t.query<CreateAccountMutation>(
    A.CREATE_ACCOUNT,
    { input: { username, displayName: `账号${username}`, role, ...scope } },
    admin,
  );
  const { id, displayName } = createAccount.account;
  accounts[username] = { id, username, displayName };
}

beforeAll(async () => {
  t = await startTestHub();
  const { submitNeed } = await t.query<SubmitUrgentNeedMutation>(
    W.SUBMIT_URGENT_NEED,
    { communityId: XIAHE, urgency: 'HIGH', description: '指派账号测试' },
    staff,
  );
  needId = submitNeed.id;
  await t.query(Op.NEED_TRANSITION('acceptNeed'), { id: needId }, staff);
  await createAccount('xiahe.worker', 'STAFF', { regionId: XIAHE });
  await createAccount('liqi.worker', 'STAFF', { regionId: LIQI });
  await createAccount('hongta.worker', 'STAFF', { regionId: HONGTA });
  await createAccount('jinzhou.worker', 'STAFF', { regionId: JINZHOU });
  await createAccount('yuxing.worker', 'STAFF', { regionId: YUXING });
  await createAccount('jiangchuan.worker', 'STAFF', { regionId: JIANGCHUAN });
  await createAccount('org.officer', 'ORG', { organizationId: '1' });
  await createAccount('city.admin', 'ADMIN');
  await createAccount('gone.worker', 'STAFF', { regionId: LIQI });
  await t.query(A.SET_ACCOUNT_DISABLED, { id: accounts['gone.worker'].id, disabled: true }, admin);
});
afterAll(() => t?.close());

const assignAccount = (username: string, identity: Identity = staff) =>
  t.execute(H.ASSIGN_NEED_TO_ACCOUNT, { id: needId, accountId: accounts[username].id }, identity);
const handler = async (identity: Identity = staff) =>
  (await t.query<NeedHandlerAccountQuery>(H.NEED_HANDLER_ACCOUNT, { id: needId }, identity)).need!;

describe('assignNeed to an account', () => {
  test('a STAFF account of the need’s community or a region containing it: the assignment and history show it', async () => {
    expect((await assignAccount('liqi.worker')).errors).toBeUndefined();
    expect((await handler()).assignment).toEqual({
      kind: 'ASSIGNMENT',
      handlerSociety: null,
      handlerId: accounts['liqi.worker'].id,
      handlerStation: null,
      handlerAccount: { id: accounts['liqi.worker'].id, displayName: '账号liqi.worker', username: 'liqi.worker' },
    });
    expect((await assignAccount('xiahe.worker')).errors).toBeUndefined();
    expect((await assignAccount('hongta.worker')).errors).toBeUndefined();
    expect((await handler()).history).toEqual([
      { kind: 'STATUS', toStatus: 'SUBMITTED', handlerAccount: null },
      { kind: 'STATUS', toStatus: 'ACCEPTED', handlerAccount: null },
      { kind: 'ASSIGNMENT', toStatus: 'ACCEPTED', handlerAccount: { username: 'liqi.worker' } },
      { kind: 'ASSIGNMENT', toStatus: 'ACCEPTED', handlerAccount: { username: 'xiahe.worker' } },
      { kind: 'ASSIGNMENT', toStatus: 'ACCEPTED', handlerAccount: { username: 'hongta.worker' } },
    ]);
  });

  test('is audited with the account’s id, in the mutation’s own row', async () => {
    const audit = await t.query<AssignmentAuditQuery>(H.ASSIGNMENT_AUDIT, { subject: staff.subject }, admin);
    expect(audit.auditLog.nodes[0]).toEqual({
      operation: 'assignNeed',
      subject: staff.subject,
      outcome: 'OK',
      target: `accountId=${accounts['hongta.worker'].id} id=${needId} → ${needId}`,
    });
  });

  test.each([
    ['of another 街道', 'yuxing.worker', 'FORBIDDEN'],
    ['of another county', 'jiangchuan.worker', 'FORBIDDEN'],
    ['of a neighbouring community (inside the 街道, not containing the need)', 'jinzhou.worker', 'FORBIDDEN'],
    ['of an organisation (ORG)', 'org.officer', 'HANDLER_NOT_STAFF'],
    ['of an ADMIN', 'city.admin', 'HANDLER_NOT_STAFF'],
    ['that is disabled', 'gone.worker', 'ACCOUNT_DISABLED'],
  ])('an account %s is refused: %s', async (_what, username, code) => {
    expect(codeOf(await assignAccount(username))).toBe(code);
    expect((await handler()).assignment!.handlerAccount!.username).toBe('hongta.worker');
  });

  test('an account that does not exist, or a malformed id, is refused', async () => {
    const assign = (accountId: string) => t.execute(H.ASSIGN_NEED_TO_ACCOUNT, { id: needId, accountId }, staff);
    expect(codeOf(await assign('999999'))).toBe('NOT_FOUND');
    expect(codeOf(await assign('x1'))).toBe('BAD_USER_INPUT');
  });

  test('an account and a society together, or neither, is refused', async () => {
    const here = await t.query<HandlersInQuery>(Ev.HANDLERS_IN, { regionId: XIAHE }, admin);
    const station = here.serviceStations.nodes[0].id;
    const assign = (input: Record<string, unknown>) => t.execute(H.ASSIGN_NEED_HANDLER, { id: needId, input }, staff);
    expect(
      codeOf(await assign({ accountId: accounts['xiahe.worker'].id, society: 'COMMUNITY', referenceId: station })),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await assign({ society: 'COMMUNITY' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await assign({}))).toBe('BAD_USER_INPUT');
  });

  test('STAFF of another 街道, ORG and PUBLIC may not assign, even an account of the need’s region', async () => {
    for (const identity of [yuxingStaff, IDENTITIES.STAFF_OUT, orgIdentity(1), IDENTITIES.PUBLIC])
      expect([identity.subject, codeOf(await assignAccount('xiahe.worker', identity))]).toEqual([
        identity.subject,
        'FORBIDDEN',
      ]);
  });

  test('its id is withheld from whoever may not see the account: the bot reading the feed of its own need', async () => {
    const { submitNeed } = await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    );
    await t.query(Op.NEED_TRANSITION('acceptNeed'), { id: submitNeed.id }, staff);
    await t.query(H.ASSIGN_NEED_TO_ACCOUNT, { id: submitNeed.id, accountId: accounts['liqi.worker'].id }, staff);
    const feed = await t.query<NeedFeedHandlersQuery>(H.NEED_FEED_HANDLERS, {}, IDENTITIES.BOT_IN);
    const assignments = feed.needEvents.nodes.filter((event) => event.kind === 'ASSIGNMENT');
    expect(assignments).toEqual([
      { kind: 'ASSIGNMENT', need: { id: submitNeed.id }, handlerId: null, handlerAccount: null },
    ]);
    // Staff of the need's region and ADMIN see both.
    for (const identity of [staff, admin]) {
      const { need } = await t.query<NeedHandlerAccountQuery>(H.NEED_HANDLER_ACCOUNT, { id: submitNeed.id }, identity);
      expect(need!.assignment).toMatchObject({
        handlerId: accounts['liqi.worker'].id,
        handlerAccount: { username: 'liqi.worker' },
      });
    }
  });

  test('the handler account is shown to staff on its branch only', async () => {
    expect((await handler(admin)).assignment!.handlerAccount!.username).toBe('hongta.worker');
    expect((await handler(yuxingStaff)).assignment).toBeNull();
    expect((await handler(IDENTITIES.PUBLIC)).assignment).toBeNull();
  });
});

describe('needHandlerAccounts', () => {
  const list = async (identity: Identity = staff) =>
    (await t.query<NeedHandlerAccountsQuery>(H.NEED_HANDLER_ACCOUNTS, { needId }, identity)).needHandlerAccounts;

  test('lists the active STAFF accounts of the need’s community and the regions containing it, nearest first', async () => {
    const expected = [
      { username: 'xiahe.worker', region: { id: XIAHE, name: '下赫社区' } },
      { username: 'liqi.worker', region: { id: LIQI, name: '李棋街道' } },
      { username: 'hongta.worker', region: { id: HONGTA, name: '红塔区' } },
    ].map(({ username, region }) => ({ ...accounts[username], region }));
    expect(await list()).toEqual(expected);
    expect(await list(admin)).toEqual(expected);
  });

  test('is refused to STAFF of another 街道, ORG, BOT and PUBLIC', async () => {
    for (const identity of [yuxingStaff, orgIdentity(1), IDENTITIES.BOT_IN, IDENTITIES.PUBLIC]) {
      const answer = await t.execute(H.NEED_HANDLER_ACCOUNTS, { needId }, identity);
      expect([identity.subject, codeOf(answer)]).toEqual([identity.subject, 'FORBIDDEN']);
    }
    expect(codeOf(await t.execute(H.NEED_HANDLER_ACCOUNTS, { needId: '999999' }, staff))).toBe('NOT_FOUND');
  });

  test('costs the same statements for 3 accounts and 13', async () => {
    const statements = async () => {
      t.database.queries.reset();
      const found = await list();
      return { statements: t.database.queries.reset(), accounts: found.length };
    };
    const few = await statements();
    for (let i = 0; i < 10; i += 1) await createAccount(`xiahe.extra${i}`, 'STAFF', { regionId: XIAHE });
    const many = await statements();
    expect(few.accounts).toBe(3);
    expect(many.accounts).toBe(13);
    expect(many.statements).toBe(few.statements);
    // The need's community (its owner's lookup), the accounts, their regions' names.
    expect(few.statements).toBe(3);
  });
});
