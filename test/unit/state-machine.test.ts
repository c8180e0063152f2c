import { DomainError } from '../../src/errors';
import { stateMachine, type StateMachine } from '../../src/graphql/state-machine';
import { NeedStatus } from '../../src/subgraphs/linkage/need.entity';
import { NEED_WORKFLOW } from '../../src/subgraphs/linkage/need.state';
import { ProjectStatus } from '../../src/subgraphs/linkage/project.entity';
import { PROJECT_WORKFLOW } from '../../src/subgraphs/linkage/project.state';

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

/**
 * Checks every ordered pair of a workflow's statuses against the moves written out above: the listed ones are
 * allowed, every other one is refused with INVALID_TRANSITION naming both statuses.
 */
function describeWorkflow<S extends string>(
  name: string,
  machine: StateMachine<S>,
  statuses: readonly S[],
  allowedMoves: readonly [S, S][],
  enumValues: readonly string[],
) {
  const isListed = (from: S, to: S) => allowedMoves.some(([f, t]) => f === from && t === to);
  const all = statuses.flatMap((from) => statuses.map((to) => [from, to] as [S, S]));
  const allowed = all.filter(([from, to]) => isListed(from, to));
  const forbidden = all.filter(([from, to]) => !isListed(from, to));

  describe(name, () => {
    test('the pairs checked below are built from every status of the enum', () => {
      expect([...statuses].sort()).toEqual([...enumValues].sort());
    });

    test.each(statuses)('the moves out of %s are exactly the listed ones', (from) => {
      const expected = allowedMoves.filter(([f]) => f === from).map(([, to]) => to);
      expect([...machine.next(from)].sort()).toEqual(expected.sort());
    });

    test.each(allowed)('%s → %s is allowed', (from, to) => {
      expect(machine.allows(from, to)).toBe(true);
      expect(() => machine.assertTransition(from, to)).not.toThrow();
    });

    test.each(forbidden)('%s → %s is refused with INVALID_TRANSITION', (from, to) => {
      expect(machine.allows(from, to)).toBe(false);
      const error = refusal(machine, from, to);
      expect(error).toBeInstanceOf(DomainError);
      expect(error.extensions).toEqual({ code: 'INVALID_TRANSITION', from, to });
    });
  });
}

describeWorkflow('the need workflow', NEED_WORKFLOW, NEED_STATUSES, NEED_ALLOWED, Object.values(NeedStatus));
describeWorkflow(
  'the project workflow',
  PROJECT_WORKFLOW,
  PROJECT_STATUSES,
  PROJECT_ALLOWED,
  Object.values(ProjectStatus),
);

test('a refusal names the record and both statuses, in Chinese and English', () => {
  expect(refusal(NEED_WORKFLOW, NeedStatus.CLOSED, NeedStatus.SUBMITTED).message).toBe(
    '需求当前为 CLOSED,不能变为 SUBMITTED (cannot go from CLOSED to SUBMITTED)',
  );
  expect(refusal(PROJECT_WORKFLOW, ProjectStatus.APPROVED, ProjectStatus.REJECTED).message).toBe(
    '项目当前为 APPROVED,不能变为 REJECTED (cannot go from APPROVED to REJECTED)',
  );
});

test('a workflow built by the helper allows exactly what its table lists', () => {
  const machine = stateMachine<'A' | 'B' | 'C'>('记录', { A: ['B'], B: ['A', 'C'], C: [] });
  expect([machine.allows('A', 'B'), machine.allows('B', 'A'), machine.allows('B', 'C')]).toEqual([true, true, true]);
  expect([machine.allows('A', 'A'), machine.allows('A', 'C'), machine.allows('C', 'A')]).toEqual([false, false, false]);
  expect(machine.next('B')).toEqual(['A', 'C']);
  expect(refusal(machine, 'C', 'B').message).toBe('记录当前为 C,不能变为 B (cannot go from C to B)');
});
