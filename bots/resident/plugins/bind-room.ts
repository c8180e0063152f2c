import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import type { RoomBinding } from '../state';
import { HubUnavailableError } from '../hub-client';

export interface CommunityLookup {
  /** The one community the name means, if it is unambiguous. */
  match?: { id: string; name: string; parent: { id: string; name: string } };
  /** Every community found for the name. */
  found: string[];
}

/** Finds a community by name: an exact name wins, otherwise a single partial match. */
export async function findCommunity(deps: BotDeps, name: string): Promise<CommunityLookup> {
  const { regions } = await deps.hub.request('FindCommunity', { name });
  const exact = regions.nodes.filter((n) => n.name === name);
  const match = exact.length === 1 ? exact[0] : regions.nodes.length === 1 ? regions.nodes[0] : undefined;
  return {
    match: match?.parent ? { id: match.id, name: match.name, parent: match.parent } : undefined,
    found: regions.nodes.map((n) => n.name),
  };
}

/** Binds a room to a community (the township is kept too: services are listed for the whole street). */
export async function bindRoom(
  deps: BotDeps,
  roomId: string,
  community: NonNullable<CommunityLookup['match']>,
): Promise<RoomBinding> {
  const binding = { roomId, communityId: community.id, communityName: community.name, townshipId: community.parent.id };
  await deps.state.bindRoom(binding, deps.clock.now());
  return binding;
}

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
        const { match, found } = await findCommunity(deps, name);
        if (!match) {
          event.reply(
            found.length
              ? `找到多个「${name}」,请写全称,如:${found.join('、')}`
              : `没有找到「${name}」,请检查社区名称。`,
          );
          return;
        }
        await bindRoom(deps, event.room.id, match);
        event.reply(`已绑定到 ${match.parent.name}${match.name}。发送「帮助」查看可用功能。`);
      } catch (error) {
        if (error instanceof HubUnavailableError) throw error;
        deps.log(`绑定社区 failed: ${(error as Error).message}`);
        event.reply('暂时无法绑定,请联系社区工作人员。');
      }
    });
  };
}
