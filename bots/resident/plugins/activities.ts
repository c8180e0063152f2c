import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import type { UpcomingActivitiesQuery } from '../generated/operations';
import { HubError } from '../hub-client';
import { chineseDate } from '../replies';
import { chinaDate, publicLine } from '../text';
import { placeLines } from './find-services';
import { PAGE_SIZE, replyPage } from './paging';
import { askConsent, joinAsVolunteer, refusal, signUp } from './volunteer-consent';

export interface UpcomingQuery {
  regionId: string;
  from: string;
  communityName: string;
}

type ActivityNode = UpcomingActivitiesQuery['volunteerActivities']['nodes'][number];

/** 1. 活动名, then when and where, then what to send to sign up. */
function activityLines(activity: ActivityNode, position: number): string {
  return [
    `${position}. ${activity.title}`,
    `   日期:${chineseDate(activity.startsOn)}`,
    ...placeLines(activity.station ?? undefined),
    ...(publicLine(activity.station?.publicPhone) ? [`   电话:${activity.station!.publicPhone}`] : []),
    `   报名请发:报名 ${activity.id}`,
  ].join('\n');
}

/** One page of upcoming activities: the first for 活动, the next ones for 更多. Lets HubUnavailableError out. */
export async function showActivities(
  deps: BotDeps,
  event: ResidentMessage,
  query: UpcomingQuery,
  shownBefore = 0,
  after?: string,
): Promise<void> {
  const data = await deps.hub.request('UpcomingActivities', {
    regionId: query.regionId,
    from: query.from,
    first: PAGE_SIZE,
    after,
  });
  if (!data.volunteerActivities.nodes.length) {
    event.reply(`${query.communityName}附近近期没有开放报名的志愿活动。`);
    return;
  }
  await replyPage(
    deps,
    event,
    { kind: 'activities', query: { ...query }, heading: `${query.communityName}附近的志愿活动`, shownBefore },
    data.volunteerActivities,
    activityLines,
  );
}

/** 活动, 报名 <编号> (with consent the first time) and 志愿时长. */
export function ActivitiesPlugin(deps: BotDeps) {
  return function ActivitiesPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      const command = event.command;
      try {
        if (command?.kind === 'activities') {
          if (!event.binding) return event.replyNotBound();
          const today = chinaDate(deps.clock.now());
          // The community's own: the hub lets its volunteers join only activities of the community (or of a region
          // containing it), so a neighbouring community's are not offered.
          const query = {
            regionId: event.binding.communityId,
            from: today,
            communityName: event.binding.communityName,
          };
          await showActivities(deps, event, query);
        } else if (command?.kind === 'signUp') {
          const volunteerId = await deps.state.volunteerOf(event.talker.id);
          if (!volunteerId) return await askConsent(deps, event, command.activityId);
          await signUp(deps, event, volunteerId, command.activityId);
          event.reply(`报名成功!活动编号 ${command.activityId},感谢您的参与。`);
        } else if (command?.kind === 'joinAsVolunteer') {
          await joinAsVolunteer(deps, event, command);
        } else if (command?.kind === 'volunteerHours') {
          const volunteerId = await deps.state.volunteerOf(event.talker.id);
          if (!volunteerId) return event.replyPrivately('您还没有志愿者记录,报名一次活动时可以登记。');
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
        if (!(error instanceof HubError)) throw error;
        event.reply(refusal(error));
      }
    });
  };
}
