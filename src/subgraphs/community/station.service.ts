import type { HubContext } from '../../graphql/context';
import { NotFoundError } from '../../errors';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { ServiceStation } from './station.entity';
import type { ServiceStationFilter, ServiceStationOrder } from './station.inputs';
import { stationById } from './station.loaders';

export async function getStation(context: HubContext, id: number): Promise<ServiceStation> {
  const station = await stationById(context).load(id);
  if (!station) throw new NotFoundError('服务站点', id);
  return station;
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
