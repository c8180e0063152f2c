import { referenceType } from '../../federation/references';

/*
 * Other societies' entities the linkage subgraph points at: one stub class each for the whole subgraph (a second
 * class of the same name would clash in its schema), answered by the owning subgraph.
 */
export const OrganizationReference = referenceType('SocialOrganization');
export const StationReference = referenceType('ServiceStation');
export const ServiceReference = referenceType('Service');
export const SocialWorkerReference = referenceType('SocialWorker');
export const VolunteerTeamReference = referenceType('VolunteerTeam');
export const CharityResourceReference = referenceType('CharityResource');
