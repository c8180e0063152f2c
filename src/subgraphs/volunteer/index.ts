import type { SubgraphDefinition } from '../../federation/subgraph';
import { HourLedgerEntry, HourLedgerHead } from './ledger';
import { VolunteerResourceListEntry, VolunteerResourceListResolver } from './resource-list.extension';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { VolunteerNeed, VolunteerNeedResolver } from './candidates';
import { VolunteerRegionResolver, VolunteerStationResolver } from './region.extension';
import { ActivitySignup, ServiceHours, Volunteer, VolunteerActivity, VolunteerTeam } from './volunteer.entity';
import { VOLUNTEER_FIGURES, VolunteerRegionFigures, VolunteerStationFigures } from './volunteer.figures';
import { activityById, teamById } from './volunteer.loaders';
import {
  ActivitySignupResolver,
  ServiceHoursResolver,
  VolunteerActivityResolver,
  VolunteerResolver,
  VolunteerTeamResolver,
} from './volunteer.resolver';

/** 社区志愿者: volunteers, teams, activities and service hours; contributes volunteer figures to regions and stations. */
export const volunteerSubgraph: SubgraphDefinition = {
  name: 'volunteer',
  entities: [
    VolunteerTeam,
    Volunteer,
    VolunteerActivity,
    ServiceHours,
    ActivitySignup,
    HourLedgerEntry,
    HourLedgerHead,
    VolunteerRegionFigures,
    VolunteerStationFigures,
  ],
  figures: VOLUNTEER_FIGURES,
  resolvers: [
    VolunteerTeamResolver,
    VolunteerActivityResolver,
    VolunteerResolver,
    ActivitySignupResolver,
    ServiceHoursResolver,
    VolunteerRegionResolver,
    VolunteerStationResolver,
    VolunteerNeedResolver,
    VolunteerResourceListResolver,
  ],
  orphanedTypes: [VolunteerNeed, VolunteerResourceListEntry],
  references: {
    ResourceListEntry: (ref) => ref,
    VolunteerTeam: (ref, context) => teamById(context).load(parseIntId(ref.id)),
    VolunteerActivity: (ref, context) => activityById(context).load(parseIntId(ref.id)),
    Region: (ref) => ref,
    ServiceStation: (ref) => ref,
    Need: (ref) => ref,
  },
  lookups: {
    VolunteerTeam: lookupWith(
      teamById,
      (id) => parseIntId(id, 'teamId'),
      (team) => ({
        regionId: team.regionId,
        organizationId: team.organizationId,
      }),
    ),
  },
};
