import { Ctx, Directive, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { loaderFor, type HubContext } from '../graphql/context';
import { CANDIDATE_LIMIT, candidateType, rank, type ScorePart, type Scored } from '../graphql/scoring';
import { needFactsKey, needStub, parseNeedFactsKey, REQUIRES_NEED_FACTS, type NeedFacts } from './need-stub';

/** A need as a candidate ranking sees it: the facts it is ranked by. */
export type RankedNeed = Omit<NeedFacts, 'id'>;

/** One need's candidates, each with the parts of its score (ranked and cut to CANDIDATE_LIMIT afterwards). */
export type CandidatesOf<T> = (need: RankedNeed, index: number) => { item: T; parts: ScorePart[] }[];

export interface NeedCandidatesSpec<T> {
  /** The candidate's type: its name (ServiceCandidate), the field holding the item (service), a description. */
  candidate: { name: string; field: string; description: string };
  /** The field this society adds to Need (candidateServices). */
  needField: { name: string; description: string };
  /** Loads what a whole batch of needs is ranked on, in a number of statements that never grows with the batch. */
  load: (context: HubContext, needs: RankedNeed[]) => Promise<CandidatesOf<T>>;
}

/**
 * A society's ranked candidates for a need: its Need stub (the gateway fetches the facts ranked on with
 * `@requires`), the candidate type, and a resolver that answers a whole batch of needs with one `load`; needs
 * with the same facts share one ranking.
 */
export function needCandidates<T extends { id: number }>(nodeType: ClassType<T>, spec: NeedCandidatesSpec<T>) {
  const NeedStub = needStub();
  const Candidate = candidateType(nodeType, spec.candidate.name, spec.candidate.field, spec.candidate.description);
  const candidatesFor = (context: HubContext) =>
    loaderFor<string, Scored<T>[]>(context, `candidates:${spec.candidate.name}`, async (keys) => {
      const needs = keys.map(parseNeedFactsKey);
      const candidatesOf = await spec.load(context, needs);
      return needs.map((need, i) => rank(candidatesOf(need, i), CANDIDATE_LIMIT));
    });

  @Resolver(() => NeedStub)
  class NeedCandidatesResolver {
    @FieldResolver(() => [Candidate], { name: spec.needField.name, description: spec.needField.description })
    @Directive(REQUIRES_NEED_FACTS)
    candidates(@Root() need: NeedFacts, @Ctx() context: HubContext) {
      return candidatesFor(context).load(needFactsKey(need));
    }
  }
  return { NeedStub, NeedCandidatesResolver };
}
