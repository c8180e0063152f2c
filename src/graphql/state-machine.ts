import { DomainError } from '../errors';

/** A workflow: for each status, the statuses it may move to next. Anything not listed is refused. */
export type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

export class InvalidTransitionError extends DomainError {
  constructor(what: string, from: string, to: string) {
    super('INVALID_TRANSITION', `${what}当前为 ${from},不能变为 ${to} (cannot go from ${from} to ${to})`, { from, to });
  }
}

export interface StateMachine<S extends string> {
  /** The statuses `from` may move to. */
  next(from: S): readonly S[];
  allows(from: S, to: S): boolean;
  /** Throws a coded INVALID_TRANSITION naming both statuses unless the workflow allows the move. */
  assertTransition(from: S, to: S): void;
}

/** The one way every workflow checks a status change; `what` names the record in the message (需求, 项目). */
export function stateMachine<S extends string>(what: string, transitions: Transitions<S>): StateMachine<S> {
  const next = (from: S) => transitions[from];
  const allows = (from: S, to: S) => next(from).includes(to);
  return {
    next,
    allows,
    assertTransition(from, to) {
      if (!allows(from, to)) throw new InvalidTransitionError(what, from, to);
    },
  };
}
