import type { Identity } from '../../src/auth/identity';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import { Need } from '../../src/subgraphs/linkage/need.entity';
import * as Op from '../helpers/admin-operations';
import * as Ev from '../helpers/need-event-operations';
import * as L from '../helpers/linkage-operations';
import * as W from '../helpers/workbench-operations';
import { IDENTITIES, orgIdentity, XIAHE } from '../helpers/identities';
import { BUSY_CLIENT_ENV, codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  CaseContributorsQuery,
  HandlersInQuery,
  NeedActionsQuery,
  NeedAssignmentQuery,
  NeedDueQuery,
  RegisterMutation,
  SubmitUrgentNeedMutation,
  WorkbenchPageQuery,
  WorkbenchQueueQuery,
} from '../helpers/generated/operations';

// The needs workbench: due dates by urgency, the overdue queue, search by number, the actions a caller may take and
// the current handler (issue 12).
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;
/** 金州社区, in 李棋街道: the workbench's needs are told apart from the seeded ones by their description. */
const JINZHOU = '530402006001';
const MARK = '工作台测试';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
});
afterAll(() => t?.close());

async function submit(urgency: string, submittedAt: Date, words = MARK, communityId = JINZHOU) {
  const { submitNeed } = await t.query<SubmitUrgentNeedMutation>(
    W.SUBMIT_URGENT_NEED,
    { communityId, urgency, description: `${words}:${urgency}` },
    staff,
  );
  await t.database.dataSource.getRepository(Need).update(Number(submitNeed.id), { submittedAt });
  return submitNeed;
}

const step = (name: string, id: string) => t.query(Op.NEED_TRANSITION(name), { id }, staff);
const actions = async (id: string, identity: Identity = staff) =>
  (await t.query<NeedActionsQuery>(W.NEED_ACTIONS, { id }, identity)).need!;

describe('due dates', () => {
  // Whole seconds: MariaDB's datetime keeps no fraction.
  const now = Math.floor(Date.now() / 1000) * 1000;
  const needs: Record<string, { id: string; number: string }> = {};

  beforeAll(async () => {
    // Each urgency one hour past its limit, except LOW, one day short of its 14.
    needs.URGENT = await submit('URGENT', new Date(now - 1 * DAY - HOUR));
    needs.HIGH = await submit('HIGH', new Date(now - 3 * DAY - HOUR));
    needs.NORMAL = await submit('NORMAL', new Date(now - 7 * DAY - HOUR));
    needs.LOW = await submit('LOW', new Date(now - 13 * DAY));
  });

  test('dueAt is submittedAt plus 1, 3, 7 or 14 days by urgency; overdue when open and past it', async () => {
    const due = async (id: string) => (await t.query<NeedDueQuery>(W.NEED_DUE, { id })).need!;
    expect(await due(needs.URGENT.id)).toEqual({
      urgency: 'URGENT',
      status: 'SUBMITTED',
      submittedAt: new Date(now - DAY - HOUR).toISOString(),
      dueAt: new Date(now - HOUR).toISOString(),
      overdue: true,
    });
    expect((await due(needs.HIGH.id)).dueAt).toBe(new Date(now - HOUR).toISOString());
    expect((await due(needs.NORMAL.id)).dueAt).toBe(new Date(now - HOUR).toISOString());
    expect(await due(needs.LOW.id)).toMatchObject({ dueAt: new Date(now + DAY).toISOString(), overdue: false });
  });

  test('the overdue filter keeps open needs past their due time; false keeps the others', async () => {
    const queue = async (filter: Record<string, unknown>) =>
      (await t.query<WorkbenchQueueQuery>(W.WORKBENCH_QUEUE, { filter: { search: MARK, ...filter } }, staff)).needs;
    const overdue = await queue({ overdue: true });
    expect(overdue.nodes.map((n) => n.urgency).sort()).toEqual(['HIGH', 'NORMAL', 'URGENT']);
    expect((await queue({ overdue: false })).nodes.map((n) => n.urgency)).toEqual(['LOW']);
  });

  test('ordered by due date, the most urgent first; a need no longer open is not overdue', async () => {
    const late = await submit('URGENT', new Date(now - 2 * DAY), `${MARK}2`);
    const ordered = await t.query<WorkbenchQueueQuery>(
      W.WORKBENCH_QUEUE,
      { filter: { search: MARK }, orderBy: { field: 'DUE_AT', direction: 'ASC' } },
      staff,
    );
    // due: late −1 day; URGENT, HIGH and NORMAL −1 hour each (ties by id, oldest submitted first); LOW +1 day.
    expect(ordered.needs.nodes.map((n) => n.number)).toEqual([
      late.number,
      needs.URGENT.number,
      needs.HIGH.number,
      needs.NORMAL.number,
      needs.LOW.number,
    ]);
    await t.query(Op.REJECT_NEED, { id: late.id, reason: '重复登记' }, staff);
    const rejected = await t.query<NeedDueQuery>(W.NEED_DUE, { id: late.id });
    expect(rejected.need).toMatchObject({ status: 'REJECTED', overdue: false });
    const stillOverdue = await t.query<WorkbenchQueueQuery>(
      W.WORKBENCH_QUEUE,
      { filter: { search: MARK, overdue: true } },
      staff,
    );
    expect(stillOverdue.needs.totalCount).toBe(3);
  });

  test('statuses keeps any of the listed statuses; search finds a need by its number, for staff only', async () => {
    await step('acceptNeed', needs.LOW.id);
    const accepted = await t.query<WorkbenchQueueQuery>(
      W.WORKBENCH_QUEUE,
      { filter: { search: MARK, statuses: ['ACCEPTED', 'REJECTED'] } },
      staff,
    );
    expect(accepted.needs.nodes.map((n) => n.status).sort()).toEqual(['ACCEPTED', 'REJECTED']);

    const byNumber = await t.query<WorkbenchQueueQuery>(
      W.WORKBENCH_QUEUE,
      { filter: { search: needs.HIGH.number.toLowerCase() } },
      staff,
    );
    expect(byNumber.needs.nodes.map((n) => n.number)).toEqual([needs.HIGH.number]);
    const outside = await t.execute(W.WORKBENCH_QUEUE, { filter: { search: needs.HIGH.number } }, IDENTITIES.STAFF_OUT);
    // Another 街道's staff search their own region: the number is not there.
    expect((outside.data as WorkbenchQueueQuery).needs.totalCount).toBe(0);
    expect(codeOf(await t.execute(W.WORKBENCH_QUEUE, { filter: { search: needs.HIGH.number } }))).toBe('FORBIDDEN');
  });
});

describe('allowed transitions', () => {
  test('staff of the region see exactly the steps the workflow and the policy allow, at every status', async () => {
    const need = await submit('NORMAL', new Date(), `${MARK}流转`);
    expect(await actions(need.id)).toEqual({ status: 'SUBMITTED', allowedTransitions: ['ACCEPT', 'REJECT'] });
    await step('acceptNeed', need.id);
    expect((await actions(need.id)).allowedTransitions).toEqual(['MATCH', 'REJECT', 'ASSIGN']);
    await step('matchNeed', need.id);
    expect((await actions(need.id)).allowedTransitions).toEqual([
      'START_SERVICE',
      'REJECT',
      'ASSIGN',
      'ADD_CONTRIBUTION',
    ]);
    await step('startNeedService', need.id);
    expect((await actions(need.id)).allowedTransitions).toEqual(['RESOLVE', 'ASSIGN', 'ADD_CONTRIBUTION']);
    expect((await actions(need.id, admin)).allowedTransitions).toEqual(['RESOLVE', 'ASSIGN', 'ADD_CONTRIBUTION']);
    await step('resolveNeed', need.id);
    expect((await actions(need.id)).allowedTransitions).toEqual(['CLOSE', 'ADD_CONTRIBUTION', 'RATE']);
    await t.query(Op.RATE_NEED, { id: need.id, rating: 5 }, staff);
    expect((await actions(need.id)).allowedTransitions).toEqual(['CLOSE', 'ADD_CONTRIBUTION']);
    await step('closeNeed', need.id);
    expect(await actions(need.id)).toEqual({ status: 'CLOSED', allowedTransitions: ['ADD_CONTRIBUTION'] });
  });

  test('the public, another 街道, an organisation and the bot (without the resident) may do nothing', async () => {
    const need = await submit('HIGH', new Date(), `${MARK}无权`);
    for (const identity of [IDENTITIES.PUBLIC, IDENTITIES.STAFF_OUT, IDENTITIES.BOT_IN, orgIdentity(3)]) {
      expect((await actions(need.id, identity)).allowedTransitions).toEqual([]);
    }
    expect(codeOf(await t.execute(Op.NEED_TRANSITION('acceptNeed'), { id: need.id }, IDENTITIES.STAFF_OUT))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the current handler', () => {
  test('is the latest assignment, for staff of the region only', async () => {
    const here = await t.query<HandlersInQuery>(Ev.HANDLERS_IN, { regionId: XIAHE }, admin);
    const station = here.serviceStations.nodes[0];
    const creditCode = makeCreditCode('1', XIAHE.slice(0, 6), 'WB000001');
    const organization = (
      await t.query<RegisterMutation>(
        Op.REGISTER_ORGANIZATION,
        {
          input: {
            name: '下赫社区助老服务社',
            kind: 'COMMUNITY_ORG',
            creditCode,
            regionId: XIAHE,
            category: 'ELDERLY_CARE',
          },
        },
        admin,
      )
    ).registerOrganization;
    // In 下赫社区, where the handlers are.
    const need = await submit('HIGH', new Date(), `${MARK}指派`, XIAHE);
    const assignment = async (identity: Identity = staff) =>
      (await t.query<NeedAssignmentQuery>(W.NEED_ASSIGNMENT, { id: need.id }, identity)).need!.assignment;
    expect(await assignment()).toBeNull();
    await step('acceptNeed', need.id);
    await t.query(Ev.ASSIGN_NEED, { id: need.id, society: 'COMMUNITY', referenceId: station.id }, staff);
    expect(await assignment()).toEqual({
      kind: 'ASSIGNMENT',
      handlerSociety: 'COMMUNITY',
      handlerId: station.id,
      appointmentAt: null,
      handlerStation: { name: station.name },
      handlerOrganization: null,
    });
    const appointmentAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * DAY).toISOString();
    await t.query(
      Ev.ASSIGN_NEED,
      { id: need.id, society: 'ORGANIZATION', referenceId: organization.id, appointmentAt },
      staff,
    );
    expect(await assignment()).toMatchObject({
      handlerSociety: 'ORGANIZATION',
      handlerId: organization.id,
      appointmentAt,
      handlerStation: null,
      handlerOrganization: { name: '下赫社区助老服务社' },
    });
    expect(await assignment(IDENTITIES.STAFF_OUT)).toBeNull();
    expect(await assignment(IDENTITIES.PUBLIC)).toBeNull();
  });
});

describe('the linkage case', () => {
  test('names each contributor through its own society', async () => {
    const here = await t.query<HandlersInQuery>(Ev.HANDLERS_IN, { regionId: XIAHE }, admin);
    const station = here.serviceStations.nodes[0];
    const need = await submit('NORMAL', new Date(), `${MARK}联动`, XIAHE);
    await step('acceptNeed', need.id);
    await step('matchNeed', need.id);
    const caseId = (await t.query<CaseContributorsQuery>(W.CASE_CONTRIBUTORS, { id: need.id }, staff)).need!
      .linkageCase!.id;
    await t.query(L.ADD_CONTRIBUTION, { caseId, society: 'COMMUNITY', ref: XIAHE }, staff);
    await t.query(L.ADD_CONTRIBUTION, { caseId, society: 'COMMUNITY', ref: station.id }, staff);
    const none = { community: null, station: null, organization: null, socialWorker: null, volunteerTeam: null };
    const { contributions } = (await t.query<CaseContributorsQuery>(W.CASE_CONTRIBUTORS, { id: need.id }, staff)).need!
      .linkageCase!;
    expect(contributions).toEqual([
      {
        ...none,
        society: 'COMMUNITY',
        referenceId: XIAHE,
        hours: 1.5,
        community: { name: '下赫社区' },
        charityResource: null,
      },
      {
        ...none,
        society: 'COMMUNITY',
        referenceId: station.id,
        hours: 1.5,
        station: { name: station.name },
        charityResource: null,
      },
    ]);
  });
});

test('a workbench page costs the same statements for 5 needs and 50', async () => {
  const statements = async (first: number) => {
    t.database.queries.reset();
    const data = await t.query<WorkbenchPageQuery>(W.WORKBENCH_PAGE, { first }, admin);
    return { statements: t.database.queries.reset(), needs: data.needs.nodes.length };
  };
  const small = await statements(5);
  const large = await statements(50);
  expect(small.needs).toBe(5);
  expect(large.needs).toBe(50);
  process.stdout.write(
    `SQL statements for WorkbenchPage: first 5 → ${small.statements}, first 50 → ${large.statements}\n`,
  );
  expect(large.statements).toBe(small.statements);
  // The page, the linkage cases (ADD_CONTRIBUTION), the histories (assignment and history share one batch) and the
  // audit row of the personal reads (on SQLite TypeORM reads the inserted row's defaults back: one statement more).
  const auditInsert = t.database.dataSource.options.type === 'better-sqlite3' ? 2 : 1;
  expect(small.statements).toBe(3 + auditInsert);
});
