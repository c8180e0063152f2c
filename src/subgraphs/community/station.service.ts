import { requireStaffIn } from '../../auth/policy';
import { findOrFail } from '../../db/rows';
import { contactDetailsOf } from '../../graphql/contact';
import type { HubContext } from '../../graphql/context';
import { parseIntId } from '../../graphql/ids';
import { inTransaction } from '../../graphql/transaction';
import { loadOrFail } from '../../graphql/loaders';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { ServiceStation } from './station.entity';
import type { ServiceStationFilter, ServiceStationOrder, UpdateServiceStationInput } from './station.inputs';
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

/** Staff of the station's region (or ADMIN) set or correct its public contact details. */
export function updateStation(context: HubContext, id: string, input: UpdateServiceStationInput) {
  const contact = contactDetailsOf(input);
  return inTransaction(context, async (manager) => {
    const station = await findOrFail(manager, ServiceStation, parseIntId(id), '服务站点');
    requireStaffIn(context.identity, station.regionId);
    Object.assign(station, contact);
    return manager.getRepository(ServiceStation).save(station);
  });
}
