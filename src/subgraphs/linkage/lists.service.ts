import { In } from 'typeorm';
import { Role } from '../../auth/identity';
import { ForbiddenError, requireLinkInScope, requireOrganizationActor, requireStaffIn } from '../../auth/policy';
import { inPrefixGroup, isRegionCode, prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { loaderFor, REGION_BATCH_SIZE, type HubContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { parseIntId } from '../../graphql/ids';
import { requireReference, type ReferenceKind } from '../../graphql/references';
import { roundTo } from '../../graphql/rounding';
import { ServiceCategory } from '../../graphql/service-category';
import { findOrFail, inTransaction } from '../../graphql/transaction';
import { LinkageCase, LinkageContribution, Society } from './linkage-case.entity';
import { roundById } from './linkage.loaders';
import {
  LinkageIndex,
  NeedListEntry,
  ProjectListEntry,
  ProjectNeedCitation,
  ProjectService,
  UnmetCategory,
} from './lists.entity';
import { Need, NeedStatus, OPEN_NEED_STATUSES } from './need.entity';
import { ProjectRound, ProjectStatus, ServiceProject } from './project.entity';

const DAY = 86_400_000;
const RESOLVED = [NeedStatus.RESOLVED, NeedStatus.CLOSED];
const CATEGORY_ORDER = Object.values(ServiceCategory);

function escapeFor(context: HubContext) {
  return (name: string) => context.dataSource.driver.escape(name);
}

/** 需求清单 for each region of the batch: one GROUP BY (code prefix, category, status, age) per level in the batch. */
export const needListOf = (context: HubContext) =>
  loaderFor<string, NeedListEntry[]>(
    context,
    'linkage.needList',
    async (regions) => {
      const cutoff = new Date(Date.now() - 30 * DAY);
      const entries = new Map<string, Map<ServiceCategory, NeedListEntry>>();
      for (const group of prefixGroups(regions)) {
        const key = prefixOf('n.communityId', group.length);
        const rows: {
          k: string;
          category: ServiceCategory;
          status: NeedStatus;
          old: number | string;
          n: number | string;
        }[] = await context.dataSource
          .getRepository(Need)
          .createQueryBuilder('n')
          .select(key, 'k')
          .addSelect('n.category', 'category')
          .addSelect('n.status', 'status')
          .addSelect('CASE WHEN n.submittedAt < :cutoff THEN 1 ELSE 0 END', 'old')
          .addSelect('COUNT(*)', 'n')
          .where('n.communityId BETWEEN :low AND :high', { low: group.low, high: group.high, cutoff })
          .andWhere(`${key} IN (:...prefixes)`, { prefixes: group.prefixes })
          .groupBy('k')
          .addGroupBy('n.category')
          .addGroupBy('n.status')
          .addGroupBy('old')
          .getRawMany();
        for (const row of rows) {
          const region = entries.get(row.k) ?? new Map<ServiceCategory, NeedListEntry>();
          const entry = region.get(row.category) ?? {
            category: row.category,
            open: 0,
            resolved: 0,
            unmetOver30Days: 0,
          };
          const count = Number(row.n);
          if (OPEN_NEED_STATUSES.includes(row.status)) {
            entry.open += count;
            if (Number(row.old) === 1) entry.unmetOver30Days += count;
          } else if (RESOLVED.includes(row.status)) entry.resolved += count;
          region.set(row.category, entry);
          entries.set(row.k, region);
        }
      }
      return regions.map((regionId) =>
        [...(entries.get(regionPrefix(regionId))?.values() ?? [])].sort(
          (a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category),
        ),
      );
    },
    REGION_BATCH_SIZE,
  );

/** Categories for the next project round: long-unmet needs weigh double. */
export function rankUnmet(list: NeedListEntry[]): UnmetCategory[] {
  return list
    .map((e) => ({
      category: e.category,
      unmetOver30Days: e.unmetOver30Days,
      open: e.open,
      priority: e.unmetOver30Days * 2 + (e.open - e.unmetOver30Days),
    }))
    .filter((e) => e.priority > 0)
    .sort((a, b) => b.priority - a.priority || CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
}

/** 项目清单 for each region of the batch: one GROUP BY (code prefix, round, status) per level, then the rounds. */
export const projectListOf = (context: HubContext) =>
  loaderFor<string, ProjectListEntry[]>(
    context,
    'linkage.projectList',
    async (regions) => {
      const rows: { k: string; roundId: number; status: ProjectStatus; n: string | number }[] = [];
      for (const group of prefixGroups(regions)) {
        const key = prefixOf('p.regionId', group.length);
        rows.push(
          ...(await context.dataSource
            .getRepository(ServiceProject)
            .createQueryBuilder('p')
            .select(key, 'k')
            .addSelect('p.roundId', 'roundId')
            .addSelect('p.status', 'status')
            .addSelect('COUNT(*)', 'n')
            .where('p.regionId BETWEEN :low AND :high', { low: group.low, high: group.high })
            .andWhere(`${key} IN (:...prefixes)`, { prefixes: group.prefixes })
            .groupBy('k')
            .addGroupBy('p.roundId')
            .addGroupBy('p.status')
            .getRawMany()),
        );
      }
      const rounds = await roundById(context).loadMany([...new Set(rows.map((r) => Number(r.roundId)))]);
      const roundOf = new Map(
        rounds.filter((r): r is ProjectRound => !!r && !(r instanceof Error)).map((r) => [r.id, r]),
      );
      const lists = new Map<string, ProjectListEntry[]>();
      for (const row of rows) {
        const round = roundOf.get(Number(row.roundId));
        if (!round) continue;
        const list = lists.get(row.k) ?? [];
        list.push({ round, status: row.status, count: Number(row.n) });
        lists.set(row.k, list);
      }
      return regions.map((regionId) =>
        (lists.get(regionPrefix(regionId)) ?? []).sort(
          (a, b) => a.round.id - b.round.id || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0),
        ),
      );
    },
    REGION_BATCH_SIZE,
  );

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round2 = (value: number | null) => (value === null ? null : roundTo(value, 2));

/**
 * 联动指数 for each region of the batch, two statements per level in the batch: the resolved needs of all the
 * batch's subtrees, and the societies that took part in each; then counted per region in memory.
 */
export const linkageIndexOf = (context: HubContext) =>
  loaderFor<string, LinkageIndex>(
    context,
    'linkage.index',
    async (regions) => {
      const e = escapeFor(context);
      const needs = context.dataSource.getMetadata(Need).tableName;
      const cases = context.dataSource.getMetadata(LinkageCase).tableName;
      const contributions = context.dataSource.getMetadata(LinkageContribution).tableName;
      const byRegion = new Map<string, { need: Need; societies: number }[]>();
      for (const group of prefixGroups(regions)) {
        const key = prefixOf('n.communityId', group.length);
        const resolved = await context.dataSource
          .getRepository(Need)
          .createQueryBuilder('n')
          .select(['n.id', 'n.communityId', 'n.submittedAt', 'n.resolvedAt', 'n.rating'])
          .where('n.communityId BETWEEN :low AND :high', { low: group.low, high: group.high })
          .andWhere(`${key} IN (:...prefixes)`, { prefixes: group.prefixes })
          .andWhere('n.status IN (:...resolved)', { resolved: RESOLVED })
          .getMany();
        const scope = inPrefixGroup('n.community_id', group);
        const societies: { id: number | string; societies: string | number }[] = await context.dataSource.query(
          `SELECT n.id AS id, COUNT(DISTINCT lc.society) AS societies
             FROM ${e(needs)} n JOIN ${e(cases)} c ON c.need_id = n.id JOIN ${e(contributions)} lc ON lc.case_id = c.id
            WHERE ${scope.sql} AND n.status IN (?, ?)
            GROUP BY n.id`,
          [...scope.parameters, ...RESOLVED],
        );
        const societiesOf = new Map(societies.map((s) => [Number(s.id), Number(s.societies)]));
        for (const need of resolved) {
          const k = need.communityId.slice(0, group.length);
          const list = byRegion.get(k) ?? [];
          list.push({ need, societies: societiesOf.get(need.id) ?? 0 });
          byRegion.set(k, list);
        }
      }
      return regions.map((regionId) => linkageIndexFrom(byRegion.get(regionPrefix(regionId)) ?? []));
    },
    REGION_BATCH_SIZE,
  );

function linkageIndexFrom(resolved: { need: Need; societies: number }[]): LinkageIndex {
  const ratings = resolved.map((r) => r.need.rating).filter((r): r is number => r !== null);
  const days = resolved
    .filter((r) => r.need.resolvedAt)
    .map((r) => (new Date(r.need.resolvedAt!).getTime() - new Date(r.need.submittedAt).getTime()) / DAY);
  return {
    needsResolved: resolved.length,
    shareWithThreeOrMoreSocieties: resolved.length
      ? round2(resolved.filter((r) => r.societies >= 3).length / resolved.length)
      : null,
    medianDaysToResolve: round2(median(days)),
    averageRating: ratings.length ? round2(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null,
  };
}

export interface ContributionInput {
  society: Society;
  referenceId: string;
  description: string;
  hours: number;
}

/** What `referenceId` names for each society: a community's code or station, an organisation, a worker, … */
function contributionKind(society: Society, referenceId: string): ReferenceKind {
  switch (society) {
    case Society.COMMUNITY:
      return isRegionCode(referenceId) ? 'Region' : 'ServiceStation';
    case Society.ORGANIZATION:
      return 'SocialOrganization';
    case Society.SOCIAL_WORKER:
      return 'SocialWorker';
    case Society.VOLUNTEER:
      return 'VolunteerTeam';
    case Society.CHARITY:
      return 'CharityResource';
  }
}

/** Staff of the need's region record what one society brought to its linkage case. */
export async function addContribution(context: HubContext, caseId: string, input: ContributionInput) {
  if (!Number.isInteger(input.hours * 2) || input.hours < 0 || input.hours > 1000) {
    throw new BadInputError('时长按 0.5 小时计 (hours come in 0.5 steps, 0-1000)', { argument: 'hours' });
  }
  const referenceId = input.referenceId.trim();
  const contributor = await requireReference(context, contributionKind(input.society, referenceId), referenceId);
  return inTransaction(context, async (manager) => {
    const linkageCase = await findOrFail(manager, LinkageCase, parseIntId(caseId, 'caseId'), '联动案例');
    const need = await manager.getRepository(Need).findOneByOrFail({ id: linkageCase.needId });
    requireStaffIn(context.identity, need.communityId);
    requireLinkInScope(need.communityId, contributor.regionId, '参与方');
    const repository = manager.getRepository(LinkageContribution);
    return repository.save(
      repository.create({
        caseId: linkageCase.id,
        society: input.society,
        referenceId,
        description: input.description.trim().slice(0, 255),
        halfHours: input.hours * 2,
      }),
    );
  });
}

async function projectForChange(context: HubContext, manager: import('typeorm').EntityManager, projectId: string) {
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
  if (context.identity.role === Role.ORG && linked.organizationId !== context.identity.organizationId)
    throw new ForbiddenError('只能关联本组织的服务 (an ORG links its own services only)');
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
 * Undoes a citation made by mistake. Only the link is checked (it must exist), not the need, so a link to a record
 * that is gone can be removed too.
 */
export function unciteNeed(context: HubContext, projectId: string, needId: string) {
  return inTransaction(context, async (manager) => {
    const project = await projectForChange(context, manager, projectId);
    const citations = manager.getRepository(ProjectNeedCitation);
    const citation = await citations.findOneBy({ projectId: project.id, needId: parseIntId(needId, 'needId') });
    if (!citation) throw new NotFoundError('项目对该需求的引用', needId);
    await citations.remove(citation);
    return project;
  });
}

/** Undoes a service link made by mistake; like unciteNeed, the service itself may be gone. */
export function unlinkProjectService(context: HubContext, projectId: string, serviceId: string) {
  return inTransaction(context, async (manager) => {
    const project = await projectForChange(context, manager, projectId);
    const links = manager.getRepository(ProjectService);
    const link = await links.findOneBy({ projectId: project.id, serviceId: parseIntId(serviceId, 'serviceId') });
    if (!link) throw new NotFoundError('项目与该服务的关联', serviceId);
    await links.remove(link);
    return project;
  });
}
