import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import type { CommunityServicesQuery } from '../generated/operations';
import { HubError } from '../hub-client';
import { publicLine } from '../text';
import { PAGE_SIZE, replyPage } from './paging';

/** What a resident asked 查服务 for, kept so 更多 can ask the hub for the next page. */
export interface ServicesQuery {
  regionId: string;
  /** The resident's words as typed: the hub normalises them and knows what they mean (养老 → elderly care). */
  search?: string;
  keyword: string;
  communityName: string;
}

type ServiceNode = CommunityServicesQuery['services']['nodes'][number];

/** Where to go: the station and its address, or else the community it is offered in. */
export function placeLines(station: { name: string; address?: string | null } | undefined, region?: string): string[] {
  if (!station) return region ? [`   地点:${region}`] : [];
  return [`   地点:${station.name}`, ...(station.address ? [`   地址:${station.address}`] : [])];
}

/** 1. 名称 — 提供方 电话 …, then where (the station and its address) and when, each on its own line. */
function serviceLines(service: ServiceNode, position: number): string {
  const phone = publicLine(service.provider.publicPhone) ?? publicLine(service.station?.publicPhone);
  return [
    `${position}. ${service.name} — ${service.provider.name}${phone ? ` 电话 ${phone}` : ''}`,
    ...placeLines(service.station ?? undefined, service.region?.name),
    ...(service.schedule ? [`   时间:${service.schedule}`] : []),
  ].join('\n');
}

/** One page of services: the first for 查服务, the next ones for 更多. Lets HubUnavailableError out. */
export async function showServices(
  deps: BotDeps,
  event: ResidentMessage,
  query: ServicesQuery,
  shownBefore = 0,
  after?: string,
): Promise<void> {
  const data = await deps.hub.request('CommunityServices', {
    regionId: query.regionId,
    search: query.search,
    first: PAGE_SIZE,
    after,
  });
  if (!data.services.nodes.length) {
    event.reply(
      `${query.communityName}附近暂时没有找到${query.keyword ? `「${query.keyword}」相关的` : ''}服务。可以发送「登记需求」告诉我们您的需要。`,
    );
    return;
  }
  const heading = `${query.communityName}附近的${query.keyword ? `「${query.keyword}」` : ''}服务`;
  await replyPage(
    deps,
    event,
    { kind: 'services', query: { ...query }, heading, shownBefore },
    data.services,
    serviceLines,
  );
}

/** 查服务 [类别或关键词]: services of the room's community and its street, five at a time. */
export function FindServicesPlugin(deps: BotDeps) {
  return function FindServicesPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      if (event.command?.kind !== 'findServices') return;
      if (!event.binding) return event.replyNotBound();
      const keyword = event.command.keyword;
      const query: ServicesQuery = {
        regionId: event.binding.townshipId,
        search: keyword || undefined,
        keyword,
        communityName: event.binding.communityName,
      };
      try {
        await showServices(deps, event, query);
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
        deps.log(`查服务 refused by the hub: ${error.code} ${error.message}`);
        event.reply('暂时查不到服务,请联系社区工作人员。');
      }
    });
  };
}
