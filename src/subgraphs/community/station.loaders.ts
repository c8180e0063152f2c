import type { HubContext } from '../../graphql/context';
import { byIdLoader, groupAggregateLoader } from '../../graphql/loaders';
import { ServiceStation, StationServiceRecord } from './station.entity';

export const stationById = (context: HubContext) => byIdLoader(context, ServiceStation, 'community.station');

export const stationServedPersonTimes = (context: HubContext) =>
  groupAggregateLoader(context, 'community.servedPersonTimes', StationServiceRecord, 'stationId', 'SUM(t.personTimes)');
