import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isRegionCode, subtreeBounds } from '../db/region-scope';
import { nullsOrder } from '../db/dialect';
import { BadInputError } from '../errors';
import { searchableSpec } from '../db/search-index';
import { OrderDirection } from './pagination';
import { applySearch } from './search-query';

export interface ListSpec {
  /** Exact matches; undefined values are skipped so optional filter fields can be passed straight in. */
  equals?: Record<string, unknown>;
  /** Keep rows whose `regionProperty` lies in the subtree of `regionId`. */
  regionProperty?: string;
  regionId?: string;
  /** The user's words, for an entity marked @Searchable (its fields and index: src/db/search-index.ts). */
  search?: string;
  /** The client's order: it comes before a search's ranking. */
  order?: { field: string; direction: OrderDirection };
  /** The list's own order when the client gives none: after a search's ranking, before the id. */
  defaultOrder?: { field: string; direction: OrderDirection };
}

export function assertRegionCode(regionId: string, argument = 'regionId'): void {
  if (!isRegionCode(regionId)) {
    throw new BadInputError(`区划代码应为 12 位数字 (${argument} must be a 12-digit division code)`, { argument });
  }
}

/** The filtered, ordered query behind every list field; ties are broken by id so pages never overlap. */
export function listQuery<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  spec: ListSpec,
): SelectQueryBuilder<T> {
  const alias = 'item';
  const query = dataSource.getRepository(entity).createQueryBuilder(alias);
  for (const [property, value] of Object.entries(spec.equals ?? {})) {
    if (value !== undefined && value !== null)
      query.andWhere(`${alias}.${property} = :eq_${property}`, { [`eq_${property}`]: value });
  }
  if (spec.regionId !== undefined && spec.regionProperty) {
    assertRegionCode(spec.regionId);
    const [low, high] = subtreeBounds(spec.regionId);
    query.andWhere(`${alias}.${spec.regionProperty} BETWEEN :regionLow AND :regionHigh`, {
      regionLow: low,
      regionHigh: high,
    });
  }
  let rank: string | undefined;
  if (spec.search) {
    const searchable = searchableSpec(query.expressionMap.mainAlias!.target);
    if (!searchable) throw new Error(`listQuery: ${String(entity)} is not @Searchable`);
    rank = applySearch(query, dataSource, alias, searchable, spec.search);
  }
  // The client's order comes first; otherwise the best matches of a search do, then the list's own order; ties by
  // id so pages never overlap.
  if (spec.order)
    query.addOrderBy(
      `${alias}.${spec.order.field}`,
      spec.order.direction,
      nullsOrder(dataSource, spec.order.direction),
    );
  if (rank) query.addOrderBy(rank, 'ASC');
  const order = spec.order ?? spec.defaultOrder;
  if (order && !spec.order)
    query.addOrderBy(`${alias}.${order.field}`, order.direction, nullsOrder(dataSource, order.direction));
  query.addOrderBy(`${alias}.id`, order?.direction ?? OrderDirection.ASC);
  return query;
}
