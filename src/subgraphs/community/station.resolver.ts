import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Region } from './region.entity';
import { regionById } from './region.loaders';
import { ServiceStation } from './station.entity';
import {
  RegisterServiceStationInput,
  ServiceStationFilter,
  ServiceStationOrder,
  UpdateServiceStationInput,
} from './station.inputs';
import { tallyFigure } from '../../graphql/loaders';
import { COMMUNITY_STATION_FIGURES } from './community.figures';
import { getStation, listStations, registerStation, updateStation } from './station.service';

export const ServiceStationConnection = Connection(ServiceStation, 'ServiceStation');

@Resolver(() => ServiceStation)
export class ServiceStationResolver {
  @Query(() => ServiceStation, { nullable: true })
  serviceStation(@Arg('id', () => ID) id: string, @Ctx() context: HubContext): Promise<ServiceStation> {
    return getStation(context, id);
  }

  @Query(() => ServiceStationConnection)
  serviceStations(
    @Arg('filter', () => ServiceStationFilter, { nullable: true }) filter: ServiceStationFilter | undefined,
    @Arg('orderBy', () => ServiceStationOrder, { nullable: true }) orderBy: ServiceStationOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listStations(context, filter, orderBy, page);
  }

  @Mutation(() => ServiceStation, {
    description: '登记服务阵地 (STAFF of the region, ADMIN); 一中心一站一室 stations at their own level',
  })
  registerServiceStation(
    @Arg('input', () => RegisterServiceStationInput) input: RegisterServiceStationInput,
    @Ctx() context: HubContext,
  ): Promise<ServiceStation> {
    return registerStation(context, input);
  }

  @Mutation(() => ServiceStation, {
    description: "改站点地址和对外电话 (STAFF of the station's region, ADMIN): public contact details only",
  })
  updateServiceStation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceStationInput) input: UpdateServiceStationInput,
    @Ctx() context: HubContext,
  ): Promise<ServiceStation> {
    return updateStation(context, id, input);
  }

  @FieldResolver(() => Region)
  region(@Root() station: ServiceStation, @Ctx() context: HubContext) {
    return regionById(context).load(station.regionId);
  }

  @FieldResolver(() => Int, { description: '服务人次: the sum of the station service log' })
  servedPersonTimes(@Root() station: ServiceStation, @Ctx() context: HubContext) {
    return tallyFigure(context, COMMUNITY_STATION_FIGURES, 'servedPersonTimes', station.id);
  }
}
