import type { HubContext } from '../../graphql/context';
import { NotFoundError } from '../../graphql/errors';
import { parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { likePattern, paginate, type PageArgs } from '../../graphql/pagination';
import { CertificateReward, SocialWorker, SocialWorkExamYear, TalentAward } from './social-worker.entity';
import type { SocialWorkerFilter } from './social-worker.inputs';
import { socialWorkerById } from './social-worker.loaders';

export async function getSocialWorker(context: HubContext, id: string): Promise<SocialWorker> {
  const worker = await socialWorkerById(context).load(parseIntId(id));
  if (!worker) throw new NotFoundError('社会工作者', id);
  return worker;
}

export function listSocialWorkers(context: HubContext, filter: SocialWorkerFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, SocialWorker, {
    equals: {
      level: filter.level,
      organizationId:
        filter.organizationId === undefined ? undefined : parseIntId(filter.organizationId, 'organizationId'),
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['name'],
  });
  if (filter.specialty) {
    query.andWhere(`item.specialtyList LIKE :specialty ESCAPE '!'`, { specialty: likePattern(filter.specialty) });
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
