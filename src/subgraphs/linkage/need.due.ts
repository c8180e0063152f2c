import type { SelectQueryBuilder } from 'typeorm';
import { Need, NeedUrgency, OPEN_NEED_STATUSES } from './need.entity';

const DAY_MS = 86_400_000;

/**
 * How long an open need may wait, by urgency, counted from its submission (docs/rules.md, "Due dates"). The one
 * home of these limits: `Need.dueAt`, `Need.overdue`, the `overdue` filter and the due-date order all read it.
 */
export const RESPONSE_DAYS: Readonly<Record<NeedUrgency, number>> = {
  [NeedUrgency.URGENT]: 1,
  [NeedUrgency.HIGH]: 3,
  [NeedUrgency.NORMAL]: 7,
  [NeedUrgency.LOW]: 14,
};

export function needDueAt(need: Pick<Need, 'submittedAt' | 'urgency'>): Date {
  return new Date(new Date(need.submittedAt).getTime() + RESPONSE_DAYS[need.urgency] * DAY_MS);
}

/** Still open (submitted, accepted, matched or in service) and past its due time; `now` from readClock. */
export function isOverdue(need: Pick<Need, 'submittedAt' | 'urgency' | 'status'>, now: Date): boolean {
  return OPEN_NEED_STATUSES.includes(need.status) && needDueAt(need).getTime() < now.getTime();
}

/**
 * Keeps the needs that are overdue (`overdue` true) or not (false) at `now`, in SQL: open, and submitted before
 * the cut-off of their urgency. The cut-offs are bound as parameters, so the condition is the same on every
 * database.
 */
export function whereOverdue(query: SelectQueryBuilder<Need>, alias: string, overdue: boolean, now: Date) {
  const parameters: Record<string, unknown> = { overdueOpen: OPEN_NEED_STATUSES };
  const late = Object.entries(RESPONSE_DAYS).map(([urgency, days]) => {
    parameters[`urgency_${urgency}`] = urgency;
    parameters[`cutoff_${urgency}`] = new Date(now.getTime() - days * DAY_MS);
    return `(${alias}.urgency = :urgency_${urgency} AND ${alias}.submittedAt < :cutoff_${urgency})`;
  });
  const condition = `(${alias}.status IN (:...overdueOpen) AND (${late.join(' OR ')}))`;
  return query.andWhere(overdue ? condition : `NOT ${condition}`, parameters);
}

/** A need's due time as seconds after submission, for ordering by due date in SQL. */
export function dueOffsetSeconds(alias: string): string {
  const cases = Object.entries(RESPONSE_DAYS)
    .map(([urgency, days]) => `WHEN '${urgency}' THEN ${days * 86_400}`)
    .join(' ');
  return `CASE ${alias}.urgency ${cases} END`;
}
