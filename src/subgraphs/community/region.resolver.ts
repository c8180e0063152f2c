import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Region, StationCoverage } from './region.entity';
import { RegionFilter, RegionOrder } from './region.inputs';
import { tallyFigure } from '../../graphql/loaders';
import { COMMUNITY_REGION_FIGURES } from './community.figures';
import { regionById, regionChildren, regionStationCoverage } from './region.loaders';
import { getRegion, listRegions } from './region.service';

export const RegionConnection = Connection(Region, 'Region');

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: 'A region by its 12-digit division code' })
  region(@Arg('id', () => ID) id: string, @Ctx() context: HubContext): Promise<Region> {
    return getRegion(context, id);
  }

  @Query(() => RegionConnection)
  regions(
    @Arg('filter', () => RegionFilter, { nullable: true }) filter: RegionFilter | undefined,
    @Arg('orderBy', () => RegionOrder, { nullable: true }) orderBy: RegionOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listRegions(context, filter, orderBy, page);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: Region, @Ctx() context: HubContext) {
    return region.parentId ? regionById(context).load(region.parentId) : null;
  }

  @FieldResolver(() => [Region])
  children(@Root() region: Region, @Ctx() context: HubContext) {
    return regionChildren(context).load(region.id);
  }

  @FieldResolver(() => Int, { description: 'residents in the whole subtree (7th census, 2020)' })
  population(@Root() region: Region, @Ctx() context: HubContext) {
    return tallyFigure(context, COMMUNITY_REGION_FIGURES, 'population', region.id);
  }

  @FieldResolver(() => Int, { description: 'person-times served by the service stations of the whole subtree' })
  servedPersonTimes(@Root() region: Region, @Ctx() context: HubContext) {
    return tallyFigure(context, COMMUNITY_REGION_FIGURES, 'servedPersonTimes', region.id);
  }

  @FieldResolver(() => StationCoverage)
  stationCoverage(@Root() region: Region, @Ctx() context: HubContext) {
    return regionStationCoverage(context).load(region.id);
  }
}
