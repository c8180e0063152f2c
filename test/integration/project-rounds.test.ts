import type { Identity } from '../../src/auth/identity';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, XIAHE, orgIdentity } from '../helpers/identities';
import * as R from '../helpers/rounds-operations';
import { BUSY_CLIENT_ENV, codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  ApplicationsPageQuery,
  OpenRoundMutation,
  ProjectActionsQuery,
  RoundApplicationsQuery,
  SubmitApplicationMutation,
} from '../helpers/generated/operations';

// The project-rounds page: applications of a round ranked by score, the quota that remains, and the actions each
// caller may take on an application (issue 12).
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;
/** The applying organisation of the seeded city (玉溪市义工联合会), acting for itself. */
const applicant = orgIdentity(3);

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
});
afterAll(() => t?.close());

const actions = async (id: string, identity: Identity) =>
  (await t.query<ProjectActionsQuery>(R.PROJECT_ACTIONS, { id }, identity)).serviceProject!.allowedTransitions;

test('a round ranked by score, approved up to its quota, and each caller offered only what will succeed', async () => {
  const round = (await t.query<OpenRoundMutation>(Op.OPEN_ROUND, { quota: 2 }, admin)).openProjectRound.id;
  const applications: string[] = [];
  for (const score of [70, 90, 80, null]) {
    const { submitProjectApplication } = await t.query<SubmitApplicationMutation>(
      Op.SUBMIT_APPLICATION,
      { roundId: round, applicantId: '3', regionId: XIAHE },
      staff,
    );
    applications.push(submitProjectApplication.id);
    if (score !== null) await t.query(Op.REVIEW_APPLICATION, { id: submitProjectApplication.id, score }, staff);
  }
  const [seventy, ninety, eighty, unscored] = applications;
  const ranked = await t.query<RoundApplicationsQuery>(
    R.ROUND_APPLICATIONS,
    { roundId: round, orderBy: { field: 'SCORE', direction: 'DESC' } },
    staff,
  );
  expect(ranked).toEqual({
    projectRound: { quota: 2, fundedCount: 0, remainingQuota: 2 },
    serviceProjects: {
      nodes: [
        { id: ninety, score: 90, status: 'UNDER_REVIEW' },
        { id: eighty, score: 80, status: 'UNDER_REVIEW' },
        { id: seventy, score: 70, status: 'UNDER_REVIEW' },
        { id: unscored, score: null, status: 'SUBMITTED' },
      ],
    },
  });

  const links = ['CITE_NEEDS', 'LINK_SERVICE'];
  expect(await actions(ninety, admin)).toEqual(['REVIEW', 'APPROVE', 'REJECT', ...links]);
  expect(await actions(ninety, staff)).toEqual(['REVIEW', ...links]);
  expect(await actions(ninety, applicant)).toEqual(links);
  expect(await actions(unscored, admin)).toEqual(['REVIEW', 'REJECT', ...links]);
  for (const identity of [IDENTITIES.STAFF_OUT, IDENTITIES.PUBLIC, IDENTITIES.BOT_IN, orgIdentity(4)]) {
    expect(await actions(ninety, identity)).toEqual([]);
  }

  await t.query(Op.PROJECT_STEP('approveProjectApplication'), { id: ninety }, admin);
  await t.query(Op.PROJECT_STEP('approveProjectApplication'), { id: eighty }, admin);
  const full = await t.query<RoundApplicationsQuery>(R.ROUND_APPLICATIONS, { roundId: round }, staff);
  expect(full.projectRound).toEqual({ quota: 2, fundedCount: 2, remainingQuota: 0 });
  // No room left: approval is no longer offered, and the mutation refuses it all the same.
  expect(await actions(seventy, admin)).toEqual(['REVIEW', 'REJECT', ...links]);
  const refused = await t.execute(Op.PROJECT_STEP('approveProjectApplication'), { id: seventy }, admin);
  expect(codeOf(refused)).toBe('QUOTA_EXCEEDED');

  expect(await actions(ninety, applicant)).toEqual(['START', ...links]);
  expect(await actions(ninety, staff)).toEqual(['START', ...links]);
  expect(await actions(ninety, IDENTITIES.STAFF_OUT)).toEqual([]);
  await t.query(Op.PROJECT_STEP('startProject'), { id: ninety }, applicant);
  expect(await actions(ninety, staff)).toEqual(['COMPLETE', ...links]);
  expect(await actions(ninety, applicant)).toEqual(links);
  await t.query(Op.COMPLETE_PROJECT, { id: ninety }, staff);
  expect(await actions(ninety, staff)).toEqual(links);
  expect((await t.query<RoundApplicationsQuery>(R.ROUND_APPLICATIONS, { roundId: round })).projectRound).toEqual({
    quota: 2,
    fundedCount: 2,
    remainingQuota: 0,
  });
});

test('a page of applications with their actions and rounds costs the same statements for 5 and 50', async () => {
  const statements = async (first: number) => {
    t.database.queries.reset();
    const data = await t.query<ApplicationsPageQuery>(R.APPLICATIONS_PAGE, { first }, admin);
    return { statements: t.database.queries.reset(), projects: data.serviceProjects.nodes.length };
  };
  const small = await statements(5);
  const large = await statements(50);
  expect([small.projects, large.projects]).toEqual([5, 50]);
  process.stdout.write(
    `SQL statements for ApplicationsPage: first 5 → ${small.statements}, first 50 → ${large.statements}\n`,
  );
  // The page, the rounds, their funded counts.
  expect([small.statements, large.statements]).toEqual([3, 3]);
});
