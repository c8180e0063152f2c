import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import { HubError } from '../hub-client';
import { HUB_DOWN } from '../replies';

const SIGN_UP_REFUSALS: Record<string, string> = {
  ACTIVITY_FULL: '名额已满,请关注其他活动。',
  ALREADY_SIGNED_UP: '您已经报过名了。',
  ACTIVITY_CLOSED: '该活动已结束或取消。',
  NOT_FOUND: '没有找到该活动,请发送「活动」查看编号。',
  FORBIDDEN: '该活动不在本社区附近,请在活动所在社区的群里报名。',
};

/** The resident's volunteer record: the one linked before, or a new one registered in the room's community. */
async function volunteerFor(deps: BotDeps, event: ResidentMessage): Promise<string | undefined> {
  const linked = deps.state.volunteerOf(event.talker.id);
  if (linked || !event.binding) return linked;
  const name = event.talker.name().slice(0, 32) || '志愿者';
  const { registerVolunteer } = await deps.hub.request('RegisterVolunteer', {
    input: {
      name: name.length < 2 ? `${name}志愿者` : name,
      regionId: event.binding.communityId,
      skill: 'OTHER',
      reporterRef: deps.reporterRef(event.talker.id),
    },
  });
  deps.state.linkVolunteer(event.talker.id, registerVolunteer.id, deps.clock.now());
  return registerVolunteer.id;
}

/** 活动, 报名 <编号> and 志愿时长. A resident's first 报名 registers them as a volunteer of the community. */
export function ActivitiesPlugin(deps: BotDeps) {
  return function ActivitiesPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      const command = event.command;
      try {
        if (command?.kind === 'activities') {
          if (!event.binding) return event.replyNotBound();
          const today = new Date(deps.clock.now()).toISOString().slice(0, 10);
          const data = await deps.hub.request('UpcomingActivities', {
            regionId: event.binding.townshipId,
            from: today,
          });
          const nodes = data.volunteerActivities.nodes;
          event.reply(
            nodes.length
              ? `近期志愿活动(回复「报名 编号」参加):\n${nodes.map((a) => `${a.id}. ${a.title}|${a.startsOn}${a.station ? `|${a.station.name}` : ''}`).join('\n')}`
              : `${event.binding.communityName}附近近期没有开放报名的志愿活动。`,
          );
        } else if (command?.kind === 'signUp') {
          if (!event.binding) return event.replyNotBound();
          const volunteerId = await volunteerFor(deps, event);
          if (!volunteerId) return event.replyNotBound();
          await deps.hub.request('SignUpForActivity', {
            activityId: command.activityId,
            volunteerId,
            reporterRef: deps.reporterRef(event.talker.id),
          });
          event.reply(`报名成功!活动编号 ${command.activityId},感谢您的参与。`);
        } else if (command?.kind === 'volunteerHours') {
          const volunteerId = deps.state.volunteerOf(event.talker.id);
          if (!volunteerId) return event.replyPrivately('您还没有志愿者记录,报名一次活动就会自动登记。');
          const { volunteer } = await deps.hub.request('VolunteerHours', {
            id: volunteerId,
            reporterRef: deps.reporterRef(event.talker.id),
          });
          event.replyPrivately(
            volunteer
              ? `您的志愿服务时长:${volunteer.serviceHours} 小时,时间银行余额 ${volunteer.timeBankBalance} 小时。`
              : '没有找到您的志愿者记录。',
          );
          if (event.room) event.reply('已私信您志愿时长。');
        }
      } catch (error) {
        if (error instanceof HubError)
          return event.reply(SIGN_UP_REFUSALS[error.code] ?? '暂时无法办理,请联系社区工作人员。');
        event.reply(HUB_DOWN);
      }
    });
  };
}
