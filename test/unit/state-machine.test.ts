import { DomainError } from '../../src/graphql/errors';
import { stateMachine, type StateMachine } from '../../src/graphql/state-machine';
import { NeedStatus } from '../../src/subgraphs/linkage/need.entity';
import { NEED_WORKFLOW } from '../../src/subgraphs/linkage/need.state';
import { ProjectStatus } from '../../src/subgraphs/linkage/project.entity';
import { PROJECT_WORKFLOW } from '../../src/subgraphs/linkage/project.state';

/** Every ordered pair of statuses, split by whether the expected list (written out below) allows it. */
function pairs<S extends string>(statuses: readonly S[], allowed: readonly (readonly [S, S])[]) {
  const isAllowed = (from: S, to: S) => allowed.some(([f, t]) => f === from && t === to);
  const all = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));
  return {
    allowed: all.filter(([from, to]) => isAllowed(from, to)),
    forbidden: all.filter(([from, to]) => !isAllowed(from, to)),
  };
}

function refusal<S extends string>(machine: StateMachine<S>, from: S, to: S): DomainError {
  try {
    machine.assertTransition(from, to);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error(`${from} → ${to} was allowed`);
}

// The need workflow as the README and the mutations describe it: 受理, 匹配, 开始服务, 解决, 关闭, and 驳回 any
// time before service starts. Nothing leaves CLOSED or REJECTED, and a need never goes back.
const NEED_STATUSES = [
  NeedStatus.SUBMITTED,
  NeedStatus.ACCEPTED,
  NeedStatus.MATCHED,
  NeedStatus.IN_SERVICE,
  NeedStatus.RESOLVED,
  NeedStatus.CLOSED,
  NeedStatus.REJECTED,
] as const;
const NEED_ALLOWED = [
  ['SUBMITTED', 'ACCEPTED'],
  ['ACCEPTED', 'MATCHED'],
  ['MATCHED', 'IN_SERVICE'],
  ['IN_SERVICE', 'RESOLVED'],
  ['RESOLVED', 'CLOSED'],
  ['SUBMITTED', 'REJECTED'],
  ['ACCEPTED', 'REJECTED'],
  ['MATCHED', 'REJECTED'],
] as [NeedStatus, NeedStatus][];
const need = pairs(NEED_STATUSES, NEED_ALLOWED);

// A project application: reviewed (scored, and scored again while under review), approved within the quota or
// rejected (reviewed or not), started by its organisation, completed with an evaluation.
const PROJECT_STATUSES = [
  ProjectStatus.SUBMITTED,
  ProjectStatus.UNDER_REVIEW,
  ProjectStatus.APPROVED,
  ProjectStatus.REJECTED,
  ProjectStatus.IN_PROGRESS,
  ProjectStatus.COMPLETED,
] as const;
const PROJECT_ALLOWED = [
  ['SUBMITTED', 'UNDER_REVIEW'],
  ['UNDER_REVIEW', 'UNDER_REVIEW'],
  ['UNDER_REVIEW', 'APPROVED'],
  ['SUBMITTED', 'REJECTED'],
  ['UNDER_REVIEW', 'REJECTED'],
  ['APPROVED', 'IN_PROGRESS'],
  ['IN_PROGRESS', 'COMPLETED'],
] as [ProjectStatus, ProjectStatus][];
const project = pairs(PROJECT_STATUSES, PROJECT_ALLOWED);

describe('the need workflow', () => {
  test('covers all 7 statuses: 8 moves allowed, the other 41 pairs refused', () => {
    expect(new Set(NEED_STATUSES).size).toBe(Object.values(NeedStatus).length);
    expect(need.allowed).toHaveLength(8);
    expect(need.forbidden).toHaveLength(41);
  });

  test.each(NEED_STATUSES)('the moves out of %s are exactly the listed ones', (from) => {
    const expected = NEED_ALLOWED.filter(([f]) => f === from).map(([, to]) => to);
    expect([...NEED_WORKFLOW.next(from)].sort()).toEqual(expected.sort());
  });

  test.each(need.allowed)('%s → %s is allowed', (from, to) => {
    expect(NEED_WORKFLOW.allows(from, to)).toBe(true);
    expect(() => NEED_WORKFLOW.assertTransition(from, to)).not.toThrow();
  });

  test.each(need.forbidden)('%s → %s is refused with INVALID_TRANSITION', (from, to) => {
    expect(NEED_WORKFLOW.allows(from, to)).toBe(false);
    const error = refusal(NEED_WORKFLOW, from, to);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.extensions).toEqual({ code: 'INVALID_TRANSITION', from, to });
  });

  test('the refusal names both statuses in Chinese and English', () => {
    expect(refusal(NEED_WORKFLOW, NeedStatus.CLOSED, NeedStatus.SUBMITTED).message).toBe(
      '需求当前为 CLOSED,不能变为 SUBMITTED (cannot go from CLOSED to SUBMITTED)',
    );
  });
});

describe('the project workflow', () => {
  test('covers all 6 statuses: 7 moves allowed, the other 29 pairs refused', () => {
    expect(new Set(PROJECT_STATUSES).size).toBe(Object.values(ProjectStatus).length);
    expect(project.allowed).toHaveLength(7);
    expect(project.forbidden).toHaveLength(29);
  });

  test.each(PROJECT_STATUSES)('the moves out of %s are exactly the listed ones', (from) => {
    const expected = PROJECT_ALLOWED.filter(([f]) => f === from).map(([, to]) => to);
    expect([...PROJECT_WORKFLOW.next(from)].sort()).toEqual(expected.sort());
  });

  test.each(project.allowed)('%s → %s is allowed', (from, to) => {
    expect(PROJECT_WORKFLOW.allows(from, to)).toBe(true);
    expect(() => PROJECT_WORKFLOW.assertTransition(from, to)).not.toThrow();
  });

  test.each(project.forbidden)('%s → %s is refused with INVALID_TRANSITION', (from, to) => {
    expect(PROJECT_WORKFLOW.allows(from, to)).toBe(false);
    const error = refusal(PROJECT_WORKFLOW, from, to);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.extensions).toEqual({ code: 'INVALID_TRANSITION', from, to });
  });

  test('the refusal names both statuses in Chinese and English', () => {
    expect(refusal(PROJECT_WORKFLOW, ProjectStatus.APPROVED, ProjectStatus.REJECTED).message).toBe(
      '项目当前为 APPROVED,不能变为 REJECTED (cannot go from APPROVED to REJECTED)',
    );
  });
});

test('a workflow built by the helper allows exactly what its table lists', () => {
  const machine = stateMachine<'A' | 'B' | 'C'>('记录', { A: ['B'], B: ['A', 'C'], C: [] });
  expect([machine.allows('A', 'B'), machine.allows('B', 'A'), machine.allows('B', 'C')]).toEqual([true, true, true]);
  expect([machine.allows('A', 'A'), machine.allows('A', 'C'), machine.allows('C', 'A')]).toEqual([false, false, false]);
  expect(machine.next('B')).toEqual(['A', 'C']);
  expect(refusal(machine, 'C', 'B').message).toBe('记录当前为 C,不能变为 B (cannot go from C to B)');
});
