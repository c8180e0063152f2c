import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { categoriesNamedBy } from '../../graphql/search-query';
import { ServiceCategory } from '../../graphql/service-category';
import { SocialOrganization } from './organization.entity';
import { organizationById } from './organization.loaders';
import { createService, getService, listServices, retireService, updateService } from './organization.service';
import { OrganizationRegion } from './region.extension';
import { Service } from './service.entity';
import { CreateServiceInput, ServiceFilter, ServiceOrder, UpdateServiceInput } from './service.inputs';

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

  @Query(() => [ServiceCategory], {
    description: 'the service categories words name, as search understands them (养老, 為老 or 老人 → ELDERLY_CARE)',
  })
  serviceCategoriesNamedBy(@Arg('text') text: string) {
    return categoriesNamedBy(text);
  }

  @Mutation(() => Service, { description: 'the provider (ORG) or STAFF of its region' })
  createService(@Arg('input', () => CreateServiceInput) input: CreateServiceInput, @Ctx() context: HubContext) {
    return createService(context, input);
  }

  @Mutation(() => Service)
  updateService(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceInput) input: UpdateServiceInput,
    @Ctx() context: HubContext,
  ) {
    return updateService(context, id, input);
  }

  @Mutation(() => Service, { description: 'stop offering a service; it stays on record' })
  retireService(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return retireService(context, id);
  }

  @FieldResolver(() => SocialOrganization)
  provider(@Root() service: Service, @Ctx() context: HubContext) {
    return organizationById(context).load(service.providerId);
  }

  @FieldResolver(() => OrganizationRegion, { nullable: true })
  region(@Root() service: Service) {
    return reference(service.regionId);
  }

  @FieldResolver(() => StationReference, { nullable: true })
  station(@Root() service: Service) {
    return reference(service.stationId);
  }
}
