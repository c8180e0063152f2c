import { ServiceCategory } from '../graphql/service-category';
import { makeCreditCode } from '../subgraphs/organization/credit-code';
import {
  OrganizationKind,
  OrganizationStatus,
  SocialOrganization,
} from '../subgraphs/organization/organization.entity';
import { Service } from '../subgraphs/organization/service.entity';
import type { City } from './city';
import type { NamedStations } from './community';
import type { Contacts } from './contacts';
import { countyOf, townshipOf } from './divisions';
import { ALL_CATEGORIES, organizationName, placeStem, SERVICE_NAMES, shortCountyName } from './names';
import { cumulative } from './random';
import { table, type Row } from './rows';
import * as Y from './yuxi';

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
const SCHEDULES = [
  '周一至周五 9:00-17:00',
  '每周六 9:00-11:30',
  '每周三下午',
  '每月第一个周日',
  '周一至周五 19:00-21:00',
  '预约上门',
];

type OrganizationDraft = Pick<SocialOrganization, 'name' | 'kind' | 'regionId' | 'category'> &
  Partial<Pick<SocialOrganization, 'description' | 'foundedYear' | 'partyBranch'>>;
type ServiceDraft = Pick<Service, 'name' | 'category' | 'providerId' | 'regionId'> &
  Partial<Pick<Service, 'description' | 'stationId' | 'schedule' | 'capacity'>>;

/** The organisations the report names, which other societies' named rows refer to. */
export interface NamedOrganizations {
  nuannuan: number;
  yuanfang: number;
  yigonglian: number;
  lelaohuiTeam: number;
}
/** The named organisations come first; the rest are generated. */
const NAMED_ORGANIZATIONS = 4;

/** 社会组织: the ones the report names, then generated ones up to 2,830 in the city; then their services. */
export function generateOrganizations(city: City, stations: NamedStations, contacts: Contacts) {
  const { random } = city;
  const organizations: Row<SocialOrganization>[] = [];
  const addOrganization = (row: OrganizationDraft) => {
    const id = organizations.length + 1;
    organizations.push({
      id,
      status: OrganizationStatus.ACTIVE,
      partyBranch: row.partyBranch ?? random.chance(0.3),
      foundedYear: row.foundedYear ?? random.int(2005, 2021),
      description: null,
      ...row,
      // A community's own organisations meet at its 党群服务中心; the others keep an office on a street.
      address:
        row.kind === OrganizationKind.COMMUNITY_ORG && !row.regionId.endsWith('000')
          ? contacts.stationAddress(row.regionId)
          : contacts.streetAddress(row.regionId),
      publicPhone: contacts.phone(),
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
  const generatedOrganizations = city.count(Y.CITY_TOTALS.organizations, 80) - organizations.length;
  for (let i = 0; i < generatedOrganizations; i += 1) {
    const leaf = city.randomLeaf();
    const kind = ORG_KINDS[random.weightedIndex(kindWeights)][0];
    const atCounty = kind !== OrganizationKind.COMMUNITY_ORG && random.chance(0.6);
    const regionId = atCounty
      ? countyOf(leaf.id)
      : kind === OrganizationKind.COMMUNITY_ORG
        ? leaf.id
        : townshipOf(leaf.id);
    const place = atCounty ? shortCountyName(city.nameOf(regionId)) : placeStem(city.nameOf(regionId));
    addOrganization({
      name: organizationName(random, place, kind),
      kind,
      regionId,
      category: random.pick(ALL_CATEGORIES),
    });
  }

  // 服务: named services, then one or two per generated organisation.
  const services: Row<Service>[] = [];
  const addService = (row: ServiceDraft) =>
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
    stationId: stations.nursingHome,
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
    stationId: stations.children,
    schedule: '周一至周五 19:00-21:00',
    capacity: 40,
  });
  addService({
    name: '周末兴趣班',
    category: ServiceCategory.CHILD_CARE,
    providerId: yigonglian,
    regionId: Y.PLACES.xiahe,
    stationId: stations.children,
    schedule: '周六、周日',
    description: '古筝、书法、《三字经》、折纸、交通安全课',
  });
  addService({
    name: '寒暑假班',
    category: ServiceCategory.CHILD_CARE,
    providerId: yigonglian,
    regionId: Y.PLACES.xiahe,
    stationId: stations.children,
    schedule: '寒暑假',
    description: '大学生志愿者陪伴照看儿童、辅导作业',
  });
  addService({
    name: '乐老汇为老服务',
    category: ServiceCategory.ELDERLY_CARE,
    providerId: lelaohuiTeam,
    regionId: Y.PLACES.hutian,
    stationId: stations.lelaohui,
    schedule: '周一至周五 9:00-17:00',
    description: '老年人文化活动、节日联谊',
  });
  const generated = organizations.slice(NAMED_ORGANIZATIONS);
  for (const organization of generated) {
    const count = random.chance(0.4) ? 2 : 1;
    for (let i = 0; i < count; i += 1) {
      const category = i === 0 ? organization.category : random.pick(ALL_CATEGORIES);
      const regionId =
        organization.regionId.endsWith('000') && random.chance(0.5)
          ? city.randomLeafIn(organization.regionId)
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
  const named: NamedOrganizations = { nuannuan, yuanfang, yigonglian, lelaohuiTeam };
  return {
    organizations,
    generated,
    named,
    tables: [table(SocialOrganization, organizations), table(Service, services)],
  };
}
