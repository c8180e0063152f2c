import { In, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import { Role, type Identity } from '../../auth/identity';
import {
  passes,
  requireLinkInScope,
  requireOrganizationActor,
  requireOrganizationReach,
  requireOwnOrganization,
  requireRole,
  requireStaffIn,
} from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { BadInputError, DomainError, NotFoundError } from '../../errors';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { loadOrFail } from '../../graphql/loaders';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { optionalReference, requireReference, requireRegion } from '../../graphql/references';
import { inTransaction } from '../../graphql/transaction';
import { findOrFail, forShare, forUpdate, insertRow, lockOrFail } from '../../db/rows';
import type {
  OpenRoundInput,
  ServiceProjectFilter,
  ServiceProjectOrder,
  SubmitApplicationInput,
} from './linkage.inputs';
import { fundedCount, projectById, roundById } from './linkage.loaders';
import { ProjectNeedCitation, ProjectService } from './lists.entity';
import { Need } from './need.entity';
import { PROJECT_TRANSITION_TARGET, PROJECT_WORKFLOW, ProjectTransition } from './project.state';
import {
  FUNDED_PROJECT_STATUSES,
  ProjectCategory,
  ProjectRound,
  ProjectStatus,
  ServiceProject,
} from './project.entity';

export function getRound(context: HubContext, id: string) {
  return loadOrFail(roundById(context), id, '项目轮次');
}

export function listRounds(context: HubContext) {
  return context.dataSource.getRepository(ProjectRound).find({ order: { openedOn: 'DESC', id: 'DESC' } });
}

export function getProject(context: HubContext, id: string) {
  return loadOrFail(projectById(context), id, '服务项目');
}

/** In id order (the order applications came) unless `order` says otherwise, e.g. SCORE DESC to rank a round. */
export function listProjects(
  context: HubContext,
  filter: ServiceProjectFilter = {},
  order: ServiceProjectOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, ServiceProject, {
    order,
    equals: {
      roundId: optionalIntId(filter.roundId, 'roundId'),
      status: filter.status,
      category: filter.category,
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
  });
  return paginate(query, page);
}

/** The categories a round received applications in, in the enum's order. */
export function categoriesOf(projects: readonly ServiceProject[]): ProjectCategory[] {
  const present = new Set(projects.map((p) => p.category));
  return Object.values(ProjectCategory).filter((c) => present.has(c));
}

export function openRound(context: HubContext, input: OpenRoundInput) {
  requireRole(context.identity, Role.ADMIN);
  return inTransaction(context, (manager) => insertRow(manager, ProjectRound, input));
}

export async function submitApplication(context: HubContext, input: SubmitApplicationInput) {
  const applicantId = parseIntId(input.applicantId, 'applicantId');
  requireOrganizationActor(context.identity, applicantId, input.regionId);
  await requireRegion(context, input.regionId, 'regionId');
  const applicant = await requireReference(context, 'SocialOrganization', input.applicantId);
  requireLinkInScope(input.regionId, applicant.regionId, '申请组织');
  requireOrganizationReach(context.identity, applicant.regionId, input.regionId);
  const station = await optionalReference(context, 'ServiceStation', input.stationId);
  if (station) requireLinkInScope(input.regionId, station.regionId, '服务阵地');
  return inTransaction(context, async (manager) => {
    const roundId = parseIntId(input.roundId, 'roundId');
    if (!(await manager.getRepository(ProjectRound).existsBy({ id: roundId })))
      throw new NotFoundError('项目轮次', roundId);
    return insertRow(manager, ServiceProject, {
      roundId,
      title: input.title.trim(),
      category: input.category,
      status: ProjectStatus.SUBMITTED,
      applicantId,
      regionId: input.regionId,
      stationId: optionalIntId(input.stationId, 'stationId'),
      score: null,
      summary: input.summary ?? null,
      evaluation: null,
    });
  });
}

/**
 * Who may move a project to `to`: ADMIN approves and rejects; the applicant (ORG) or staff of the region start it;
 * staff of the region review and complete it.
 */
function requireProjectActor(identity: Identity, project: ServiceProject, to: ProjectStatus): void {
  if (to === ProjectStatus.APPROVED || to === ProjectStatus.REJECTED) requireRole(identity, Role.ADMIN);
  else if (to === ProjectStatus.IN_PROGRESS) requireOrganizationActor(identity, project.applicantId, project.regionId);
  else requireStaffIn(identity, project.regionId);
}

/** What remains of a round's quota: approved, started and completed projects use it up. */
export async function remainingQuota(context: HubContext, round: ProjectRound): Promise<number> {
  return Math.max(0, round.quota - (await fundedCount(context).load(round.id)));
}

/**
 * What the caller may do to `project` now, by the checks the mutations make: the workflow's next steps for whom
 * the policy lets through (approval only once scored and while the round has room), citing needs and linking
 * services for the applicant and staff of the region. Anyone else gets an empty list.
 */
export async function allowedProjectTransitions(
  context: HubContext,
  project: ServiceProject,
): Promise<ProjectTransition[]> {
  const { identity } = context;
  const allowed: ProjectTransition[] = [];
  for (const [transition, to] of Object.entries(PROJECT_TRANSITION_TARGET) as [ProjectTransition, ProjectStatus][]) {
    if (!PROJECT_WORKFLOW.allows(project.status, to) || !passes(() => requireProjectActor(identity, project, to)))
      continue;
    if (transition === ProjectTransition.APPROVE) {
      const round = await roundById(context).load(project.roundId);
      if (project.score === null || !round || (await remainingQuota(context, round)) === 0) continue;
    }
    allowed.push(transition);
  }
  if (passes(() => requireOrganizationActor(identity, project.applicantId, project.regionId)))
    allowed.push(ProjectTransition.CITE_NEEDS, ProjectTransition.LINK_SERVICE);
  return allowed;
}

export interface ProjectChange {
  to: ProjectStatus;
  score?: number;
  evaluation?: string;
}

/** Locks the round an application belongs to (a project never changes round). */
async function lockRoundOf(manager: EntityManager, projectId: number): Promise<ProjectRound> {
  const { roundId } = await findOrFail(manager, ServiceProject, projectId, '服务项目');
  return forUpdate(
    manager.getRepository(ProjectRound).createQueryBuilder('r').where('r.id = :id', { id: roundId }),
  ).getOneOrFail();
}

/**
 * Review (score), approval within the round's quota, rejection, start and completion. The project row is locked
 * so two changes cannot both start from the same status; approval locks the round before it, so two approvals
 * cannot both take the last place.
 */
export function changeProject(context: HubContext, id: string, change: ProjectChange) {
  return inTransaction(context, async (manager) => {
    const round = change.to === ProjectStatus.APPROVED ? await lockRoundOf(manager, parseIntId(id)) : null;
    const project = await lockOrFail(manager, ServiceProject, parseIntId(id), '服务项目');
    requireProjectActor(context.identity, project, change.to);
    PROJECT_WORKFLOW.assertTransition(project.status, change.to);
    if (change.to === ProjectStatus.UNDER_REVIEW) {
      if (change.score === undefined || change.score < 0 || change.score > 100)
        throw new BadInputError('评分应在 0 到 100 之间 (score must be 0-100)');
      project.score = change.score;
    }
    if (round) {
      if (project.score === null)
        throw new DomainError('NOT_REVIEWED', '项目尚未评审 (review the application before approving)');
      const funded = await forShare(
        manager
          .getRepository(ServiceProject)
          .createQueryBuilder('p')
          .where('p.roundId = :roundId', { roundId: round.id })
          .andWhere('p.status IN (:...funded)', { funded: FUNDED_PROJECT_STATUSES }),
      ).getCount();
      if (funded >= round.quota)
        throw new DomainError('QUOTA_EXCEEDED', `本轮名额已满 (${round.quota}) (the round's quota is used up)`, {
          quota: round.quota,
        });
    }
    if (change.to === ProjectStatus.COMPLETED) project.evaluation = change.evaluation ?? null;
    project.status = change.to;
    return manager.getRepository(ServiceProject).save(project);
  });
}

async function projectForChange(context: HubContext, manager: EntityManager, projectId: string) {
  const project = await findOrFail(manager, ServiceProject, parseIntId(projectId, 'projectId'), '服务项目');
  requireOrganizationActor(context.identity, project.applicantId, project.regionId);
  return project;
}

/** A project cites the needs it answers (needs inside its region). */
export function citeNeeds(context: HubContext, projectId: string, needIds: string[]) {
  if (needIds.length === 0)
    throw new BadInputError('请指定要引用的需求 (name at least one need)', { argument: 'needIds' });
  return inTransaction(context, async (manager) => {
    const project = await projectForChange(context, manager, projectId);
    const ids = [...new Set(needIds.map((id) => parseIntId(id, 'needIds')))];
    const needs = ids.length ? await manager.getRepository(Need).findBy({ id: In(ids) }) : [];
    if (needs.length !== ids.length)
      throw new NotFoundError('需求', ids.filter((id) => !needs.some((n) => n.id === id)).join(','));
    for (const need of needs) requireLinkInScope(project.regionId, need.communityId, '需求');
    const citations = manager.getRepository(ProjectNeedCitation);
    const existing = new Set((await citations.findBy({ projectId: project.id })).map((c) => c.needId));
    await citations.save(
      ids.filter((id) => !existing.has(id)).map((needId) => citations.create({ projectId: project.id, needId })),
    );
    return project;
  });
}

/** An ORG links only its own services; staff any service that serves the project's region. */
export async function linkProjectService(context: HubContext, projectId: string, serviceId: string) {
  const linked = await requireReference(context, 'Service', serviceId);
  requireOwnOrganization(context.identity, linked.organizationId ?? null);
  return inTransaction(context, async (manager) => {
    const project = await projectForChange(context, manager, projectId);
    requireLinkInScope(project.regionId, linked.regionId, '服务');
    const links = manager.getRepository(ProjectService);
    const service = parseIntId(serviceId, 'serviceId');
    if (!(await links.existsBy({ projectId: project.id, serviceId: service })))
      await links.save(links.create({ projectId: project.id, serviceId: service }));
    return project;
  });
}

/**
 * Undoes a link made by mistake, found by the project and the linked record's id in `column`. Only the link is
 * checked (it must exist), not the record it points to, so a link to a record that is gone can be removed too.
 */
function removeProjectLink<T extends ProjectNeedCitation | ProjectService>(
  context: HubContext,
  projectId: string,
  link: { entity: EntityTarget<T>; column: 'needId' | 'serviceId'; id: string; what: string },
) {
  return inTransaction(context, async (manager) => {
    const project = await projectForChange(context, manager, projectId);
    const links = manager.getRepository(link.entity);
    const where = { projectId: project.id, [link.column]: parseIntId(link.id, link.column) };
    const found = await links.findOneBy(where as FindOptionsWhere<T>);
    if (!found) throw new NotFoundError(link.what, link.id);
    await links.remove(found);
    return project;
  });
}

export function unciteNeed(context: HubContext, projectId: string, needId: string) {
  const what = '项目对该需求的引用';
  return removeProjectLink(context, projectId, { entity: ProjectNeedCitation, column: 'needId', id: needId, what });
}

export function unlinkProjectService(context: HubContext, projectId: string, serviceId: string) {
  const what = '项目与该服务的关联';
  return removeProjectLink(context, projectId, { entity: ProjectService, column: 'serviceId', id: serviceId, what });
}
