import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { ServiceProjectFilter } from './linkage.inputs';
import { applicationCount, fundedCount, projectsByRound, roundById } from './linkage.loaders';
import { categoriesOf, getProject, getRound, listProjects, listRounds } from './linkage.service';
import { ProjectCategory, ProjectRound, ServiceProject } from './project.entity';
import { LinkageRegion } from './region.extension';

export const ServiceProjectConnection = Connection(ServiceProject, 'ServiceProject');
const OrganizationReference = referenceType('SocialOrganization');
const StationReference = referenceType('ServiceStation');

@Resolver(() => ProjectRound)
export class ProjectRoundResolver {
  @Query(() => [ProjectRound], { description: 'rounds of government-purchased service projects, newest first' })
  projectRounds(@Ctx() context: HubContext) {
    return listRounds(context);
  }

  @Query(() => ProjectRound, { nullable: true })
  projectRound(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getRound(context, id);
  }

  @FieldResolver(() => Int, { description: 'applications received' })
  applicationCount(@Root() round: ProjectRound, @Ctx() context: HubContext) {
    return applicationCount(context).load(round.id);
  }

  @FieldResolver(() => Int, { description: 'applications approved for funding' })
  fundedCount(@Root() round: ProjectRound, @Ctx() context: HubContext) {
    return fundedCount(context).load(round.id);
  }

  @FieldResolver(() => [ProjectCategory], { description: 'categories applied for' })
  async categories(@Root() round: ProjectRound, @Ctx() context: HubContext) {
    return categoriesOf(await projectsByRound(context).load(round.id));
  }
}

@Resolver(() => ServiceProject)
export class ServiceProjectResolver {
  @Query(() => ServiceProject, { nullable: true })
  serviceProject(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getProject(context, id);
  }

  @Query(() => ServiceProjectConnection)
  serviceProjects(
    @Arg('filter', () => ServiceProjectFilter, { nullable: true }) filter: ServiceProjectFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listProjects(context, filter, page);
  }

  @FieldResolver(() => ProjectRound)
  round(@Root() project: ServiceProject, @Ctx() context: HubContext) {
    return roundById(context).load(project.roundId);
  }

  @FieldResolver(() => OrganizationReference, { description: 'the organisation that applied and runs it' })
  applicant(@Root() project: ServiceProject) {
    return reference(project.applicantId);
  }

  @FieldResolver(() => StationReference, { nullable: true })
  station(@Root() project: ServiceProject) {
    return reference(project.stationId);
  }

  @FieldResolver(() => LinkageRegion)
  region(@Root() project: ServiceProject) {
    return reference(project.regionId);
  }
}
