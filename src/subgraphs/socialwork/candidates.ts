import { withinNeedCounties } from '../../federation/candidate-scope';
import { needCandidates } from '../../federation/need-candidates';
import { part, proximity } from '../../graphql/scoring';
import { SocialWorker, SocialWorkerLevel } from './social-worker.entity';

const LEVEL_VALUE: Record<SocialWorkerLevel, number> = { ASSISTANT: 1 / 3, INTERMEDIATE: 2 / 3, SENIOR: 1 };

/** Workers of the need's county (or city-wide) whose specialties include its category; one statement per batch. */
export const { NeedStub: SocialWorkNeed, NeedCandidatesResolver: SocialWorkNeedResolver } = needCandidates(
  SocialWorker,
  {
    candidate: {
      name: 'SocialWorkerCandidate',
      field: 'socialWorker',
      description: 'a social worker who could take a need, with why',
    },
    needField: { name: 'candidateSocialWorkers', description: 'social workers who could take this need, best first' },
    load: async (context, needs) => {
      const query = context.dataSource.getRepository(SocialWorker).createQueryBuilder('w').where('1 = 1');
      const workers = await withinNeedCounties(
        query,
        'w.regionId',
        needs.map((n) => n.communityId),
      ).getMany();
      return (need) =>
        workers
          .filter(
            (w) =>
              w.specialtyList.split(',').includes(need.category) && proximity(w.regionId, need.communityId).value > 0,
          )
          .map((worker) => {
            const near = proximity(worker.regionId, need.communityId);
            return {
              item: worker,
              parts: [
                part('proximity', 0.5, near.value, near.note),
                part('specialty', 0.3, 1, '专长与需求类别一致'),
                part('level', 0.2, LEVEL_VALUE[worker.level], `持证等级 ${worker.level}`),
              ],
            };
          });
    },
  },
);
