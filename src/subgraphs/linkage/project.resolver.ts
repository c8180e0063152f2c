import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import { OrganizationReference, ServiceReference, StationReference } from './linkage.references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { OpenRoundInput, ServiceProjectFilter, ServiceProjectOrder, SubmitApplicationInput } from './linkage.inputs';
import { applicationCount, fundedCount, projectsByRound, roundById } from './linkage.loaders';
import {
  allowedProjectTransitions,
  categoriesOf,
  changeProject,
  citeNeeds,
  getProject,
  getRound,
  linkProjectService,
  listProjects,
  listRounds,
  openRound,
  remainingQuota,
  submitApplication,
  unciteNeed,
  unlinkProjectService,
} from './project.service';
import { ProjectCategory, ProjectRound, ProjectStatus, ServiceProject } from './project.entity';
import { citedNeedsOf, servicesOfProject } from './linkage.loaders';
import { Need } from './need.entity';
import { LinkageRegion } from './region.extension';
import { ProjectTransition } from './project.state';

export const ServiceProjectConnection = Connection(ServiceProject, 'ServiceProject');

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

  @Mutation(() => ProjectRound, { description: 'open a round with a quota (ADMIN)' })
  openProjectRound(@Arg('input', () => OpenRoundInput) input: OpenRoundInput, @Ctx() context: HubContext) {
    return openRound(context, input);
  }

  @FieldResolver(() => Int, { description: 'applications received' })
  applicationCount(@Root() round: ProjectRound, @Ctx() context: HubContext) {
    return applicationCount(context).load(round.id);
  }

  @FieldResolver(() => Int, { description: 'applications approved for funding' })
  fundedCount(@Root() round: ProjectRound, @Ctx() context: HubContext) {
    return fundedCount(context).load(round.id);
  }

  @FieldResolver(() => Int, { description: 'projects the round may still fund: quota minus fundedCount' })
  remainingQuota(@Root() round: ProjectRound, @Ctx() context: HubContext) {
    return remainingQuota(context, round);
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
    @Arg('orderBy', () => ServiceProjectOrder, { nullable: true }) orderBy: ServiceProjectOrder | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listProjects(context, filter, orderBy, page);
  }

  @Mutation(() => ServiceProject, { description: 'an ORG for itself, or STAFF of the region' })
  submitProjectApplication(
    @Arg('input', () => SubmitApplicationInput) input: SubmitApplicationInput,
    @Ctx() context: HubContext,
  ) {
    return submitApplication(context, input);
  }

  @Mutation(() => ServiceProject, { description: 'score an application, 0-100 (STAFF of the region)' })
  reviewProjectApplication(
    @Arg('id', () => ID) id: string,
    @Arg('score', () => Float) score: number,
    @Ctx() context: HubContext,
  ) {
    return changeProject(context, id, { to: ProjectStatus.UNDER_REVIEW, score });
  }

  @Mutation(() => ServiceProject, { description: 'fund a reviewed application within the round quota (ADMIN)' })
  approveProjectApplication(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return changeProject(context, id, { to: ProjectStatus.APPROVED });
  }

  @Mutation(() => ServiceProject, { description: 'ADMIN' })
  rejectProjectApplication(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return changeProject(context, id, { to: ProjectStatus.REJECTED });
  }

  @Mutation(() => ServiceProject, { description: 'the applicant (ORG) or STAFF of the region' })
  startProject(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return changeProject(context, id, { to: ProjectStatus.IN_PROGRESS });
  }

  @Mutation(() => ServiceProject, { description: 'complete with an evaluation (STAFF of the region)' })
  completeProject(@Arg('id', () => ID) id: string, @Arg('evaluation') evaluation: string, @Ctx() context: HubContext) {
    return changeProject(context, id, { to: ProjectStatus.COMPLETED, evaluation: evaluation.trim().slice(0, 5000) });
  }

  @Mutation(() => ServiceProject, { description: 'cite the needs a project answers (the applicant or STAFF)' })
  citeNeeds(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('needIds', () => [ID]) needIds: string[],
    @Ctx() context: HubContext,
  ) {
    return citeNeeds(context, projectId, needIds);
  }

  @Mutation(() => ServiceProject, { description: 'a service the project delivers through' })
  linkProjectService(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Ctx() context: HubContext,
  ) {
    return linkProjectService(context, projectId, serviceId);
  }

  @Mutation(() => ServiceProject, { description: 'withdraw a citation made by mistake (the applicant or STAFF)' })
  unciteNeed(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('needId', () => ID) needId: string,
    @Ctx() context: HubContext,
  ) {
    return unciteNeed(context, projectId, needId);
  }

  @Mutation(() => ServiceProject, { description: 'remove a service link made by mistake (the applicant or STAFF)' })
  unlinkProjectService(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Ctx() context: HubContext,
  ) {
    return unlinkProjectService(context, projectId, serviceId);
  }

  @FieldResolver(() => [ProjectTransition], {
    description:
      'what the caller may do to the project now (workflow, policy, score and the round’s remaining quota); empty for callers who may do nothing',
  })
  allowedTransitions(@Root() project: ServiceProject, @Ctx() context: HubContext) {
    return allowedProjectTransitions(context, project);
  }

  @FieldResolver(() => [Need], { description: 'the needs this project answers' })
  citedNeeds(@Root() project: ServiceProject, @Ctx() context: HubContext) {
    return citedNeedsOf(context).load(project.id);
  }

  @FieldResolver(() => [ServiceReference], {
    nullable: 'items',
    description: 'services it delivers through; null for a link to a service that no longer exists',
  })
  async services(@Root() project: ServiceProject, @Ctx() context: HubContext) {
    return (await servicesOfProject(context).load(project.id)).map((link) => reference(link.serviceId));
  }

  @FieldResolver(() => ProjectRound)
  round(@Root() project: ServiceProject, @Ctx() context: HubContext) {
    return roundById(context).load(project.roundId);
  }

  @FieldResolver(() => OrganizationReference, {
    nullable: true,
    description: 'the organisation that applied and runs it (null if it is not on record)',
  })
  applicant(@Root() project: ServiceProject) {
    return reference(project.applicantId);
  }

  @FieldResolver(() => StationReference, { nullable: true })
  station(@Root() project: ServiceProject) {
    return reference(project.stationId);
  }

  @FieldResolver(() => LinkageRegion, { nullable: true, description: 'null if the code is not on record' })
  region(@Root() project: ServiceProject) {
    return reference(project.regionId);
  }
}
