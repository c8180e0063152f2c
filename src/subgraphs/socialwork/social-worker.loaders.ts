import type { HubContext } from '../../graphql/context';
import { byColumnLoader, byIdLoader, tallyFigure } from '../../graphql/loaders';
import { SOCIALWORK_REGION_FIGURES } from './social-worker.figures';
import { CertificateRecord, SocialWorker, TalentAward } from './social-worker.entity';

export const socialWorkerById = (context: HubContext) => byIdLoader(context, SocialWorker, 'socialwork.worker');

export const socialWorkerCountBySubtree = (context: HubContext, regionId: string) =>
  tallyFigure(context, SOCIALWORK_REGION_FIGURES, 'socialWorkerCount', regionId);

export const awardsByWorker = (context: HubContext) =>
  byColumnLoader(context, TalentAward, 'socialwork.award', 'socialWorkerId');

export const certificatesByWorker = (context: HubContext) =>
  byColumnLoader(context, CertificateRecord, 'socialwork.certificate', 'socialWorkerId');
