import { Region, RegionLevel } from '../subgraphs/community/region.entity';
import { ServiceStation, StationKind, StationServiceRecord } from '../subgraphs/community/station.entity';
import type { City } from './city';
import type { Contacts } from './contacts';
import type { Division, Divisions } from './divisions';
import { shortCountyName } from './names';
import { splitExactly, type Random } from './random';
import { table, type Row } from './rows';
import * as Y from './yuxi';

const townshipKind = (name: string) => (name.endsWith('街道') ? '街道' : name.endsWith('镇') ? '镇' : '乡');

/** 社区: the region tree; census population split over the communities of each county, exactly. */
export function generateRegions(random: Random, { townships, communities }: Divisions): Row<Region>[] {
  const regions: Row<Region>[] = [
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
  return regions;
}

type StationDraft = Pick<ServiceStation, 'name' | 'kind' | 'regionId'> &
  Partial<Pick<ServiceStation, 'address' | 'description' | 'investmentYuan' | 'floorAreaM2' | 'openedYear'>>;

/** The stations the report names, which the other societies' named rows serve at. */
export interface NamedStations {
  lelaohui: number;
  children: number;
  nursingHome: number;
}

/** Stations: the named ones, then the 一中心一站一室 network as far as it reached in 2021, and a station's log. */
export function generateStations(city: City, { townships, communities }: Divisions, contacts: Contacts) {
  const { random } = city;
  const stations: Row<ServiceStation>[] = [];
  const addStation = (row: StationDraft) => {
    const station = {
      id: stations.length + 1,
      address: row.address ?? contacts.stationAddress(row.regionId),
      publicPhone: contacts.phone(),
      description: null,
      investmentYuan: null,
      floorAreaM2: null,
      openedYear: null,
      ...row,
    };
    stations.push(station);
    return station.id;
  };
  addStation({
    name: '玉溪市社会组织培育孵化基地',
    kind: StationKind.INCUBATION_CENTER,
    regionId: Y.CITY.code,
    description: '玉溪市社会组织服务中心建设的社会组织培育孵化、能力建设、资源对接枢纽型平台',
    investmentYuan: 3100000,
    floorAreaM2: 1200,
    address: contacts.streetAddress(Y.CITY.code),
  });
  const lelaohui = addStation({
    name: '葫田社区“乐老汇”为老服务站',
    kind: StationKind.ELDERLY_STATION,
    regionId: Y.PLACES.hutian,
  });
  const wanyuAddress = `${contacts.place(Y.PLACES.xiahe)}万裕生态城`;
  addStation({
    name: '万裕生态城党群服务中心',
    kind: StationKind.PARTY_MASS_CENTER,
    regionId: Y.PLACES.xiahe,
    address: wanyuAddress,
  });
  const children = addStation({
    name: '万裕生态城党群服务中心儿童服务站',
    kind: StationKind.CHILDREN_STATION,
    regionId: Y.PLACES.xiahe,
    address: `${wanyuAddress}党群服务中心内`,
    description: '周一至周五夜间作业辅导、周末兴趣班、寒暑假班;主题活动:' + Y.CHILDREN_STATION.themes.join('、'),
  });
  const nursingHome = addStation({
    name: '高仓街道敬老院',
    kind: StationKind.ELDERLY_STATION,
    regionId: Y.PLACES.gaocangStreet,
    address: contacts.streetAddress(Y.PLACES.gaocangStreet),
  });
  for (const county of Y.COUNTIES) {
    addStation({
      name: `${shortCountyName(county.name)}社会组织孵化服务中心`,
      kind: StationKind.INCUBATION_CENTER,
      regionId: county.code,
      openedYear: random.int(2019, 2021),
    });
  }
  // 一站一室: a social-work station in some townships, a social-work room in some communities.
  const addNetwork = (divisions: Division[], share: number, kind: StationKind, suffix: string) => {
    for (const division of divisions) {
      if (random.chance(share))
        addStation({
          name: `${division.name}${suffix}`,
          kind,
          regionId: division.code,
          openedYear: random.int(2020, 2021),
        });
    }
  };
  addNetwork(townships, 0.7, StationKind.SOCIAL_WORK_STATION, '社工站');
  addNetwork(communities, 0.4, StationKind.SOCIAL_WORK_ROOM, '社工室');
  const records: Row<StationServiceRecord, 'id'>[] = splitExactly(
    random,
    Y.CHILDREN_STATION.servedPersonTimes,
    Array.from({ length: 12 }, () => 1 + random.next()),
  ).map((personTimes, month) => ({
    stationId: children,
    servedOn: `${month < 4 ? 2021 : 2020}-${String(((month + 8) % 12) + 1).padStart(2, '0')}-28`,
    personTimes,
    activity: '作业辅导、兴趣班、假期班',
  }));
  const named: NamedStations = { lelaohui, children, nursingHome };
  return {
    stations,
    named,
    tables: [table(ServiceStation, stations), table(StationServiceRecord, records)],
  };
}
