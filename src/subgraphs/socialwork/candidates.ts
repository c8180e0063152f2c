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
import { SocialWorker, SocialWorkerLevel } from './social-worker.entity';

export const SocialWorkNeed = needStub();

export const SocialWorkerCandidate = candidateType(
  SocialWorker,
  'SocialWorkerCandidate',
  'socialWorker',
  'a social worker who could take a need, with why',
);

const LEVEL_VALUE: Record<SocialWorkerLevel, number> = { ASSISTANT: 1 / 3, INTERMEDIATE: 2 / 3, SENIOR: 1 };

/** Workers of the need's county (or city-wide) whose specialties include its category; one statement per batch. */
const workerCandidates = (context: HubContext) =>
  loaderFor<string, Scored<SocialWorker>[]>(context, 'socialwork.candidates', async (keys) => {
    const needs = keys.map(parseNeedFactsKey);
    const query = context.dataSource.getRepository(SocialWorker).createQueryBuilder('w').where('1 = 1');
    const workers = await withinNeedCounties(
      query,
      'w.regionId',
      needs.map((n) => n.communityId),
    ).getMany();
    return needs.map((need) =>
      rank(
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
          }),
        CANDIDATE_LIMIT,
      ),
    );
  });

@Resolver(() => SocialWorkNeed)
export class SocialWorkNeedResolver {
  @FieldResolver(() => [SocialWorkerCandidate], { description: 'social workers who could take this need, best first' })
  @Directive(REQUIRES_NEED_FACTS)
  candidateSocialWorkers(@Root() need: NeedFacts, @Ctx() context: HubContext) {
    return workerCandidates(context).load(needFactsKey(need));
  }
}
