import { Role } from '../../src/auth/identity';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, JIANGCHUAN, XIAHE } from '../helpers/identities';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  AllocateMutation,
  AuditLogQuery,
  CheckInMutation,
  CheckOutMutation,
  CompleteProjectMutation,
  CreateActivityMutation,
  GrantTalentAwardMutation,
  OpenRoundMutation,
  RateNeedMutation,
  RecordCertificateMutation,
  RecordResourceMutation,
  RegisterMutation,
  RegisterResidentMutation,
  RegisterSocialWorkerMutation,
  RegisterVolunteerMutation,
  RejectNeedMutation,
  ResidentQuery,
  ReviewApplicationMutation,
  SignUpMutation,
  SubmitApplicationMutation,
  SubmitNeedMutation,
  VerifyHoursMutation,
} from '../helpers/generated/operations';

// The rules behind the admin mutations: state machines, limits, rewards, privacy and the audit trail.
let t: TestHub;
const staff = IDENTITIES.STAFF_IN;
const admin = IDENTITIES.ADMIN;

beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

test('a need goes SUBMITTED → ACCEPTED → MATCHED → IN_SERVICE → RESOLVED → CLOSED, and nothing else', async () => {
  const submitted = (
    await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    )
  ).submitNeed;
  expect(submitted.status).toBe('SUBMITTED');
  expect(submitted.number).toMatch(/^XQ\d{8}-\d{4}$/);
  const second = (await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE }, staff)).submitNeed;
  expect(Number(second.number.slice(-4))).toBe(Number(submitted.number.slice(-4)) + 1);

  const id = submitted.id;
  const invalid = await t.execute(Op.NEED_TRANSITION('resolveNeed'), { id }, staff);
  expect(invalid.errors?.[0]?.extensions).toMatchObject({
    code: 'INVALID_TRANSITION',
    from: 'SUBMITTED',
    to: 'RESOLVED',
  });
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 5 }, staff))).toBe('NOT_RESOLVED');

  for (const [step, status] of [
    ['acceptNeed', 'ACCEPTED'],
    ['matchNeed', 'MATCHED'],
    ['startNeedService', 'IN_SERVICE'],
    ['resolveNeed', 'RESOLVED'],
  ]) {
    expect((await t.query<Op.NeedTransitionResult>(Op.NEED_TRANSITION(step), { id }, staff))[step].status).toBe(status);
  }
  const linked = await t.query<{ need: { resolvedAt: string | null; linkageCase: { id: string } | null } }>(
    `query($id: ID!) { need(id: $id) { resolvedAt linkageCase { id } } }`,
    { id },
  );
  expect(linked.need.resolvedAt).not.toBeNull();
  expect(linked.need.linkageCase).not.toBeNull();
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 6 }, staff))).toBe('BAD_USER_INPUT');
  expect(
    (await t.query<RateNeedMutation>(Op.RATE_NEED, { id, rating: 4, reporterRef: Op.REPORTER_A }, IDENTITIES.BOT_IN))
      .rateNeed.rating,
  ).toBe(4);
  expect(codeOf(await t.execute(Op.RATE_NEED, { id, rating: 5 }, staff))).toBe('ALREADY_RATED');
  expect(
    (await t.query<Op.NeedTransitionResult>(Op.NEED_TRANSITION('closeNeed'), { id }, staff)).closeNeed.status,
  ).toBe('CLOSED');
  expect(codeOf(await t.execute(Op.REJECT_NEED, { id, reason: 'x' }, staff))).toBe('INVALID_TRANSITION');

  const rejected = (await t.query<RejectNeedMutation>(Op.REJECT_NEED, { id: second.id, reason: '重复登记' }, staff))
    .rejectNeed;
  expect(rejected).toMatchObject({ status: 'REJECTED', rejectReason: '重复登记' });
});

test('needs are registered to communities, not to townships', async () => {
  expect(codeOf(await t.execute(Op.SUBMIT_NEED, { communityId: '530402006000' }, staff))).toBe('BAD_USER_INPUT');
});

const regionHours = async () =>
  (await t.query<{ region: { volunteerHours: number } }>(`{ region(id: "${XIAHE}") { volunteerHours } }`)).region
    .volunteerHours;

test('check-in and check-out round per started hour; only verified hours count', async () => {
  const activity = (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE, capacity: 2 }, staff))
    .createVolunteerActivity.id;
  const volunteers = [];
  for (let i = 0; i < 3; i += 1)
    volunteers.push(
      (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff)).registerVolunteer
        .id,
    );
  await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteers[0] }, staff);
  expect(codeOf(await t.execute(Op.SIGN_UP, { activityId: activity, volunteerId: volunteers[0] }, staff))).toBe(
    'ALREADY_SIGNED_UP',
  );
  await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteers[1] }, staff);
  expect(codeOf(await t.execute(Op.SIGN_UP, { activityId: activity, volunteerId: volunteers[2] }, staff))).toBe(
    'ACTIVITY_FULL',
  );

  const before = await regionHours();
  const served = async (volunteer: string, minutes: number) => {
    const start = new Date('2026-11-05T01:00:00Z');
    await t.query<CheckInMutation>(Op.CHECK_IN, { a: activity, v: volunteer, at: start.toISOString() }, staff);
    return (
      await t.query<CheckOutMutation>(
        Op.CHECK_OUT,
        { a: activity, v: volunteer, at: new Date(start.getTime() + minutes * 60000).toISOString() },
        staff,
      )
    ).checkOut;
  };
  const first = await served(volunteers[0], 2 * 60 + 40); // 2 h 40 min → 2.5 h
  expect(first).toMatchObject({ hours: 2.5, verified: false });
  const second = await served(volunteers[1], 60 + 50); // 1 h 50 min → 2 h
  expect(second.hours).toBe(2);
  expect(
    codeOf(await t.execute(Op.CHECK_OUT, { a: activity, v: volunteers[1], at: '2026-11-05T04:00:00Z' }, staff)),
  ).toBe('ALREADY_CHECKED_OUT');
  expect(await regionHours()).toBe(before);
  await t.query<VerifyHoursMutation>(Op.VERIFY_HOURS, { id: first.id }, staff);
  expect(await regionHours()).toBe(before + 2.5);
  expect(codeOf(await t.execute(Op.VERIFY_HOURS, { id: first.id }, staff))).toBe('ALREADY_VERIFIED');
});

test('a resource is never allocated beyond what remains', async () => {
  const resource = (await t.query<RecordResourceMutation>(Op.RECORD_RESOURCE, { regionId: XIAHE, amount: 1000 }, staff))
    .recordCharityResource;
  expect(resource.remaining).toBe(1000);
  const need = (await t.query<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE }, staff)).submitNeed.id;
  await t.query<AllocateMutation>(Op.ALLOCATE, { resourceId: resource.id, amount: 700, needId: need }, staff);
  const over = await t.execute(Op.ALLOCATE, { resourceId: resource.id, amount: 301, needId: need }, staff);
  expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_RESOURCE', remaining: 300 });
  await t.query<AllocateMutation>(Op.ALLOCATE, { resourceId: resource.id, amount: 300, needId: need }, staff);
  const after = await t.query<{ charityResource: { remaining: number; allocations: unknown[] } }>(
    `query($id: ID!) { charityResource(id: $id) { remaining allocations { amount need { id } } } }`,
    { id: resource.id },
  );
  expect(after.charityResource.remaining).toBe(0);
  expect(after.charityResource.allocations).toHaveLength(2);
  expect(codeOf(await t.execute(Op.ALLOCATE, { resourceId: resource.id, amount: 1 }, staff))).toBe('BAD_USER_INPUT');
});

test('a project round funds reviewed applications up to its quota, then they start and complete', async () => {
  const round = (await t.query<OpenRoundMutation>(Op.OPEN_ROUND, { quota: 1 }, admin)).openProjectRound.id;
  const apply = async () =>
    (
      await t.query<SubmitApplicationMutation>(
        Op.SUBMIT_APPLICATION,
        { roundId: round, applicantId: '3', regionId: XIAHE },
        staff,
      )
    ).submitProjectApplication.id;
  const [a, b] = [await apply(), await apply()];
  expect(codeOf(await t.execute(Op.PROJECT_STEP('approveProjectApplication'), { id: a }, admin))).toBe(
    'INVALID_TRANSITION',
  );
  await t.query<ReviewApplicationMutation>(Op.REVIEW_APPLICATION, { id: a, score: 91 }, staff);
  await t.query<ReviewApplicationMutation>(Op.REVIEW_APPLICATION, { id: b, score: 85 }, staff);
  expect(codeOf(await t.execute(Op.REVIEW_APPLICATION, { id: b, score: 120 }, staff))).toBe('BAD_USER_INPUT');
  expect(
    (await t.query<Op.ProjectStepResult>(Op.PROJECT_STEP('approveProjectApplication'), { id: a }, admin))
      .approveProjectApplication.status,
  ).toBe('APPROVED');
  expect(codeOf(await t.execute(Op.PROJECT_STEP('approveProjectApplication'), { id: b }, admin))).toBe(
    'QUOTA_EXCEEDED',
  );
  expect(
    (await t.query<Op.ProjectStepResult>(Op.PROJECT_STEP('rejectProjectApplication'), { id: b }, admin))
      .rejectProjectApplication.status,
  ).toBe('REJECTED');
  await t.query(Op.PROJECT_STEP('startProject'), { id: a }, staff);
  expect((await t.query<CompleteProjectMutation>(Op.COMPLETE_PROJECT, { id: a }, staff)).completeProject).toMatchObject(
    {
      status: 'COMPLETED',
      evaluation: '居民满意度 95%',
    },
  );
  const figures = await t.query(`query($id: ID!) { projectRound(id: $id) { applicationCount fundedCount } }`, {
    id: round,
  });
  expect(figures.projectRound).toEqual({ applicationCount: 2, fundedCount: 1 });
});

test('certificates pay the policy’s reward and only move up; talent awards are not given twice', async () => {
  const worker = (await t.query<RegisterSocialWorkerMutation>(Op.REGISTER_SOCIAL_WORKER, { regionId: XIAHE }, staff))
    .registerSocialWorker.id;
  expect(
    (await t.query<RecordCertificateMutation>(Op.RECORD_CERTIFICATE, { id: worker, level: 'ASSISTANT' }, staff))
      .recordCertificate.rewardYuan,
  ).toBe(2000);
  expect(
    (await t.query<RecordCertificateMutation>(Op.RECORD_CERTIFICATE, { id: worker, level: 'SENIOR' }, staff))
      .recordCertificate.rewardYuan,
  ).toBe(10000);
  expect(codeOf(await t.execute(Op.RECORD_CERTIFICATE, { id: worker, level: 'INTERMEDIATE' }, staff))).toBe(
    'CERTIFICATE_NOT_HIGHER',
  );
  await t.query<GrantTalentAwardMutation>(Op.GRANT_TALENT_AWARD, { id: worker, year: 2025 }, admin);
  expect(codeOf(await t.execute(Op.GRANT_TALENT_AWARD, { id: worker, year: 2025 }, admin))).toBe('DUPLICATE_AWARD');
});

test('organisations: checksum and duplicate credit codes, services inside their region', async () => {
  const input = (creditCode: string) => ({
    input: { name: '测试协会', kind: 'CHARITY', creditCode, regionId: XIAHE, category: 'HEALTH' },
  });
  const code = makeCreditCode('3', '530402', 'WF000001');
  expect(
    codeOf(await t.execute(Op.REGISTER_ORGANIZATION, input(code.slice(0, 17) + (code[17] === '0' ? '1' : '0')), staff)),
  ).toBe('INVALID_CREDIT_CODE');
  const org = (await t.query<RegisterMutation>(Op.REGISTER_ORGANIZATION, input(code.toLowerCase()), staff))
    .registerOrganization;
  expect(org.creditCode).toBe(code);
  expect(codeOf(await t.execute(Op.REGISTER_ORGANIZATION, input(code), staff))).toBe('DUPLICATE_CREDIT_CODE');
  expect(codeOf(await t.execute(Op.CREATE_SERVICE, { providerId: org.id, regionId: '530402006001' }, staff))).toBe(
    'OUTSIDE_ORGANIZATION_REGION',
  );
  const bad = await t.execute(Op.REGISTER_ORGANIZATION, { input: { ...input(code).input, name: 'x' } }, staff);
  expect(codeOf(bad)).toBe('BAD_USER_INPUT');
});

test('residents: phone sealed and masked, consent required, tags for staff of the region only', async () => {
  expect(codeOf(await t.execute(Op.REGISTER_RESIDENT, { regionId: XIAHE, phone: '13812345678' }, staff))).toBe(
    'CONSENT_REQUIRED',
  );
  const resident = (
    await t.query<RegisterResidentMutation>(
      Op.REGISTER_RESIDENT,
      { regionId: XIAHE, phone: '13812345678', consentAt: '2026-11-20T08:00:00Z' },
      staff,
    )
  ).registerResident;
  expect(resident.phone).toBe('138****5678');
  const [row] = await t.database.dataSource.query('SELECT phone_sealed, phone_masked FROM resident WHERE id = ?', [
    Number(resident.id),
  ]);
  expect(row.phone_masked).toBe('138****5678');
  expect(row.phone_sealed).not.toContain('13812345678');
  expect((await t.query<ResidentQuery>(Op.RESIDENT, { id: resident.id }, admin)).resident!.tags).toEqual([
    'ELDERLY_ALONE',
    'LOW_INCOME',
  ]);
  expect(
    codeOf(await t.execute(Op.RESIDENT, { id: resident.id }, { role: Role.STAFF, subject: 'x', regionId: JIANGCHUAN })),
  ).toBe('FORBIDDEN');
});

test('every mutation lands in the audit log with who, role, target and outcome', async () => {
  const need = (
    await t.query<SubmitNeedMutation>(
      Op.SUBMIT_NEED,
      { communityId: XIAHE, reporterRef: Op.REPORTER_A },
      IDENTITIES.BOT_IN,
    )
  ).submitNeed.id;
  await t.execute(Op.NEED_TRANSITION('acceptNeed'), { id: need }, IDENTITIES.STAFF_OUT);
  const log = (await t.query<AuditLogQuery>(Op.AUDIT_LOG, { operation: 'acceptNeed' }, admin)).auditLog.nodes;
  expect(log[0]).toMatchObject({
    subject: 'staff-jiangchuan',
    role: 'STAFF',
    operation: 'acceptNeed',
    target: `id=${need}`,
    outcome: 'FORBIDDEN',
  });
  const submitted = (await t.query<AuditLogQuery>(Op.AUDIT_LOG, { operation: 'submitNeed' }, admin)).auditLog.nodes[0];
  expect(submitted).toMatchObject({
    subject: 'bot-liqi',
    role: 'BOT',
    target: `communityId=${XIAHE} → ${need}`,
    outcome: 'OK',
  });
  expect(submitted.requestId).toMatch(/^[0-9a-f-]{36}$/);
});
