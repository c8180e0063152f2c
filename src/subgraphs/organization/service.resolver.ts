import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { SocialOrganization } from './organization.entity';
import { organizationById } from './organization.loaders';
import { getService, listServices } from './organization.service';
import { OrganizationRegion } from './region.extension';
import { Service } from './service.entity';
import { ServiceFilter, ServiceOrder } from './service.inputs';

export const ServiceConnection = Connection(Service, 'Service');
export const StationReference = referenceType('ServiceStation');

@Resolver(() => Service)
export class ServiceResolver {
  @Query(() => Service, { nullable: true })
  service(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getService(context, id);
  }

  @Query(() => ServiceConnection, { description: 'the service directory' })
  services(
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter: ServiceFilter | undefined,
    @Arg('orderBy', () => ServiceOrder, { nullable: true }) orderBy: ServiceOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listServices(context, filter, orderBy, page);
  }

  @FieldResolver(() => SocialOrganization)
  provider(@Root() service: Service, @Ctx() context: HubContext) {
    return organizationById(context).load(service.providerId);
  }

  @FieldResolver(() => OrganizationRegion)
  region(@Root() service: Service) {
    return reference(service.regionId);
  }

  @FieldResolver(() => StationReference, { nullable: true })
  station(@Root() service: Service) {
    return reference(service.stationId);
  }
}
