import { ServiceCategory } from '../graphql/service-category';
import { Allocation, CharityResource, CharityResourceKind } from '../subgraphs/charity/charity.entity';
import type { City } from './city';
import { ALL_CATEGORIES, placeStem } from './names';
import { table, type Row } from './rows';
import * as Y from './yuxi';

const RESOURCE_NAMES: Record<CharityResourceKind, string> = {
  FUNDS: '爱心基金',
  GOODS: '爱心物资',
  VENUE: '公益活动场地',
  SERVICE: '志愿专业服务',
};
const RESOURCE_UNITS: Record<CharityResourceKind, string> = { FUNDS: '元', GOODS: '件', VENUE: '次', SERVICE: '小时' };

/** 社会慈善资源: the funds the 关爱妇儿 project was built with, then generated gifts across the city. */
export function generateResources(city: City) {
  const { random } = city;
  const projectFunds: Row<CharityResource> = {
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
  const resources = [projectFunds];
  const resourceKinds = Object.values(CharityResourceKind);
  for (let id = 2; id <= city.count(400, 20); id += 1) {
    const kind = random.pick(resourceKinds);
    const leaf = city.randomLeaf();
    resources.push({
      id,
      name: `${placeStem(leaf.name)}${RESOURCE_NAMES[kind]}`,
      kind,
      donor: `${random.pick(['爱心企业', '爱心人士', '慈善总会', '商会'])}${random.int(1, 99)}`,
      regionId: leaf.id,
      category: random.chance(0.7) ? random.pick(ALL_CATEGORIES) : null,
      amount: kind === CharityResourceKind.FUNDS ? random.int(10, 500) * 100 : random.int(1, 200),
      unit: RESOURCE_UNITS[kind],
      receivedOn: random.date(2019, 2021),
      description: null,
    });
  }
  return { projectFunds, resources };
}

/** The resources, and the whole of the project funds allocated to the project they were given for. */
export function charityTables({ projectFunds, resources }: ReturnType<typeof generateResources>, projectId: number) {
  const allocation: Row<Allocation> = {
    id: 1,
    resourceId: projectFunds.id,
    needId: null,
    projectId,
    amount: projectFunds.amount,
    allocatedOn: '2020-09-10',
    note: '“党群同心 关爱妇儿”项目建设',
  };
  return [table(CharityResource, resources), table(Allocation, [allocation])];
}
