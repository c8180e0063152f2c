import type { HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, subtreeAggregateLoader } from '../../graphql/loaders';
import { CertificateRecord, SocialWorker, TalentAward } from './social-worker.entity';

export const socialWorkerById = (context: HubContext) => byIdLoader(context, SocialWorker, 'socialwork.worker');

export const socialWorkerCountBySubtree = (context: HubContext) =>
  subtreeAggregateLoader(context, 'socialwork.count', {
    entity: SocialWorker,
    regionProperty: 'regionId',
    aggregate: 'COUNT(*)',
  });

export const awardsByWorker = (context: HubContext) =>
  byColumnLoader(context, TalentAward, 'socialwork.award', 'socialWorkerId');

export const certificatesByWorker = (context: HubContext) =>
  byColumnLoader(context, CertificateRecord, 'socialwork.certificate', 'socialWorkerId');
