import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import { HUB_DOWN } from '../replies';

/**
 * 绑定社区 葫田社区: ties a group chat to a community. A bound room can be re-bound only by its owner (the
 * community's staff usually own the group).
 */
export function BindRoomPlugin(deps: BotDeps) {
  return function BindRoomPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      if (event.command?.kind !== 'bindRoom' || !event.room) return;
      const owner = await event.room.owner();
      if (event.binding && owner && owner.id !== event.talker.id) {
        event.reply(`本群已绑定「${event.binding.communityName}」,只有群主可以更改。`);
        return;
      }
      const name = event.command.community;
      try {
        const found = await deps.hub.request('FindCommunity', { name });
        const exact = found.regions.nodes.filter((n) => n.name === name);
        const match =
          exact.length === 1 ? exact[0] : found.regions.nodes.length === 1 ? found.regions.nodes[0] : undefined;
        if (!match?.parent) {
          event.reply(
            found.regions.nodes.length
              ? `找到多个「${name}」,请写全称,如:${found.regions.nodes.map((n) => n.name).join('、')}`
              : `没有找到「${name}」,请检查社区名称。`,
          );
          return;
        }
        deps.state.bindRoom(
          { roomId: event.room.id, communityId: match.id, communityName: match.name, townshipId: match.parent.id },
          deps.clock.now(),
        );
        event.reply(`已绑定到 ${match.parent.name}${match.name}。发送「帮助」查看可用功能。`);
      } catch {
        event.reply(HUB_DOWN);
      }
    });
  };
}
