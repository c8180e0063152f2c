import { Ctx, Directive, Field, FieldResolver, Float, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { roundTo } from '../../graphql/rounding';
import { organizationCountBySubtree } from './organization.loaders';

/** The community subgraph's Region, as far as this subgraph needs it. */
@ObjectType('Region')
@Directive('@key(fields: "id")')
export class OrganizationRegion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  @Directive('@external')
  population?: number;
}

@Resolver(() => OrganizationRegion)
export class OrganizationRegionResolver {
  @FieldResolver(() => Int, { description: 'active social organisations registered in the subtree' })
  organizationCount(@Root() region: OrganizationRegion, @Ctx() context: HubContext) {
    return organizationCountBySubtree(context, region.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: '每万人拥有社会组织数, two decimals (小康 target ≥ 6.5)' })
  @Directive('@requires(fields: "population")')
  async organizationsPer10k(@Root() region: OrganizationRegion, @Ctx() context: HubContext) {
    if (!region.population) return null;
    const count = await organizationCountBySubtree(context, region.id);
    return roundTo((count * 10000) / region.population, 2);
  }
}
