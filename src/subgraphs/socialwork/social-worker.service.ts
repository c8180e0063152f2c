import { Role } from '../../auth/identity';
import { requireLinkInScope, requireRole, requireStaffIn } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { DomainError } from '../../errors';
import { inTransaction } from '../../graphql/transaction';
import { countChange } from '../../db/figure-tally';
import { forShare, insertRow, lockOrFail } from '../../db/rows';
import { SOCIALWORK_FIGURES } from './social-worker.figures';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { loadOrFail } from '../../graphql/loaders';
import { requireNotFuture } from '../../graphql/inputs';
import { listQuery } from '../../graphql/list-query';
import { optionalReference, requireRegion } from '../../graphql/references';
import { likeOperator } from '../../db/dialect';
import { likePattern, paginate, type PageArgs } from '../../graphql/pagination';
import {
  CertificateRecord,
  CertificateReward,
  SocialWorker,
  SocialWorkerLevel,
  SocialWorkExamYear,
  TalentAward,
} from './social-worker.entity';
import type {
  GrantTalentAwardInput,
  RegisterSocialWorkerInput,
  SocialWorkerFilter,
  UpdateSocialWorkerInput,
} from './social-worker.inputs';
import { socialWorkerById } from './social-worker.loaders';

export function getSocialWorker(context: HubContext, id: string): Promise<SocialWorker> {
  return loadOrFail(socialWorkerById(context), id, '社会工作者');
}

export function listSocialWorkers(context: HubContext, filter: SocialWorkerFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, SocialWorker, {
    equals: {
      level: filter.level,
      organizationId: optionalIntId(filter.organizationId, 'organizationId'),
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
  });
  if (filter.specialty) {
    query.andWhere(`item.specialtyList ${likeOperator(query.connection)} :specialty ESCAPE '!'`, {
      specialty: likePattern(filter.specialty),
    });
  }
  return paginate(query, page);
}

export function specialtiesOf(worker: SocialWorker): string[] {
  return worker.specialtyList ? worker.specialtyList.split(',') : [];
}

export function certificateRewards(context: HubContext) {
  return context.dataSource.getRepository(CertificateReward).find({ order: { amountYuan: 'ASC' } });
}

export function talentAwards(context: HubContext, year: number | undefined) {
  return context.dataSource
    .getRepository(TalentAward)
    .find({ where: year === undefined ? {} : { year }, order: { id: 'ASC' } });
}

export function examYear(context: HubContext, year: number) {
  return context.dataSource.getRepository(SocialWorkExamYear).findOneBy({ year });
}

const LEVEL_ORDER = [SocialWorkerLevel.ASSISTANT, SocialWorkerLevel.INTERMEDIATE, SocialWorkerLevel.SENIOR];

export async function registerSocialWorker(context: HubContext, input: RegisterSocialWorkerInput) {
  requireStaffIn(context.identity, input.regionId);
  requireNotFuture(input.certifiedYear, 'certifiedYear');
  await requireRegion(context, input.regionId, 'regionId');
  const employer = await optionalReference(context, 'SocialOrganization', input.organizationId);
  if (employer) requireLinkInScope(input.regionId, employer.regionId, '所在组织');
  const station = await optionalReference(context, 'ServiceStation', input.stationId);
  if (station) requireLinkInScope(input.regionId, station.regionId, '服务阵地');
  return inTransaction(context, async (manager) => {
    const worker = await insertRow(manager, SocialWorker, {
      name: input.name.trim(),
      level: input.level,
      certifiedYear: input.certifiedYear,
      regionId: input.regionId,
      organizationId: optionalIntId(input.organizationId, 'organizationId'),
      stationId: optionalIntId(input.stationId, 'stationId'),
      specialtyList: [...new Set(input.specialties)].join(','),
    });
    await countChange(manager, SOCIALWORK_FIGURES, SocialWorker, null, worker);
    return worker;
  });
}

/**
 * Staff of the worker's region (or ADMIN) correct the name, employer, station or specialties; a new employer or
 * station must serve the worker's region, like at registration. Level and certificates change only through
 * recordCertificate, which pays the reward.
 */
export async function updateSocialWorker(context: HubContext, id: string, input: UpdateSocialWorkerInput) {
  const current = await getSocialWorker(context, id);
  requireStaffIn(context.identity, current.regionId);
  const employer = await optionalReference(context, 'SocialOrganization', input.organizationId);
  if (employer) requireLinkInScope(current.regionId, employer.regionId, '所在组织');
  const station = await optionalReference(context, 'ServiceStation', input.stationId);
  if (station) requireLinkInScope(current.regionId, station.regionId, '服务阵地');
  return inTransaction(context, async (manager) => {
    const worker = await lockOrFail(manager, SocialWorker, current.id, '社会工作者');
    const before = { ...worker };
    if (input.name !== undefined && input.name !== null) worker.name = input.name.trim();
    if (input.organizationId !== undefined)
      worker.organizationId = optionalIntId(input.organizationId, 'organizationId');
    if (input.stationId !== undefined) worker.stationId = optionalIntId(input.stationId, 'stationId');
    if (input.specialties) worker.specialtyList = [...new Set(input.specialties)].join(',');
    await countChange(manager, SOCIALWORK_FIGURES, SocialWorker, before, worker);
    return manager.getRepository(SocialWorker).save(worker);
  });
}

/** A worker passes a higher certificate: the level is raised and the policy's reward recorded. */
export function recordCertificate(context: HubContext, workerId: string, level: SocialWorkerLevel, year: number) {
  requireNotFuture(year, 'year');
  return inTransaction(context, async (manager) => {
    // Locked: two certificates recorded at once must not both count as the step up.
    const worker = await lockOrFail(manager, SocialWorker, parseIntId(workerId, 'socialWorkerId'), '社会工作者');
    requireStaffIn(context.identity, worker.regionId);
    if (
      LEVEL_ORDER.indexOf(level) <= LEVEL_ORDER.indexOf(worker.level) &&
      (await forShare(
        manager
          .getRepository(CertificateRecord)
          .createQueryBuilder('c')
          .where('c.socialWorkerId = :id', { id: worker.id }),
      ).getCount()) > 0
    ) {
      throw new DomainError(
        'CERTIFICATE_NOT_HIGHER',
        '只能登记更高等级的证书 (the new certificate must be above the current level)',
        { current: worker.level },
      );
    }
    const policy = await manager.getRepository(CertificateReward).findOneBy({ level });
    if (!policy)
      throw new DomainError('NO_REWARD_POLICY', '该等级没有奖励政策 (no reward policy for this level)', { level });
    const before = { ...worker };
    worker.level = level;
    worker.certifiedYear = year;
    await countChange(manager, SOCIALWORK_FIGURES, SocialWorker, before, worker);
    await manager.getRepository(SocialWorker).save(worker);
    const records = manager.getRepository(CertificateRecord);
    return records.save(records.create({ socialWorkerId: worker.id, level, year, rewardYuan: policy.amountYuan }));
  });
}

export function grantTalentAward(context: HubContext, input: GrantTalentAwardInput) {
  requireRole(context.identity, Role.ADMIN);
  requireNotFuture(input.year, 'year');
  return inTransaction(context, async (manager) => {
    const workerId = parseIntId(input.socialWorkerId, 'socialWorkerId');
    // The worker's row is the lock that keeps one award per programme and year under parallel grants.
    await lockOrFail(manager, SocialWorker, workerId, '社会工作者');
    const awards = manager.getRepository(TalentAward);
    const granted = await forShare(
      awards
        .createQueryBuilder('a')
        .where('a.socialWorkerId = :workerId', { workerId })
        .andWhere('a.programme = :programme', { programme: input.programme })
        .andWhere('a.year = :year', { year: input.year }),
    ).getCount();
    if (granted > 0) {
      throw new DomainError('DUPLICATE_AWARD', '该人员本年度已获此奖励 (already awarded this programme this year)');
    }
    return awards.save(
      awards.create({
        socialWorkerId: workerId,
        programme: input.programme,
        year: input.year,
        amountYuan: input.amountYuan,
      }),
    );
  });
}
