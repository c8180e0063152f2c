import { sqlColumns, sqlTable } from '../../db/naming';
import { loaderFor, type HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, groupAggregateLoader, subtreeAggregateLoader } from '../../graphql/loaders';
import { ActivitySignup, ServiceHours, Volunteer, VolunteerActivity, VolunteerTeam } from './volunteer.entity';

export const teamById = (context: HubContext) => byIdLoader(context, VolunteerTeam, 'volunteer.team');
export const activityById = (context: HubContext) => byIdLoader(context, VolunteerActivity, 'volunteer.activity');
export const volunteerById = (context: HubContext) => byIdLoader(context, Volunteer, 'volunteer.volunteer');
/** Each activity's sign-ups in the order they came, one statement per batch. */
export const signupsOfActivity = (context: HubContext) =>
  byColumnLoader(context, ActivitySignup, 'volunteer.signup', 'activityId');
/** Each activity's service-hours records, one statement per batch. */
export const hoursOfActivity = (context: HubContext) =>
  byColumnLoader(context, ServiceHours, 'volunteer.hours', 'activityId');

/** Groups rows by volunteer in the order of the requested keys (rows arrive already in each list's order). */
function perVolunteer<T extends { volunteerId: number }>(keys: readonly number[], rows: readonly T[]): T[][] {
  const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(row.volunteerId)?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/**
 * Each volunteer's sign-ups for activities on or after `from` (all when undefined), soonest first, at most
 * `first` per volunteer: one statement per batch, the per-volunteer cut made by ROW_NUMBER (SQLite and MariaDB).
 */
export const upcomingSignUps = (context: HubContext, from: string | undefined, first: number) =>
  loaderFor<number, ActivitySignup[]>(context, `volunteer.signUps:${from ?? ''}:${first}`, async (keys) => {
    const { dataSource } = context;
    const s = sqlColumns(dataSource, ActivitySignup);
    const a = sqlColumns(dataSource, VolunteerActivity);
    const ranked = `SELECT rs.${s('id')} AS id, ROW_NUMBER() OVER (PARTITION BY rs.${s('volunteerId')} ORDER BY ra.${a('startsOn')}, rs.${s('id')}) AS n
      FROM ${sqlTable(dataSource, ActivitySignup)} rs JOIN ${sqlTable(dataSource, VolunteerActivity)} ra ON ra.${a('id')} = rs.${s('activityId')}
      WHERE rs.${s('volunteerId')} IN (:...keys)${from === undefined ? '' : ` AND ra.${a('startsOn')} >= :from`}`;
    const rows = await dataSource
      .getRepository(ActivitySignup)
      .createQueryBuilder('s')
      .innerJoin(VolunteerActivity, 'a', 'a.id = s.activityId')
      .where(`s.id IN (SELECT ranked.id FROM (${ranked}) ranked WHERE ranked.n <= :first)`, {
        keys: [...keys],
        from,
        first,
      })
      .orderBy('a.startsOn', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .getMany();
    return perVolunteer(keys, rows);
  });

/** Each volunteer's newest `first` service-hours records, verified or not, newest first: one statement per batch. */
export const recentHourRecords = (context: HubContext, first: number) =>
  loaderFor<number, ServiceHours[]>(context, `volunteer.hourRecords:${first}`, async (keys) => {
    const { dataSource } = context;
    const h = sqlColumns(dataSource, ServiceHours);
    const ranked = `SELECT rh.${h('id')} AS id, ROW_NUMBER() OVER (PARTITION BY rh.${h('volunteerId')} ORDER BY rh.${h('id')} DESC) AS n
      FROM ${sqlTable(dataSource, ServiceHours)} rh WHERE rh.${h('volunteerId')} IN (:...keys)`;
    const rows = await dataSource
      .getRepository(ServiceHours)
      .createQueryBuilder('h')
      .where(`h.id IN (SELECT ranked.id FROM (${ranked}) ranked WHERE ranked.n <= :first)`, { keys: [...keys], first })
      .orderBy('h.id', 'DESC')
      .getMany();
    return perVolunteer(keys, rows);
  });

export const teamMemberCount = (context: HubContext) =>
  groupAggregateLoader(context, 'volunteer.members', Volunteer, 'teamId', 'COUNT(*)');

export const stationVolunteerCount = (context: HubContext) =>
  groupAggregateLoader(context, 'volunteer.stationVolunteers', Volunteer, 'stationId', 'COUNT(*)');

/**
 * The verified half hours of a set of service-hours rows: only verified hours count in the figures (`= TRUE` reads
 * the same in SQLite, MySQL and PostgreSQL, whose booleans are no numbers). `column` spells a property the way the query at hand needs it.
 */
export function verifiedHalfHoursSum(column: (property: keyof ServiceHours & string) => string): string {
  return `SUM(CASE WHEN ${column('verified')} = TRUE THEN ${column('halfHours')} ELSE 0 END)`;
}

/** Verified half hours per value of `groupProperty` (station, activity, volunteer), one GROUP BY per batch. */
const verifiedHalfHoursBy = (context: HubContext, groupProperty: 'stationId' | 'activityId' | 'volunteerId') =>
  groupAggregateLoader(
    context,
    'volunteer.verifiedHours',
    ServiceHours,
    groupProperty,
    verifiedHalfHoursSum((property) => `t.${property}`),
  );

export const stationHalfHours = (context: HubContext) => verifiedHalfHoursBy(context, 'stationId');
export const activityHalfHours = (context: HubContext) => verifiedHalfHoursBy(context, 'activityId');
export const volunteerHalfHours = (context: HubContext) => verifiedHalfHoursBy(context, 'volunteerId');

const subtree = (
  entity: typeof Volunteer | typeof VolunteerTeam | typeof VolunteerActivity | typeof ServiceHours,
  aggregate: string,
) => ({ entity, regionProperty: 'regionId', aggregate });

export const regionVolunteerCount = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionVolunteers', subtree(Volunteer, 'COUNT(*)'));
export const regionTeamCount = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionTeams', subtree(VolunteerTeam, 'COUNT(*)'));
export const regionActivityCount = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionActivities', subtree(VolunteerActivity, 'COUNT(*)'));
export const regionHalfHours = (context: HubContext) =>
  subtreeAggregateLoader(
    context,
    'volunteer.regionHours',
    subtree(ServiceHours, verifiedHalfHoursSum(sqlColumns(context.dataSource, ServiceHours))),
  );
