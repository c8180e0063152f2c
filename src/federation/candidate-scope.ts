import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { subtreeBounds } from '../db/region-scope';

/**
 * Limits a candidate query to the counties of a batch of needs, plus rows registered at city level (they serve
 * every county): `(region BETWEEN county bounds OR region = city code) OR …`, one index range per county.
 */
export function withinNeedCounties<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  regionColumn: string,
  communityIds: readonly string[],
): SelectQueryBuilder<T> {
  const counties = [...new Set(communityIds.map((id) => `${id.slice(0, 6)}000000`))];
  const scopes = counties.map((county, i) => {
    const [low, high] = subtreeBounds(county);
    query
      .setParameter(`countyLow${i}`, low)
      .setParameter(`countyHigh${i}`, high)
      .setParameter(`city${i}`, `${county.slice(0, 4)}00000000`);
    return `${regionColumn} BETWEEN :countyLow${i} AND :countyHigh${i} OR ${regionColumn} = :city${i}`;
  });
  return query.andWhere(`(${scopes.join(' OR ')})`);
}
