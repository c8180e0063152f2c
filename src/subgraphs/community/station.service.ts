import { requireStaffIn } from '../../auth/policy';
import { findOrFail, insertRow } from '../../db/rows';
import { contactDetailsOf } from '../../graphql/contact';
import type { HubContext } from '../../graphql/context';
import { parseIntId } from '../../graphql/ids';
import { requireNotFuture } from '../../graphql/inputs';
import { requireRegion } from '../../graphql/references';
import { inTransaction } from '../../graphql/transaction';
import { loadOrFail } from '../../graphql/loaders';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { RegionLevel } from './region.entity';
import { ServiceStation, StationKind } from './station.entity';
import type {
  RegisterServiceStationInput,
  ServiceStationFilter,
  ServiceStationOrder,
  UpdateServiceStationInput,
} from './station.inputs';
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

/** The level each station of the 一中心一站一室 network serves: stationCoverage counts it there and only there. */
const NETWORK_LEVEL: Partial<Record<StationKind, RegionLevel>> = {
  [StationKind.INCUBATION_CENTER]: RegionLevel.COUNTY,
  [StationKind.SOCIAL_WORK_STATION]: RegionLevel.TOWNSHIP,
  [StationKind.SOCIAL_WORK_ROOM]: RegionLevel.COMMUNITY,
};

/** Staff of the region (or ADMIN) register a station there; a network station only at its own level. */
export async function registerStation(context: HubContext, input: RegisterServiceStationInput) {
  requireStaffIn(context.identity, input.regionId);
  const contact = contactDetailsOf(input);
  if (input.openedYear !== undefined && input.openedYear !== null) requireNotFuture(input.openedYear, 'openedYear');
  await requireRegion(context, input.regionId, 'regionId', NETWORK_LEVEL[input.kind]);
  return inTransaction(context, (manager) =>
    insertRow(manager, ServiceStation, {
      name: input.name.trim(),
      kind: input.kind,
      regionId: input.regionId,
      address: contact.address ?? '',
      publicPhone: contact.publicPhone ?? null,
      description: input.description?.trim() || null,
      investmentYuan: null,
      floorAreaM2: null,
      openedYear: input.openedYear ?? null,
    }),
  );
}
