import { registerEnumType } from 'type-graphql';
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

/** What a caller may do to a project, one value per mutation (`ServiceProject.allowedTransitions`). */
export enum ProjectTransition {
  REVIEW = 'REVIEW',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  START = 'START',
  COMPLETE = 'COMPLETE',
  CITE_NEEDS = 'CITE_NEEDS',
  LINK_SERVICE = 'LINK_SERVICE',
}
registerEnumType(ProjectTransition, {
  name: 'ProjectTransition',
  description:
    '评审 reviewProjectApplication · 批准 approveProjectApplication · 不予立项 rejectProjectApplication · 启动 startProject · 结项 completeProject · 引用需求 citeNeeds · 关联服务 linkProjectService',
});

/** The status each status-changing transition moves a project to. */
export const PROJECT_TRANSITION_TARGET = {
  [ProjectTransition.REVIEW]: ProjectStatus.UNDER_REVIEW,
  [ProjectTransition.APPROVE]: ProjectStatus.APPROVED,
  [ProjectTransition.REJECT]: ProjectStatus.REJECTED,
  [ProjectTransition.START]: ProjectStatus.IN_PROGRESS,
  [ProjectTransition.COMPLETE]: ProjectStatus.COMPLETED,
} as const;
