import type { HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, tallyFigure } from '../../graphql/loaders';
import { ORGANIZATION_REGION_FIGURES } from './organization.figures';
import { SocialOrganization } from './organization.entity';
import { Service } from './service.entity';

export const organizationById = (context: HubContext) =>
  byIdLoader(context, SocialOrganization, 'organization.organization');

export const organizationCountBySubtree = (context: HubContext, regionId: string) =>
  tallyFigure(context, ORGANIZATION_REGION_FIGURES, 'organizationCount', regionId);

export const serviceById = (context: HubContext) => byIdLoader(context, Service, 'organization.service');

export const servicesByProvider = (context: HubContext) =>
  byColumnLoader(context, Service, 'organization.service', 'providerId');
