import { BadInputError, NotFoundError } from '../errors';

/**
 * The largest id an INT primary key holds. A larger one names no row on any backend; PostgreSQL would refuse the
 * whole statement comparing it with an INT column (out of range) where MySQL and SQLite find nothing.
 */
const MAX_ROW_ID = 2_147_483_647;

/** Numeric row ids travel as GraphQL IDs (strings); anything else is refused before it reaches SQL. */
export function parseIntId(id: string | number, argument = 'id'): number {
  const value = typeof id === 'number' ? id : Number(id);
  if (!Number.isSafeInteger(value) || value <= 0 || String(value) !== String(id).trim()) {
    throw new BadInputError(`无效的编号 (${argument} must be a positive integer id)`, { argument });
  }
  if (value > MAX_ROW_ID) throw new NotFoundError('记录', value);
  return value;
}

/** An optional id argument: null when the client left it out (filters skip null; columns store it). */
export function optionalIntId(id: string | null | undefined, argument: string): number | null {
  return id === undefined || id === null ? null : parseIntId(id, argument);
}
