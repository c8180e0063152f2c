import type { HubContext } from './context';

/**
 * The one way a read resolver learns the time: it marks the request as depending on the clock, so its answer is
 * never stored in the public-read cache (src/graphql/public-cache.ts). A field whose value changes with the time
 * alone (Need.overdue, the 30-day cut of Region.needList and unmetNeedCategories, the months of Region.needTrend)
 * takes its `now` from here; a new such field does the same, and that is all it needs.
 */
export function readClock(context: Pick<HubContext, 'clockRead'>): Date {
  context.clockRead = true;
  return new Date();
}
