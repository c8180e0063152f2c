import { Field, getMetadataStorage, ObjectType } from 'type-graphql';
import { candidateType, part, proximity, rank, type ScorePart } from '../../src/graphql/scoring';

const XIAHE = '530402006005'; // 下赫社区, 李棋街道, 红塔区, 玉溪市

describe('proximity in the division tree', () => {
  test.each([
    [XIAHE, XIAHE, 1, '同一社区'],
    ['530402006001', XIAHE, 0.75, '同一街道/乡镇'],
    ['530402006000', XIAHE, 0.75, '同一街道/乡镇'], // the township itself
    ['530402001003', XIAHE, 0.5, '同一县(市、区)'],
    ['530402000000', XIAHE, 0.5, '同一县(市、区)'],
    ['530403001001', XIAHE, 0.25, '同一市'],
    ['530400000000', XIAHE, 0.25, '同一市'], // a city-level provider serves everyone a little
    ['530102001001', XIAHE, 0, '不同城市'],
    ['520402006005', XIAHE, 0, '不同城市'], // same digits below the province still is another city
  ])('%s to %s: %d (%s)', (from, to, value, note) => {
    expect(proximity(from, to)).toEqual({ value, note });
  });
});

test('a part keeps its value to three decimals', () => {
  expect(part('load', 0.2, 2 / 3, '本周已排 2 次')).toEqual({
    factor: 'load',
    weight: 0.2,
    value: 0.667,
    note: '本周已排 2 次',
  });
  expect(part('category', 0.5, 1, '类别相符').value).toBe(1);
});

describe('ranking', () => {
  const parts = (...pairs: [number, number][]): ScorePart[] =>
    pairs.map(([weight, value], i) => ({ factor: `f${i}`, weight, value, note: '' }));
  // Weighted sums worked out by hand: 0.5·1 + 0.3·0.5 + 0.2·0.25 = 0.7, and so on.
  const a = { item: { id: 3 }, parts: parts([0.5, 1], [0.3, 0.5], [0.2, 0.25]) }; // 0.7
  const b = { item: { id: 1 }, parts: parts([0.5, 0.5], [0.3, 1], [0.2, 0.5]) }; // 0.65
  const c = { item: { id: 2 }, parts: parts([0.5, 0.8], [0.3, 1]) }; // 0.7, ties with a
  const d = { item: { id: 4 }, parts: parts([0.5, 0.1], [0.5, 0.2]) }; // 0.15000000000000002 → 0.15
  const e = { item: { id: 5 }, parts: parts([1, 0.12345]) }; // 0.123
  const f = { item: { id: 6 }, parts: [] }; // nothing in its favour: 0

  test('scores are weighted sums to three decimals, ranked high to low, ties to the lower id', () => {
    const ranked = rank([d, a, f, b, e, c], 10);
    expect(ranked.map((r) => [r.item.id, r.score])).toEqual([
      [2, 0.7],
      [3, 0.7],
      [1, 0.65],
      [4, 0.15],
      [5, 0.123],
      [6, 0],
    ]);
    expect(ranked[1]).toEqual({ item: a.item, parts: a.parts, score: 0.7 });
    expect(rank([c, a], 10).map((r) => r.item.id)).toEqual([2, 3]);
    expect(rank([a, c], 10).map((r) => r.item.id)).toEqual([2, 3]);
  });

  test('only the best `limit` are kept', () => {
    expect(rank([b, e, a, c], 2).map((r) => r.item.id)).toEqual([2, 3]);
    expect(rank([b, e], 0)).toEqual([]);
  });
});

test('a candidate type is an object type of its own name and description', () => {
  @ObjectType()
  class Thing {
    @Field()
    name!: string;
  }
  const type = candidateType(Thing, 'ThingCandidate', 'thing', 'a thing ranked for a need');
  const metadata = getMetadataStorage().objectTypes.find((t) => t.target === type);
  expect(metadata).toMatchObject({ name: 'ThingCandidate', description: 'a thing ranked for a need' });
});
