import { ServiceCategory } from '../graphql/service-category';
import { LinkageCase, LinkageContribution, Society } from '../subgraphs/linkage/linkage-case.entity';
import { Need, NeedStatus, NeedUrgency } from '../subgraphs/linkage/need.entity';
import {
  ActivityStatus,
  type ActivitySignup,
  type VolunteerActivity,
  type VolunteerTeam,
} from '../subgraphs/volunteer/volunteer.entity';
import type { City } from './city';
import type { NamedStations } from './community';
import { countyOf } from './divisions';
import { ALL_CATEGORIES, placeStem, SERVICE_NAMES } from './names';
import type { NamedOrganizations } from './organization';
import { Random } from './random';
import type { Row } from './rows';
import * as Y from './yuxi';

/**
 * The demo data that lives: volunteer activities in the weeks after the seed runs, their first sign-ups, and a
 * few open needs in the named communities, so a fresh demo has something coming up and something to do. Dates
 * are relative to `now`; every draw comes from a stream of its own (SEED + LIVING_STREAM), so the rest of the city
 * is the same whatever day the seed runs, and the same `now` gives the same rows.
 */
const LIVING_STREAM = 21;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Upcoming activities fall within this many days after today. */
const UPCOMING_DAYS = 28;

type UpcomingDraft = Pick<VolunteerActivity, 'title' | 'category' | 'regionId' | 'startsOn' | 'capacity'> &
  Partial<Pick<VolunteerActivity, 'description' | 'stationId' | 'teamId' | 'organizationId'>>;

/** What the named places hold in the weeks ahead (activities the report describes as regular work there). */
const HUTIAN_UPCOMING = [
  {
    title: '乐老汇老年人智能手机课堂',
    category: ServiceCategory.ELDERLY_CARE,
    description: '教老人用手机视频通话、网上挂号、识别诈骗电话',
  },
  {
    title: '乐老汇健康义诊与血压测量',
    category: ServiceCategory.HEALTH,
    description: '社区卫生服务站医生为老人测量血压、讲解慢病用药',
  },
  {
    title: '乐老汇邻里包饺子联谊',
    category: ServiceCategory.ELDERLY_CARE,
    description: '志愿者陪伴独居、空巢老人一起包饺子、拉家常',
  },
];
const CHILDREN_STATION_UPCOMING = [
  {
    title: '周末书法兴趣班志愿辅导',
    category: ServiceCategory.CHILD_CARE,
    description: '招募志愿者协助书法老师照看、辅导儿童',
  },
  {
    title: '垃圾分类主题亲子活动',
    category: ServiceCategory.CHILD_CARE,
    description: '儿童服务站主题活动:家长和孩子一起学习垃圾分类',
  },
  {
    title: '夜间作业辅导志愿者招募',
    category: ServiceCategory.EDUCATION,
    description: '周一至周五 19:00-21:00 陪伴辅导小学生完成作业',
  },
];

/** Open needs of the named communities: what residents ask for, with no person named. */
const OPEN_NEEDS: {
  communityId: string;
  category: ServiceCategory;
  urgency: NeedUrgency;
  status: NeedStatus.SUBMITTED | NeedStatus.ACCEPTED | NeedStatus.MATCHED;
  description: string;
}[] = [
  {
    communityId: Y.PLACES.hutian,
    category: ServiceCategory.ELDERLY_CARE,
    urgency: NeedUrgency.HIGH,
    status: NeedStatus.SUBMITTED,
    description: '独居老人腿脚不便,希望有人每周帮忙代买药品和生活用品',
  },
  {
    communityId: Y.PLACES.hutian,
    category: ServiceCategory.HEALTH,
    urgency: NeedUrgency.NORMAL,
    status: NeedStatus.ACCEPTED,
    description: '几位高龄老人希望有医生上门测量血压、讲解慢病用药',
  },
  {
    communityId: Y.PLACES.hutian,
    category: ServiceCategory.COMMUNITY_AFFAIRS,
    urgency: NeedUrgency.NORMAL,
    status: NeedStatus.MATCHED,
    description: '小区楼道堆放杂物存在消防隐患,希望协调清理并开展消防安全宣传',
  },
  {
    communityId: Y.PLACES.xiahe,
    category: ServiceCategory.CHILD_CARE,
    urgency: NeedUrgency.NORMAL,
    status: NeedStatus.SUBMITTED,
    description: '双职工家庭孩子放学后无人照看,希望参加儿童服务站的夜间作业辅导',
  },
  {
    communityId: Y.PLACES.xiahe,
    category: ServiceCategory.DISABILITY,
    urgency: NeedUrgency.HIGH,
    status: NeedStatus.ACCEPTED,
    description: '残疾居民的轮椅损坏,需要帮忙联系维修或临时借用一辆',
  },
  {
    communityId: Y.PLACES.xiahe,
    category: ServiceCategory.ELDERLY_CARE,
    urgency: NeedUrgency.NORMAL,
    status: NeedStatus.MATCHED,
    description: '空巢老人想学习用智能手机和子女视频通话',
  },
];

/** A China (UTC+8) calendar day, YYYY-MM-DD. */
export function chinaDate(moment: Date): string {
  return new Date(moment.getTime() + 8 * HOUR_MS).toISOString().slice(0, 10);
}

export class Living {
  private readonly random: Random;

  constructor(
    seed: number,
    private readonly city: City,
    readonly now: Date,
  ) {
    this.random = new Random(seed + LIVING_STREAM);
  }

  /** A day `days` after today (China time). */
  private dayAfterToday(days: number): string {
    return chinaDate(new Date(this.now.getTime() + days * DAY_MS));
  }

  /**
   * The activities of the weeks ahead, open for sign-up: three at 葫田社区's 乐老汇, three at the children's
   * station in 下赫社区, and `perCounty` in every county, run by a team of the county where it has one.
   */
  upcomingActivities(
    teams: readonly Row<VolunteerTeam>[],
    stations: NamedStations,
    named: NamedOrganizations,
  ): UpcomingDraft[] {
    const { random, city } = this;
    const day = () => this.dayAfterToday(random.int(1, UPCOMING_DAYS));
    const drafts: UpcomingDraft[] = [
      ...HUTIAN_UPCOMING.map((a) => ({
        ...a,
        regionId: Y.PLACES.hutian,
        stationId: stations.lelaohui,
        organizationId: named.lelaohuiTeam,
        startsOn: day(),
        capacity: random.int(10, 30),
      })),
      ...CHILDREN_STATION_UPCOMING.map((a) => ({
        ...a,
        regionId: Y.PLACES.xiahe,
        stationId: stations.children,
        organizationId: named.yigonglian,
        startsOn: day(),
        capacity: random.int(8, 20),
      })),
    ];
    const perCounty = city.count(4, 1);
    for (const county of Y.COUNTIES) {
      const countyTeams = teams.filter((t) => countyOf(t.regionId) === county.code);
      const countyLeaves = city.leaves.filter((l) => countyOf(l.id) === county.code);
      for (let i = 0; i < perCounty; i += 1) {
        const team = countyTeams.length ? random.pick(countyTeams) : null;
        const regionId = team?.regionId ?? random.pick(countyLeaves).id;
        const category = random.pick(ALL_CATEGORIES);
        drafts.push({
          title: `${placeStem(city.nameOf(regionId))}${random.pick(SERVICE_NAMES[category])}`,
          category,
          regionId,
          teamId: team?.id ?? null,
          organizationId: team?.organizationId ?? null,
          startsOn: day(),
          capacity: random.int(10, 40),
        });
      }
    }
    return drafts;
  }

  /** The rows of the drafts, taking the given ids; open for sign-up, nothing served yet. */
  upcomingRows(drafts: readonly UpcomingDraft[], ids: readonly number[]): Row<VolunteerActivity>[] {
    return drafts.map((draft, index) => ({
      id: ids[index],
      description: null,
      stationId: null,
      teamId: null,
      organizationId: null,
      status: ActivityStatus.OPEN,
      ...draft,
    }));
  }

  /**
   * The first sign-ups of upcoming activities, by volunteers of the activity's region (the station's own at a
   * station that has them), made in the last three days. Never checked in: nothing has been served yet.
   */
  signups(
    activities: readonly Row<VolunteerActivity>[],
    volunteersIn: (activity: Row<VolunteerActivity>) => readonly number[],
  ): Row<ActivitySignup>[] {
    const { random } = this;
    const rows: Row<ActivitySignup>[] = [];
    for (const activity of activities) {
      const pool = [...volunteersIn(activity)];
      const count = Math.min(pool.length, random.int(0, Math.min(6, activity.capacity ?? 6)));
      for (let i = 0; i < count; i += 1) {
        const [volunteerId] = pool.splice(random.int(0, pool.length - 1), 1);
        rows.push({
          id: rows.length + 1,
          activityId: activity.id,
          volunteerId,
          signedUpAt: new Date(this.now.getTime() - random.int(1, 72) * HOUR_MS),
          checkedInAt: null,
          checkedOutAt: null,
        });
      }
    }
    return rows;
  }

  /**
   * Open needs of 葫田社区 and 下赫社区, submitted in the last ten days (never today, so today's need numbers start
   * at 0001 as usual), numbered in order per day; a matched one has its linkage case, opened by the community.
   */
  openNeeds(firstNeedId: number, firstCaseId: number) {
    const { random } = this;
    const submitted = OPEN_NEEDS.map((need) => ({
      need,
      at: new Date(this.now.getTime() - random.int(2, 10) * DAY_MS - random.int(0, 10) * HOUR_MS),
    })).sort((a, b) => a.at.getTime() - b.at.getTime());
    const perDay = new Map<string, number>();
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
    for (const { need, at } of submitted) {
      const day = chinaDate(at).replace(/-/g, '');
      const number = (perDay.get(day) ?? 0) + 1;
      perDay.set(day, number);
      const id = firstNeedId + needs.length;
      needs.push({
        id,
        number: `XQ${day}-${String(number).padStart(4, '0')}`,
        category: need.category,
        description: need.description,
        urgency: need.urgency,
        status: need.status,
        communityId: need.communityId,
        submittedAt: at,
        resolvedAt: null,
        rating: null,
      });
      if (need.status === NeedStatus.MATCHED) {
        const caseId = firstCaseId + cases.length;
        cases.push({ id: caseId, needId: id, openedAt: new Date(at.getTime() + DAY_MS) });
        contributions.push({
          caseId,
          society: Society.COMMUNITY,
          referenceId: need.communityId,
          description: '社区受理并对接志愿者',
          halfHours: 0,
        });
      }
    }
    return { needs, cases, contributions };
  }
}
