import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { SocialOrganization } from './organization.entity';
import { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { servicesByProvider } from './organization.loaders';
import { getOrganization, listOrganizations } from './organization.service';
import { OrganizationRegion } from './region.extension';
import { Service } from './service.entity';

export const OrganizationConnection = Connection(SocialOrganization, 'SocialOrganization');

@Resolver(() => SocialOrganization)
export class OrganizationResolver {
  @Query(() => SocialOrganization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getOrganization(context, id);
  }

  @Query(() => OrganizationConnection)
  organizations(
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | undefined,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true }) orderBy: OrganizationOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listOrganizations(context, filter, orderBy, page);
  }

  @FieldResolver(() => OrganizationRegion, { description: 'where it is registered' })
  region(@Root() organization: SocialOrganization) {
    return reference(organization.regionId);
  }

  @FieldResolver(() => [Service])
  services(@Root() organization: SocialOrganization, @Ctx() context: HubContext) {
    return servicesByProvider(context).load(organization.id);
  }
}
