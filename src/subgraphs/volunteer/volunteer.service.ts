import type { HubContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../graphql/errors';
import { parseIntId } from '../../graphql/ids';
import { listQuery } from '../../graphql/list-query';
import { OrderDirection, paginate, type PageArgs } from '../../graphql/pagination';
import { VolunteerActivity, VolunteerTeam } from './volunteer.entity';
import type { VolunteerActivityFilter, VolunteerTeamFilter } from './volunteer.inputs';
import { activityById, teamById } from './volunteer.loaders';

const optionalId = (id: string | undefined, argument: string) =>
  id === undefined ? undefined : parseIntId(id, argument);

export async function getTeam(context: HubContext, id: string) {
  const team = await teamById(context).load(parseIntId(id));
  if (!team) throw new NotFoundError('志愿服务队伍', id);
  return team;
}

export async function getActivity(context: HubContext, id: string) {
  const activity = await activityById(context).load(parseIntId(id));
  if (!activity) throw new NotFoundError('志愿服务活动', id);
  return activity;
}

export function listTeams(context: HubContext, filter: VolunteerTeamFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, VolunteerTeam, {
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['name'],
  });
  return paginate(query, page);
}

/** Newest first: residents and staff look for what is coming up or just happened. */
export function listActivities(context: HubContext, filter: VolunteerActivityFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, VolunteerActivity, {
    equals: {
      category: filter.category,
      status: filter.status,
      stationId: optionalId(filter.stationId, 'stationId'),
      teamId: optionalId(filter.teamId, 'teamId'),
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    searchProperties: ['title', 'description'],
    order: { field: 'startsOn', direction: OrderDirection.DESC },
  });
  if (filter.from !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.from))
      throw new BadInputError('日期格式应为 YYYY-MM-DD', { argument: 'from' });
    query.andWhere('item.startsOn >= :from', { from: filter.from });
  }
  return paginate(query, page);
}
