import type { Tone } from './status-tag';

/*
 * The tone of each state's StatusTag, beside its label in labels.ts: waiting is warn, done or accepted good,
 * refused or cancelled bad, under way info, closed neutral.
 */

export const PROJECT_STATUS_TONE: Record<string, Tone> = {
  SUBMITTED: 'info',
  UNDER_REVIEW: 'warn',
  APPROVED: 'good',
  REJECTED: 'bad',
  IN_PROGRESS: 'info',
  COMPLETED: 'neutral',
};

export const ACTIVITY_STATUS_TONE: Record<string, Tone> = {
  PLANNED: 'info',
  OPEN: 'good',
  FINISHED: 'neutral',
  CANCELLED: 'bad',
};

export const HOURS_STATUS_TONE: Record<string, Tone> = { PENDING: 'warn', VERIFIED: 'good', REJECTED: 'bad' };

/** The most urgent stand out most. */
export const URGENCY_TONE: Record<string, Tone> = { URGENT: 'bad', HIGH: 'warn', NORMAL: 'info', LOW: 'neutral' };
