import { registerEnumType } from 'type-graphql';
import { stateMachine } from '../../graphql/state-machine';
import { NeedStatus } from './need.entity';

/** The need workflow: accepted, matched, served, resolved, closed; rejected any time before service starts. */
export const NEED_WORKFLOW = stateMachine<NeedStatus>('需求', {
  SUBMITTED: [NeedStatus.ACCEPTED, NeedStatus.REJECTED],
  ACCEPTED: [NeedStatus.MATCHED, NeedStatus.REJECTED],
  MATCHED: [NeedStatus.IN_SERVICE, NeedStatus.REJECTED],
  IN_SERVICE: [NeedStatus.RESOLVED],
  RESOLVED: [NeedStatus.CLOSED],
  CLOSED: [],
  REJECTED: [],
});

/** Statuses in which a need can be given a handler: accepted, and until the service is over. */
export const ASSIGNABLE_STATUSES = [NeedStatus.ACCEPTED, NeedStatus.MATCHED, NeedStatus.IN_SERVICE];

/** Statuses in which the resident's rating may be given. */
export const RATEABLE_STATUSES = [NeedStatus.RESOLVED, NeedStatus.CLOSED];

/** What a caller may do to a need, one value per mutation (`Need.allowedTransitions`). */
export enum NeedTransition {
  ACCEPT = 'ACCEPT',
  MATCH = 'MATCH',
  START_SERVICE = 'START_SERVICE',
  RESOLVE = 'RESOLVE',
  CLOSE = 'CLOSE',
  REJECT = 'REJECT',
  ASSIGN = 'ASSIGN',
  ADD_CONTRIBUTION = 'ADD_CONTRIBUTION',
  RATE = 'RATE',
}
registerEnumType(NeedTransition, {
  name: 'NeedTransition',
  description:
    '受理 acceptNeed · 匹配 matchNeed · 开始服务 startNeedService · 解决 resolveNeed · 关闭 closeNeed · 驳回 rejectNeed · 指派 assignNeed · 记录贡献 addLinkageContribution · 评价 rateNeed',
});

/** The status each status-changing transition moves a need to. */
export const TRANSITION_TARGET = {
  [NeedTransition.ACCEPT]: NeedStatus.ACCEPTED,
  [NeedTransition.MATCH]: NeedStatus.MATCHED,
  [NeedTransition.START_SERVICE]: NeedStatus.IN_SERVICE,
  [NeedTransition.RESOLVE]: NeedStatus.RESOLVED,
  [NeedTransition.CLOSE]: NeedStatus.CLOSED,
  [NeedTransition.REJECT]: NeedStatus.REJECTED,
} as const;
