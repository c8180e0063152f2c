import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import type { UpcomingActivities } from '../hub-types';
import { HUB_DOWN, NOT_BOUND } from '../replies';

/** 活动: volunteer activities open near the room's community. 报名 and 志愿时长 need a volunteer record. */
export function ActivitiesPlugin(deps: BotDeps) {
  return function ActivitiesPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      const kind = event.command?.kind;
      if (kind === 'signUp' || kind === 'volunteerHours') {
        event.reply('报名和时长查询需要先在社区登记为志愿者,请联系社区工作人员。');
        return;
      }
      if (kind !== 'activities') return;
      if (!event.binding) return event.reply(NOT_BOUND);
      try {
        const today = new Date(deps.clock.now()).toISOString().slice(0, 10);
        const data = await deps.hub.request<UpcomingActivities>('UpcomingActivities', {
          regionId: event.binding.townshipId,
          from: today,
        });
        const nodes = data.volunteerActivities.nodes;
        event.reply(
          nodes.length
            ? `近期志愿活动:\n${nodes.map((a) => `${a.id}. ${a.title}|${a.startsOn}${a.station ? `|${a.station.name}` : ''}`).join('\n')}`
            : `${event.binding.communityName}附近近期没有开放报名的志愿活动。`,
        );
      } catch {
        event.reply(HUB_DOWN);
      }
    });
  };
}
