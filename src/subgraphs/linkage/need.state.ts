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
