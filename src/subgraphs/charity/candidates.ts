import { withinNeedCounties } from '../../federation/candidate-scope';
import { needCandidates } from '../../federation/need-candidates';
import { part, proximity } from '../../graphql/scoring';
import { CharityResource } from './charity.entity';
import { allocatedAmount } from './charity.loaders';

/** Resources earmarked for the need's category (or for anything) with something left, near the need. */
export const { NeedStub: CharityNeed, NeedCandidatesResolver: CharityNeedResolver } = needCandidates(CharityResource, {
  candidate: {
    name: 'ResourceCandidate',
    field: 'resource',
    description: 'a charitable resource that could go to a need, with why',
  },
  needField: { name: 'candidateResources', description: 'resources that could go to this need, best first' },
  load: async (context, needs) => {
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
    const remaining = new Map(resources.map((r, i) => [r.id, r.amount - Number(totals[i])]));
    return (need) =>
      resources
        .filter((r) => remaining.get(r.id)! > 0 && (r.category === null || r.category === need.category))
        .map((resource) => {
          const near = proximity(resource.regionId, need.communityId);
          const left = remaining.get(resource.id)!;
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
              part('remaining', 0.2, left / resource.amount, `剩余 ${left}${resource.unit}`),
            ],
          };
        });
  },
});
