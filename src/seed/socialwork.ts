import { ServiceCategory } from '../graphql/service-category';
import { StationKind, type ServiceStation } from '../subgraphs/community/station.entity';
import { OrganizationKind, type SocialOrganization } from '../subgraphs/organization/organization.entity';
import {
  CertificateReward,
  SocialWorker,
  SocialWorkerLevel,
  SocialWorkExamYear,
  TalentAward,
} from '../subgraphs/socialwork/social-worker.entity';
import type { City } from './city';
import { ALL_CATEGORIES, personName } from './names';
import { cumulative } from './random';
import { table, type Row } from './rows';
import * as Y from './yuxi';

const LEVELS = [SocialWorkerLevel.ASSISTANT, SocialWorkerLevel.INTERMEDIATE, SocialWorkerLevel.SENIOR];
const LEVEL_WEIGHTS = cumulative([70, 25, 5]);

/** 社会工作者 at the network's stations and the agencies, the reward policy and the 兴玉社工人才 awards. */
export function generateSocialWork(
  city: City,
  organizations: Row<SocialOrganization>[],
  stations: Row<ServiceStation>[],
  yuanfang: number,
) {
  const { random } = city;
  const workers: Row<SocialWorker>[] = [
    {
      id: 1,
      name: '远方心理工作室创办者',
      level: SocialWorkerLevel.INTERMEDIATE,
      certifiedYear: 2018,
      regionId: Y.PLACES.tonghai,
      organizationId: yuanfang,
      stationId: null,
      specialtyList: ServiceCategory.MENTAL_HEALTH,
    },
  ];
  const agencies = organizations.filter((o) => o.kind === OrganizationKind.SOCIAL_WORK_AGENCY);
  const networkStations = stations.filter(
    (s) => s.kind === StationKind.SOCIAL_WORK_STATION || s.kind === StationKind.SOCIAL_WORK_ROOM,
  );
  const workerCount = city.count(1500, 40);
  for (let id = 2; id <= workerCount; id += 1) {
    const station = random.chance(0.5) ? random.pick(networkStations) : null;
    const agency = random.chance(0.6) ? random.pick(agencies) : null;
    workers.push({
      id,
      name: personName(random),
      level: LEVELS[random.weightedIndex(LEVEL_WEIGHTS)],
      certifiedYear: random.int(2010, 2021),
      regionId: station?.regionId ?? agency?.regionId ?? city.randomLeaf().id,
      organizationId: agency?.id ?? null,
      stationId: station?.id ?? null,
      specialtyList: [...new Set([random.pick(ALL_CATEGORIES), random.pick(ALL_CATEGORIES)])].join(','),
    });
  }
  const awardees = workers.filter((w) => w.level !== SocialWorkerLevel.ASSISTANT).slice(0, Y.TALENT_PROGRAMME.people);
  const awards: Row<TalentAward>[] = awardees.map((w, index) => ({
    id: index + 1,
    socialWorkerId: w.id,
    programme: Y.TALENT_PROGRAMME.name,
    year: Y.TALENT_PROGRAMME.year,
    amountYuan: Y.TALENT_PROGRAMME.amountYuan,
  }));
  const rewards: Row<CertificateReward>[] = Y.CERTIFICATE_REWARDS.map((r) => ({
    level: SocialWorkerLevel[r.level],
    title: r.title,
    amountYuan: r.amountYuan,
  }));
  const exams: Row<SocialWorkExamYear>[] = [{ ...Y.EXAM_2021 }];
  return [
    table(CertificateReward, rewards),
    table(SocialWorkExamYear, exams),
    table(SocialWorker, workers),
    table(TalentAward, awards),
  ];
}
