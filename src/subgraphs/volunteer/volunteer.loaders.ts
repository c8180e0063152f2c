import { sqlColumns } from '../../db/naming';
import type { HubContext } from '../../graphql/context';
import { byIdLoader, groupAggregateLoader, subtreeAggregateLoader } from '../../graphql/loaders';
import { ServiceHours, Volunteer, VolunteerActivity, VolunteerTeam } from './volunteer.entity';

export const teamById = (context: HubContext) => byIdLoader(context, VolunteerTeam, 'volunteer.team');
export const activityById = (context: HubContext) => byIdLoader(context, VolunteerActivity, 'volunteer.activity');

export const teamMemberCount = (context: HubContext) =>
  groupAggregateLoader(context, 'volunteer.members', Volunteer, 'teamId', 'COUNT(*)');

export const stationVolunteerCount = (context: HubContext) =>
  groupAggregateLoader(context, 'volunteer.stationVolunteers', Volunteer, 'stationId', 'COUNT(*)');

/**
 * The verified half hours of a set of service-hours rows: only verified hours count in the figures (`= 1` reads
 * the same in SQLite and MySQL). `column` spells a property the way the query at hand needs it.
 */
export function verifiedHalfHoursSum(column: (property: keyof ServiceHours & string) => string): string {
  return `SUM(CASE WHEN ${column('verified')} = 1 THEN ${column('halfHours')} ELSE 0 END)`;
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
