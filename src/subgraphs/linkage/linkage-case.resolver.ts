import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import { isRegionCode } from '../../db/region-scope';
import { reference } from '../../federation/references';
import type { HubContext } from '../../graphql/context';
import { LinkageCase, LinkageContribution, Society } from './linkage-case.entity';
import { addContribution } from './linkage-case.service';
import { contributionsByCase, needById } from './linkage.loaders';
import {
  CharityResourceReference,
  OrganizationReference,
  SocialWorkerReference,
  StationReference,
  VolunteerTeamReference,
} from './linkage.references';
import { Need } from './need.entity';
import { LinkageRegion } from './region.extension';

@Resolver(() => LinkageCase)
export class LinkageCaseResolver {
  @Mutation(() => LinkageContribution, {
    description: 'record what one society brought to the case (STAFF of the region)',
  })
  addLinkageContribution(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('society', () => Society) society: Society,
    @Arg('referenceId') referenceId: string,
    @Arg('description') description: string,
    @Ctx() context: HubContext,
    @Arg('hours', () => Float, { defaultValue: 0 }) hours: number,
  ) {
    return addContribution(context, caseId, { society, referenceId, description, hours });
  }

  @FieldResolver(() => Need)
  need(@Root() linkageCase: LinkageCase, @Ctx() context: HubContext) {
    return needById(context).load(linkageCase.needId);
  }

  @FieldResolver(() => [LinkageContribution])
  contributions(@Root() linkageCase: LinkageCase, @Ctx() context: HubContext) {
    return contributionsByCase(context).load(linkageCase.id);
  }
}

/**
 * The contributor as a reference of its society's entity, answered by the owning subgraph (so a client shows its
 * name); null for the other societies. A community contributes as a station or as itself, by its division code.
 */
function contributor(contribution: LinkageContribution, society: Society, asCommunity = false) {
  if (contribution.society !== society) return null;
  if (society === Society.COMMUNITY && isRegionCode(contribution.referenceId) !== asCommunity) return null;
  return reference(contribution.referenceId);
}

@Resolver(() => LinkageContribution)
export class LinkageContributionResolver {
  @FieldResolver(() => LinkageRegion, { nullable: true, description: 'the community itself (COMMUNITY, by its code)' })
  community(@Root() contribution: LinkageContribution) {
    return contributor(contribution, Society.COMMUNITY, true);
  }

  @FieldResolver(() => StationReference, { nullable: true, description: 'a service station (COMMUNITY)' })
  station(@Root() contribution: LinkageContribution) {
    return contributor(contribution, Society.COMMUNITY);
  }

  @FieldResolver(() => OrganizationReference, { nullable: true })
  organization(@Root() contribution: LinkageContribution) {
    return contributor(contribution, Society.ORGANIZATION);
  }

  @FieldResolver(() => SocialWorkerReference, { nullable: true })
  socialWorker(@Root() contribution: LinkageContribution) {
    return contributor(contribution, Society.SOCIAL_WORKER);
  }

  @FieldResolver(() => VolunteerTeamReference, { nullable: true, description: 'a volunteer team (VOLUNTEER)' })
  volunteerTeam(@Root() contribution: LinkageContribution) {
    return contributor(contribution, Society.VOLUNTEER);
  }

  @FieldResolver(() => CharityResourceReference, { nullable: true })
  charityResource(@Root() contribution: LinkageContribution) {
    return contributor(contribution, Society.CHARITY);
  }
}
