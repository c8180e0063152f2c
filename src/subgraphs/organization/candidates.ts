import { In } from 'typeorm';
import { withinNeedCounties } from '../../federation/candidate-scope';
import { needCandidates } from '../../federation/need-candidates';
import { part, proximity } from '../../graphql/scoring';
import { SocialOrganization } from './organization.entity';
import { Service } from './service.entity';

/**
 * Active services of the need's category in its county or run city-wide, ranked by proximity, category and
 * whether the provider specialises in it. Two statements per batch of needs, whatever its size.
 */
export const { NeedStub: OrganizationNeed, NeedCandidatesResolver: OrganizationNeedResolver } = needCandidates(
  Service,
  {
    candidate: {
      name: 'ServiceCandidate',
      field: 'service',
      description: 'a service that could answer a need, with why',
    },
    needField: { name: 'candidateServices', description: 'services that could answer this need, best first' },
    load: async (context, needs) => {
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
      return (need) =>
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
          });
    },
  },
);
