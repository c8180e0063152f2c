import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { recordPersonalRead } from '../../audit/audit-log';
import type { HubContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Region } from './region.entity';
import { regionById } from './region.loaders';
import { Resident, ResidentTag } from './resident.entity';
import { RegisterResidentInput, ResidentFilter } from './resident.inputs';
import { getResident, listResidents, registerResident, tagsOf } from './resident.service';

export const ResidentConnection = Connection(Resident, 'Resident');

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => Resident, { nullable: true, description: 'STAFF of the resident’s region, ADMIN' })
  resident(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getResident(context, id);
  }

  @Query(() => ResidentConnection, { description: 'STAFF (their region), ADMIN' })
  residents(
    @Arg('filter', () => ResidentFilter, { nullable: true }) filter: ResidentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listResidents(context, filter, page);
  }

  @Mutation(() => Resident, { description: 'STAFF of the region; a phone needs the consent time' })
  registerResident(
    @Arg('input', () => RegisterResidentInput) input: RegisterResidentInput,
    @Ctx() context: HubContext,
  ) {
    return registerResident(context, input);
  }

  // The resident itself is reachable by staff of its region only; every personal field read is recorded.
  @FieldResolver(() => String)
  name(@Root() resident: Resident, @Ctx() context: HubContext) {
    recordPersonalRead(context, 'Resident', resident.id, 'name');
    return resident.name;
  }

  @FieldResolver(() => String, { nullable: true, description: 'masked, e.g. 138****5678' })
  phone(@Root() resident: Resident, @Ctx() context: HubContext) {
    if (resident.phoneMasked !== null) recordPersonalRead(context, 'Resident', resident.id, 'phone');
    return resident.phoneMasked;
  }

  @FieldResolver(() => [ResidentTag], { nullable: true, description: 'sensitive; staff of the resident’s region only' })
  tags(@Root() resident: Resident, @Ctx() context: HubContext) {
    const tags = tagsOf(context, resident);
    if (tags !== null) recordPersonalRead(context, 'Resident', resident.id, 'tags');
    return tags;
  }

  @FieldResolver(() => Region)
  region(@Root() resident: Resident, @Ctx() context: HubContext) {
    return regionById(context).load(resident.regionId);
  }
}
