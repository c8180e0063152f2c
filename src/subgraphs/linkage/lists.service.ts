import { sqlColumns, sqlTable } from '../../db/naming';
import { inPrefixGroup, prefixGroups, prefixOf, regionPrefix } from '../../db/region-scope';
import { loaderFor, REGION_BATCH_SIZE, type HubContext } from '../../graphql/context';
import { readClock } from '../../graphql/clock';
import { roundTo } from '../../graphql/rounding';
import { ServiceCategory } from '../../graphql/service-category';
import { LinkageCase, LinkageContribution } from './linkage-case.entity';
import { roundById } from './linkage.loaders';
import { LinkageIndex, NeedListEntry, ProjectListEntry, UnmetCategory } from './lists.entity';
import { Need, NeedStatus, OPEN_NEED_STATUSES } from './need.entity';
import { ProjectRound, ProjectStatus, ServiceProject } from './project.entity';

const DAY = 86_400_000;
const RESOLVED = [NeedStatus.RESOLVED, NeedStatus.CLOSED];
const CATEGORY_ORDER = Object.values(ServiceCategory);

/** 需求清单 for each region of the batch: one GROUP BY (code prefix, category, status, age) per level in the batch. */
export const needListOf = (context: HubContext) =>
  loaderFor<string, NeedListEntry[]>(
    context,
    'linkage.needList',
    async (regions) => {
      const cutoff = new Date(readClock(context).getTime() - 30 * DAY);
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
      const { dataSource } = context;
      const [n, c, lc] = [Need, LinkageCase, LinkageContribution].map((entity) => sqlColumns(dataSource, entity));
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
        const scope = inPrefixGroup(`n.${n('communityId')}`, group);
        const societies: { id: number | string; societies: string | number }[] = await context.dataSource.query(
          `SELECT n.${n('id')} AS id, COUNT(DISTINCT lc.${lc('society')}) AS societies
             FROM ${sqlTable(dataSource, Need)} n
             JOIN ${sqlTable(dataSource, LinkageCase)} c ON c.${c('needId')} = n.${n('id')}
             JOIN ${sqlTable(dataSource, LinkageContribution)} lc ON lc.${lc('caseId')} = c.${c('id')}
            WHERE ${scope.sql} AND n.${n('status')} IN (?, ?)
            GROUP BY n.${n('id')}`,
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
