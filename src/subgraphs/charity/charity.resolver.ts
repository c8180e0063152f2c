import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { CharityNeed } from './candidates';
import { Allocation, CharityResource } from './charity.entity';
import { AllocateInput, CharityResourceFilter, RecordCharityResourceInput } from './charity.inputs';
import { allocationsByResource, resourceById } from './charity.loaders';
import { allocate, getResource, listResources, recordResource, remainingOf } from './charity.service';

export const CharityResourceConnection = Connection(CharityResource, 'CharityResource');
const RegionReference = referenceType('Region');
const ProjectReference = referenceType('ServiceProject');

@Resolver(() => CharityResource)
export class CharityResourceResolver {
  @Query(() => CharityResource, { nullable: true })
  charityResource(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getResource(context, id);
  }

  @Query(() => CharityResourceConnection)
  charityResources(
    @Arg('filter', () => CharityResourceFilter, { nullable: true }) filter: CharityResourceFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listResources(context, filter, page);
  }

  @Mutation(() => CharityResource, { description: 'STAFF of the region, ADMIN' })
  recordCharityResource(
    @Arg('input', () => RecordCharityResourceInput) input: RecordCharityResourceInput,
    @Ctx() context: HubContext,
  ) {
    return recordResource(context, input);
  }

  @Mutation(() => Allocation, { description: 'allocate to a need or project, never more than remains' })
  allocateCharityResource(@Arg('input', () => AllocateInput) input: AllocateInput, @Ctx() context: HubContext) {
    return allocate(context, input);
  }

  @FieldResolver(() => Int, { description: 'amount not yet allocated' })
  remaining(@Root() resource: CharityResource, @Ctx() context: HubContext) {
    return remainingOf(context, resource);
  }

  @FieldResolver(() => [Allocation])
  allocations(@Root() resource: CharityResource, @Ctx() context: HubContext) {
    return allocationsByResource(context).load(resource.id);
  }

  @FieldResolver(() => RegionReference, { nullable: true })
  region(@Root() resource: CharityResource) {
    return reference(resource.regionId);
  }
}

@Resolver(() => Allocation)
export class AllocationResolver {
  @FieldResolver(() => CharityResource)
  resource(@Root() allocation: Allocation, @Ctx() context: HubContext) {
    return resourceById(context).load(allocation.resourceId);
  }

  @FieldResolver(() => CharityNeed, { nullable: true })
  need(@Root() allocation: Allocation) {
    return reference(allocation.needId);
  }

  @FieldResolver(() => ProjectReference, { nullable: true })
  project(@Root() allocation: Allocation) {
    return reference(allocation.projectId);
  }
}
