import type { HubContext } from '../../graphql/context';
import { byIdLoader } from '../../graphql/loaders';
import { ServiceStation } from './station.entity';

export const stationById = (context: HubContext) => byIdLoader(context, ServiceStation, 'community.station');
