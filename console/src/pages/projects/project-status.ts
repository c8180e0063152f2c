/** The colour of each project status tag: in review amber, funded green, refused red, done grey. */
export const PROJECT_STATUS_COLOR: Record<string, string> = {
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'gold',
  APPROVED: 'green',
  REJECTED: 'red',
  IN_PROGRESS: 'cyan',
  COMPLETED: 'default',
};
