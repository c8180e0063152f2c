import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import {
  needFactsKey,
  needStub,
  parseNeedFactsKey,
  REQUIRES_NEED_FACTS,
  type NeedFacts,
} from '../../federation/need-stub';
import { loaderFor, type HubContext } from '../../graphql/context';
import { CANDIDATE_LIMIT, candidateType, part, proximity, rank, type Scored } from '../../graphql/scoring';
import { withinNeedCounties } from '../../federation/candidate-scope';
import { SocialOrganization } from './organization.entity';
import { Service } from './service.entity';

export const OrganizationNeed = needStub();

export const ServiceCandidate = candidateType(
  Service,
  'ServiceCandidate',
  'service',
  'a service that could answer a need, with why',
);

/**
 * Active services of the need's category in its county or run city-wide, ranked by proximity, category and
 * whether the provider specialises in it. Two statements per batch of needs, whatever its size.
 */
const serviceCandidates = (context: HubContext) =>
  loaderFor<string, Scored<Service>[]>(context, 'organization.candidates', async (keys) => {
    const needs = keys.map(parseNeedFactsKey);
    const categories = [...new Set(needs.map((n) => n.category))];
    const query = context.dataSource
      .getRepository(Service)
      .createQueryBuilder('s')
      .where('s.active = :active', { active: true })
      .andWhere('s.category IN (:...categories)', { categories });
    const services = await withinNeedCounties(
      query,
      's.regionId',
      needs.map((n) => n.communityId),
    ).getMany();
    const providers = services.length
      ? await context.dataSource
          .getRepository(SocialOrganization)
          .findBy({ id: In([...new Set(services.map((s) => s.providerId))]) })
      : [];
    const specialty = new Map(providers.map((p) => [p.id, p.category]));
    return needs.map((need) =>
      rank(
        services
          .filter((s) => s.category === need.category && proximity(s.regionId, need.communityId).value > 0)
          .map((service) => {
            const near = proximity(service.regionId, need.communityId);
            const specialised = specialty.get(service.providerId) === need.category;
            return {
              item: service,
              parts: [
                part('proximity', 0.6, near.value, near.note),
                part('category', 0.2, 1, '服务类别一致'),
                part('specialisation', 0.2, specialised ? 1 : 0, specialised ? '提供方以此为主业' : '提供方另有主业'),
              ],
            };
          }),
        CANDIDATE_LIMIT,
      ),
    );
  });

@Resolver(() => OrganizationNeed)
export class OrganizationNeedResolver {
  @FieldResolver(() => [ServiceCandidate], { description: 'services that could answer this need, best first' })
  @Directive(REQUIRES_NEED_FACTS)
  candidateServices(@Root() need: NeedFacts, @Ctx() context: HubContext) {
    return serviceCandidates(context).load(needFactsKey(need));
  }
}
