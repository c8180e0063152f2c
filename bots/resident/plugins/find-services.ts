import type { Wechaty } from 'wechaty';
import { categoryFor } from '../commands';
import type { BotDeps } from '../context';
import { HUB_DOWN } from '../replies';

/** 查服务 [类别或关键词]: up to 5 services of the room's community and its street. */
export function FindServicesPlugin(deps: BotDeps) {
  return function FindServicesPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      if (event.command?.kind !== 'findServices') return;
      if (!event.binding) return event.replyNotBound();
      const keyword = event.command.keyword;
      const category = keyword ? categoryFor(keyword) : undefined;
      try {
        const data = await deps.hub.request('CommunityServices', {
          regionId: event.binding.townshipId,
          category,
          search: category || !keyword ? undefined : keyword,
        });
        if (!data.services.nodes.length) {
          event.reply(
            `${event.binding.communityName}附近暂时没有找到${keyword ? `「${keyword}」相关的` : ''}服务。可以发送「登记需求」告诉我们您的需要。`,
          );
          return;
        }
        const lines = data.services.nodes.map(
          (s, i) =>
            `${i + 1}. ${s.name}|${s.provider.name}${s.station ? `|${s.station.name}` : s.region ? `|${s.region.name}` : ''}${s.schedule ? `|${s.schedule}` : ''}`,
        );
        const more =
          data.services.totalCount > lines.length
            ? `\n共 ${data.services.totalCount} 项,以上为前 ${lines.length} 项。`
            : '';
        event.reply(
          `${event.binding.communityName}附近的${keyword ? `「${keyword}」` : ''}服务:\n${lines.join('\n')}${more}`,
        );
      } catch {
        event.reply(HUB_DOWN);
      }
    });
  };
}
