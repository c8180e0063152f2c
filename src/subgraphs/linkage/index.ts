import { LINKAGE_FIGURES, NeedRegionFigures } from './need.figures';
import type { SubgraphDefinition } from '../../federation/subgraph';
import { parseIntId } from '../../graphql/ids';
import { lookupWith } from '../../graphql/references';
import { LinkageCase, LinkageContribution } from './linkage-case.entity';
import { ProjectNeedCitation, ProjectService } from './lists.entity';
import { caseById, needById, projectById, roundById } from './linkage.loaders';
import { Need, NeedNumberCounter } from './need.entity';
import { NeedEvent, NeedEventHead } from './need-event.entity';
// The need's resolver first: mutations appear in the schema in the order their resolvers are declared.
import { NeedResolver } from './need.resolver';
import { LinkageCaseResolver, LinkageContributionResolver } from './linkage-case.resolver';
import { NeedEventResolver } from './need-event.resolver';
import { ProjectRound, ServiceProject } from './project.entity';
import { ProjectRoundResolver, ServiceProjectResolver } from './project.resolver';
import { LinkageRegionResolver } from './region.extension';

/** 需求 · 项目 · 联动: residents' needs, the linkage cases that answer them, and government-purchased projects. */
export const linkageSubgraph: SubgraphDefinition = {
  name: 'linkage',
  entities: [
    Need,
    NeedNumberCounter,
    NeedEvent,
    NeedEventHead,
    LinkageCase,
    LinkageContribution,
    ProjectRound,
    ServiceProject,
    ProjectNeedCitation,
    ProjectService,
    NeedRegionFigures,
  ],
  figures: LINKAGE_FIGURES,
  resolvers: [
    NeedResolver,
    NeedEventResolver,
    LinkageCaseResolver,
    LinkageContributionResolver,
    ProjectRoundResolver,
    ServiceProjectResolver,
    LinkageRegionResolver,
  ],
  references: {
    Need: (ref, context) => needById(context).load(parseIntId(ref.id)),
    LinkageCase: (ref, context) => caseById(context).load(parseIntId(ref.id)),
    ProjectRound: (ref, context) => roundById(context).load(parseIntId(ref.id)),
    ServiceProject: (ref, context) => projectById(context).load(parseIntId(ref.id)),
    Region: (ref) => ref,
    ResourceListEntry: (ref) => ref,
  },
  lookups: {
    Need: lookupWith(
      needById,
      (id) => parseIntId(id, 'needId'),
      (need) => ({ regionId: need.communityId }),
    ),
    ServiceProject: lookupWith(
      projectById,
      (id) => parseIntId(id, 'projectId'),
      (project) => ({
        regionId: project.regionId,
        organizationId: project.applicantId,
      }),
    ),
  },
};
