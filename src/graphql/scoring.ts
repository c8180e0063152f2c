import { Directive, Field, Float, ObjectType, type ClassType } from 'type-graphql';
import { roundTo } from './rounding';

/** One reason in a candidate's score, so staff can see why it ranks where it does. */
@ObjectType({ description: 'one weighted factor of a candidate’s score' })
@Directive('@shareable')
export class ScorePart {
  @Field({ description: 'e.g. category, proximity, load' })
  factor!: string;

  @Field(() => Float)
  weight!: number;

  @Field(() => Float, { description: '0 to 1' })
  value!: number;

  @Field({ description: 'in words' })
  note!: string;
}

export interface Scored<T> {
  item: T;
  score: number;
  parts: ScorePart[];
}

const LEVEL_NAMES = ['同一社区', '同一街道/乡镇', '同一县(市、区)', '同一市'];

/**
 * How close a provider's region is to a need's community in the division tree: same community 1, same
 * township 0.75, same county 0.5, same city 0.25 (a city-level provider serves everyone a little).
 */
export function proximity(from: string, to: string): { value: number; note: string } {
  const level = [12, 9, 6, 4].findIndex((length) => from.slice(0, length) === to.slice(0, length));
  return level < 0 ? { value: 0, note: '不同城市' } : { value: 1 - level * 0.25, note: LEVEL_NAMES[level] };
}

export function part(factor: string, weight: number, value: number, note: string): ScorePart {
  return { factor, weight, value: roundTo(value, 3), note };
}

/** Weighted sum of the parts, ranked high to low; ties go to the lower id so the order never wobbles. */
export function rank<T extends { id: number }>(
  candidates: { item: T; parts: ScorePart[] }[],
  limit: number,
): Scored<T>[] {
  return candidates
    .map(({ item, parts }) => ({
      item,
      parts,
      score: roundTo(
        parts.reduce((sum, p) => sum + p.weight * p.value, 0),
        3,
      ),
    }))
    .sort((a, b) => b.score - a.score || a.item.id - b.item.id)
    .slice(0, limit);
}

/** How many candidates each society offers per need. */
export const CANDIDATE_LIMIT = 5;

/**
 * `<Name>` with the candidate under `field` (service, socialWorker, …), its score and the parts of the score.
 * Resolvers return `rank(...)` results as they are: the item is exposed under the society's own field name.
 */
export function candidateType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  field: string,
  description: string,
) {
  @ObjectType(name, { description })
  class Candidate {
    @Field(() => nodeType, { name: field })
    item!: T;

    @Field(() => Float)
    score!: number;

    @Field(() => [ScorePart])
    parts!: ScorePart[];
  }
  return Candidate;
}
