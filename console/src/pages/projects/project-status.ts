import type { Tone } from '../../ui/status-tag';

/** The tone of each project status tag: in review waiting, funded good, refused bad, done neutral. */
export const PROJECT_STATUS_TONE: Record<string, Tone> = {
  SUBMITTED: 'info',
  UNDER_REVIEW: 'warn',
  APPROVED: 'good',
  REJECTED: 'bad',
  IN_PROGRESS: 'info',
  COMPLETED: 'neutral',
};
