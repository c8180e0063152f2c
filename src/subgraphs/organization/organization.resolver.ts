import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { OrganizationStatus, SocialOrganization } from './organization.entity';
import {
  OrganizationFilter,
  OrganizationOrder,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
} from './organization.inputs';
import { servicesByProvider } from './organization.loaders';
import {
  getOrganization,
  listOrganizations,
  registerOrganization,
  setOrganizationStatus,
  updateOrganization,
} from './organization.service';
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

  @Mutation(() => SocialOrganization, { description: '登记社会组织 (STAFF of the region, ADMIN)' })
  registerOrganization(
    @Arg('input', () => RegisterOrganizationInput) input: RegisterOrganizationInput,
    @Ctx() context: HubContext,
  ) {
    return registerOrganization(context, input);
  }

  @Mutation(() => SocialOrganization, { description: 'the organisation itself (ORG), or STAFF of its region' })
  updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() context: HubContext,
  ) {
    return updateOrganization(context, id, input);
  }

  @Mutation(() => SocialOrganization, { description: '变更登记状态 (STAFF of the region, ADMIN)' })
  setOrganizationStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => OrganizationStatus) status: OrganizationStatus,
    @Ctx() context: HubContext,
  ) {
    return setOrganizationStatus(context, id, status);
  }

  @FieldResolver(() => OrganizationRegion, { nullable: true, description: 'where it is registered' })
  region(@Root() organization: SocialOrganization) {
    return reference(organization.regionId);
  }

  @FieldResolver(() => [Service])
  services(@Root() organization: SocialOrganization, @Ctx() context: HubContext) {
    return servicesByProvider(context).load(organization.id);
  }
}
