import type { HubContext } from '../../graphql/context';
import { loadOrFail } from '../../graphql/loaders';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { ServiceStation } from './station.entity';
import type { ServiceStationFilter, ServiceStationOrder } from './station.inputs';
import { stationById } from './station.loaders';

export function getStation(context: HubContext, id: string): Promise<ServiceStation> {
  return loadOrFail(stationById(context), id, '服务站点');
}

export function listStations(
  context: HubContext,
  filter: ServiceStationFilter = {},
  order: ServiceStationOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, ServiceStation, {
    equals: { kind: filter.kind },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['name', 'address', 'description'],
    order,
  });
  return paginate(query, page);
}
