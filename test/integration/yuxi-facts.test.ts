import type {
  NamedOrganizationsQuery,
  NamedPlacesQuery,
  OrganizationNameQuery,
  OrganizationsByFoundingQuery,
  PolicyAndRoundQuery,
} from '../helpers/generated/operations';
import {
  NAMED_ORGANIZATIONS,
  NAMED_PLACES,
  ORGANIZATION_NAME,
  ORGANIZATIONS_BY_FOUNDING,
  POLICY_AND_ROUND,
  REGION_TREE,
} from '../helpers/operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import { isValidCreditCode } from '../../src/subgraphs/organization/credit-code';

// The named facts of docs/dataset.md, read through the public graph of the small city.
let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t?.close());

test('the region tree: 9 counties, 75 township-level units (24 街道, 25 镇, 26 乡) and the census population', async () => {
  const data = await t.query<{
    city: {
      population: number;
      children: { name: string; population: number }[];
      stationCoverage: Record<string, number | boolean>;
    };
    townships: { totalCount: number; nodes: { kind: string }[] };
  }>(REGION_TREE);
  expect(data.city.population).toBe(2249502);
  expect(data.city.children.map((c) => c.name).sort()).toEqual(
    [
      '红塔区',
      '江川区',
      '澄江市',
      '通海县',
      '华宁县',
      '易门县',
      '峨山彝族自治县',
      '新平彝族傣族自治县',
      '元江哈尼族彝族傣族自治县',
    ].sort(),
  );
  const populations = data.city.children.map((c) => c.population);
  expect(populations.reduce((a, b) => a + b, 0)).toBe(2249502);
  expect(populations.filter((p) => p > 500000)).toHaveLength(1);
  expect(populations.filter((p) => p >= 200000 && p < 300000)).toHaveLength(3);
  expect(populations.filter((p) => p >= 100000 && p < 200000)).toHaveLength(5);
  expect(data.townships.totalCount).toBe(75);
  const kinds = data.townships.nodes.map((n) => n.kind);
  expect(kinds.filter((k) => k === '街道')).toHaveLength(24);
  expect(kinds.filter((k) => k === '镇')).toHaveLength(25);
  expect(kinds.filter((k) => k === '乡')).toHaveLength(26);
  expect(data.city.stationCoverage).toMatchObject({
    counties: 9,
    townships: 75,
    countiesWithIncubationCenter: 9,
    complete: false,
  });
});

test('named places and stations: 葫田, 下赫, the children’s station and the incubation base', async () => {
  const data = await t.query<NamedPlacesQuery>(NAMED_PLACES);
  expect(data.hutian).toEqual({ name: '葫田社区', parent: { name: '凤凰街道', parent: { name: '红塔区' } } });
  expect(data.xiahe).toEqual({ name: '下赫社区', parent: { name: '李棋街道' } });
  const children = data.stations.nodes.find((s) => s.kind === 'CHILDREN_STATION')!;
  expect(children).toMatchObject({ servedPersonTimes: 7450, volunteerHours: 3640.5, region: { name: '下赫社区' } });
  expect(children.volunteerCount).toBeGreaterThan(100);
  expect(data.stations.nodes.map((s) => s.kind)).toContain('PARTY_MASS_CENTER');
  expect(data.base.nodes).toEqual([
    { name: '玉溪市社会组织培育孵化基地', investmentYuan: 3100000, floorAreaM2: 1200, region: { id: '530400000000' } },
  ]);
  expect(data.lelaohui.nodes[0]).toMatchObject({ kind: 'ELDERLY_STATION', region: { name: '葫田社区' } });
  expect(data.gaocang).toEqual({ name: '高仓街道', needStats: { total: 308, resolved: 308 } });
});

test('named organisations, the 远方 founder and the activities the report describes', async () => {
  const data = await t.query<NamedOrganizationsQuery>(NAMED_ORGANIZATIONS);
  const nuannuan = data.nuannuan.nodes[0];
  expect(nuannuan).toMatchObject({ name: '玉溪市暖暖公益协会', kind: 'CHARITY', region: { name: '红塔区' } });
  expect(isValidCreditCode(nuannuan.creditCode)).toBe(true);
  const visited = nuannuan.services.filter((s) => s.name === '困难老人入户慰问帮扶').map((s) => s.region?.name);
  expect(visited.sort()).toEqual(['高仓社区', '梁王坝社区', '桃源社区', '排山社区', '龙树社区'].sort());
  expect(data.yuanfang.nodes).toEqual([{ name: '通海县远方心理工作室', region: { name: '通海县' } }]);
  expect(data.founder.nodes).toEqual([
    {
      name: '远方心理工作室创办者',
      level: 'INTERMEDIATE',
      certifiedYear: 2018,
      organization: { id: expect.any(String) },
    },
  ]);
  expect(data.qixi.nodes[0]).toMatchObject({ title: '浪漫七夕节·浓浓邻里情', region: { name: '葫田社区' } });
  expect(data.qixi.nodes[0].description).toContain('12对');
  const themes = data.themes.nodes.map((n) => n.title);
  expect(themes).toEqual(
    expect.arrayContaining(['珍惜粮食', '垃圾分类', '我为党旗添光彩', '模拟法庭之未成年人保护法', '地震安全教育']),
  );
});

test('reward policy, talent awards, the reported exam figure and the 2020 project round', async () => {
  const data = await t.query<PolicyAndRoundQuery>(POLICY_AND_ROUND);
  expect(data.certificateRewards).toEqual([
    { level: 'ASSISTANT', title: '助理社会工作师', amountYuan: 2000 },
    { level: 'INTERMEDIATE', title: '社会工作师', amountYuan: 3000 },
    { level: 'SENIOR', title: '高级社会工作师', amountYuan: 10000 },
  ]);
  expect(data.talentAwards).toHaveLength(10);
  expect(data.talentAwards.every((a) => a.programme === '兴玉社工人才' && a.amountYuan === 50000)).toBe(true);
  expect(data.socialWorkExam!.applicants).toBe(3748);
  expect(data.projectRounds).toEqual([
    {
      name: '党群同心 共建美好家园',
      sponsor: '市委组织部',
      applicationCount: 57,
      fundedCount: 13,
      categories: [
        'CARE_WOMEN_CHILDREN',
        'ELDERLY_HARDSHIP',
        'COMMUNITY_SELF_GOVERNANCE',
        'NEIGHBORHOOD_GOVERNANCE',
        'STORYTELLING',
      ],
    },
  ]);
  const project = data.funded.nodes.find((p) => p.title === '党群同心 关爱妇儿')!;
  expect(project).toMatchObject({
    station: { name: '万裕生态城党群服务中心儿童服务站' },
    region: { name: '下赫社区' },
  });
  const applicant = await t.query<OrganizationNameQuery>(ORGANIZATION_NAME, { id: project.applicant!.id });
  expect(applicant.organization!.name).toBe('玉溪市义工联合会');
});

test('orderBy orders a list, and pages follow each other without overlap', async () => {
  const page = async (after?: string | null) =>
    (await t.query<OrganizationsByFoundingQuery>(ORGANIZATIONS_BY_FOUNDING, { after })).organizations;
  const first = await page();
  const second = await page(first.pageInfo.endCursor);
  const years = [...first.nodes, ...second.nodes].map((n) => n.foundedYear ?? 0);
  expect(years).toEqual([...years].sort((a, b) => a - b));
  const ids = [...first.nodes, ...second.nodes].map((n) => n.id);
  expect(new Set(ids).size).toBe(20);
  expect(first.pageInfo.hasNextPage).toBe(true);
});
