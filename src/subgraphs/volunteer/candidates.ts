import { In, IsNull } from 'typeorm';
import { sqlColumns, sqlTable } from '../../db/naming';
import { subtreeBounds } from '../../db/region-scope';
import { needCandidates, type RankedNeed } from '../../federation/need-candidates';
import type { HubContext } from '../../graphql/context';
import { part, proximity } from '../../graphql/scoring';
import { ActivitySignup, Volunteer } from './volunteer.entity';

/** Volunteers looked at per need: the township's volunteers with the skill, own community first. */
const POOL_PER_NEED = 200;

async function pools(context: HubContext, needs: RankedNeed[]): Promise<Volunteer[][]> {
  const { dataSource } = context;
  const metadata = dataSource.getMetadata(Volunteer);
  const column = sqlColumns(dataSource, Volunteer);
  const parameters: unknown[] = [];
  // One statement for the whole batch: a UNION ALL of index range scans, each limited (a derived table keeps
  // LIMIT legal inside UNION on both SQLite and MySQL).
  const selects = needs.map((need, i) => {
    const [low, high] = subtreeBounds(`${need.communityId.slice(0, 9)}000`);
    parameters.push(low, high, need.category, need.communityId);
    return `SELECT ${i} AS k, p${i}.* FROM (SELECT * FROM ${sqlTable(dataSource, Volunteer)} WHERE ${column('regionId')} BETWEEN ? AND ? AND ${column('skill')} = ? ORDER BY CASE WHEN ${column('regionId')} = ? THEN 0 ELSE 1 END, ${column('id')} LIMIT ${POOL_PER_NEED}) AS p${i}`;
  });
  const rows: Record<string, unknown>[] = await dataSource.query(selects.join(' UNION ALL '), parameters);
  const grouped = needs.map((): Volunteer[] => []);
  for (const row of rows) {
    const volunteer = dataSource.getRepository(Volunteer).create();
    for (const col of metadata.columns)
      (volunteer as unknown as Record<string, unknown>)[col.propertyName] = row[col.databaseName];
    grouped[Number(row.k)].push(volunteer);
  }
  return grouped;
}

/** Sign-ups not yet checked out: what a volunteer has already taken on. */
async function openSignups(context: HubContext, volunteerIds: number[]): Promise<Map<number, number>> {
  if (!volunteerIds.length) return new Map();
  const rows: { volunteerId: number; n: string | number }[] = await context.dataSource
    .getRepository(ActivitySignup)
    .createQueryBuilder('s')
    .select('s.volunteerId', 'volunteerId')
    .addSelect('COUNT(*)', 'n')
    .where({ volunteerId: In(volunteerIds), checkedOutAt: IsNull() })
    .groupBy('s.volunteerId')
    .getRawMany();
  return new Map(rows.map((r) => [Number(r.volunteerId), Number(r.n)]));
}

export const { NeedStub: VolunteerNeed, NeedCandidatesResolver: VolunteerNeedResolver } = needCandidates(Volunteer, {
  candidate: {
    name: 'VolunteerCandidate',
    field: 'volunteer',
    description: 'a volunteer who could help with a need, with why',
  },
  needField: { name: 'candidateVolunteers', description: 'volunteers nearby with the skill and time, best first' },
  load: async (context, needs) => {
    const byNeed = await pools(context, needs);
    const load = await openSignups(context, [...new Set(byNeed.flat().map((v) => Number(v.id)))]);
    return (need, i) =>
      byNeed[i].map((volunteer) => {
        const near = proximity(volunteer.regionId, need.communityId);
        const taken = load.get(Number(volunteer.id)) ?? 0;
        return {
          item: volunteer,
          parts: [
            part('proximity', 0.4, near.value, near.note),
            part('skill', 0.3, 1, '志愿技能与需求类别一致'),
            part('load', 0.3, 1 / (1 + taken), `进行中的报名 ${taken} 项`),
          ],
        };
      });
  },
});
