import type { HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, groupAggregateLoader } from '../../graphql/loaders';
import { Allocation, CharityResource } from './charity.entity';

export const resourceById = (context: HubContext) => byIdLoader(context, CharityResource, 'charity.resource');
export const allocationsByResource = (context: HubContext) =>
  byColumnLoader(context, Allocation, 'charity.allocation', 'resourceId');
export const allocatedAmount = (context: HubContext) =>
  groupAggregateLoader(context, 'charity.allocated', Allocation, 'resourceId', 'SUM(t.amount)');
