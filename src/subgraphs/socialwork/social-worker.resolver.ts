import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../graphql/context';
import { reference, referenceType } from '../../federation/references';
import { Connection, PageArgs } from '../../graphql/pagination';
import { ServiceCategory } from '../../graphql/service-category';
import { SocialWorkRegion } from './region.extension';
import {
  CertificateRecord,
  CertificateReward,
  SocialWorker,
  SocialWorkerLevel,
  SocialWorkExamYear,
  TalentAward,
} from './social-worker.entity';
import {
  GrantTalentAwardInput,
  RegisterSocialWorkerInput,
  SocialWorkerFilter,
  UpdateSocialWorkerInput,
} from './social-worker.inputs';
import { awardsByWorker, certificatesByWorker, socialWorkerById } from './social-worker.loaders';
import {
  certificateRewards,
  examYear,
  grantTalentAward,
  recordCertificate,
  registerSocialWorker,
  getSocialWorker,
  listSocialWorkers,
  specialtiesOf,
  talentAwards,
  updateSocialWorker,
} from './social-worker.service';

export const SocialWorkerConnection = Connection(SocialWorker, 'SocialWorker');
const OrganizationReference = referenceType('SocialOrganization');
const StationReference = referenceType('ServiceStation');

@Resolver(() => SocialWorker)
export class SocialWorkerResolver {
  @Query(() => SocialWorker, { nullable: true })
  socialWorker(@Arg('id', () => ID) id: string, @Ctx() context: HubContext) {
    return getSocialWorker(context, id);
  }

  @Query(() => SocialWorkerConnection)
  socialWorkers(
    @Arg('filter', () => SocialWorkerFilter, { nullable: true }) filter: SocialWorkerFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: HubContext,
  ) {
    return listSocialWorkers(context, filter, page);
  }

  @Mutation(() => SocialWorker, { description: 'STAFF of the region, ADMIN' })
  registerSocialWorker(
    @Arg('input', () => RegisterSocialWorkerInput) input: RegisterSocialWorkerInput,
    @Ctx() context: HubContext,
  ) {
    return registerSocialWorker(context, input);
  }

  @Mutation(() => SocialWorker, {
    description: 'correct name, employer, station or specialties (STAFF of the worker’s region, ADMIN)',
  })
  updateSocialWorker(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateSocialWorkerInput) input: UpdateSocialWorkerInput,
    @Ctx() context: HubContext,
  ) {
    return updateSocialWorker(context, id, input);
  }

  @Mutation(() => CertificateRecord, { description: '登记持证等级; the reward follows the policy rows' })
  recordCertificate(
    @Arg('socialWorkerId', () => ID) socialWorkerId: string,
    @Arg('level', () => SocialWorkerLevel) level: SocialWorkerLevel,
    @Arg('year', () => Int) year: number,
    @Ctx() context: HubContext,
  ) {
    return recordCertificate(context, socialWorkerId, level, year);
  }

  @Mutation(() => TalentAward, { description: 'ADMIN only' })
  grantTalentAward(
    @Arg('input', () => GrantTalentAwardInput) input: GrantTalentAwardInput,
    @Ctx() context: HubContext,
  ) {
    return grantTalentAward(context, input);
  }

  @FieldResolver(() => [CertificateRecord])
  certificates(@Root() worker: SocialWorker, @Ctx() context: HubContext) {
    return certificatesByWorker(context).load(worker.id);
  }

  @FieldResolver(() => [ServiceCategory])
  specialties(@Root() worker: SocialWorker) {
    return specialtiesOf(worker);
  }

  @FieldResolver(() => SocialWorkRegion, { nullable: true })
  region(@Root() worker: SocialWorker) {
    return reference(worker.regionId);
  }

  @FieldResolver(() => OrganizationReference, { nullable: true })
  organization(@Root() worker: SocialWorker) {
    return reference(worker.organizationId);
  }

  @FieldResolver(() => StationReference, { nullable: true })
  station(@Root() worker: SocialWorker) {
    return reference(worker.stationId);
  }

  @FieldResolver(() => [TalentAward])
  talentAwards(@Root() worker: SocialWorker, @Ctx() context: HubContext) {
    return awardsByWorker(context).load(worker.id);
  }
}

/** The city's reward policy and talent programme. */
@Resolver()
export class SocialWorkPolicyResolver {
  @Query(() => [CertificateReward], { description: '持证奖励政策: reward per certificate level' })
  certificateRewards(@Ctx() context: HubContext) {
    return certificateRewards(context);
  }

  @Query(() => [TalentAward])
  talentAwards(@Arg('year', () => Int, { nullable: true }) year: number | undefined, @Ctx() context: HubContext) {
    return talentAwards(context, year);
  }

  @Query(() => SocialWorkExamYear, { nullable: true })
  socialWorkExam(@Arg('year', () => Int) year: number, @Ctx() context: HubContext) {
    return examYear(context, year);
  }
}

@Resolver(() => TalentAward)
export class TalentAwardResolver {
  @FieldResolver(() => SocialWorker)
  socialWorker(@Root() award: TalentAward, @Ctx() context: HubContext) {
    return socialWorkerById(context).load(award.socialWorkerId);
  }
}
