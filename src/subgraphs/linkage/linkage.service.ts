import type { HubContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { OrderDirection, paginate, type PageArgs } from '../../graphql/pagination';
import type { NeedFilter, ServiceProjectFilter } from './linkage.inputs';
import { needById, projectById, roundById } from './linkage.loaders';
import { Need } from './need.entity';
import { ProjectCategory, ProjectRound, ServiceProject } from './project.entity';

export const NEED_NUMBER = /^XQ\d{8}-\d{4,}$/;

export async function getNeed(context: HubContext, id: string) {
  const need = await needById(context).load(parseIntId(id));
  if (!need) throw new NotFoundError('需求', id);
  return need;
}

export async function getNeedByNumber(context: HubContext, number: string) {
  const normalized = number.trim().toUpperCase();
  if (!NEED_NUMBER.test(normalized)) {
    throw new BadInputError('需求编号格式应为 XQ20261126-0007 (number must look like XQ20261126-0007)', {
      argument: 'number',
    });
  }
  const need = await context.dataSource.getRepository(Need).findOneBy({ number: normalized });
  if (!need) throw new NotFoundError('需求', normalized);
  return need;
}

/** Newest first. */
export function listNeeds(context: HubContext, filter: NeedFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, Need, {
    equals: { status: filter.status, category: filter.category, urgency: filter.urgency },
    regionProperty: 'communityId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['description'],
    order: { field: 'submittedAt', direction: OrderDirection.DESC },
  });
  return paginate(query, page);
}

export async function getRound(context: HubContext, id: string) {
  const round = await roundById(context).load(parseIntId(id));
  if (!round) throw new NotFoundError('项目轮次', id);
  return round;
}

export function listRounds(context: HubContext) {
  return context.dataSource.getRepository(ProjectRound).find({ order: { openedOn: 'DESC', id: 'DESC' } });
}

export async function getProject(context: HubContext, id: string) {
  const project = await projectById(context).load(parseIntId(id));
  if (!project) throw new NotFoundError('服务项目', id);
  return project;
}

export function listProjects(context: HubContext, filter: ServiceProjectFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, ServiceProject, {
    equals: {
      roundId: filter.roundId === undefined ? undefined : parseIntId(filter.roundId, 'roundId'),
      status: filter.status,
      category: filter.category,
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['title', 'summary'],
  });
  return paginate(query, page);
}

/** The categories a round received applications in, in the enum's order. */
export function categoriesOf(projects: readonly ServiceProject[]): ProjectCategory[] {
  const present = new Set(projects.map((p) => p.category));
  return Object.values(ProjectCategory).filter((c) => present.has(c));
}
