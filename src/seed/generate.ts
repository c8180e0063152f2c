import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config/paths';
import { ServiceCategory } from '../graphql/service-category';
import { Region, RegionLevel } from '../subgraphs/community/region.entity';
import { ServiceStation, StationKind, StationServiceRecord } from '../subgraphs/community/station.entity';
import { Allocation, CharityResource, CharityResourceKind } from '../subgraphs/charity/charity.entity';
import { LinkageCase, LinkageContribution, Society } from '../subgraphs/linkage/linkage-case.entity';
import { Need, NeedStatus, NeedUrgency } from '../subgraphs/linkage/need.entity';
import { ProjectCategory, ProjectRound, ProjectStatus, ServiceProject } from '../subgraphs/linkage/project.entity';
import { makeCreditCode } from '../subgraphs/organization/credit-code';
import {
  OrganizationKind,
  OrganizationStatus,
  SocialOrganization,
} from '../subgraphs/organization/organization.entity';
import { Service } from '../subgraphs/organization/service.entity';
import {
  CertificateReward,
  SocialWorker,
  SocialWorkerLevel,
  SocialWorkExamYear,
  TalentAward,
} from '../subgraphs/socialwork/social-worker.entity';
import {
  ActivityStatus,
  ServiceHours,
  Volunteer,
  VolunteerActivity,
  VolunteerTeam,
} from '../subgraphs/volunteer/volunteer.entity';
import {
  chain,
  GENESIS_HASH,
  HourLedgerEntry,
  HourLedgerHead,
  hoursReference,
  LEDGER_HEAD_ID,
  LedgerKind,
  type HoursRecord,
} from '../subgraphs/volunteer/ledger';
import { organizationName, personName, placeStem, shortCountyName, teamName } from './names';
import { cumulative, Random, splitExactly } from './random';
import * as Y from './yuxi';

export const SEED = 20210909;

export interface TableRows {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
  rows: Record<string, unknown>[];
}

export interface DatasetOptions {
  /** 1 = the city as reported; smaller values shrink the generated bulk, never the named facts. */
  scale: number;
}

interface Division {
  code: string;
  name: string;
}

function readDivisions(): { townships: Division[]; communities: Division[] } {
  const text = readFileSync(join(projectRoot(), 'src', 'seed', 'data', 'yuxi-divisions.tsv'), 'utf8');
  const all = text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [code, name] = line.split('\t');
      return { code, name };
    });
  return {
    townships: all.filter((d) => d.code.endsWith('000')),
    communities: all.filter((d) => !d.code.endsWith('000')),
  };
}

/** Every code of the division tree: the city, its counties, townships and communities. */
export function divisionCodes(): Set<string> {
  const { townships, communities } = readDivisions();
  return new Set([Y.CITY.code, ...Y.COUNTIES.map((c) => c.code), ...[...townships, ...communities].map((d) => d.code)]);
}

const townshipKind = (name: string) => (name.endsWith('街道') ? '街道' : name.endsWith('镇') ? '镇' : '乡');
const ALL_CATEGORIES = Object.values(ServiceCategory);
const ORG_KINDS: [OrganizationKind, number][] = [
  [OrganizationKind.COMMUNITY_ORG, 45],
  [OrganizationKind.OTHER, 25],
  [OrganizationKind.CHARITY, 12],
  [OrganizationKind.VOLUNTEER_ASSOCIATION, 10],
  [OrganizationKind.SOCIAL_WORK_AGENCY, 8],
];
const ORG_TYPE_CODE: Record<OrganizationKind, '1' | '2' | '3' | '9'> = {
  SOCIAL_WORK_AGENCY: '2',
  CHARITY: '3',
  COMMUNITY_ORG: '1',
  VOLUNTEER_ASSOCIATION: '1',
  OTHER: '9',
};
const SERVICE_NAMES: Record<ServiceCategory, string[]> = {
  ELDERLY_CARE: ['老年人助餐服务', '独居老人探访', '为老服务日间照料', '老年人健康讲座'],
  CHILD_CARE: ['四点半课堂', '留守儿童陪伴', '假期儿童托管'],
  WOMEN_FAMILY: ['家庭关系辅导', '妇女技能培训', '婚姻家庭调解'],
  DISABILITY: ['残疾人康复辅助', '助残上门服务'],
  MENTAL_HEALTH: ['心理疏导热线', '心理健康讲座', '情绪支持小组'],
  HARDSHIP_RELIEF: ['困难家庭帮扶', '低保户走访慰问', '临时救助对接'],
  HEALTH: ['义诊与健康咨询', '慢病管理指导'],
  EDUCATION: ['作业辅导', '周末兴趣班', '青少年阅读推广'],
  COMMUNITY_AFFAIRS: ['居民议事协商', '垃圾分类宣传', '邻里节活动'],
  LEGAL_AID: ['法律咨询', '矛盾纠纷调解'],
  OTHER: ['便民服务'],
};
const SCHEDULES = [
  '周一至周五 9:00-17:00',
  '每周六 9:00-11:30',
  '每周三下午',
  '每月第一个周日',
  '周一至周五 19:00-21:00',
  '预约上门',
];
const PROJECT_TITLES: Record<ProjectCategory, string> = {
  CARE_WOMEN_CHILDREN: '关爱妇儿',
  ELDERLY_HARDSHIP: '助老济困',
  COMMUNITY_SELF_GOVERNANCE: '社区自治',
  NEIGHBORHOOD_GOVERNANCE: '小区治理',
  STORYTELLING: '讲好玉溪故事',
};

function scaled(full: number, scale: number, minimum: number): number {
  return Math.max(minimum, Math.round(full * scale));
}

/** The default Yuxi dataset, deterministically from SEED. Ids are assigned here so rows can point at each other. */
export function generateYuxi({ scale }: DatasetOptions): TableRows[] {
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const random = new Random(SEED);
  const { townships, communities } = readDivisions();

  // 社区: the region tree; census population split over the communities of each county, exactly.
  const regions: Record<string, unknown>[] = [
    { id: Y.CITY.code, name: Y.CITY.name, level: RegionLevel.CITY, kind: '市', parentId: null, ownPopulation: 0 },
  ];
  for (const county of Y.COUNTIES) {
    regions.push({
      id: county.code,
      name: county.name,
      level: RegionLevel.COUNTY,
      kind: county.kind,
      parentId: Y.CITY.code,
      ownPopulation: 0,
    });
    const countyCommunities = communities.filter((c) => c.code.startsWith(county.code.slice(0, 6)));
    const weights = countyCommunities.map((c) => (c.name.endsWith('社区') ? 3 : 1) * (0.5 + random.next()));
    const populations = splitExactly(random, county.population, weights);
    for (const township of townships.filter((t) => t.code.startsWith(county.code.slice(0, 6)))) {
      regions.push({
        id: township.code,
        name: township.name,
        level: RegionLevel.TOWNSHIP,
        kind: townshipKind(township.name),
        parentId: county.code,
        ownPopulation: 0,
      });
    }
    countyCommunities.forEach((community, index) => {
      regions.push({
        id: community.code,
        name: community.name,
        level: RegionLevel.COMMUNITY,
        kind: community.name.endsWith('社区') ? '社区' : '村',
        parentId: `${community.code.slice(0, 9)}000`,
        ownPopulation: populations[index],
      });
    });
  }
  const leaves = regions.filter((r) => r.level === RegionLevel.COMMUNITY) as {
    id: string;
    name: string;
    ownPopulation: number;
  }[];
  const leafByPopulation = cumulative(leaves.map((l) => l.ownPopulation));
  const randomLeaf = () => leaves[random.weightedIndex(leafByPopulation)];
  const nameOf = new Map(regions.map((r) => [r.id as string, r.name as string]));
  const countyOf = (code: string) => `${code.slice(0, 6)}000000`;
  const townshipOf = (code: string) => `${code.slice(0, 9)}000`;

  // Stations: the named ones, then the 一中心一站一室 network as far as it reached in 2021.
  const stations: Record<string, unknown>[] = [];
  const addStation = (row: Omit<Record<string, unknown>, 'id'>) => {
    const station = {
      id: stations.length + 1,
      address: '',
      description: null,
      investmentYuan: null,
      floorAreaM2: null,
      openedYear: null,
      ...row,
    };
    stations.push(station);
    return station.id as number;
  };
  addStation({
    name: '玉溪市社会组织培育孵化基地',
    kind: StationKind.INCUBATION_CENTER,
    regionId: Y.CITY.code,
    description: '玉溪市社会组织服务中心建设的社会组织培育孵化、能力建设、资源对接枢纽型平台',
    investmentYuan: 3100000,
    floorAreaM2: 1200,
  });
  const lelaohui = addStation({
    name: '葫田社区“乐老汇”为老服务站',
    kind: StationKind.ELDERLY_STATION,
    regionId: Y.PLACES.hutian,
  });
  addStation({ name: '万裕生态城党群服务中心', kind: StationKind.PARTY_MASS_CENTER, regionId: Y.PLACES.xiahe });
  const childrenStation = addStation({
    name: '万裕生态城党群服务中心儿童服务站',
    kind: StationKind.CHILDREN_STATION,
    regionId: Y.PLACES.xiahe,
    description: '周一至周五夜间作业辅导、周末兴趣班、寒暑假班;主题活动:' + Y.CHILDREN_STATION.themes.join('、'),
  });
  const nursingHome = addStation({
    name: '高仓街道敬老院',
    kind: StationKind.ELDERLY_STATION,
    regionId: Y.PLACES.gaocangStreet,
  });
  for (const county of Y.COUNTIES) {
    addStation({
      name: `${shortCountyName(county.name)}社会组织孵化服务中心`,
      kind: StationKind.INCUBATION_CENTER,
      regionId: county.code,
      openedYear: random.int(2019, 2021),
    });
  }
  for (const township of townships) {
    if (random.chance(0.7))
      addStation({
        name: `${township.name}社工站`,
        kind: StationKind.SOCIAL_WORK_STATION,
        regionId: township.code,
        openedYear: random.int(2020, 2021),
      });
  }
  for (const community of communities) {
    if (random.chance(0.4))
      addStation({
        name: `${community.name}社工室`,
        kind: StationKind.SOCIAL_WORK_ROOM,
        regionId: community.code,
        openedYear: random.int(2020, 2021),
      });
  }
  const stationRecords = splitExactly(
    random,
    Y.CHILDREN_STATION.servedPersonTimes,
    Array.from({ length: 12 }, () => 1 + random.next()),
  ).map((personTimes, month) => ({
    stationId: childrenStation,
    servedOn: `${month < 4 ? 2021 : 2020}-${String(((month + 8) % 12) + 1).padStart(2, '0')}-28`,
    personTimes,
    activity: '作业辅导、兴趣班、假期班',
  }));

  // 社会组织: the three the report names, then generated ones up to 2,830 in the city.
  const organizations: Record<string, unknown>[] = [];
  const addOrganization = (row: {
    name: string;
    kind: OrganizationKind;
    regionId: string;
    category: ServiceCategory;
    description?: string;
    foundedYear?: number;
    partyBranch?: boolean;
  }) => {
    const id = organizations.length + 1;
    organizations.push({
      id,
      status: OrganizationStatus.ACTIVE,
      partyBranch: row.partyBranch ?? random.chance(0.3),
      foundedYear: row.foundedYear ?? random.int(2005, 2021),
      description: null,
      ...row,
      creditCode: makeCreditCode(ORG_TYPE_CODE[row.kind], row.regionId.slice(0, 6), `MJ${String(id).padStart(6, '0')}`),
    });
    return id;
  };
  const nuannuan = addOrganization({
    name: '玉溪市暖暖公益协会',
    kind: OrganizationKind.CHARITY,
    regionId: Y.PLACES.hongta,
    category: ServiceCategory.ELDERLY_CARE,
    description: '走访慰问失能、空巢、残障等困难老人,开展义演、健康知识讲座等公益服务',
  });
  const yuanfang = addOrganization({
    name: '通海县远方心理工作室',
    kind: OrganizationKind.SOCIAL_WORK_AGENCY,
    regionId: Y.PLACES.tonghai,
    category: ServiceCategory.MENTAL_HEALTH,
    description: '与社区对接,为居民提供心理疏导和精神抚慰',
  });
  const yigonglian = addOrganization({
    name: '玉溪市义工联合会',
    kind: OrganizationKind.VOLUNTEER_ASSOCIATION,
    regionId: Y.CITY.code,
    category: ServiceCategory.CHILD_CARE,
    partyBranch: true,
    description: '动员老师、在校大学生、社区党员参与志愿服务,协调公益慈善资金参与项目建设',
  });
  const lelaohuiTeam = addOrganization({
    name: '葫田社区乐老汇为老服务队',
    kind: OrganizationKind.COMMUNITY_ORG,
    regionId: Y.PLACES.hutian,
    category: ServiceCategory.ELDERLY_CARE,
  });
  const kindWeights = cumulative(ORG_KINDS.map(([, w]) => w));
  const generatedOrganizations = scaled(Y.CITY_TOTALS.organizations, scale, 80) - organizations.length;
  for (let i = 0; i < generatedOrganizations; i += 1) {
    const leaf = randomLeaf();
    const kind = ORG_KINDS[random.weightedIndex(kindWeights)][0];
    const atCounty = kind !== OrganizationKind.COMMUNITY_ORG && random.chance(0.6);
    const regionId = atCounty
      ? countyOf(leaf.id)
      : kind === OrganizationKind.COMMUNITY_ORG
        ? leaf.id
        : townshipOf(leaf.id);
    const place = atCounty ? shortCountyName(nameOf.get(regionId)!) : placeStem(nameOf.get(regionId)!);
    addOrganization({
      name: organizationName(random, place, kind),
      kind,
      regionId,
      category: random.pick(ALL_CATEGORIES),
    });
  }

  // 服务: named services, then one or two per generated organisation.
  const services: Record<string, unknown>[] = [];
  const addService = (row: Record<string, unknown>) =>
    services.push({
      id: services.length + 1,
      description: null,
      stationId: null,
      schedule: '',
      capacity: null,
      active: true,
      ...row,
    });
  Y.PLACES.gaocangCommunities.forEach((code) =>
    addService({
      name: '困难老人入户慰问帮扶',
      category: ServiceCategory.ELDERLY_CARE,
      providerId: nuannuan,
      regionId: code,
      description: '为失能、空巢、残障等困难老人入户慰问帮扶',
      schedule: '每月走访',
    }),
  );
  addService({
    name: '敬老院义演与健康知识讲座',
    category: ServiceCategory.HEALTH,
    providerId: nuannuan,
    regionId: Y.PLACES.gaocangStreet,
    stationId: nursingHome,
    schedule: '每季度',
  });
  addService({
    name: '居民心理疏导与精神抚慰',
    category: ServiceCategory.MENTAL_HEALTH,
    providerId: yuanfang,
    regionId: Y.PLACES.tonghai,
    schedule: '预约',
  });
  addService({
    name: '夜间作业辅导',
    category: ServiceCategory.EDUCATION,
    providerId: yigonglian,
    regionId: Y.PLACES.xiahe,
    stationId: childrenStation,
    schedule: '周一至周五 19:00-21:00',
    capacity: 40,
  });
  addService({
    name: '周末兴趣班',
    category: ServiceCategory.CHILD_CARE,
    providerId: yigonglian,
    regionId: Y.PLACES.xiahe,
    stationId: childrenStation,
    schedule: '周六、周日',
    description: '古筝、书法、《三字经》、折纸、交通安全课',
  });
  addService({
    name: '寒暑假班',
    category: ServiceCategory.CHILD_CARE,
    providerId: yigonglian,
    regionId: Y.PLACES.xiahe,
    stationId: childrenStation,
    schedule: '寒暑假',
    description: '大学生志愿者陪伴照看儿童、辅导作业',
  });
  addService({
    name: '乐老汇为老服务',
    category: ServiceCategory.ELDERLY_CARE,
    providerId: lelaohuiTeam,
    regionId: Y.PLACES.hutian,
    stationId: lelaohui,
    schedule: '周一至周五 9:00-17:00',
    description: '老年人文化活动、节日联谊',
  });
  for (const organization of organizations.slice(4)) {
    const count = random.chance(0.4) ? 2 : 1;
    for (let i = 0; i < count; i += 1) {
      const category = i === 0 ? (organization.category as ServiceCategory) : random.pick(ALL_CATEGORIES);
      const regionId =
        (organization.regionId as string).endsWith('000') && random.chance(0.5)
          ? randomLeafIn(organization.regionId as string)
          : organization.regionId;
      addService({
        name: random.pick(SERVICE_NAMES[category]),
        category,
        providerId: organization.id,
        regionId,
        schedule: random.pick(SCHEDULES),
        capacity: random.chance(0.5) ? random.int(10, 60) : null,
      });
    }
  }
  function randomLeafIn(code: string): string {
    const prefix = code.replace(/0+$/, '');
    const inside = leaves.filter((l) => l.id.startsWith(prefix));
    return inside.length ? random.pick(inside).id : code;
  }

  // 社会工作者, the reward policy and the 兴玉社工人才 awards.
  const workers: Record<string, unknown>[] = [];
  const levelWeights = cumulative([70, 25, 5]);
  const levels = [SocialWorkerLevel.ASSISTANT, SocialWorkerLevel.INTERMEDIATE, SocialWorkerLevel.SENIOR];
  workers.push({
    id: 1,
    name: '远方心理工作室创办者',
    level: SocialWorkerLevel.INTERMEDIATE,
    certifiedYear: 2018,
    regionId: Y.PLACES.tonghai,
    organizationId: yuanfang,
    stationId: null,
    specialtyList: ServiceCategory.MENTAL_HEALTH,
  });
  const agencies = organizations.filter((o) => o.kind === OrganizationKind.SOCIAL_WORK_AGENCY);
  const networkStations = stations.filter(
    (s) => s.kind === StationKind.SOCIAL_WORK_STATION || s.kind === StationKind.SOCIAL_WORK_ROOM,
  );
  const workerCount = scaled(1500, scale, 40);
  for (let id = 2; id <= workerCount; id += 1) {
    const station = random.chance(0.5) ? random.pick(networkStations) : null;
    const agency = random.chance(0.6) ? random.pick(agencies) : null;
    workers.push({
      id,
      name: personName(random),
      level: levels[random.weightedIndex(levelWeights)],
      certifiedYear: random.int(2010, 2021),
      regionId: (station?.regionId ?? agency?.regionId ?? randomLeaf().id) as string,
      organizationId: agency?.id ?? null,
      stationId: station?.id ?? null,
      specialtyList: [...new Set([random.pick(ALL_CATEGORIES), random.pick(ALL_CATEGORIES)])].join(','),
    });
  }
  const awardees = workers.filter((w) => w.level !== SocialWorkerLevel.ASSISTANT).slice(0, Y.TALENT_PROGRAMME.people);
  const awards = awardees.map((w, index) => ({
    id: index + 1,
    socialWorkerId: w.id,
    programme: Y.TALENT_PROGRAMME.name,
    year: Y.TALENT_PROGRAMME.year,
    amountYuan: Y.TALENT_PROGRAMME.amountYuan,
  }));

  // 社区志愿者: teams, volunteers (the children's station's own, then the city's), activities and hours.
  const teams: Record<string, unknown>[] = [];
  const teamCount = scaled(Y.CITY_TOTALS.volunteerTeams, scale, 30);
  const associations = organizations.filter((o) => o.kind === OrganizationKind.VOLUNTEER_ASSOCIATION);
  for (let id = 1; id <= teamCount; id += 1) {
    const leaf = randomLeaf();
    const regionId = random.chance(0.5) ? leaf.id : townshipOf(leaf.id);
    teams.push({
      id,
      name: teamName(random, placeStem(nameOf.get(regionId)!)),
      regionId,
      organizationId: random.chance(0.3) ? random.pick(associations).id : null,
      foundedYear: random.int(2008, 2021),
    });
  }
  const teamsByCounty = new Map<string, number[]>();
  for (const team of teams) {
    const county = countyOf(team.regionId as string);
    teamsByCounty.set(county, [...(teamsByCounty.get(county) ?? []), team.id as number]);
  }
  const volunteers: Record<string, unknown>[] = [];
  for (let i = 0; i < Y.CHILDREN_STATION.volunteers; i += 1) {
    volunteers.push({
      id: volunteers.length + 1,
      name: personName(random),
      regionId: Y.PLACES.xiahe,
      teamId: null,
      stationId: childrenStation,
      skill: random.pick([ServiceCategory.EDUCATION, ServiceCategory.CHILD_CARE]),
      registeredYear: random.int(2018, 2021),
    });
  }
  const volunteersByLeaf = new Map<string, number[]>();
  const volunteerCount = scaled(Y.CITY_TOTALS.volunteers, scale, 500);
  while (volunteers.length < volunteerCount) {
    const leaf = randomLeaf();
    const id = volunteers.length + 1;
    const countyTeams = teamsByCounty.get(countyOf(leaf.id));
    volunteers.push({
      id,
      name: personName(random),
      regionId: leaf.id,
      teamId: countyTeams && random.chance(0.6) ? random.pick(countyTeams) : null,
      stationId: null,
      skill: random.pick(ALL_CATEGORIES),
      registeredYear: random.int(2012, 2021),
    });
    const list = volunteersByLeaf.get(leaf.id);
    if (list) list.push(id);
    else volunteersByLeaf.set(leaf.id, [id]);
  }
  const activities: Record<string, unknown>[] = [];
  const addActivity = (row: Record<string, unknown>) => {
    activities.push({
      id: activities.length + 1,
      description: null,
      stationId: null,
      teamId: null,
      organizationId: null,
      capacity: null,
      status: ActivityStatus.FINISHED,
      ...row,
    });
    return activities.length;
  };
  addActivity({
    title: '浪漫七夕节·浓浓邻里情',
    category: ServiceCategory.ELDERLY_CARE,
    regionId: Y.PLACES.hutian,
    stationId: lelaohui,
    organizationId: lelaohuiTeam,
    startsOn: '2021-08-14',
    description: '辖区12对钻石婚、金婚、银婚和军婚夫妇相聚庆祝传统节日,分享爱情故事和生活感悟',
  });
  addActivity({
    title: '困难老人入户慰问帮扶',
    category: ServiceCategory.ELDERLY_CARE,
    regionId: Y.PLACES.gaocangStreet,
    organizationId: nuannuan,
    startsOn: '2020-12-20',
    description: `走进高仓社区、梁王坝社区、桃源社区、排山社区、龙树社区${Y.NUANNUAN_HOUSEHOLDS}户失能、空巢、残障等困难老人家中慰问帮扶`,
  });
  addActivity({
    title: '敬老院义演与健康知识讲座',
    category: ServiceCategory.HEALTH,
    regionId: Y.PLACES.gaocangStreet,
    stationId: nursingHome,
    organizationId: nuannuan,
    startsOn: '2021-03-05',
  });
  const themeActivities = Y.CHILDREN_STATION.themes.map((theme, index) =>
    addActivity({
      title: theme,
      category: ServiceCategory.CHILD_CARE,
      regionId: Y.PLACES.xiahe,
      stationId: childrenStation,
      organizationId: yigonglian,
      startsOn: `2021-0${index + 3}-15`,
      description: '万裕生态城党群服务中心儿童服务站主题活动',
    }),
  );
  const activityCount = scaled(Y.CITY_TOTALS.volunteerActivities, scale, 100);
  while (activities.length < activityCount) {
    const team = random.pick(teams);
    const category = random.pick(ALL_CATEGORIES);
    addActivity({
      title: `${placeStem(nameOf.get(team.regionId as string)!)}${random.pick(SERVICE_NAMES[category])}`,
      category,
      regionId: team.regionId,
      teamId: team.id,
      organizationId: team.organizationId,
      startsOn: random.date(2016, 2021),
      capacity: random.int(5, 50),
    });
  }
  const hours: Record<string, unknown>[] = [];
  const stationVolunteerIds = volunteers.slice(0, Y.CHILDREN_STATION.volunteers).map((v) => v.id as number);
  splitExactly(
    random,
    Y.CHILDREN_STATION.halfHours,
    stationVolunteerIds.map(() => 1 + random.next()),
  ).forEach((halfHours, index) => {
    hours.push({
      id: hours.length + 1,
      volunteerId: stationVolunteerIds[index],
      activityId: themeActivities[index % themeActivities.length],
      stationId: childrenStation,
      regionId: Y.PLACES.xiahe,
      halfHours,
      servedOn: '2021-08-31',
    });
  });
  for (const activity of activities.slice(8)) {
    const regionId = activity.regionId as string;
    const nearby = volunteersByLeaf.get(regionId) ?? volunteersByLeaf.get(randomLeafIn(regionId));
    if (!nearby) continue;
    hours.push({
      id: hours.length + 1,
      volunteerId: random.pick(nearby),
      activityId: activity.id,
      stationId: null,
      regionId,
      halfHours: random.int(2, 8),
      servedOn: activity.startsOn,
    });
  }

  // 时间银行: every verified hour is earned in the tamper-evident ledger, in order.
  const ledger = chain(
    GENESIS_HASH,
    hours.map((h) => ({
      volunteerId: h.volunteerId as number,
      kind: LedgerKind.EARN,
      halfHours: h.halfHours as number,
      reference: hoursReference(h as unknown as HoursRecord),
      recordedAt: `${h.servedOn}T12:00:00Z`,
    })),
  ).map((entry, index) => ({ id: index + 1, ...entry }));

  // 需求 and 联动: the 308 households 暖暖公益协会 visited, as resolved needs with their linkage cases.
  const needs: Record<string, unknown>[] = [];
  const cases: Record<string, unknown>[] = [];
  const contributions: Record<string, unknown>[] = [];
  const visitTeams = teams.filter((t) => (t.regionId as string).startsWith('530402')).map((t) => t.id as number);
  const householdsPerCommunity = splitExactly(
    random,
    Y.NUANNUAN_HOUSEHOLDS,
    Y.PLACES.gaocangCommunities.map(() => 1),
  );
  Y.PLACES.gaocangCommunities.forEach((communityId, c) => {
    for (let h = 0; h < householdsPerCommunity[c]; h += 1) {
      const id = needs.length + 1;
      const submitted = new Date(Date.UTC(2020, 5 + (h % 6), 1 + (h % 27), 9));
      needs.push({
        id,
        number: `XQ${submitted.toISOString().slice(0, 10).replace(/-/g, '')}-${String(id).padStart(4, '0')}`,
        category: ServiceCategory.ELDERLY_CARE,
        description: random.pick(['失能老人生活照料与慰问', '空巢老人探访与陪伴', '残障老人入户帮扶']),
        urgency: NeedUrgency.NORMAL,
        status: NeedStatus.RESOLVED,
        communityId,
        submittedAt: submitted,
        resolvedAt: new Date(submitted.getTime() + random.int(3, 40) * 86400000),
        rating: random.int(4, 5),
      });
      cases.push({ id, needId: id, openedAt: new Date(submitted.getTime() + 86400000) });
      contributions.push(
        {
          caseId: id,
          society: Society.COMMUNITY,
          referenceId: communityId,
          description: '社区摸排困难老人并对接',
          halfHours: 0,
        },
        {
          caseId: id,
          society: Society.ORGANIZATION,
          referenceId: String(nuannuan),
          description: '玉溪市暖暖公益协会入户慰问帮扶',
          halfHours: 0,
        },
        {
          caseId: id,
          society: Society.VOLUNTEER,
          referenceId: String(random.pick(visitTeams)),
          description: '志愿者入户陪伴',
          halfHours: random.int(2, 6),
        },
      );
    }
  });

  // 社会慈善资源 and the 2020 project round.
  const resources: Record<string, unknown>[] = [];
  const projectFunds = {
    id: 1,
    name: '“党群同心 关爱妇儿”项目公益慈善资金',
    kind: CharityResourceKind.FUNDS,
    donor: '公益慈善资金(义工联协调)',
    regionId: Y.CITY.code,
    category: ServiceCategory.CHILD_CARE,
    amount: 50000,
    unit: '元',
    receivedOn: '2020-09-01',
    description: null,
  };
  resources.push(projectFunds);
  const resourceKinds = Object.values(CharityResourceKind);
  for (let id = 2; id <= scaled(400, scale, 20); id += 1) {
    const kind = random.pick(resourceKinds);
    const leaf = randomLeaf();
    resources.push({
      id,
      name: `${placeStem(leaf.name)}${{ FUNDS: '爱心基金', GOODS: '爱心物资', VENUE: '公益活动场地', SERVICE: '志愿专业服务' }[kind]}`,
      kind,
      donor: `${random.pick(['爱心企业', '爱心人士', '慈善总会', '商会'])}${random.int(1, 99)}`,
      regionId: leaf.id,
      category: random.chance(0.7) ? random.pick(ALL_CATEGORIES) : null,
      amount: kind === CharityResourceKind.FUNDS ? random.int(10, 500) * 100 : random.int(1, 200),
      unit: { FUNDS: '元', GOODS: '件', VENUE: '次', SERVICE: '小时' }[kind],
      receivedOn: random.date(2019, 2021),
      description: null,
    });
  }
  const round = {
    id: 1,
    name: Y.PROJECT_ROUND_2020.name,
    sponsor: Y.PROJECT_ROUND_2020.sponsor,
    openedOn: Y.PROJECT_ROUND_2020.openedOn,
    quota: Y.PROJECT_ROUND_2020.funded,
  };
  const projectCategories = Object.values(ProjectCategory);
  const projects: Record<string, unknown>[] = [
    {
      id: 1,
      roundId: 1,
      title: '党群同心 关爱妇儿',
      category: ProjectCategory.CARE_WOMEN_CHILDREN,
      status: ProjectStatus.COMPLETED,
      applicantId: yigonglian,
      stationId: childrenStation,
      regionId: Y.PLACES.xiahe,
      score: 95,
      summary: '在万裕生态城党群服务中心儿童服务站为辖区儿童提供夜间作业辅导、周末兴趣班、寒暑假班等服务',
    },
  ];
  const applicants = organizations.slice(4).filter((o) => o.kind !== OrganizationKind.OTHER);
  for (let id = 2; id <= Y.PROJECT_ROUND_2020.applications; id += 1) {
    const category = projectCategories[(id - 1) % projectCategories.length];
    const applicant = applicants[(id * 7) % applicants.length];
    const funded = id <= Y.PROJECT_ROUND_2020.funded;
    projects.push({
      id,
      roundId: 1,
      title: `党群同心 ${PROJECT_TITLES[category]}·${placeStem(nameOf.get(applicant.regionId as string)!)}`,
      category,
      status: funded ? ProjectStatus.COMPLETED : ProjectStatus.REJECTED,
      applicantId: applicant.id,
      stationId: null,
      regionId: applicant.regionId,
      score: funded ? random.int(80, 94) : random.int(50, 79),
      summary: null,
    });
  }
  const allocations = [
    {
      id: 1,
      resourceId: projectFunds.id,
      needId: null,
      projectId: 1,
      amount: 50000,
      allocatedOn: '2020-09-10',
      note: '“党群同心 关爱妇儿”项目建设',
    },
  ];

  return [
    { entity: Region, rows: regions },
    { entity: ServiceStation, rows: stations },
    { entity: StationServiceRecord, rows: stationRecords },
    { entity: SocialOrganization, rows: organizations },
    { entity: Service, rows: services },
    { entity: CertificateReward, rows: Y.CERTIFICATE_REWARDS.map((r) => ({ ...r })) },
    { entity: SocialWorkExamYear, rows: [{ ...Y.EXAM_2021 }] },
    { entity: SocialWorker, rows: workers },
    { entity: TalentAward, rows: awards },
    { entity: VolunteerTeam, rows: teams },
    { entity: Volunteer, rows: volunteers },
    { entity: VolunteerActivity, rows: activities },
    { entity: ServiceHours, rows: hours },
    { entity: HourLedgerEntry, rows: ledger },
    {
      entity: HourLedgerHead,
      rows: [{ id: LEDGER_HEAD_ID, lastEntryId: ledger.length, lastHash: ledger.at(-1)?.hash ?? GENESIS_HASH }],
    },
    { entity: Need, rows: needs },
    { entity: LinkageCase, rows: cases },
    { entity: LinkageContribution, rows: contributions },
    { entity: CharityResource, rows: resources },
    { entity: ProjectRound, rows: [round] },
    { entity: ServiceProject, rows: projects },
    { entity: Allocation, rows: allocations },
  ];
}
