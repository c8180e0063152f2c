import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { LinkageCase, LinkageContribution, Society } from './linkage-case.entity';
import { addContribution } from './linkage-case.service';
import { contributionsByCase, needById } from './linkage.loaders';
import { Need } from './need.entity';

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
