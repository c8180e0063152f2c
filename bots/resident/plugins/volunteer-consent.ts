import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import { HubError, HubUnavailableError } from '../hub-client';
import { onOneBranch } from '../regions';
import type { Dialog } from '../state';
import { keepQuestion } from './deferred-answers';

/** Why the hub refused a sign-up, in the resident's words. */
export const SIGN_UP_REFUSALS: Record<string, string> = {
  ACTIVITY_FULL: '名额已满,请关注其他活动。',
  ALREADY_SIGNED_UP: '您已经报过名了。',
  ACTIVITY_CLOSED: '该活动已结束或取消。',
  NOT_FOUND: '没有找到该活动,请发送「活动」查看编号。',
  FORBIDDEN: '该活动不在本社区附近,请在活动所在社区的群里报名。',
};
export const refusal = (error: HubError) => SIGN_UP_REFUSALS[error.code] ?? '暂时无法办理,请联系社区工作人员。';

/** The steps of the 报名 consent dialog; every other dialog belongs to 登记需求. */
export const VOLUNTEER_STEPS = new Set(['volunteerConsent', 'volunteerName']);

const consentQuestion = (title: string) =>
  [
    `报名「${title}」需要先登记为社区志愿者。`,
    '会记录:您告诉我的称呼,和您的微信(只用于报名和记录志愿时长,不会公开)。',
    '同意请回复「同意」,不同意请回复「不同意」。随时回复「取消」结束。',
  ].join('\n');
const ASK_NAME = '请回复您希望大家怎么称呼您(2 到 20 个字,例如:张阿姨)。';
/** A chosen name is shown to staff beside the hours: no phone numbers or other long digit runs in it. */
const PLAIN_NAME = /^[^\d]*(?:\d[^\d]*){0,3}$/;

/** What the resident chose in the consent dialog, and where their community is. */
export interface VolunteerChoice {
  activityId: string;
  name: string;
  regionId: string;
}

export async function signUp(deps: BotDeps, event: ResidentMessage, volunteerId: string, activityId: string) {
  await deps.hub.request('SignUpForActivity', {
    activityId,
    volunteerId,
    reporterRef: deps.reporterRef(event.talker.id),
  });
}

/**
 * Registers the resident as a volunteer under the name they chose (unless they are one already) and signs them up.
 * Lets HubUnavailableError out: the caller keeps the choice and this runs again when the hub is back.
 */
export async function joinAsVolunteer(deps: BotDeps, event: ResidentMessage, choice: VolunteerChoice) {
  let volunteerId = await deps.state.volunteerOf(event.talker.id);
  if (!volunteerId) {
    const { registerVolunteer } = await deps.hub.request('RegisterVolunteer', {
      input: {
        name: choice.name,
        regionId: choice.regionId,
        skill: 'OTHER',
        reporterRef: deps.reporterRef(event.talker.id),
      },
    });
    volunteerId = registerVolunteer.id;
    await deps.state.linkVolunteer(event.talker.id, volunteerId, deps.clock.now());
  }
  const registered = `已登记为志愿者「${choice.name}」。`;
  try {
    await signUp(deps, event, volunteerId, choice.activityId);
  } catch (error) {
    if (!(error instanceof HubError)) throw error;
    return event.replyPrivately(`${registered}但报名没有成功:${refusal(error)}`);
  }
  event.replyPrivately(`${registered}报名成功!活动编号 ${choice.activityId},感谢您的参与。`);
}

/**
 * 报名 <编号> for a resident who is no volunteer yet: privately, what is recorded and 同意/不同意, then the name they
 * want to be called. Nothing is registered before they agree and choose it.
 */
export async function askConsent(deps: BotDeps, event: ResidentMessage, activityId: string) {
  if (!event.binding) {
    if (event.room) return event.replyNotBound();
    return event.reply('请在您所在社区的居民群里发送「报名 活动编号」。');
  }
  if (await deps.state.dialog(event.talker.id)) {
    return event.replyPrivately('您有一项登记还没有完成,请先回复完,或回复「取消」结束,再报名。');
  }
  const { volunteerActivity: activity } = await deps.hub.request('ActivityForSignUp', { id: activityId });
  if (!activity) return event.reply(SIGN_UP_REFUSALS.NOT_FOUND);
  if (activity.status !== 'OPEN') return event.reply(SIGN_UP_REFUSALS.ACTIVITY_CLOSED);
  // Asked before consent, so nobody is registered as a volunteer for a sign-up the hub would refuse.
  if (activity.region && !onOneBranch(activity.region.id, event.binding.communityId))
    return event.reply(SIGN_UP_REFUSALS.FORBIDDEN);
  await deps.state.saveDialog({
    userId: event.talker.id,
    roomId: event.room?.id ?? '',
    step: 'volunteerConsent',
    data: { activityId, title: activity.title, regionId: event.binding.communityId },
    updatedAt: deps.clock.now(),
  });
  if (event.room) event.reply('报名前要征得您的同意,已私信您。');
  event.replyPrivately(consentQuestion(activity.title));
}

/**
 * The 报名 consent dialog's turns (同意/不同意, then the name); the dialog is opened by askConsent, from 报名 <编号> in
 * the activities plugin.
 */
export function VolunteerConsentPlugin(deps: BotDeps) {
  return function VolunteerConsentPlugin(_bot: Wechaty) {
    deps.events.on('dialog', async (event) => {
      const dialog = await deps.state.dialog(event.talker.id);
      if (!dialog || !VOLUNTEER_STEPS.has(dialog.step)) return;
      await consentStep(deps, event, dialog);
    });
  };
}

async function consentStep(deps: BotDeps, event: ResidentMessage, dialog: Dialog) {
  const reply = event.replyPrivately;
  const text = event.text;
  const data = dialog.data as { activityId: string; title: string; regionId: string };
  if (deps.clock.now() - dialog.updatedAt > deps.config.dialogTimeoutMs) {
    await deps.state.endDialog(event.talker.id);
    return reply(`报名已超时结束,没有登记任何信息。需要时请重新发送「报名 ${data.activityId}」。`);
  }
  if (text === '取消') {
    await deps.state.endDialog(event.talker.id);
    return reply('已取消报名,没有登记任何信息。');
  }
  if (dialog.step === 'volunteerConsent') {
    if (text === '不同意') {
      await deps.state.endDialog(event.talker.id);
      return reply('好的,没有登记任何信息。社区的其他服务照样可以使用。');
    }
    if (text !== '同意') return reply('请回复「同意」或「不同意」。');
    await deps.state.saveDialog({ ...dialog, step: 'volunteerName', updatedAt: deps.clock.now() });
    return reply(ASK_NAME);
  }
  const name = text.trim();
  if ([...name].length < 2 || [...name].length > 20 || !PLAIN_NAME.test(name)) return reply(ASK_NAME);
  await deps.state.endDialog(event.talker.id);
  const choice = { activityId: data.activityId, name, regionId: data.regionId };
  try {
    await joinAsVolunteer(deps, event, choice);
  } catch (error) {
    if (error instanceof HubUnavailableError) {
      // The choice is kept like a question and carried out when the hub is back.
      return keepQuestion(
        deps,
        { talker: event.talker, text: `报名 ${data.activityId}`, command: { kind: 'joinAsVolunteer', ...choice } },
        reply,
      );
    }
    if (!(error instanceof HubError)) throw error;
    reply(`登记没有成功:${refusal(error)}`);
  }
}
