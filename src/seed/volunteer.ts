import { ServiceCategory } from '../graphql/service-category';
import { OrganizationKind, type SocialOrganization } from '../subgraphs/organization/organization.entity';
import {
  chain,
  GENESIS_HASH,
  HourLedgerEntry,
  HourLedgerHead,
  hoursReference,
  LEDGER_HEAD_ID,
  LedgerKind,
} from '../subgraphs/volunteer/ledger';
import {
  ActivitySignup,
  ActivityStatus,
  ServiceHours,
  Volunteer,
  VolunteerActivity,
  VolunteerTeam,
} from '../subgraphs/volunteer/volunteer.entity';
import type { City } from './city';
import type { NamedStations } from './community';
import { countyOf, townshipOf } from './divisions';
import { ALL_CATEGORIES, personName, placeStem, SERVICE_NAMES, teamName } from './names';
import type { Living } from './living';
import type { NamedOrganizations } from './organization';
import { splitExactly } from './random';
import { table, type Row } from './rows';
import * as Y from './yuxi';

type ActivityDraft = Pick<VolunteerActivity, 'title' | 'category' | 'regionId' | 'startsOn'> &
  Partial<Pick<VolunteerActivity, 'description' | 'stationId' | 'teamId' | 'organizationId' | 'capacity'>>;

/**
 * 社区志愿者: teams, volunteers (the children's station's own, then the city's), activities and hours; and, from
 * `living`, the activities of the weeks after the seed runs with their first sign-ups.
 */
export function generateVolunteering(
  city: City,
  organizations: Row<SocialOrganization>[],
  stations: NamedStations,
  named: NamedOrganizations,
  living: Living,
) {
  const { random } = city;
  const teams: Row<VolunteerTeam>[] = [];
  const teamCount = city.count(Y.CITY_TOTALS.volunteerTeams, 30);
  const associations = organizations.filter((o) => o.kind === OrganizationKind.VOLUNTEER_ASSOCIATION);
  for (let id = 1; id <= teamCount; id += 1) {
    const leaf = city.randomLeaf();
    const regionId = random.chance(0.5) ? leaf.id : townshipOf(leaf.id);
    teams.push({
      id,
      name: teamName(random, placeStem(city.nameOf(regionId))),
      regionId,
      organizationId: random.chance(0.3) ? random.pick(associations).id : null,
      foundedYear: random.int(2008, 2021),
    });
  }
  const teamsByCounty = new Map<string, number[]>();
  for (const team of teams) {
    const county = countyOf(team.regionId);
    teamsByCounty.set(county, [...(teamsByCounty.get(county) ?? []), team.id]);
  }

  const volunteers: Row<Volunteer, 'displayName' | 'reporterRef'>[] = [];
  for (let i = 0; i < Y.CHILDREN_STATION.volunteers; i += 1) {
    volunteers.push({
      id: volunteers.length + 1,
      name: personName(random),
      regionId: Y.PLACES.xiahe,
      teamId: null,
      stationId: stations.children,
      skill: random.pick([ServiceCategory.EDUCATION, ServiceCategory.CHILD_CARE]),
      registeredYear: random.int(2018, 2021),
    });
  }
  const volunteersByLeaf = new Map<string, number[]>();
  const volunteerCount = city.count(Y.CITY_TOTALS.volunteers, 500);
  while (volunteers.length < volunteerCount) {
    const leaf = city.randomLeaf();
    const id = volunteers.length + 1;
    const countyTeams = teamsByCounty.get(countyOf(leaf.id));
    volunteers.push({
      id,
      name: personName(random),
      regionId: leaf.id,
      teamId: countyTeams && random.chance(0.6) ? random.pick(countyTeams) : null,
      stationId: null,
      skill: random.pick(ALL_CATEGORIES),
      registeredYear: random.int(2012, 2021),
    });
    const list = volunteersByLeaf.get(leaf.id);
    if (list) list.push(id);
    else volunteersByLeaf.set(leaf.id, [id]);
  }

  const activities: Row<VolunteerActivity>[] = [];
  const addActivity = (row: ActivityDraft) => {
    activities.push({
      id: activities.length + 1,
      description: null,
      stationId: null,
      teamId: null,
      organizationId: null,
      capacity: null,
      status: ActivityStatus.FINISHED,
      ...row,
    });
    return activities.length;
  };
  addActivity({
    title: '浪漫七夕节·浓浓邻里情',
    category: ServiceCategory.ELDERLY_CARE,
    regionId: Y.PLACES.hutian,
    stationId: stations.lelaohui,
    organizationId: named.lelaohuiTeam,
    startsOn: '2021-08-14',
    description: '辖区12对钻石婚、金婚、银婚和军婚夫妇相聚庆祝传统节日,分享爱情故事和生活感悟',
  });
  addActivity({
    title: '困难老人入户慰问帮扶',
    category: ServiceCategory.ELDERLY_CARE,
    regionId: Y.PLACES.gaocangStreet,
    organizationId: named.nuannuan,
    startsOn: '2020-12-20',
    description: `走进高仓社区、梁王坝社区、桃源社区、排山社区、龙树社区${Y.NUANNUAN_HOUSEHOLDS}户失能、空巢、残障等困难老人家中慰问帮扶`,
  });
  addActivity({
    title: '敬老院义演与健康知识讲座',
    category: ServiceCategory.HEALTH,
    regionId: Y.PLACES.gaocangStreet,
    stationId: stations.nursingHome,
    organizationId: named.nuannuan,
    startsOn: '2021-03-05',
  });
  const themeActivities = Y.CHILDREN_STATION.themes.map((theme, index) =>
    addActivity({
      title: theme,
      category: ServiceCategory.CHILD_CARE,
      regionId: Y.PLACES.xiahe,
      stationId: stations.children,
      organizationId: named.yigonglian,
      startsOn: `2021-0${index + 3}-15`,
      description: '万裕生态城党群服务中心儿童服务站主题活动',
    }),
  );
  const namedActivities = activities.length;
  const activityCount = city.count(Y.CITY_TOTALS.volunteerActivities, 100);
  // The report's count is of all activities, so the weeks ahead take the places of the last generated past ones.
  const upcoming = living.upcomingActivities(teams, stations, named);
  const firstUpcomingId = activityCount - upcoming.length + 1;
  if (firstUpcomingId <= namedActivities) throw new Error('too few generated activities to make room for upcoming');
  while (activities.length < activityCount) {
    const team = random.pick(teams);
    const category = random.pick(ALL_CATEGORIES);
    addActivity({
      title: `${placeStem(city.nameOf(team.regionId))}${random.pick(SERVICE_NAMES[category])}`,
      category,
      regionId: team.regionId,
      teamId: team.id,
      organizationId: team.organizationId,
      startsOn: random.date(2016, 2021),
      capacity: random.int(5, 50),
    });
  }

  // The report counts the children's station's hours as served and confirmed, and so does the generated bulk.
  const hours: Row<ServiceHours, 'hours' | 'status'>[] = [];
  const stationVolunteerIds = volunteers.slice(0, Y.CHILDREN_STATION.volunteers).map((v) => v.id);
  splitExactly(
    random,
    Y.CHILDREN_STATION.halfHours,
    stationVolunteerIds.map(() => 1 + random.next()),
  ).forEach((halfHours, index) => {
    hours.push({
      id: hours.length + 1,
      volunteerId: stationVolunteerIds[index],
      activityId: themeActivities[index % themeActivities.length],
      stationId: stations.children,
      regionId: Y.PLACES.xiahe,
      halfHours,
      servedOn: '2021-08-31',
      verified: true,
      rejectedAt: null,
      rejectReason: null,
    });
  });
  for (const activity of activities.slice(namedActivities)) {
    const regionId = activity.regionId;
    const nearby = volunteersByLeaf.get(regionId) ?? volunteersByLeaf.get(city.randomLeafIn(regionId));
    if (!nearby) continue;
    const volunteerId = random.pick(nearby);
    const halfHours = random.int(2, 8);
    // A place taken by an upcoming activity has served nothing yet. Its draws are made all the same, so the rest
    // of the city does not depend on the day the seed runs.
    if (activity.id >= firstUpcomingId) continue;
    hours.push({
      id: hours.length + 1,
      volunteerId,
      activityId: activity.id,
      stationId: null,
      regionId,
      halfHours,
      servedOn: activity.startsOn,
      verified: true,
      rejectedAt: null,
      rejectReason: null,
    });
  }
  const upcomingRows = living.upcomingRows(
    upcoming,
    upcoming.map((_, index) => firstUpcomingId + index),
  );
  activities.splice(firstUpcomingId - 1, upcoming.length, ...upcomingRows);
  const signups = living.signups(upcomingRows, (activity) =>
    activity.stationId === stations.children
      ? stationVolunteerIds
      : volunteersWithin(volunteersByLeaf, activity.regionId),
  );

  // 时间银行: every verified hour is earned in the tamper-evident ledger, in order.
  const ledger: Row<HourLedgerEntry>[] = chain(
    GENESIS_HASH,
    hours.map((h) => ({
      volunteerId: h.volunteerId,
      kind: LedgerKind.EARN,
      halfHours: h.halfHours,
      reference: hoursReference(h),
      recordedAt: `${h.servedOn}T12:00:00Z`,
    })),
  ).map((entry, index) => ({ id: index + 1, ...entry }));
  const head: Row<HourLedgerHead> = {
    id: LEDGER_HEAD_ID,
    lastEntryId: ledger.length,
    lastHash: ledger.at(-1)?.hash ?? GENESIS_HASH,
  };

  return {
    teams,
    tables: [
      table(VolunteerTeam, teams),
      table(Volunteer, volunteers),
      table(VolunteerActivity, activities),
      table(ActivitySignup, signups),
      table(ServiceHours, hours),
      table(HourLedgerEntry, ledger),
      table(HourLedgerHead, [head]),
    ],
  };
}

/** The volunteers living in a region: a community, or every community of a township or county. */
function volunteersWithin(volunteersByLeaf: Map<string, number[]>, regionId: string): number[] {
  const prefix = regionId.endsWith('000000')
    ? regionId.slice(0, 6)
    : regionId.endsWith('000')
      ? regionId.slice(0, 9)
      : regionId;
  return [...volunteersByLeaf].filter(([leaf]) => leaf.startsWith(prefix)).flatMap(([, ids]) => ids);
}
