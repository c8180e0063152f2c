import type { HubContext } from '../../graphql/context';
import { byIdLoader, groupAggregateLoader, subtreeAggregateLoader } from '../../graphql/loaders';
import { ServiceHours, Volunteer, VolunteerActivity, VolunteerTeam } from './volunteer.entity';

export const teamById = (context: HubContext) => byIdLoader(context, VolunteerTeam, 'volunteer.team');
export const activityById = (context: HubContext) => byIdLoader(context, VolunteerActivity, 'volunteer.activity');

export const teamMemberCount = (context: HubContext) =>
  groupAggregateLoader(context, 'volunteer.members', Volunteer, 'teamId', 'COUNT(*)');

export const stationVolunteerCount = (context: HubContext) =>
  groupAggregateLoader(context, 'volunteer.stationVolunteers', Volunteer, 'stationId', 'COUNT(*)');

// Only verified hours count; `verified = 1` reads the same in SQLite and MySQL.
export const stationHalfHours = (context: HubContext) =>
  groupAggregateLoader(
    context,
    'volunteer.stationHours',
    ServiceHours,
    'stationId',
    'SUM(CASE WHEN t.verified = 1 THEN t.halfHours ELSE 0 END)',
  );

export const activityHalfHours = (context: HubContext) =>
  groupAggregateLoader(
    context,
    'volunteer.activityHours',
    ServiceHours,
    'activityId',
    'SUM(CASE WHEN t.verified = 1 THEN t.halfHours ELSE 0 END)',
  );

const subtree = (
  entity: typeof Volunteer | typeof VolunteerTeam | typeof VolunteerActivity | typeof ServiceHours,
  aggregate: string,
  where?: string,
) => ({ entity, regionProperty: 'regionId', aggregate, where });

export const regionVolunteerCount = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionVolunteers', subtree(Volunteer, 'COUNT(*)'));
export const regionTeamCount = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionTeams', subtree(VolunteerTeam, 'COUNT(*)'));
export const regionActivityCount = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionActivities', subtree(VolunteerActivity, 'COUNT(*)'));
export const regionHalfHours = (context: HubContext) =>
  subtreeAggregateLoader(context, 'volunteer.regionHours', subtree(ServiceHours, 'SUM(half_hours)', 'verified = 1'));
