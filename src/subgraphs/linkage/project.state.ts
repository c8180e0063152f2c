import { stateMachine } from '../../graphql/state-machine';
import { ProjectStatus } from './project.entity';

/**
 * A project application: reviewed (scored, and re-scored while under review), then approved or rejected (a
 * submitted one may be rejected unreviewed); an approved project is started by its organisation and completed.
 */
export const PROJECT_WORKFLOW = stateMachine<ProjectStatus>('项目', {
  SUBMITTED: [ProjectStatus.UNDER_REVIEW, ProjectStatus.REJECTED],
  UNDER_REVIEW: [ProjectStatus.UNDER_REVIEW, ProjectStatus.APPROVED, ProjectStatus.REJECTED],
  APPROVED: [ProjectStatus.IN_PROGRESS],
  IN_PROGRESS: [ProjectStatus.COMPLETED],
  REJECTED: [],
  COMPLETED: [],
});
