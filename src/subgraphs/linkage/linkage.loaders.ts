import { sqlColumns, sqlTable } from '../../db/naming';
import type { HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, groupAggregateLoader } from '../../graphql/loaders';
import { loaderFor, REGION_BATCH_SIZE } from '../../graphql/context';
import { inPrefixGroup, prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { LinkageCase, LinkageContribution } from './linkage-case.entity';
import { Need } from './need.entity';
import { FUNDED_PROJECT_STATUSES, ProjectRound, ServiceProject } from './project.entity';
import { ProjectNeedCitation, ProjectService } from './lists.entity';

export const needById = (context: HubContext) => byIdLoader(context, Need, 'linkage.need');
export const caseByNeed = (context: HubContext) => byColumnLoader(context, LinkageCase, 'linkage.case', 'needId');
export const caseById = (context: HubContext) => byIdLoader(context, LinkageCase, 'linkage.case');
export const contributionsByCase = (context: HubContext) =>
  byColumnLoader(context, LinkageContribution, 'linkage.contribution', 'caseId');

export const roundById = (context: HubContext) => byIdLoader(context, ProjectRound, 'linkage.round');
export const projectById = (context: HubContext) => byIdLoader(context, ServiceProject, 'linkage.project');
export const projectsByRound = (context: HubContext) =>
  byColumnLoader(context, ServiceProject, 'linkage.project', 'roundId');
export const applicationCount = (context: HubContext) =>
  groupAggregateLoader(context, 'linkage.applications', ServiceProject, 'roundId', 'COUNT(*)');

export const fundedCount = (context: HubContext) =>
  loaderFor<number, number>(context, 'linkage.funded', async (roundIds) => {
    const rows: { roundId: number; n: string | number }[] = await context.dataSource
      .getRepository(ServiceProject)
      .createQueryBuilder('p')
      .select('p.roundId', 'roundId')
      .addSelect('COUNT(*)', 'n')
      .where('p.roundId IN (:...roundIds)', { roundIds: [...roundIds] })
      .andWhere('p.status IN (:...funded)', { funded: FUNDED_PROJECT_STATUSES })
      .groupBy('p.roundId')
      .getRawMany();
    const counts = new Map(rows.map((r) => [Number(r.roundId), Number(r.n)]));
    return roundIds.map((id) => counts.get(id) ?? 0);
  });

export const servicesOfProject = (context: HubContext) =>
  byColumnLoader(context, ProjectService, 'linkage.projectService', 'projectId');

/** Needs cited by each project: citations then the needs, two statements per batch. */
export const citedNeedsOf = (context: HubContext) =>
  loaderFor<number, Need[]>(context, 'linkage.citedNeeds', async (projectIds) => {
    const citations = await byColumnLoader(context, ProjectNeedCitation, 'linkage.citation', 'projectId').loadMany([
      ...projectIds,
    ]);
    const lists = citations.map((c) => (c instanceof Error ? [] : c));
    const needs = await needById(context).loadMany([...new Set(lists.flat().map((c) => c.needId))]);
    const byId = new Map(needs.filter((n): n is Need => !!n && !(n instanceof Error)).map((n) => [n.id, n]));
    return lists.map((list) => list.map((c) => byId.get(c.needId)).filter((n): n is Need => !!n));
  });

/** Projects citing each need. */
export const projectsCitingNeed = (context: HubContext) =>
  loaderFor<number, ServiceProject[]>(context, 'linkage.citingProjects', async (needIds) => {
    const citations = await byColumnLoader(context, ProjectNeedCitation, 'linkage.citation', 'needId').loadMany([
      ...needIds,
    ]);
    const lists = citations.map((c) => (c instanceof Error ? [] : c));
    const projects = await projectById(context).loadMany([...new Set(lists.flat().map((c) => c.projectId))]);
    const byId = new Map(
      projects.filter((p): p is ServiceProject => !!p && !(p instanceof Error)).map((p) => [p.id, p]),
    );
    return lists.map((list) => list.map((c) => byId.get(c.projectId)).filter((p): p is ServiceProject => !!p));
  });

/**
 * A window of each region's needs, newest first, keyed `regionId|offset|limit`: per level and window in the batch,
 * one statement numbers the needs inside each subtree (ROW_NUMBER over the code prefix) and keeps the window's ids,
 * then one IN query loads them. Many regions' `needs` cost the same as one region's.
 */
export const needWindowsInSubtree = (context: HubContext) =>
  loaderFor<string, Need[]>(
    context,
    'linkage.needWindows',
    async (keys) => {
      const table = sqlTable(context.dataSource, Need);
      const column = sqlColumns(context.dataSource, Need);
      const windows = new Map<string, string[]>();
      for (const key of keys) {
        const [regionId, offset, limit] = key.split('|');
        const window = `${offset}|${limit}`;
        const regions = windows.get(window) ?? [];
        regions.push(regionId);
        windows.set(window, regions);
      }
      const idsOf = new Map<string, number[]>();
      for (const [window, regions] of windows) {
        const [offset, limit] = window.split('|').map(Number);
        for (const group of prefixGroups(regions)) {
          const k = prefixOf(column('communityId'), group.length);
          const scope = inPrefixGroup(column('communityId'), group);
          const rows: { k: string; id: number | string }[] = await context.dataSource.query(
            `SELECT k, id FROM (
               SELECT ${k} AS k, ${column('id')} AS id,
                      ROW_NUMBER() OVER (PARTITION BY ${k} ORDER BY ${column('submittedAt')} DESC, ${column('id')} DESC) AS position
                 FROM ${table} WHERE ${scope.sql}) numbered
              WHERE position > ? AND position <= ?
              ORDER BY k, position`,
            [...scope.parameters, offset, offset + limit],
          );
          for (const row of rows) {
            const at = `${row.k}|${window}`;
            const ids = idsOf.get(at) ?? [];
            ids.push(Number(row.id));
            idsOf.set(at, ids);
          }
        }
      }
      const needs = await needById(context).loadMany([...new Set([...idsOf.values()].flat())]);
      const byId = new Map(needs.filter((n): n is Need => !!n && !(n instanceof Error)).map((n) => [n.id, n]));
      return keys.map((key) => {
        const [regionId, offset, limit] = key.split('|');
        const ids = idsOf.get(`${regionPrefix(regionId)}|${offset}|${limit}`) ?? [];
        return ids.map((id) => byId.get(id)).filter((n): n is Need => !!n);
      });
    },
    REGION_BATCH_SIZE,
  );
