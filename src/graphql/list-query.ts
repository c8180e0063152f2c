import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isRegionCode, subtreeBounds } from '../db/region-scope';
import { nullsOrder } from '../db/dialect';
import { BadInputError } from '../errors';
import { likePattern, OrderDirection, searchCondition } from './pagination';

export interface ListSpec {
  /** Exact matches; undefined values are skipped so optional filter fields can be passed straight in. */
  equals?: Record<string, unknown>;
  /** Keep rows whose `regionProperty` lies in the subtree of `regionId`. */
  regionProperty?: string;
  regionId?: string;
  search?: string;
  searchProperties?: string[];
  order?: { field: string; direction: OrderDirection };
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
  const search = spec.search?.trim();
  if (search && spec.searchProperties?.length) {
    if (search.length > 100)
      throw new BadInputError('搜索词太长 (search is limited to 100 characters)', { argument: 'search' });
    query.andWhere(
      searchCondition(
        query.connection,
        spec.searchProperties.map((p) => `${alias}.${p}`),
      ),
      { search: likePattern(search) },
    );
  }
  if (spec.order) {
    const { field, direction } = spec.order;
    query.orderBy(`${alias}.${field}`, direction, nullsOrder(query.connection, direction));
  }
  query.addOrderBy(`${alias}.id`, spec.order?.direction ?? OrderDirection.ASC);
  return query;
}
