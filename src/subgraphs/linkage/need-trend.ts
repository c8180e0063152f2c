import { Field, Int, ObjectType } from 'type-graphql';
import { prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { BadInputError } from '../../errors';
import { loaderFor, REGION_BATCH_SIZE, type HubContext } from '../../graphql/context';
import { readClock } from '../../graphql/clock';
import { Need } from './need.entity';

@ObjectType({ description: 'one calendar month (China time) of a region’s needs' })
export class NeedMonth {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: 'needs submitted in the month' })
  submitted!: number;

  @Field(() => Int, { description: 'needs resolved in the month (whatever they are now, closed included)' })
  resolved!: number;
}

export const MAX_TREND_MONTHS = 36;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The first instants of the last `months` calendar months in China (UTC+8, no daylight saving) up to the current
 * one, and of the month after it: `months + 1` bounds, oldest first, with each month's name.
 */
export function chinaMonthBounds(months: number, now: Date): { starts: Date[]; names: string[] } {
  const china = new Date(now.getTime() + CHINA_OFFSET_MS);
  const [year, month] = [china.getUTCFullYear(), china.getUTCMonth()];
  const starts: Date[] = [];
  const names: string[] = [];
  for (let back = months - 1; back >= -1; back -= 1) {
    const start = new Date(Date.UTC(year, month - back, 1) - CHINA_OFFSET_MS);
    starts.push(start);
    if (back >= 0) {
      const named = new Date(start.getTime() + CHINA_OFFSET_MS);
      names.push(`${named.getUTCFullYear()}-${String(named.getUTCMonth() + 1).padStart(2, '0')}`);
    }
  }
  return { starts, names };
}

export function requireTrendMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1 || months > MAX_TREND_MONTHS) {
    throw new BadInputError(`月数应在 1 到 ${MAX_TREND_MONTHS} 之间 (months must be 1 to ${MAX_TREND_MONTHS})`, {
      argument: 'months',
    });
  }
}

/** `CASE` giving the index of the month `column` falls in, or -1 outside them; the bounds are parameters. */
function monthIndex(column: string, prefix: string, count: number): string {
  const arms = Array.from(
    { length: count },
    (_, i) => `WHEN ${column} >= :${prefix}${i} AND ${column} < :${prefix}${i + 1} THEN ${i}`,
  );
  return `CASE ${arms.join(' ')} ELSE -1 END`;
}

/**
 * Needs submitted and resolved per month over each region's subtree, for the last `months` months (China time):
 * one GROUP BY (code prefix, submission month, resolution month) per level in the batch, however many regions.
 */
export const needTrendOf = (context: HubContext, months: number) =>
  loaderFor<string, NeedMonth[]>(
    context,
    `linkage.needTrend:${months}`,
    async (regions) => {
      const { starts, names } = chinaMonthBounds(months, readClock(context));
      const bounds = Object.fromEntries(starts.map((start, i) => [`m${i}`, start]));
      const trends = new Map<string, NeedMonth[]>();
      for (const group of prefixGroups(regions)) {
        const key = prefixOf('n.communityId', group.length);
        const rows: { k: string; s: number | string; r: number | string; n: number | string }[] =
          await context.dataSource
            .getRepository(Need)
            .createQueryBuilder('n')
            .select(key, 'k')
            .addSelect(monthIndex('n.submittedAt', 'm', months), 's')
            .addSelect(monthIndex('n.resolvedAt', 'm', months), 'r')
            .addSelect('COUNT(*)', 'n')
            .where('n.communityId BETWEEN :low AND :high', { low: group.low, high: group.high, ...bounds })
            .andWhere(`${key} IN (:...prefixes)`, { prefixes: group.prefixes })
            .andWhere('(n.submittedAt >= :m0 OR n.resolvedAt >= :m0)')
            .groupBy('k')
            .addGroupBy('s')
            .addGroupBy('r')
            .getRawMany();
        for (const row of rows) {
          const trend =
            trends.get(row.k) ?? names.map((month) => ({ month, submitted: 0, resolved: 0 }) satisfies NeedMonth);
          const [submittedIn, resolvedIn, count] = [Number(row.s), Number(row.r), Number(row.n)];
          if (submittedIn >= 0) trend[submittedIn].submitted += count;
          if (resolvedIn >= 0) trend[resolvedIn].resolved += count;
          trends.set(row.k, trend);
        }
      }
      return regions.map(
        (regionId) =>
          trends.get(regionPrefix(regionId)) ?? names.map((month) => ({ month, submitted: 0, resolved: 0 })),
      );
    },
    REGION_BATCH_SIZE,
  );
