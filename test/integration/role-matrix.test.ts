import type { Identity } from '../../src/auth/identity';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as Op from '../helpers/admin-operations';
import * as Ev from '../helpers/need-event-operations';
import { IDENTITIES, JIANGCHUAN, LIQI, orgIdentity, XIAHE } from '../helpers/identities';
import { startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';
import type {
  CheckInMutation,
  CheckOutMutation,
  CreateActivityMutation,
  CreateServiceMutation,
  NeedDescriptionQuery,
  OpenRoundMutation,
  RecordResourceMutation,
  RegisterMutation,
  RegisterResidentMutation,
  RegisterSocialWorkerMutation,
  RegisterVolunteerMutation,
  ReviewApplicationMutation,
  SignUpMutation,
  SubmitApplicationMutation,
  SubmitNeedMutation,
} from '../helpers/generated/operations';

// Every role tries every mutation and sensitive query, inside and outside its region, and gets exactly the
// intended answer: success where allowed, FORBIDDEN everywhere else.
type RoleName = keyof typeof IDENTITIES | 'ORG_OWN' | 'ORG_OTHER';
const ROLES: RoleName[] = ['ADMIN', 'STAFF_IN', 'STAFF_OUT', 'ORG_OWN', 'ORG_OTHER', 'BOT_IN', 'BOT_OUT', 'PUBLIC'];

let t: TestHub;
let ownOrg: number;
let otherOrg: number;
let codes = 0;
const identity = (role: RoleName): Identity =>
  role === 'ORG_OWN' ? orgIdentity(ownOrg) : role === 'ORG_OTHER' ? orgIdentity(otherOrg) : IDENTITIES[role];
const admin = IDENTITIES.ADMIN;

async function asAdmin<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  return t.query<T>(query, variables, admin);
}

async function newOrganization(regionId: string): Promise<number> {
  codes += 1;
  const creditCode = makeCreditCode('1', regionId.slice(0, 6), `TE${String(codes).padStart(6, '0')}`);
  const data = await asAdmin<RegisterMutation>(Op.REGISTER_ORGANIZATION, {
    input: { name: `测试组织${codes}`, kind: 'COMMUNITY_ORG', creditCode, regionId, category: 'ELDERLY_CARE' },
  });
  return Number(data.registerOrganization.id);
}

const newNeed = async () =>
  (await asAdmin<SubmitNeedMutation>(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: Op.REPORTER_A })).submitNeed
    .id as string;
const newActivity = async () =>
  (
    await asAdmin<CreateActivityMutation>(Op.CREATE_ACTIVITY, {
      regionId: XIAHE,
      organizationId: String(ownOrg),
      capacity: 100,
    })
  ).createVolunteerActivity.id as string;
const newVolunteer = async () =>
  (await asAdmin<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE, reporterRef: Op.REPORTER_A }))
    .registerVolunteer.id as string;
const newWorker = async () =>
  (await asAdmin<RegisterSocialWorkerMutation>(Op.REGISTER_SOCIAL_WORKER, { regionId: XIAHE })).registerSocialWorker
    .id as string;

interface Case {
  name: string;
  allowed: RoleName[];
  run(as: Identity): Promise<GraphQLResult>;
}

const CASES: Case[] = [
  {
    name: 'registerOrganization',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: (as) => {
      codes += 1;
      return t.execute(
        Op.REGISTER_ORGANIZATION,
        {
          input: {
            name: `新组织${codes}`,
            kind: 'CHARITY',
            creditCode: makeCreditCode('3', '530402', `RM${String(codes).padStart(6, '0')}`),
            regionId: LIQI,
            category: 'HEALTH',
          },
        },
        as,
      );
    },
  },
  {
    name: 'updateOrganization',
    allowed: ['ADMIN', 'STAFF_IN', 'ORG_OWN'],
    run: (as) => t.execute(Op.UPDATE_ORGANIZATION, { id: String(ownOrg) }, as),
  },
  {
    name: 'setOrganizationStatus',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: (as) => t.execute(Op.SET_ORGANIZATION_STATUS, { id: String(ownOrg) }, as),
  },
  {
    name: 'createService',
    allowed: ['ADMIN', 'STAFF_IN', 'ORG_OWN'],
    run: (as) => t.execute(Op.CREATE_SERVICE, { providerId: String(ownOrg), regionId: XIAHE }, as),
  },
  {
    name: 'retireService',
    allowed: ['ADMIN', 'STAFF_IN', 'ORG_OWN'],
    run: async (as) => {
      const service = (
        await asAdmin<CreateServiceMutation>(Op.CREATE_SERVICE, { providerId: String(ownOrg), regionId: XIAHE })
      ).createService.id;
      return t.execute(Op.RETIRE_SERVICE, { id: service }, as);
    },
  },
  {
    name: 'registerSocialWorker',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: (as) => t.execute(Op.REGISTER_SOCIAL_WORKER, { regionId: XIAHE }, as),
  },
  {
    name: 'recordCertificate',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => t.execute(Op.RECORD_CERTIFICATE, { id: await newWorker(), level: 'INTERMEDIATE' }, as),
  },
  {
    name: 'grantTalentAward',
    allowed: ['ADMIN'],
    run: async (as) => t.execute(Op.GRANT_TALENT_AWARD, { id: await newWorker(), year: 2026 }, as),
  },
  {
    name: 'registerVolunteer',
    allowed: ['ADMIN', 'STAFF_IN', 'BOT_IN'],
    run: (as) => t.execute(Op.REGISTER_VOLUNTEER, { regionId: XIAHE, reporterRef: Op.REPORTER_A }, as),
  },
  {
    name: 'createVolunteerActivity (for the own organisation)',
    allowed: ['ADMIN', 'STAFF_IN', 'ORG_OWN'],
    run: (as) => t.execute(Op.CREATE_ACTIVITY, { regionId: XIAHE, organizationId: String(ownOrg) }, as),
  },
  {
    name: 'signUpForActivity',
    allowed: ['ADMIN', 'STAFF_IN', 'ORG_OWN', 'BOT_IN'],
    run: async (as) =>
      t.execute(
        Op.SIGN_UP,
        { activityId: await newActivity(), volunteerId: await newVolunteer(), reporterRef: Op.REPORTER_A },
        as,
      ),
  },
  {
    name: 'verifyServiceHours',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => {
      const [a, v] = [await newActivity(), await newVolunteer()];
      await asAdmin<SignUpMutation>(Op.SIGN_UP, { activityId: a, volunteerId: v });
      await asAdmin<CheckInMutation>(Op.CHECK_IN, { a, v, at: '2026-11-05T01:00:00Z' });
      const hours = (await asAdmin<CheckOutMutation>(Op.CHECK_OUT, { a, v, at: '2026-11-05T03:00:00Z' })).checkOut.id;
      return t.execute(Op.VERIFY_HOURS, { id: hours }, as);
    },
  },
  {
    name: 'recordCharityResource',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: (as) => t.execute(Op.RECORD_RESOURCE, { regionId: XIAHE, amount: 1000 }, as),
  },
  {
    name: 'allocateCharityResource',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => {
      const resource = (await asAdmin<RecordResourceMutation>(Op.RECORD_RESOURCE, { regionId: XIAHE, amount: 1000 }))
        .recordCharityResource.id;
      return t.execute(Op.ALLOCATE, { resourceId: resource, amount: 100, needId: await newNeed() }, as);
    },
  },
  {
    name: 'submitNeed',
    allowed: ['ADMIN', 'STAFF_IN', 'BOT_IN'],
    run: (as) => t.execute(Op.SUBMIT_NEED, { communityId: XIAHE, reporterRef: Op.REPORTER_A }, as),
  },
  {
    name: 'acceptNeed',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => t.execute(Op.NEED_TRANSITION('acceptNeed'), { id: await newNeed() }, as),
  },
  {
    name: 'rejectNeed',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => t.execute(Op.REJECT_NEED, { id: await newNeed(), reason: '不属于服务范围' }, as),
  },
  {
    name: 'rateNeed',
    allowed: ['ADMIN', 'STAFF_IN', 'BOT_IN'],
    run: async (as) => {
      const id = await newNeed();
      for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
        await asAdmin(Op.NEED_TRANSITION(step), { id });
      return t.execute(Op.RATE_NEED, { id, rating: 5, reporterRef: Op.REPORTER_A }, as);
    },
  },
  {
    name: 'assignNeed',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => {
      const id = await newNeed();
      await asAdmin(Op.NEED_TRANSITION('acceptNeed'), { id });
      return t.execute(Ev.ASSIGN_NEED, { id, society: 'ORGANIZATION', referenceId: String(ownOrg) }, as);
    },
  },
  {
    name: 'needEvents (query: each sees its own scope)',
    allowed: ['ADMIN', 'STAFF_IN', 'STAFF_OUT', 'BOT_IN', 'BOT_OUT'],
    run: (as) => t.execute(Ev.NEED_FEED, { first: 5 }, as),
  },
  { name: 'openProjectRound', allowed: ['ADMIN'], run: (as) => t.execute(Op.OPEN_ROUND, { quota: 3 }, as) },
  {
    name: 'submitProjectApplication (for the own organisation)',
    allowed: ['ADMIN', 'STAFF_IN', 'ORG_OWN'],
    run: (as) => t.execute(Op.SUBMIT_APPLICATION, { roundId: '1', applicantId: String(ownOrg), regionId: XIAHE }, as),
  },
  {
    name: 'approveProjectApplication',
    allowed: ['ADMIN'],
    run: async (as) => {
      const round = (await asAdmin<OpenRoundMutation>(Op.OPEN_ROUND, { quota: 5 })).openProjectRound.id;
      const id = (
        await asAdmin<SubmitApplicationMutation>(Op.SUBMIT_APPLICATION, {
          roundId: round,
          applicantId: String(ownOrg),
          regionId: XIAHE,
        })
      ).submitProjectApplication.id;
      await asAdmin<ReviewApplicationMutation>(Op.REVIEW_APPLICATION, { id, score: 88 });
      return t.execute(Op.PROJECT_STEP('approveProjectApplication'), { id }, as);
    },
  },
  {
    name: 'registerResident',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: (as) =>
      t.execute(Op.REGISTER_RESIDENT, { regionId: XIAHE, phone: '13812345678', consentAt: '2026-11-20T08:00:00Z' }, as),
  },
  {
    name: 'resident (query)',
    allowed: ['ADMIN', 'STAFF_IN'],
    run: async (as) => {
      const id = (await asAdmin<RegisterResidentMutation>(Op.REGISTER_RESIDENT, { regionId: XIAHE })).registerResident
        .id;
      return t.execute(Op.RESIDENT, { id }, as);
    },
  },
  { name: 'auditLog (query)', allowed: ['ADMIN'], run: (as) => t.execute(Op.AUDIT_LOG, {}, as) },
];

beforeAll(async () => {
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '10000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '10000' },
  });
  ownOrg = await newOrganization(LIQI);
  otherOrg = await newOrganization(JIANGCHUAN);
});
afterAll(() => t?.close());

describe.each(CASES)('$name', ({ allowed, run }) => {
  test.each(ROLES)('as %s', async (role) => {
    const result = await run(identity(role));
    if (allowed.includes(role)) {
      expect(result.errors).toBeUndefined();
    } else {
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

test('a need’s description is shown to staff of its region and the bot for its resident, and to nobody else', async () => {
  const id = await newNeed();
  for (const role of ROLES) {
    const data = await t.query<NeedDescriptionQuery>(
      Op.NEED_DESCRIPTION,
      { id, reporterRef: Op.REPORTER_A },
      identity(role),
    );
    const expected = ['ADMIN', 'STAFF_IN', 'BOT_IN'].includes(role) ? '独居老人需要每周上门探访' : null;
    expect({ role, description: data.need!.description }).toEqual({ role, description: expected });
  }
});
