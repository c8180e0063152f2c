import * as Op from '../helpers/admin-operations';
import * as Ev from '../helpers/need-event-operations';
import { IDENTITIES, XIAHE } from '../helpers/identities';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import type { NeedFeedQuery, NeedHistoryQuery, SubmitNeedMutation } from '../helpers/generated/operations';

// A need's history and the ordered feed the bot reads it from (issue 11: every change heard, none skipped).
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

async function submit(reporterRef: string | null = Op.REPORTER_A, identity = IDENTITIES.BOT_IN) {
  const { submitNeed } = await t.query<SubmitNeedMutation>(
    Op.SUBMIT_NEED,
    { communityId: XIAHE, reporterRef },
    identity,
  );
  return submitNeed;
}

test('a need taken through all six statuses has six events, in order, with who and when', async () => {
  const need = await submit();
  const steps = ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'];
  for (const step of steps) await t.query(Op.NEED_TRANSITION(step), { id: need.id }, staff);
  const { need: read } = await t.query<NeedHistoryQuery>(Ev.NEED_HISTORY, { id: need.id }, staff);
  const history = read!.history;
  expect(history.map((e) => [e.fromStatus, e.toStatus])).toEqual([
    [null, 'SUBMITTED'],
    ['SUBMITTED', 'ACCEPTED'],
    ['ACCEPTED', 'MATCHED'],
    ['MATCHED', 'IN_SERVICE'],
    ['IN_SERVICE', 'RESOLVED'],
    ['RESOLVED', 'CLOSED'],
  ]);
  expect(history.map((e) => e.actor)).toEqual(['bot-liqi', ...steps.map(() => 'staff-liqi')]);
  const seqs = history.map((e) => e.seq);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  expect(new Set(seqs).size).toBe(6);
  const feed = await t.query<NeedFeedQuery>(
    Ev.NEED_FEED,
    { after: String(seqs[0] - 1), first: 100 },
    IDENTITIES.BOT_IN,
  );
  expect(feed.needEvents.edges.filter((e) => e.node.need.id === need.id).map((e) => e.node.toStatus)).toEqual([
    'SUBMITTED',
    'ACCEPTED',
    'MATCHED',
    'IN_SERVICE',
    'RESOLVED',
    'CLOSED',
  ]);
});
