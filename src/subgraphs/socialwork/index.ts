import { SOCIALWORK_FIGURES, SocialWorkRegionFigures } from './social-worker.figures';
import type { SubgraphDefinition } from '../../federation/subgraph';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { SocialWorkNeed, SocialWorkNeedResolver } from './candidates';
import { SocialWorkRegionResolver } from './region.extension';
import {
  CertificateRecord,
  CertificateReward,
  SocialWorker,
  SocialWorkExamYear,
  TalentAward,
} from './social-worker.entity';
import { socialWorkerById } from './social-worker.loaders';
import { SocialWorkerResolver, SocialWorkPolicyResolver, TalentAwardResolver } from './social-worker.resolver';

/** 社会工作者: certified social workers, the certificate reward policy and talent awards. */
export const socialworkSubgraph: SubgraphDefinition = {
  name: 'socialwork',
  entities: [
    SocialWorker,
    CertificateReward,
    CertificateRecord,
    TalentAward,
    SocialWorkExamYear,
    SocialWorkRegionFigures,
  ],
  figures: SOCIALWORK_FIGURES,
  resolvers: [
    SocialWorkerResolver,
    SocialWorkPolicyResolver,
    TalentAwardResolver,
    SocialWorkRegionResolver,
    SocialWorkNeedResolver,
  ],
  orphanedTypes: [SocialWorkNeed],
  references: {
    SocialWorker: (ref, context) => socialWorkerById(context).load(parseIntId(ref.id)),
    Region: (ref) => ref,
    Need: (ref) => ref,
  },
  lookups: {
    SocialWorker: lookupWith(
      socialWorkerById,
      (id) => parseIntId(id, 'socialWorkerId'),
      (worker) => ({
        regionId: worker.regionId,
        organizationId: worker.organizationId,
      }),
    ),
  },
};
