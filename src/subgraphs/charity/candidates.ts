import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { withinNeedCounties } from '../../federation/candidate-scope';
import {
  needFactsKey,
  needStub,
  parseNeedFactsKey,
  REQUIRES_NEED_FACTS,
  type NeedFacts,
} from '../../federation/need-stub';
import { loaderFor, type HubContext } from '../../graphql/context';
import { CANDIDATE_LIMIT, candidateType, part, proximity, rank, type Scored } from '../../graphql/scoring';
import { CharityResource } from './charity.entity';
import { allocatedAmount } from './charity.loaders';

export const CharityNeed = needStub();

export const ResourceCandidate = candidateType(
  CharityResource,
  'ResourceCandidate',
  'resource',
  'a charitable resource that could go to a need, with why',
);

/** Resources earmarked for the need's category (or for anything) with something left, near the need. */
const resourceCandidates = (context: HubContext) =>
  loaderFor<string, Scored<CharityResource>[]>(context, 'charity.candidates', async (keys) => {
    const needs = keys.map(parseNeedFactsKey);
    const query = context.dataSource
      .getRepository(CharityResource)
      .createQueryBuilder('r')
      .where('(r.category IN (:...categories) OR r.category IS NULL)', {
        categories: [...new Set(needs.map((n) => n.category))],
      });
    const resources = await withinNeedCounties(
      query,
      'r.regionId',
      needs.map((n) => n.communityId),
    ).getMany();
    const totals = await allocatedAmount(context).loadMany(resources.map((r) => r.id));
    const allocated = new Map(resources.map((r, i) => [r.id, Number(totals[i])]));
    return needs.map((need) =>
      rank(
        resources
          .filter((r) => r.amount > (allocated.get(r.id) ?? 0) && (r.category === null || r.category === need.category))
          .map((resource) => {
            const near = proximity(resource.regionId, need.communityId);
            const remaining = resource.amount - (allocated.get(resource.id) ?? 0);
            return {
              item: resource,
              parts: [
                part(
                  'earmark',
                  0.4,
                  resource.category === need.category ? 1 : 0.5,
                  resource.category ? '定向用于此类需求' : '未限定用途',
                ),
                part('proximity', 0.4, near.value, near.note),
                part('remaining', 0.2, remaining / resource.amount, `剩余 ${remaining}${resource.unit}`),
              ],
            };
          }),
        CANDIDATE_LIMIT,
      ),
    );
  });

@Resolver(() => CharityNeed)
export class CharityNeedResolver {
  @FieldResolver(() => [ResourceCandidate], { description: 'resources that could go to this need, best first' })
  @Directive(REQUIRES_NEED_FACTS)
  candidateResources(@Root() need: NeedFacts, @Ctx() context: HubContext) {
    return resourceCandidates(context).load(needFactsKey(need));
  }
}
