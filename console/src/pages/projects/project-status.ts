import type { StatusTone } from '../../ui/status-tag';

/** The tone of each project status tag: in review waiting, funded good, refused bad, done neutral. */
export const PROJECT_STATUS_TONE: Record<string, StatusTone> = {
  SUBMITTED: 'info',
  UNDER_REVIEW: 'waiting',
  APPROVED: 'good',
  REJECTED: 'bad',
  IN_PROGRESS: 'active',
  COMPLETED: 'neutral',
};
