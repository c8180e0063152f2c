import { DomainError } from '../../errors';
import { NeedStatus } from './need.entity';

/** The need workflow. Anything not listed here is an invalid transition. */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  SUBMITTED: [NeedStatus.ACCEPTED, NeedStatus.REJECTED],
  ACCEPTED: [NeedStatus.MATCHED, NeedStatus.REJECTED],
  MATCHED: [NeedStatus.IN_SERVICE, NeedStatus.REJECTED],
  IN_SERVICE: [NeedStatus.RESOLVED],
  RESOLVED: [NeedStatus.CLOSED],
  CLOSED: [],
  REJECTED: [],
};

export class InvalidTransitionError extends DomainError {
  constructor(from: NeedStatus, to: NeedStatus) {
    super('INVALID_TRANSITION', `需求当前为 ${from},不能变为 ${to} (cannot go from ${from} to ${to})`, { from, to });
  }
}

export function assertTransition(from: NeedStatus, to: NeedStatus): void {
  if (!NEED_TRANSITIONS[from].includes(to)) throw new InvalidTransitionError(from, to);
}
