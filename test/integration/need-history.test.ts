import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import { oneWriteAtATime } from '../../src/db/sqlite-writes';
import { NeedEvent, NeedEventKind } from '../../src/subgraphs/linkage/need-event.entity';
import { appendNeedEvent } from '../../src/subgraphs/linkage/need-event.feed';
import { Need } from '../../src/subgraphs/linkage/need.entity';
import { VolunteerTeam } from '../../src/subgraphs/volunteer/volunteer.entity';
import type { Identity } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import * as Ev from '../helpers/need-event-operations';
import { IDENTITIES, JIANGCHUAN, JIANGCHUAN_COMMUNITY, XIAHE, orgIdentity } from '../helpers/identities';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  AssignedHandlersQuery,
  AuditLogQuery,
  HandlersInQuery,
  NeedFeedQuery,
  NeedFeedSeqsQuery,
  NeedHistoryQuery,
  RegisterMutation,
  RegisterSocialWorkerMutation,
  SubmitNeedMutation,
} from '../helpers/generated/operations';

// A need's history and the ordered feed the bot reads it from (issue 11: every change heard, none skipped).
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;
const DAY = 86_400_000;

/** Handlers on the need's branch (XIAHE or above) and in 江川区, by society. */
const inScope = { station: '', organization: '', socialWorker: '', team: '' };
const names = { station: '', organization: '', socialWorker: '', team: '' };
const outside = { station: '', organization: '', socialWorker: '', team: '' };
let credit = 0;

async function registerOrganization(regionId: string, name: string): Promise<string> {
  credit += 1;
  const creditCode = makeCreditCode('1', regionId.slice(0, 6), `NH${String(credit).padStart(6, '0')}`);
  const { registerOrganization } = await t.query<RegisterMutation>(
    Op.REGISTER_ORGANIZATION,
    { input: { name, kind: 'COMMUNITY_ORG', creditCode, regionId, category: 'ELDERLY_CARE' } },
    admin,
  );
  return registerOrganization.id;
}

beforeAll(async () => {
  // Hundreds of mutations in seconds from one token: the per-minute mutation limit would stop the test.
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
  const here = await t.query<HandlersInQuery>(Ev.HANDLERS_IN, { regionId: XIAHE }, admin);
  inScope.station = here.serviceStations.nodes[0].id;
  names.station = here.serviceStations.nodes[0].name;
  names.organization = '下赫社区邻里互助会';
  inScope.organization = await registerOrganization(XIAHE, names.organization);
  inScope.socialWorker = (
    await t.query<RegisterSocialWorkerMutation>(Op.REGISTER_SOCIAL_WORKER, { regionId: XIAHE }, admin)
  ).registerSocialWorker.id;
  names.socialWorker = '社工甲';
  // No mutation creates volunteer teams (they come with the data); one in the need's community for the test.
  names.team = '下赫社区银龄志愿服务队';
  const teams = t.database.dataSource.getRepository(VolunteerTeam);
  inScope.team = String(
    (await teams.save(teams.create({ name: names.team, regionId: XIAHE, organizationId: null, foundedYear: 2024 }))).id,
  );
  const there = await t.query<HandlersInQuery>(Ev.HANDLERS_IN, { regionId: JIANGCHUAN }, admin);
  outside.station = there.serviceStations.nodes[0].id;
  outside.organization = await registerOrganization(JIANGCHUAN_COMMUNITY, '江川测试组织');
  outside.socialWorker = there.socialWorkers.nodes[0].id;
  outside.team = there.volunteerTeams.nodes[0].id;
});
afterAll(() => t?.close());

async function submit(reporterRef: string | null = Op.REPORTER_A, identity: Identity = IDENTITIES.BOT_IN) {
  const { submitNeed } = await t.query<SubmitNeedMutation>(
    Op.SUBMIT_NEED,
    { communityId: XIAHE, reporterRef },
    identity,
  );
  return submitNeed;
}

async function accepted(reporterRef: string | null = Op.REPORTER_A) {
  const need = await submit(reporterRef);
  await t.query(Op.NEED_TRANSITION('acceptNeed'), { id: need.id }, staff);
  return need;
}

const history = async (id: string, identity: Identity = staff, reporterRef?: string) =>
  (await t.query<NeedHistoryQuery>(Ev.NEED_HISTORY, { id, reporterRef }, identity)).need!.history;

const eventCount = () => t.database.dataSource.getRepository(NeedEvent).count();

/** The whole feed as `identity` sees it, paged `first` at a time from the start. */
async function wholeFeed(identity: Identity, first = 100, from: string | null = null) {
  const seen: NeedFeedQuery['needEvents']['edges'] = [];
  let after: string | null = from;
  for (;;) {
    const page: NeedFeedQuery = await t.query<NeedFeedQuery>(Ev.NEED_FEED, { after, first }, identity);
    seen.push(...page.needEvents.edges);
    if (!page.needEvents.pageInfo.hasNextPage) return seen;
    after = page.needEvents.pageInfo.endCursor;
  }
}

test('a need taken through all six statuses has six events, in order, with who and when', async () => {
  const before = Date.now();
  const need = await submit();
  const steps = ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'];
  for (const step of steps) await t.query(Op.NEED_TRANSITION(step), { id: need.id }, staff);
  const events = await history(need.id);
  expect(events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
    ['STATUS', null, 'SUBMITTED'],
    ['STATUS', 'SUBMITTED', 'ACCEPTED'],
    ['STATUS', 'ACCEPTED', 'MATCHED'],
    ['STATUS', 'MATCHED', 'IN_SERVICE'],
    ['STATUS', 'IN_SERVICE', 'RESOLVED'],
    ['STATUS', 'RESOLVED', 'CLOSED'],
  ]);
  expect(events.map((e) => e.actor)).toEqual(['bot-liqi', ...steps.map(() => 'staff-liqi')]);
  const seqs = events.map((e) => e.seq);
  for (let i = 1; i < seqs.length; i += 1) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]);
  const times = events.map((e) => new Date(e.at as string).getTime());
  // Stored to the second: the window is widened to whole seconds on both ends.
  for (const at of times) {
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  }
  for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);

  const feed = await t.query<NeedFeedQuery>(
    Ev.NEED_FEED,
    { after: String(seqs[0] - 1), first: 100 },
    IDENTITIES.BOT_IN,
  );
  const mine = feed.needEvents.edges.filter((e) => e.node.need.id === need.id);
  expect(mine.map((e) => e.node.toStatus)).toEqual([
    'SUBMITTED',
    'ACCEPTED',
    'MATCHED',
    'IN_SERVICE',
    'RESOLVED',
    'CLOSED',
  ]);
  expect(mine.map((e) => e.cursor)).toEqual(seqs.map(String));
  expect(mine[0].node.need.number).toBe(need.number);
});

test('the seeded needs come with their history, and new events continue after it', async () => {
  const seeded = await t.database.dataSource.getRepository(Need).find({ order: { id: 'ASC' }, take: 1 });
  const need = seeded[0];
  const events = await history(String(need.id), admin);
  expect(need.status).toBe('RESOLVED');
  expect(events.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
    [null, 'SUBMITTED', 'seed'],
    ['SUBMITTED', 'ACCEPTED', 'seed'],
    ['ACCEPTED', 'MATCHED', 'seed'],
    ['MATCHED', 'IN_SERVICE', 'seed'],
    ['IN_SERVICE', 'RESOLVED', 'seed'],
  ]);
  expect(new Date(events[0].at as string).getTime()).toBe(new Date(need.submittedAt).getTime());
  expect(new Date(events[4].at as string).getTime()).toBe(new Date(need.resolvedAt!).getTime());
  const seededSeqs = (await t.database.dataSource.getRepository(NeedEvent).find({ order: { seq: 'DESC' }, take: 1 }))[0]
    .seq;
  const fresh = await submit();
  expect((await history(fresh.id))[0].seq).toBeGreaterThan(seededSeqs);
});

test('a rejection records its reason; a refused transition records nothing', async () => {
  const need = await submit();
  const before = await eventCount();
  expect(codeOf(await t.execute(Op.NEED_TRANSITION('resolveNeed'), { id: need.id }, staff))).toBe('INVALID_TRANSITION');
  expect(codeOf(await t.execute(Op.NEED_TRANSITION('acceptNeed'), { id: need.id }, IDENTITIES.STAFF_OUT))).toBe(
    'FORBIDDEN',
  );
  expect(await eventCount()).toBe(before);
  await t.query(Op.REJECT_NEED, { id: need.id, reason: '  不属于本社区服务范围  ' }, staff);
  const events = await history(need.id);
  expect(events.map((e) => [e.toStatus, e.reason])).toEqual([
    ['SUBMITTED', null],
    ['REJECTED', '不属于本社区服务范围'],
  ]);
  expect(await eventCount()).toBe(before + 1);
});

describe('history is the resident’s: who may read it', () => {
  let id: string;
  beforeAll(async () => {
    id = (await accepted(Op.REPORTER_A)).id;
  });

  test.each([
    ['ADMIN', admin, undefined, 2],
    ['STAFF of the region', staff, undefined, 2],
    ['the BOT with the resident’s reference', IDENTITIES.BOT_IN, Op.REPORTER_A, 2],
    ['the BOT with another resident’s reference', IDENTITIES.BOT_IN, Op.REPORTER_B, 0],
    ['the BOT without a reference', IDENTITIES.BOT_IN, undefined, 0],
    ['a BOT of another region', IDENTITIES.BOT_OUT, Op.REPORTER_A, 0],
    ['STAFF of another region', IDENTITIES.STAFF_OUT, undefined, 0],
    ['an organisation', orgIdentity(1), undefined, 0],
    ['the public', IDENTITIES.PUBLIC, undefined, 0],
  ])('%s reads %#', async (_name, identity, reporterRef, length) => {
    expect(await history(id, identity, reporterRef)).toHaveLength(length);
  });
});

describe('assignment: who will come, and when', () => {
  const tomorrow = () => new Date(Date.now() + DAY).toISOString();

  test.each([
    ['COMMUNITY', 'station', 'handlerStation'],
    ['ORGANIZATION', 'organization', 'handlerOrganization'],
    ['SOCIAL_WORKER', 'socialWorker', 'handlerSocialWorker'],
    ['VOLUNTEER', 'team', 'handlerVolunteerTeam'],
  ] as const)('a %s handler is recorded and resolved by its owner', async (society, key, field) => {
    const need = await accepted();
    const appointmentAt = tomorrow();
    await t.query(Ev.ASSIGN_NEED, { id: need.id, society, referenceId: inScope[key], appointmentAt }, staff);
    const events = await history(need.id, staff);
    expect(events.map((e) => [e.kind, e.toStatus, e.actor, e.handlerId])).toEqual([
      ['STATUS', 'SUBMITTED', 'bot-liqi', null],
      ['STATUS', 'ACCEPTED', 'staff-liqi', null],
      ['ASSIGNMENT', 'ACCEPTED', 'staff-liqi', inScope[key]],
    ]);
    // The resident's bot reads the same history without the operators' names.
    const asBot = await history(need.id, IDENTITIES.BOT_IN, Op.REPORTER_A);
    expect(asBot.map((e) => [e.kind, e.actor, e.handlerId])).toEqual([
      ['STATUS', null, null],
      ['STATUS', null, null],
      ['ASSIGNMENT', null, inScope[key]],
    ]);
    // DATETIME keeps whole seconds.
    expect(new Date(events[2].appointmentAt as string).getTime()).toBe(
      Math.floor(new Date(appointmentAt).getTime() / 1000) * 1000,
    );
    const { need: read } = await t.query<AssignedHandlersQuery>(Ev.ASSIGNED_HANDLERS, { id: need.id }, staff);
    const assignment = read!.history[2];
    const handlers = {
      handlerStation: assignment.handlerStation?.name ?? null,
      handlerOrganization: assignment.handlerOrganization?.name ?? null,
      handlerSocialWorker: assignment.handlerSocialWorker?.name ?? null,
      handlerVolunteerTeam: assignment.handlerVolunteerTeam?.name ?? null,
    };
    expect(handlers).toEqual({
      handlerStation: null,
      handlerOrganization: null,
      handlerSocialWorker: null,
      handlerVolunteerTeam: null,
      [field]: names[key],
    });
  });

  test('an assignment without an appointment, and again in service: every one recorded', async () => {
    const need = await accepted();
    await t.query(Ev.ASSIGN_NEED, { id: need.id, society: 'COMMUNITY', referenceId: inScope.station }, staff);
    await t.query(Op.NEED_TRANSITION('matchNeed'), { id: need.id }, staff);
    await t.query(Op.NEED_TRANSITION('startNeedService'), { id: need.id }, staff);
    await t.query(
      Ev.ASSIGN_NEED,
      { id: need.id, society: 'SOCIAL_WORKER', referenceId: inScope.socialWorker, appointmentAt: tomorrow() },
      staff,
    );
    const events = await history(need.id);
    expect(events.map((e) => [e.kind, e.toStatus, e.handlerId, e.appointmentAt === null])).toEqual([
      ['STATUS', 'SUBMITTED', null, true],
      ['STATUS', 'ACCEPTED', null, true],
      ['ASSIGNMENT', 'ACCEPTED', inScope.station, true],
      ['STATUS', 'MATCHED', null, true],
      ['STATUS', 'IN_SERVICE', null, true],
      ['ASSIGNMENT', 'IN_SERVICE', inScope.socialWorker, false],
    ]);
    const { auditLog } = await t.query<AuditLogQuery>(Op.AUDIT_LOG, { operation: 'assignNeed' }, admin);
    const mine = auditLog.nodes.filter((n) => n.target.split(' ').includes(`id=${need.id}`));
    expect(
      mine.map((n) => [n.subject, n.role, n.outcome, n.target.includes(`referenceId=${inScope.station}`)]),
    ).toEqual(expect.arrayContaining([['staff-liqi', 'STAFF', 'OK', true]]));
    expect(mine).toHaveLength(2);
  });

  // Every refusal leaves the need's history and the feed as they were.
  const refusals: [string, () => Promise<Record<string, unknown>>, Identity, string][] = [
    [
      'a need that does not exist',
      async () => ({ id: '99999999', society: 'COMMUNITY', referenceId: inScope.station }),
      staff,
      'NOT_FOUND',
    ],
    [
      'a malformed need id',
      async () => ({ id: 'abc', society: 'COMMUNITY', referenceId: inScope.station }),
      staff,
      'BAD_USER_INPUT',
    ],
    [
      'a station that does not exist',
      async () => ({ id: (await accepted()).id, society: 'COMMUNITY', referenceId: '99999999' }),
      staff,
      'NOT_FOUND',
    ],
    [
      'an organisation that does not exist',
      async () => ({ id: (await accepted()).id, society: 'ORGANIZATION', referenceId: '99999999' }),
      staff,
      'NOT_FOUND',
    ],
    [
      'a social worker that does not exist',
      async () => ({ id: (await accepted()).id, society: 'SOCIAL_WORKER', referenceId: '99999999' }),
      staff,
      'NOT_FOUND',
    ],
    [
      'a team that does not exist',
      async () => ({ id: (await accepted()).id, society: 'VOLUNTEER', referenceId: '99999999' }),
      staff,
      'NOT_FOUND',
    ],
    [
      'a division code given as a station',
      async () => ({ id: (await accepted()).id, society: 'COMMUNITY', referenceId: XIAHE }),
      staff,
      'NOT_FOUND',
    ],
    [
      'a charity resource (given, not sent)',
      async () => ({ id: (await accepted()).id, society: 'CHARITY', referenceId: '1' }),
      staff,
      'BAD_USER_INPUT',
    ],
    [
      'a station of another region',
      async () => ({ id: (await accepted()).id, society: 'COMMUNITY', referenceId: outside.station }),
      staff,
      'FORBIDDEN',
    ],
    [
      'an organisation of another region',
      async () => ({ id: (await accepted()).id, society: 'ORGANIZATION', referenceId: outside.organization }),
      staff,
      'FORBIDDEN',
    ],
    [
      'a social worker of another region',
      async () => ({ id: (await accepted()).id, society: 'SOCIAL_WORKER', referenceId: outside.socialWorker }),
      staff,
      'FORBIDDEN',
    ],
    [
      'a team of another region',
      async () => ({ id: (await accepted()).id, society: 'VOLUNTEER', referenceId: outside.team }),
      staff,
      'FORBIDDEN',
    ],
    [
      'staff of another region',
      async () => ({ id: (await accepted()).id, society: 'COMMUNITY', referenceId: inScope.station }),
      IDENTITIES.STAFF_OUT,
      'FORBIDDEN',
    ],
    [
      'the bot',
      async () => ({ id: (await accepted()).id, society: 'COMMUNITY', referenceId: inScope.station }),
      IDENTITIES.BOT_IN,
      'FORBIDDEN',
    ],
    [
      'an organisation token',
      async () => ({ id: (await accepted()).id, society: 'ORGANIZATION', referenceId: inScope.organization }),
      orgIdentity(1),
      'FORBIDDEN',
    ],
    [
      'a need not yet accepted',
      async () => ({ id: (await submit()).id, society: 'COMMUNITY', referenceId: inScope.station }),
      staff,
      'NOT_ASSIGNABLE',
    ],
    [
      'an appointment in the past',
      async () => ({
        id: (await accepted()).id,
        society: 'COMMUNITY',
        referenceId: inScope.station,
        appointmentAt: new Date(Date.now() - DAY).toISOString(),
      }),
      staff,
      'BAD_USER_INPUT',
    ],
    [
      'an appointment more than a year ahead',
      async () => ({
        id: (await accepted()).id,
        society: 'COMMUNITY',
        referenceId: inScope.station,
        appointmentAt: new Date(Date.now() + 400 * DAY).toISOString(),
      }),
      staff,
      'BAD_USER_INPUT',
    ],
  ];
  test.each(refusals)('%s is refused and nothing is written', async (_name, variables, identity, code) => {
    const input = await variables();
    const before = await eventCount();
    const result = await t.execute(Ev.ASSIGN_NEED, input, identity);
    expect(codeOf(result)).toBe(code);
    expect(result.data?.assignNeed ?? null).toBeNull();
    expect(await eventCount()).toBe(before);
  });

  test('a closed need is not assigned', async () => {
    const need = await accepted();
    for (const step of ['matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'])
      await t.query(Op.NEED_TRANSITION(step), { id: need.id }, staff);
    const before = await eventCount();
    const result = await t.execute(
      Ev.ASSIGN_NEED,
      { id: need.id, society: 'COMMUNITY', referenceId: inScope.station },
      staff,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_ASSIGNABLE', status: 'CLOSED' });
    expect(await eventCount()).toBe(before);
  });
});

describe('the feed', () => {
  test('the BOT sees only needs it registered in its region; staff their region; others are refused', async () => {
    const viaBot = await submit(Op.REPORTER_B);
    const viaStaff = await submit(null, staff);
    const elsewhere = (
      await t.query<SubmitNeedMutation>(
        Op.SUBMIT_NEED,
        { communityId: JIANGCHUAN_COMMUNITY, reporterRef: Op.REPORTER_A },
        IDENTITIES.BOT_OUT,
      )
    ).submitNeed;
    const needsIn = async (identity: Identity) => new Set((await wholeFeed(identity)).map((e) => e.node.need.id));
    const bot = await needsIn(IDENTITIES.BOT_IN);
    expect([bot.has(viaBot.id), bot.has(viaStaff.id), bot.has(elsewhere.id)]).toEqual([true, false, false]);
    const staffIn = await needsIn(staff);
    expect([staffIn.has(viaBot.id), staffIn.has(viaStaff.id), staffIn.has(elsewhere.id)]).toEqual([true, true, false]);
    const botOut = await needsIn(IDENTITIES.BOT_OUT);
    expect([botOut.has(viaBot.id), botOut.has(viaStaff.id), botOut.has(elsewhere.id)]).toEqual([false, false, true]);
    const all = await needsIn(admin);
    expect([all.has(viaBot.id), all.has(viaStaff.id), all.has(elsewhere.id)]).toEqual([true, true, true]);
    for (const identity of [IDENTITIES.PUBLIC, orgIdentity(1)]) {
      expect(codeOf(await t.execute(Ev.NEED_FEED, {}, identity))).toBe('FORBIDDEN');
    }
  });

  test('paging by cursor walks every event once, in seq order', async () => {
    const table = async () =>
      (await t.database.dataSource.getRepository(NeedEvent).find({ order: { seq: 'ASC' } })).map((e) => e.seq);
    const everything = (await wholeFeed(admin, 100)).map((e) => e.node.seq);
    expect(everything).toEqual(await table());
    const start = String(everything.at(-1));
    for (let i = 0; i < 3; i += 1) await accepted();
    const byHundred = (await wholeFeed(admin, 100, start)).map((e) => e.node.seq);
    const byTwo = (await wholeFeed(admin, 2, start)).map((e) => e.node.seq);
    expect(byTwo).toEqual(byHundred);
    expect(byHundred).toHaveLength(6);
    for (let i = 1; i < byHundred.length; i += 1) expect(byHundred[i]).toBeGreaterThan(byHundred[i - 1]);
    expect(byHundred).toEqual((await table()).filter((seq) => seq > Number(start)));
    const last = String(byHundred.at(-1));
    const end = await t.query<NeedFeedQuery>(Ev.NEED_FEED, { after: last, first: 10 }, admin);
    expect(end.needEvents.edges).toEqual([]);
    expect(end.needEvents.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, endCursor: null });
  });

  test.each([
    [{ after: 'abc' }, 'after'],
    [{ after: '-1' }, 'after'],
    [{ after: '99999999999' }, 'after'],
    [{ first: 101 }, 'first'],
    [{ first: -1 }, 'first'],
  ])('%j is refused as bad input', async (variables, argument) => {
    const result = await t.execute(Ev.NEED_FEED, variables, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  test('a page of 100 events costs the same statements as a page of 5', async () => {
    const start = (await wholeFeed(admin)).at(-1)?.cursor ?? null;
    // 34 needs submitted, accepted and assigned: 102 events after `start`, an assignment in every 3.
    for (let i = 0; i < 34; i += 1) {
      const need = await accepted();
      await t.query(Ev.ASSIGN_NEED, { id: need.id, society: 'ORGANIZATION', referenceId: inScope.organization }, staff);
    }
    const statementsFor = async (document: string, first: number, identity: Identity) => {
      t.database.queries.reset();
      const { needEvents } = await t.query<{ needEvents: { nodes?: unknown[]; edges?: unknown[] } }>(
        document,
        { after: start, first },
        identity,
      );
      expect(needEvents.nodes ?? needEvents.edges).toHaveLength(first);
      return t.database.queries.reset();
    };
    for (const [document, identity] of [
      [Ev.NEED_FEED, admin],
      [Ev.BOT_NEED_EVENTS, IDENTITIES.BOT_IN],
    ] as const) {
      const small = await statementsFor(document, 5, identity);
      const large = await statementsFor(document, 100, identity);
      process.stdout.write(
        `SQL statements for ${/query (\w+)/.exec(document)![1]}: first 5 → ${small}, first 100 → ${large}\n`,
      );
      expect(large).toBe(small);
    }
    // The page, then the needs of the page in one batch, then the request's READ rows for the audit log: one insert
    // (on SQLite TypeORM reads the inserted row's defaults back: one statement more).
    const auditInsert = t.database.dataSource.options.type === 'better-sqlite3' ? 2 : 1;
    expect(await statementsFor(Ev.NEED_FEED, 100, admin)).toBe(2 + auditInsert);
  });
});

test('under parallel changes a reader paging the feed never finds a seq appear behind its cursor', async () => {
  const table = async () =>
    (await t.database.dataSource.getRepository(NeedEvent).find({ order: { seq: 'ASC' } })).map((e) => e.seq);
  const steps = ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'];
  const [rounds, chains, submissions] = [3, 12, 12];
  let [pages, read] = [0, 0];
  // A few rounds: a slip behind the cursor needs an unlucky interleaving, which more rounds make likelier.
  for (let round = 0; round < rounds; round += 1) {
    const needs = await Promise.all(Array.from({ length: chains }, () => submit(null, staff)));
    const start = (await table()).at(-1)!;
    let writing = true;
    const writers = Promise.all([
      // Each need's chain runs in order; the chains and the new submissions run side by side.
      ...needs.map(async (need) => {
        for (const step of steps) await t.query(Op.NEED_TRANSITION(step), { id: need.id }, staff);
      }),
      ...Array.from({ length: submissions }, () => submit(Op.REPORTER_A)),
    ]).finally(() => {
      writing = false;
    });
    const seen: number[] = [];
    let cursor = String(start);
    const page = async () => {
      const { needEvents } = await t.query<NeedFeedSeqsQuery>(Ev.NEED_FEED_SEQS, { after: cursor, first: 100 }, admin);
      pages += 1;
      seen.push(...needEvents.nodes.map((e) => e.seq));
      cursor = needEvents.pageInfo.endCursor ?? cursor;
      return needEvents.pageInfo.hasNextPage;
    };
    while (writing) {
      await page();
      // Let the writers' I/O callbacks in between pages (SQLite answers the reader synchronously).
      await new Promise((resolve) => setImmediate(resolve));
      expect(pages).toBeLessThan(100_000);
    }
    await writers;
    while (await page());
    read += seen.length;
    for (let i = 1; i < seen.length; i += 1) expect(seen[i]).toBeGreaterThan(seen[i - 1]);
    const written = (await table()).filter((seq) => seq > start);
    // Every committed event was read (none slipped in behind the cursor), and none was lost.
    expect(seen).toEqual(written);
    expect(written).toHaveLength(chains * steps.length + submissions);
  }
  process.stdout.write(`feed under parallel writes: ${read} events read in ${pages} pages\n`);
});

test('an event whose transaction rolls back is never read, and its seq given again is not skipped', async () => {
  const { dataSource } = t.database;
  const need = await accepted();
  const [last] = await dataSource.getRepository(NeedEvent).find({ order: { seq: 'DESC' }, take: 1 });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let appended!: () => void;
  const wasAppended = new Promise<void>((resolve) => (appended = resolve));
  // A change that takes a seq and then fails before it commits (as the hub's own transactions would on an error).
  const failing = oneWriteAtATime(dataSource, () =>
    dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(Need).findOneByOrFail({ id: Number(need.id) });
      await appendNeedEvent(manager, staff, row, { kind: NeedEventKind.STATUS, fromStatus: row.status });
      appended();
      await held;
      throw new Error('rolled back');
    }),
  ).catch((error: Error) => error.message);
  await wasAppended;
  // Watch for the feed's SELECT while the change is held open.
  const queries = t.database.queries;
  const logQuery = queries.logQuery.bind(queries);
  let feedRead = false;
  queries.logQuery = (query, ...rest) => {
    if (/FROM [`"]need_event[`"]/.test(query)) feedRead = true;
    logQuery(query, ...rest);
  };
  let answered = false;
  const reading = t
    .query<NeedFeedSeqsQuery>(Ev.NEED_FEED_SEQS, { after: String(last.seq), first: 100 }, admin)
    .finally(() => (answered = true));
  // Give the read every chance to run while the change is open (a bounded number of turns of the event loop; it
  // waits for the write queue, so it does not run, and nothing is left waiting once the change is released).
  for (let turn = 0; turn < 200 && !feedRead && !answered; turn += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  queries.logQuery = logQuery;
  release();
  expect(await failing).toBe('rolled back');
  const page = (await reading).needEvents;
  expect(page.nodes).toEqual([]);
  await t.query(Op.NEED_TRANSITION('matchNeed'), { id: need.id }, staff);
  const next = (
    await t.query<NeedFeedSeqsQuery>(Ev.NEED_FEED_SEQS, { after: page.pageInfo.endCursor ?? String(last.seq) }, admin)
  ).needEvents.nodes;
  // The seq the rolled-back change had taken goes to the next change, which the reader still sees.
  expect(next.map((e) => e.seq)).toEqual([last.seq + 1]);
});

test('an assignment racing the resolution lands before it or is refused, never after it', async () => {
  const needs = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const need = await accepted();
      for (const step of ['matchNeed', 'startNeedService'])
        await t.query(Op.NEED_TRANSITION(step), { id: need.id }, staff);
      return need;
    }),
  );
  const results = await Promise.all(
    needs.flatMap((need, index) => [
      t.execute(Ev.ASSIGN_NEED, { id: need.id, society: 'COMMUNITY', referenceId: inScope.station }, staff),
      // Half the resolutions start a read later, so that both orders happen.
      (index % 2 ? t.query(Ev.NEED_HISTORY, { id: need.id }, staff) : Promise.resolve()).then(() =>
        t.execute(Op.NEED_TRANSITION('resolveNeed'), { id: need.id }, staff),
      ),
    ]),
  );
  const assignments = results.filter((_, index) => index % 2 === 0);
  const refused = assignments.filter((a) => a.errors).length;
  process.stdout.write(`assignment vs resolution: ${10 - refused} landed before, ${refused} refused after\n`);
  for (const resolved of results.filter((_, index) => index % 2 === 1)) expect(resolved.errors).toBeUndefined();
  for (const [index, need] of needs.entries()) {
    const events = await history(need.id);
    const kinds = events.slice(4).map((e) => `${e.kind}:${e.toStatus}`);
    if (assignments[index].errors) {
      expect(codeOf(assignments[index])).toBe('NOT_ASSIGNABLE');
      expect(kinds).toEqual(['STATUS:RESOLVED']);
    } else {
      expect(kinds).toEqual(['ASSIGNMENT:IN_SERVICE', 'STATUS:RESOLVED']);
    }
  }
});
