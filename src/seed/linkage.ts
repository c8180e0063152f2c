import { ServiceCategory } from '../graphql/service-category';
import { LinkageCase, LinkageContribution, Society } from '../subgraphs/linkage/linkage-case.entity';
import { Need, NeedStatus, NeedUrgency } from '../subgraphs/linkage/need.entity';
import { ProjectCategory, ProjectRound, ProjectStatus, ServiceProject } from '../subgraphs/linkage/project.entity';
import { OrganizationKind, type SocialOrganization } from '../subgraphs/organization/organization.entity';
import type { VolunteerTeam } from '../subgraphs/volunteer/volunteer.entity';
import type { City } from './city';
import type { Living } from './living';
import { placeStem } from './names';
import { splitExactly } from './random';
import { table, type Row } from './rows';
import * as Y from './yuxi';

const DAY_MS = 86400000;
const PROJECT_TITLES: Record<ProjectCategory, string> = {
  CARE_WOMEN_CHILDREN: '关爱妇儿',
  ELDERLY_HARDSHIP: '助老济困',
  COMMUNITY_SELF_GOVERNANCE: '社区自治',
  NEIGHBORHOOD_GOVERNANCE: '小区治理',
  STORYTELLING: '讲好玉溪故事',
};

/**
 * 需求 and 联动: the 308 households 暖暖公益协会 visited, as resolved needs with their linkage cases; then, from
 * `living`, the open needs of the named communities.
 */
export function generateNeeds(city: City, teams: Row<VolunteerTeam>[], nuannuan: number, living: Living) {
  const { random } = city;
  const needs: Row<
    Need,
    | 'rejectReason'
    | 'contactPhoneSealed'
    | 'contactPhoneKeyId'
    | 'contactPhoneMasked'
    | 'contactConsentAt'
    | 'reporterRef'
  >[] = [];
  const cases: Row<LinkageCase>[] = [];
  const contributions: Row<LinkageContribution, 'id' | 'hours'>[] = [];
  const visitTeams = teams.filter((t) => t.regionId.startsWith('530402')).map((t) => t.id);
  const householdsPerCommunity = splitExactly(
    random,
    Y.NUANNUAN_HOUSEHOLDS,
    Y.PLACES.gaocangCommunities.map(() => 1),
  );
  Y.PLACES.gaocangCommunities.forEach((communityId, c) => {
    for (let h = 0; h < householdsPerCommunity[c]; h += 1) {
      const id = needs.length + 1;
      const submitted = new Date(Date.UTC(2020, 5 + (h % 6), 1 + (h % 27), 9));
      needs.push({
        id,
        number: `XQ${submitted.toISOString().slice(0, 10).replace(/-/g, '')}-${String(id).padStart(4, '0')}`,
        category: ServiceCategory.ELDERLY_CARE,
        description: random.pick(['失能老人生活照料与慰问', '空巢老人探访与陪伴', '残障老人入户帮扶']),
        urgency: NeedUrgency.NORMAL,
        status: NeedStatus.RESOLVED,
        communityId,
        submittedAt: submitted,
        resolvedAt: new Date(submitted.getTime() + random.int(3, 40) * DAY_MS),
        rating: random.int(4, 5),
      });
      cases.push({ id, needId: id, openedAt: new Date(submitted.getTime() + DAY_MS) });
      contributions.push(
        {
          caseId: id,
          society: Society.COMMUNITY,
          referenceId: communityId,
          description: '社区摸排困难老人并对接',
          halfHours: 0,
        },
        {
          caseId: id,
          society: Society.ORGANIZATION,
          referenceId: String(nuannuan),
          description: '玉溪市暖暖公益协会入户慰问帮扶',
          halfHours: 0,
        },
        {
          caseId: id,
          society: Society.VOLUNTEER,
          referenceId: String(random.pick(visitTeams)),
          description: '志愿者入户陪伴',
          halfHours: random.int(2, 6),
        },
      );
    }
  });
  const open = living.openNeeds(needs.length + 1, cases.length + 1);
  return [
    table(Need, [...needs, ...open.needs]),
    table(LinkageCase, [...cases, ...open.cases]),
    table(LinkageContribution, [...contributions, ...open.contributions]),
  ];
}

/** The 2020 project round: the funded 关爱妇儿 project at the children's station and the other applications. */
export function generateProjectRound(
  city: City,
  generatedOrganizations: Row<SocialOrganization>[],
  applicant: number,
  station: number,
) {
  const { random } = city;
  const round: Row<ProjectRound> = {
    id: 1,
    name: Y.PROJECT_ROUND_2020.name,
    sponsor: Y.PROJECT_ROUND_2020.sponsor,
    openedOn: Y.PROJECT_ROUND_2020.openedOn,
    quota: Y.PROJECT_ROUND_2020.funded,
  };
  const projectCategories = Object.values(ProjectCategory);
  const careWomenChildren: Row<ServiceProject, 'evaluation'> = {
    id: 1,
    roundId: round.id,
    title: '党群同心 关爱妇儿',
    category: ProjectCategory.CARE_WOMEN_CHILDREN,
    status: ProjectStatus.COMPLETED,
    applicantId: applicant,
    stationId: station,
    regionId: Y.PLACES.xiahe,
    score: 95,
    summary: '在万裕生态城党群服务中心儿童服务站为辖区儿童提供夜间作业辅导、周末兴趣班、寒暑假班等服务',
  };
  const projects = [careWomenChildren];
  const applicants = generatedOrganizations.filter((o) => o.kind !== OrganizationKind.OTHER);
  for (let id = 2; id <= Y.PROJECT_ROUND_2020.applications; id += 1) {
    const category = projectCategories[(id - 1) % projectCategories.length];
    const applicant = applicants[(id * 7) % applicants.length];
    const funded = id <= Y.PROJECT_ROUND_2020.funded;
    projects.push({
      id,
      roundId: round.id,
      title: `党群同心 ${PROJECT_TITLES[category]}·${placeStem(city.nameOf(applicant.regionId))}`,
      category,
      status: funded ? ProjectStatus.COMPLETED : ProjectStatus.REJECTED,
      applicantId: applicant.id,
      stationId: null,
      regionId: applicant.regionId,
      score: funded ? random.int(80, 94) : random.int(50, 79),
      summary: null,
    });
  }
  return {
    careWomenChildren,
    tables: [table(ProjectRound, [round]), table(ServiceProject, projects)],
  };
}
