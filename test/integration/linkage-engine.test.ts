import type { Identity } from '../../src/auth/identity';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as Op from '../helpers/admin-operations';
import { IDENTITIES, JIANGCHUAN_COMMUNITY, XIAHE } from '../helpers/identities';
import * as L from '../helpers/linkage-operations';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';
import type {
  AddContributionMutation,
  AllocateMutation,
  CandidatesQuery,
  CheckInMutation,
  CheckOutMutation,
  CiteNeedsMutation,
  CompletedProjectsQuery,
  CreateActivityMutation,
  CreateServiceMutation,
  LinkServiceMutation,
  NeedCaseQuery,
  NeedsWithCandidatesQuery,
  OrganizationIdsQuery,
  RateNeedMutation,
  RecordEarmarkedFundsMutation,
  RecordResourceMutation,
  RedeemMutation,
  RegionListsQuery,
  RegisterMutation,
  RegisterSocialWorkerMutation,
  RegisterVolunteerMutation,
  ServiceCountQuery,
  ServiceIdsQuery,
  SignUpMutation,
  SubmitCategoryNeedMutation,
  TimeBankBalanceQuery,
  TraceQuery,
  VerifyHoursMutation,
  VerifyLedgerQuery,
} from '../helpers/generated/operations';

let t: TestHub;
const admin = IDENTITIES.ADMIN;
const staff = IDENTITIES.STAFF_IN;

beforeAll(async () => {
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '10000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '10000' },
  });
});
afterAll(() => t?.close());

async function submit(communityId: string, identity: Identity = admin, category = 'ELDERLY_CARE'): Promise<string> {
  const data = await t.query<SubmitCategoryNeedMutation>(
    L.SUBMIT_CATEGORY_NEED,
    { c: communityId, cat: category },
    identity,
  );
  return data.submitNeed.id;
}

/** What the first describe block creates in 下赫社区, and so what tops each society's candidates there. */
const created = { service: '', socialWorker: '', volunteer: '', resource: '' };

/**
 * The best candidate of each society for an elderly-care need of 下赫社区, worked out from the weights
 * (score = Σ weight × value) and from what the first describe block creates there.
 */
const expectedTops = () => ({
  // proximity 0.6 × 1 (same community) + category 0.2 × 1 + specialisation 0.2 × 1 (an elderly-care provider)
  service: { score: 1, id: created.service, values: [1, 1, 1] },
  // proximity 0.5 × 1 + specialty 0.3 × 1 + level 0.2 × ⅓ (ASSISTANT) = 0.8667
  socialWorker: { score: 0.867, id: created.socialWorker, values: [1, 1, 0.333] },
  // proximity 0.4 × 1 + skill 0.3 × 1 + load 0.3 × 1 (no sign-ups)
  volunteer: { score: 1, id: created.volunteer, values: [1, 1, 1] },
  // earmark 0.4 × 0.5 (no category) + proximity 0.4 × 1 + remaining 0.2 × 1 (nothing allocated) = 0.8
  resource: { score: 0.8, id: created.resource, values: [0.5, 1, 1] },
  // the seed's named party-mass centre of 下赫社区: proximity 0.6 × 1 + fit 0.4 × 0.5 (serves every category) = 0.8;
  // the community's social-work room ties with it and comes after it by id
  station: { score: 0.8, name: '万裕生态城党群服务中心', values: [1, 0.5] },
});

function topsOf(need: NonNullable<CandidatesQuery['need']>) {
  const top = <C extends { score: number; parts: { value: number }[] }>(list: C[], entity: (c: C) => object) =>
    list.length ? { score: list[0].score, ...entity(list[0]), values: list[0].parts.map((p) => p.value) } : null;
  return {
    service: top(need.candidateServices, (c) => ({ id: c.service.id })),
    socialWorker: top(need.candidateSocialWorkers, (c) => ({ id: c.socialWorker.id })),
    volunteer: top(need.candidateVolunteers, (c) => ({ id: c.volunteer.id })),
    resource: top(need.candidateResources, (c) => ({ id: c.resource.id })),
    station: top(need.candidateStations, (c) => ({ name: c.station.name })),
  };
}

describe('candidates from the five societies', () => {
  let needId: string;

  beforeAll(async () => {
    const org = await t.query<RegisterMutation>(
      Op.REGISTER_ORGANIZATION,
      {
        input: {
          name: '下赫社区助老服务社',
          kind: 'COMMUNITY_ORG',
          creditCode: makeCreditCode('1', '530402', 'XH000001'),
          regionId: '530402006000',
          category: 'ELDERLY_CARE',
        },
      },
      admin,
    );
    created.service = (
      await t.query<CreateServiceMutation>(
        Op.CREATE_SERVICE,
        { providerId: org.registerOrganization.id, regionId: XIAHE },
        admin,
      )
    ).createService.id;
    created.socialWorker = (
      await t.query<RegisterSocialWorkerMutation>(Op.REGISTER_SOCIAL_WORKER, { regionId: XIAHE }, admin)
    ).registerSocialWorker.id;
    created.volunteer = (
      await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, admin)
    ).registerVolunteer.id;
    // Registration offers no elderly-care skill; no seeded volunteer of 下赫社区 itself has it.
    await t.database.dataSource.query(`UPDATE volunteer SET skill = 'ELDERLY_CARE' WHERE id = ?`, [
      Number(created.volunteer),
    ]);
    created.resource = (
      await t.query<RecordResourceMutation>(Op.RECORD_RESOURCE, { regionId: XIAHE, amount: 5000 }, admin)
    ).recordCharityResource.id;
    needId = await submit(XIAHE);
  });

  test('each society offers candidates, ranked by score, ties by id, with the parts that make the score', async () => {
    const need = (await t.query<CandidatesQuery>(L.NEED_CANDIDATES, { id: needId })).need!;
    expect(topsOf(need)).toEqual(expectedTops());
    const lists = [
      need.candidateServices,
      need.candidateSocialWorkers,
      need.candidateVolunteers,
      need.candidateResources,
      need.candidateStations,
    ];
    for (const list of lists) {
      const scores = list.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    for (const candidate of need.candidateServices) {
      expect(candidate.score).toBeCloseTo(
        candidate.parts.reduce((sum, p) => sum + p.weight * p.value, 0),
        3,
      );
    }
    expect(need.candidateServices[0].parts.map((p) => p.factor)).toEqual(['proximity', 'category', 'specialisation']);
    const again = await t.query<CandidatesQuery>(L.NEED_CANDIDATES, { id: needId });
    expect(again).toEqual({ need });
  });

  test('a volunteer already signed up elsewhere ranks below an equally near, free one', async () => {
    const busy = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, admin))
      .registerVolunteer.id;
    const free = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, admin))
      .registerVolunteer.id;
    // A skill no seeded volunteer of 下赫社区 has, so the two are alone at the top.
    await t.database.dataSource.query(
      `UPDATE volunteer SET skill = 'DISABILITY' WHERE region_id LIKE '530402006%' AND skill = 'LEGAL_AID'`,
    );
    await t.database.dataSource.query(`UPDATE volunteer SET skill = 'LEGAL_AID' WHERE id IN (?, ?)`, [
      Number(busy),
      Number(free),
    ]);
    const activity = (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE }, admin))
      .createVolunteerActivity.id;
    await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: busy }, admin);
    const legal = await submit(XIAHE, admin, 'LEGAL_AID');
    const need = (await t.query<CandidatesQuery>(L.NEED_CANDIDATES, { id: legal })).need!;
    const top = need.candidateVolunteers.slice(0, 2);
    expect(top.map((c) => c.volunteer.id)).toEqual([free, busy]);
    expect(top.map((c) => c.parts.find((p) => p.factor === 'load')?.value)).toEqual([1, 0.5]);
  });

  test('the candidates query costs the same SQL for 2 and 10 needs', async () => {
    for (let i = 0; i < 10; i += 1) await submit(XIAHE, admin, i % 2 ? 'CHILD_CARE' : 'ELDERLY_CARE');
    const count = async (first: number) => {
      t.database.queries.reset();
      const data = await t.query<NeedsWithCandidatesQuery>(L.NEEDS_WITH_CANDIDATES, { first, region: XIAHE });
      expect(data.needs.nodes).toHaveLength(first);
      return t.database.queries.reset();
    };
    const two = await count(2);
    const ten = await count(10);
    expect(ten).toBe(two);
    process.stdout.write(`SQL statements for NeedsWithCandidates: 2 needs → ${two}, 10 needs → ${ten}\n`);
  });
});

describe('linkage index and the three lists', () => {
  const community = JIANGCHUAN_COMMUNITY;

  test('index, need list and unmet categories follow the needs of a region', async () => {
    const before = (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: community })).region!;
    expect(before.linkageIndex).toEqual({
      needsResolved: 0,
      shareWithThreeOrMoreSocieties: null,
      medianDaysToResolve: null,
      averageRating: null,
    });

    const [a, b, c] = [await submit(community), await submit(community), await submit(community, admin, 'HEALTH')];
    for (const id of [a, b]) {
      for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
        await t.query(Op.NEED_TRANSITION(step), { id }, admin);
    }
    const caseOf = async (id: string) => (await t.query<NeedCaseQuery>(L.NEED_CASE, { id })).need!.linkageCase!.id;
    // Contributors serving the community: itself, a city-wide organisation, the city's project funds (resource 1).
    const cityOrganization = (await t.query<OrganizationIdsQuery>(L.ORGANIZATION_IDS, { search: '玉溪市义工联合会' }))
      .organizations.nodes[0].id;
    const contributors = { COMMUNITY: community, ORGANIZATION: cityOrganization, CHARITY: '1' };
    for (const society of ['COMMUNITY', 'ORGANIZATION', 'CHARITY'] as const)
      await t.query<AddContributionMutation>(
        L.ADD_CONTRIBUTION,
        { caseId: await caseOf(a), society, ref: contributors[society] },
        admin,
      );
    for (const society of ['COMMUNITY', 'CHARITY'] as const)
      await t.query<AddContributionMutation>(
        L.ADD_CONTRIBUTION,
        { caseId: await caseOf(b), society, ref: contributors[society] },
        admin,
      );
    await t.query<RateNeedMutation>(Op.RATE_NEED, { id: a, rating: 5 }, admin);
    await t.query<RateNeedMutation>(Op.RATE_NEED, { id: b, rating: 3 }, admin);
    // Fix the dates so the figures do not depend on when the test runs.
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n));
    const needs = t.database.dataSource.getRepository('Need');
    await needs.update(Number(a), { submittedAt: day(0), resolvedAt: day(4) });
    await needs.update(Number(b), { submittedAt: day(0), resolvedAt: day(10) });
    await needs.update(Number(c), { submittedAt: new Date(Date.now() - 40 * 86_400_000) });

    const after = (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: community })).region!;
    expect(after.linkageIndex).toEqual({
      needsResolved: 2,
      shareWithThreeOrMoreSocieties: 0.5,
      medianDaysToResolve: 7,
      averageRating: 4,
    });
    expect(after.needList).toEqual([
      { category: 'ELDERLY_CARE', open: 0, resolved: 2, unmetOver30Days: 0 },
      { category: 'HEALTH', open: 1, resolved: 0, unmetOver30Days: 1 },
    ]);
    expect(after.unmetNeedCategories).toEqual([{ category: 'HEALTH', unmetOver30Days: 1, open: 1, priority: 2 }]);
    const township = (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: `${community.slice(0, 9)}000` })).region!;
    expect(township.linkageIndex.needsResolved).toBe(2);
  });

  test('the resource list has a row per category with a column from each society', async () => {
    const region = (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: '530402006000' })).region!;
    expect(region.resourceList).toHaveLength(11);
    const child = region.resourceList.find((r) => r.category === 'CHILD_CARE')!;
    const direct = await t.query<ServiceCountQuery>(L.SERVICE_COUNT, {
      category: 'CHILD_CARE',
      regionId: '530402006000',
    });
    expect(child.services).toBe(direct.services.totalCount);
    // The seeded small city's counts for this township (fixed seed, scale 0.01), the same on SQLite and MariaDB.
    expect({ stations: child.stations, volunteers: child.volunteers }).toEqual({ stations: 5, volunteers: 50 });
    expect(region.projectList).toEqual([{ round: { name: '党群同心 共建美好家园' }, status: 'COMPLETED', count: 1 }]);
  });

  test('funds count per category what is earmarked for it and not yet allocated', async () => {
    const township = '530402006000';
    const funds = async () =>
      Object.fromEntries(
        (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: township })).region!.resourceList.map((r) => [
          r.category,
          r.funds,
        ]),
      );
    const before = await funds();
    const health = (
      await t.query<RecordEarmarkedFundsMutation>(
        L.RECORD_EARMARKED_FUNDS,
        { regionId: XIAHE, category: 'HEALTH', amount: 3000 },
        admin,
      )
    ).recordCharityResource.id;
    // Unearmarked funds belong to no category.
    await t.query<RecordResourceMutation>(Op.RECORD_RESOURCE, { regionId: XIAHE, amount: 700 }, admin);
    await t.query<AllocateMutation>(
      Op.ALLOCATE,
      { resourceId: health, amount: 1200, needId: await submit(XIAHE, admin, 'HEALTH') },
      admin,
    );
    // 3000 earmarked − 1200 allocated; every other category is as it was.
    expect(await funds()).toEqual({ ...before, HEALTH: before.HEALTH + 1800 });
  });

  test('need → project → service → feedback is one query', async () => {
    const need = await submit(XIAHE);
    const project = (
      await t.query<CompletedProjectsQuery>(L.COMPLETED_PROJECTS, { search: '关爱妇儿' })
    ).serviceProjects.nodes.find((p) => p.title === '党群同心 关爱妇儿')!;
    const service = (await t.query<ServiceIdsQuery>(L.SERVICE_IDS, { search: '夜间作业辅导' })).services.nodes[0].id;
    await t.query<CiteNeedsMutation>(L.CITE_NEEDS, { p: project.id, needs: [need] }, staff);
    await t.query<LinkServiceMutation>(L.LINK_SERVICE, { p: project.id, s: service }, staff);
    const trace = await t.query<TraceQuery>(L.TRACE, { id: need });
    expect(trace.need!.citedBy).toEqual([
      {
        title: '党群同心 关爱妇儿',
        status: 'COMPLETED',
        evaluation: null,
        services: [{ id: service, name: '夜间作业辅导', provider: { name: '玉溪市义工联合会' } }],
      },
    ]);
  });
});

describe('the hour ledger', () => {
  test('verified hours are earned, redemptions spent, and tampering is found', async () => {
    expect((await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger).toMatchObject({
      ok: true,
      firstBrokenEntryId: null,
    });
    const volunteer = (await t.query<RegisterVolunteerMutation>(Op.REGISTER_VOLUNTEER, { regionId: XIAHE }, staff))
      .registerVolunteer.id;
    const activity = (await t.query<CreateActivityMutation>(Op.CREATE_ACTIVITY, { regionId: XIAHE }, staff))
      .createVolunteerActivity.id;
    await t.query<SignUpMutation>(Op.SIGN_UP, { activityId: activity, volunteerId: volunteer }, staff);
    await t.query<CheckInMutation>(Op.CHECK_IN, { a: activity, v: volunteer, at: '2026-11-05T01:00:00Z' }, staff);
    const hours = (
      await t.query<CheckOutMutation>(Op.CHECK_OUT, { a: activity, v: volunteer, at: '2026-11-05T04:10:00Z' }, staff)
    ).checkOut;
    expect(hours.hours).toBe(3);
    await t.query<VerifyHoursMutation>(Op.VERIFY_HOURS, { id: hours.id }, staff);
    await t.query<RedeemMutation>(L.REDEEM, { v: volunteer, hours: 1 }, staff);
    expect(codeOf(await t.execute(L.REDEEM, { v: volunteer, hours: 2.5 }, staff))).toBe('INSUFFICIENT_BALANCE');
    const balance = await t.query<TimeBankBalanceQuery>(L.TIME_BANK_BALANCE, { id: volunteer }, staff);
    expect(balance.volunteer!.timeBankBalance).toBe(2);
    const ok = (await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger;
    expect(ok.ok).toBe(true);

    const [target] = await t.database.dataSource.query('SELECT id FROM hour_ledger_entry ORDER BY id LIMIT 1 OFFSET 5');
    await t.database.dataSource.query('UPDATE hour_ledger_entry SET half_hours = half_hours + 2 WHERE id = ?', [
      target.id,
    ]);
    const broken = (await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger;
    expect(broken).toMatchObject({ ok: false, firstBrokenEntryId: String(target.id), checkedEntries: 5 });
    expect(broken.reason).toContain('content');
    await t.database.dataSource.query('UPDATE hour_ledger_entry SET half_hours = half_hours - 2 WHERE id = ?', [
      target.id,
    ]);
    const [next] = await t.database.dataSource.query(
      'SELECT id FROM hour_ledger_entry WHERE id > ? ORDER BY id LIMIT 1',
      [target.id],
    );
    await t.database.dataSource.query('DELETE FROM hour_ledger_entry WHERE id = ?', [target.id]);
    const gap = (await t.query<VerifyLedgerQuery>(L.VERIFY_LEDGER, {}, admin)).verifyHourLedger;
    expect(gap).toMatchObject({ ok: false, firstBrokenEntryId: String(next.id) });
    expect(gap.reason).toContain('previous hash');
  });
});

test('staff of 下赫社区 open an elderly-care need, see candidates, match and resolve it, and the figures move', async () => {
  const xiaheStaff = { ...IDENTITIES.STAFF_IN, subject: 'staff-xiahe', regionId: XIAHE };
  const before = (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: XIAHE })).region!;
  const id = await submit(XIAHE, xiaheStaff);
  const need = (await t.query<CandidatesQuery>(L.NEED_CANDIDATES, { id }, xiaheStaff)).need!;
  expect(topsOf(need)).toEqual(expectedTops());
  for (const step of ['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed'])
    await t.query(Op.NEED_TRANSITION(step), { id }, xiaheStaff);
  const after = (await t.query<RegionListsQuery>(L.REGION_LISTS, { id: XIAHE })).region!;
  expect(after.linkageIndex.needsResolved).toBe(before.linkageIndex.needsResolved + 1);
  const resolved = (region: typeof after) => region.needList.find((e) => e.category === 'ELDERLY_CARE')?.resolved ?? 0;
  expect(resolved(after)).toBe(resolved(before) + 1);
});
