import type { Identity } from '../../src/auth/identity';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as C from '../helpers/contact-operations';
import type {
  OrganizationContactQuery,
  RegionOrganizationContactsQuery,
  RegionStationContactsQuery,
  RegisterOrganizationContactMutation,
  StationContactQuery,
  UpdateOrganizationContactMutation,
  UpdateStationContactMutation,
} from '../helpers/generated/operations';
import { IDENTITIES, JIANGCHUAN, orgIdentity, XIAHE } from '../helpers/identities';
import { codeOf, startTestHub, type TestHub } from '../helpers/test-hub';

// Organisations and stations carry public contact details: a public line and an address. The seed gives every
// one of them plausible generated values; staff (and an organisation for itself) set and correct them, checked.
const HONGTA = '530402000000';
const ADMIN = IDENTITIES.ADMIN;
/** A Yuxi fixed line as the demo data writes it: area code 0877, a 7-digit local number. */
const YUXI_FIXED_LINE = /^0877-[2-9]\d{6}$/;

let t: TestHub;
let ownOrg: string;
let otherOrg: string;
let ourStation: string;
let theirStation: string;
let codes = 0;

async function register(regionId: string, contact: Record<string, unknown> = {}, as: Identity = ADMIN) {
  codes += 1;
  const creditCode = makeCreditCode('1', regionId.slice(0, 6), `CT${String(codes).padStart(6, '0')}`);
  return t.execute<RegisterOrganizationContactMutation>(
    C.REGISTER_ORGANIZATION_CONTACT,
    {
      input: {
        name: `联系测试组织${codes}`,
        kind: 'COMMUNITY_ORG',
        creditCode,
        regionId,
        category: 'HEALTH',
        ...contact,
      },
    },
    as,
  );
}

async function allPages<N>(
  fetch: (
    after: string | null,
  ) => Promise<{ pageInfo: { hasNextPage: boolean; endCursor?: string | null }; nodes: N[] }>,
) {
  const nodes: N[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetch(after);
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor ?? null;
  }
}

const organizationRow = async (id: string) =>
  (await t.query<OrganizationContactQuery>(C.ORGANIZATION_CONTACT, { id })).organization!;
const stationRow = async (id: string) =>
  (await t.query<StationContactQuery>(C.STATION_CONTACT, { id })).serviceStation!;

beforeAll(async () => {
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
  ownOrg = (await register(XIAHE)).data!.registerOrganization.id;
  otherOrg = (await register(JIANGCHUAN)).data!.registerOrganization.id;
  const stations = async (regionId: string) =>
    (await t.query<RegionStationContactsQuery>(C.REGION_STATION_CONTACTS, { regionId })).serviceStations.nodes;
  ourStation = (await stations(XIAHE)).find((s) => s.name === '万裕生态城党群服务中心')!.id;
  theirStation = (await stations(JIANGCHUAN))[0].id;
});
afterAll(() => t?.close());

describe('the seeded contact details', () => {
  test('every organisation and station of 红塔区 has a Yuxi public line and an address in 红塔区, no line twice', async () => {
    const organizations = await allPages(
      async (after) =>
        (await t.query<RegionOrganizationContactsQuery>(C.REGION_ORGANIZATION_CONTACTS, { regionId: HONGTA, after }))
          .organizations,
    );
    const stations = await allPages(
      async (after) =>
        (await t.query<RegionStationContactsQuery>(C.REGION_STATION_CONTACTS, { regionId: HONGTA, after }))
          .serviceStations,
    );
    // The two organisations this file registered carry no contact details; every seeded one does.
    const seeded = organizations.filter((o) => !o.name.startsWith('联系测试组织'));
    expect(seeded.length).toBeGreaterThan(5);
    expect(stations.length).toBeGreaterThan(20);
    for (const row of [...seeded, ...stations]) {
      expect({ name: row.name, phone: row.publicPhone }).toEqual({
        name: row.name,
        phone: expect.stringMatching(YUXI_FIXED_LINE),
      });
      expect({ name: row.name, address: row.address }).toEqual({
        name: row.name,
        address: expect.stringMatching(/^红塔区\S{2,}(号|党群服务中心|便民服务中心|万裕生态城\S*)$/),
      });
    }
    const phones = [...seeded, ...stations].map((row) => row.publicPhone);
    expect(new Set(phones).size).toBe(phones.length);
  });

  test('the named stations are where the report puts them', async () => {
    const stations = (await t.query<RegionStationContactsQuery>(C.REGION_STATION_CONTACTS, { regionId: XIAHE }))
      .serviceStations.nodes;
    expect(stations.find((s) => s.name === '万裕生态城党群服务中心')?.address).toBe('红塔区李棋街道下赫社区万裕生态城');
    const hutian = (
      await t.query<RegionStationContactsQuery>(C.REGION_STATION_CONTACTS, { regionId: '530402002004' })
    ).serviceStations.nodes.find((s) => s.name === '葫田社区“乐老汇”为老服务站');
    expect(hutian?.address).toBe('红塔区凤凰街道葫田社区党群服务中心');
  });
});

describe('organisations set their contact details', () => {
  test('registering with a public line and an address stores them trimmed', async () => {
    const result = await register(XIAHE, {
      publicPhone: ' 0877-2051234 ',
      address: ' 红塔区李棋街道下赫社区文化路8号 ',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerOrganization).toMatchObject({
      publicPhone: '0877-2051234',
      address: '红塔区李棋街道下赫社区文化路8号',
    });
  });

  test('an organisation corrects its own line and address; an empty value clears them', async () => {
    const own = orgIdentity(Number(ownOrg));
    const set = await t.query<UpdateOrganizationContactMutation>(
      C.UPDATE_ORGANIZATION_CONTACT,
      { id: ownOrg, input: { publicPhone: '12349', address: '红塔区李棋街道下赫社区党群服务中心' } },
      own,
    );
    expect(set.updateOrganization).toEqual({
      id: ownOrg,
      publicPhone: '12349',
      address: '红塔区李棋街道下赫社区党群服务中心',
    });
    const cleared = await t.query<UpdateOrganizationContactMutation>(
      C.UPDATE_ORGANIZATION_CONTACT,
      { id: ownOrg, input: { publicPhone: '', address: null } },
      IDENTITIES.STAFF_IN,
    );
    expect(cleared.updateOrganization).toEqual({ id: ownOrg, publicPhone: null, address: '' });
  });

  test.each([
    ['letters', 'abc-defg'],
    ['a double dash', '0877--2051234'],
    ['a trailing dash', '0877-2051234-'],
    ['spaces inside', '0877 205 1234'],
    ['too few digits', '1234'],
    ['more than 15 digits', '0877-2051234-12345678'],
    ['a plus sign inside', '0877+2051234'],
  ])('a public line with %s is refused and nothing changes', async (_, publicPhone) => {
    await t.query(C.UPDATE_ORGANIZATION_CONTACT, { id: ownOrg, input: { publicPhone: '0877-2051111' } }, ADMIN);
    const before = await organizationRow(ownOrg);
    const update = await t.execute(
      C.UPDATE_ORGANIZATION_CONTACT,
      { id: ownOrg, input: { publicPhone } },
      IDENTITIES.STAFF_IN,
    );
    const registration = await register(XIAHE, { publicPhone });
    expect([codeOf(update), codeOf(registration)]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(update.errors![0].message).toMatch(/电话号码格式不正确.*publicPhone/);
    const after = await organizationRow(ownOrg);
    expect(after).toEqual(before);
  });

  test('an address of 255 characters is kept; 256 characters or a line break are refused', async () => {
    const longest = '红'.repeat(255);
    const kept = await t.query<UpdateOrganizationContactMutation>(
      C.UPDATE_ORGANIZATION_CONTACT,
      { id: ownOrg, input: { address: longest } },
      ADMIN,
    );
    expect(kept.updateOrganization.address).toBe(longest);
    for (const address of ['红'.repeat(256), '红塔区\n文化路8号']) {
      const refused = await t.execute(C.UPDATE_ORGANIZATION_CONTACT, { id: ownOrg, input: { address } }, ADMIN);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    }
    const after = await organizationRow(ownOrg);
    expect(after.address).toBe(longest);
  });

  test('nobody else corrects an organisation: another organisation, staff of another region', async () => {
    const input = { publicPhone: '0877-2059999' };
    const refusals = await Promise.all(
      [orgIdentity(Number(otherOrg)), IDENTITIES.STAFF_OUT, IDENTITIES.BOT_IN, IDENTITIES.PUBLIC].map(async (as) =>
        codeOf(await t.execute(C.UPDATE_ORGANIZATION_CONTACT, { id: ownOrg, input }, as)),
      ),
    );
    expect(refusals).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const after = await organizationRow(ownOrg);
    expect(after.publicPhone).not.toBe('0877-2059999');
  });
});

describe('staff correct a station', () => {
  test("staff of the station's region set its line and address", async () => {
    const result = await t.query<UpdateStationContactMutation>(
      C.UPDATE_STATION_CONTACT,
      { id: ourStation, input: { publicPhone: '0877-2066666', address: '红塔区李棋街道下赫社区万裕生态城1栋' } },
      IDENTITIES.STAFF_IN,
    );
    expect(result.updateServiceStation).toEqual({
      id: ourStation,
      publicPhone: '0877-2066666',
      address: '红塔区李棋街道下赫社区万裕生态城1栋',
    });
    expect(await stationRow(ourStation)).toMatchObject({
      publicPhone: '0877-2066666',
      address: '红塔区李棋街道下赫社区万裕生态城1栋',
    });
  });

  type Refusal = [string, Identity, () => string, Record<string, string>, string];
  test.each<Refusal>([
    ['staff of another region', IDENTITIES.STAFF_OUT, () => ourStation, {}, 'FORBIDDEN'],
    ['staff, a station of another region', IDENTITIES.STAFF_IN, () => theirStation, {}, 'FORBIDDEN'],
    ["the region's bot", IDENTITIES.BOT_IN, () => ourStation, {}, 'FORBIDDEN'],
    ['an organisation', orgIdentity(1), () => ourStation, {}, 'FORBIDDEN'],
    ['the public', IDENTITIES.PUBLIC, () => ourStation, {}, 'FORBIDDEN'],
    ['no such station', IDENTITIES.STAFF_IN, () => '999999999', {}, 'NOT_FOUND'],
    ['a region code as station id', IDENTITIES.STAFF_IN, () => XIAHE, {}, 'NOT_FOUND'],
    ['an id that is no number', IDENTITIES.STAFF_IN, () => 'abc', {}, 'BAD_USER_INPUT'],
    ['a malformed line', IDENTITIES.STAFF_IN, () => ourStation, { publicPhone: '0877-abc' }, 'BAD_USER_INPUT'],
    ['a too long address', IDENTITIES.STAFF_IN, () => ourStation, { address: '站'.repeat(256) }, 'BAD_USER_INPUT'],
  ])('%s: refused and nothing changes', async (_, as, id, contact, code) => {
    const before = [await stationRow(ourStation), await stationRow(theirStation)];
    const result = await t.execute(
      C.UPDATE_STATION_CONTACT,
      { id: id(), input: { publicPhone: '0877-2077777', ...contact } },
      as,
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect([await stationRow(ourStation), await stationRow(theirStation)]).toEqual(before);
  });

  test('parallel corrections leave one of them whole, never a line of one and the address of another', async () => {
    const corrections = Array.from({ length: 8 }, (_, i) => ({
      publicPhone: `0877-20800${String(i).padStart(2, '0')}`,
      address: `红塔区李棋街道下赫社区万裕生态城${i + 1}栋`,
    }));
    const results = await Promise.all(
      corrections.map((input) => t.execute(C.UPDATE_STATION_CONTACT, { id: ourStation, input }, IDENTITIES.STAFF_IN)),
    );
    // A parallel write may be asked to retry (CONFLICT); none fails otherwise.
    expect(
      results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').filter((c) => c !== 'OK' && c !== 'CONFLICT'),
    ).toEqual([]);
    const { publicPhone, address } = await stationRow(ourStation);
    const applied = corrections.filter((_, i) => !results[i].errors);
    expect(applied).toContainEqual({ publicPhone, address });
  });
});

test('the station and organisation lines are public: an anonymous reader sees them', async () => {
  const station = await t.query<StationContactQuery>(C.STATION_CONTACT, { id: theirStation }, IDENTITIES.PUBLIC);
  expect(station.serviceStation!.regionId.startsWith(JIANGCHUAN.slice(0, 6))).toBe(true);
  expect(station.serviceStation!.publicPhone).toMatch(YUXI_FIXED_LINE);
});
