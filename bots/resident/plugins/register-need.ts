import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import { HubError, HubUnavailableError } from '../hub-client';
import { CATEGORY_MENU, STATUS_NAMES } from '../replies';
import type { Dialog } from '../state';
import type { NeedUrgency, ServiceCategory, SubmitNeedInput } from '../generated/operations';
import { tellStaff } from './notifications';

const MENU = `请回复数字选择类别(随时回复「取消」结束):\n${CATEGORY_MENU.map(([, label], i) => `${i + 1}. ${label}`).join('\n')}`;
const MOBILE = /^1[3-9]\d{9}$/;
/** The steps of the 登记需求 dialog; other dialogs (报名's consent) have their own plugin. */
const NEED_STEPS = new Set(['category', 'description', 'urgency', 'phone', 'consent', 'confirm']);

export interface NeedDraft {
  category?: ServiceCategory;
  description?: string;
  urgency?: NeedUrgency;
  contactPhone?: string;
  contactConsentAt?: string;
  communityId: string;
  communityName: string;
}

/**
 * Where a need goes: to the hub now, or into the durable outbox when the hub cannot be reached. Returns what to tell
 * the resident, and the need's number when it has one (sent alone after it, so a long press copies just the number).
 */
export async function submitOrQueue(
  deps: BotDeps,
  bot: Wechaty,
  draft: NeedDraft,
  residentId: string,
  roomId: string,
): Promise<{ text: string; number?: string }> {
  // The dialog reaches submission only with category, description and urgency filled in.
  const input: SubmitNeedInput = {
    category: draft.category!,
    description: draft.description!,
    urgency: draft.urgency,
    communityId: draft.communityId,
    contactPhone: draft.contactPhone,
    contactConsentAt: draft.contactConsentAt,
    // The hub keeps who registered it (as an opaque reference) so only this resident can rate it later.
    reporterRef: deps.reporterRef(residentId),
  };
  try {
    const { submitNeed } = await deps.hub.request('SubmitNeed', { input });
    await announceNeed(deps, bot, submitNeed.number, submitNeed.status, residentId, roomId);
    return {
      text: `需求已登记,编号 ${submitNeed.number}。发送「需求 ${submitNeed.number}」或「我的需求」可随时查看进度。需求编号在下一条,长按可复制:`,
      number: submitNeed.number,
    };
  } catch (error) {
    if (!(error instanceof HubUnavailableError)) throw error;
    const id = await deps.state.enqueueOutbox(input, residentId, roomId, deps.clock.now());
    deps.log(`hub unavailable; need kept in the outbox as #${id}`);
    return { text: `您的需求已记录(暂存号 #${id}),系统恢复后会自动提交,并私信告诉您需求编号。` };
  }
}

/** Remembers the need for 我的需求 and notifications, and tells the group its number and status only. */
export async function announceNeed(
  deps: BotDeps,
  bot: Wechaty,
  number: string,
  status: string,
  residentId: string,
  roomId: string,
) {
  await deps.state.rememberNeed(number, residentId, roomId, status, deps.clock.now());
  const room = roomId ? await bot.Room.find({ id: roomId }) : undefined;
  if (room) deps.replies.send(room, `新需求 ${number} 已登记,状态:${STATUS_NAMES[status] ?? status}。`);
  const community = roomId ? (await deps.state.roomBinding(roomId))?.communityName : undefined;
  await tellStaff(deps, bot, `新需求 ${number}${community ? `(${community})` : ''},请及时受理。`);
}

/**
 * 登记需求: a dialog in the private chat (category, description, urgency, optional phone with explicit
 * consent, confirmation), with 取消 and a timeout. Started in the group, continued privately.
 */
export function RegisterNeedPlugin(deps: BotDeps) {
  return function RegisterNeedPlugin(bot: Wechaty) {
    const save = (dialog: Dialog, step: string, data: Record<string, unknown> = {}) =>
      deps.state.saveDialog({ ...dialog, step, data: { ...dialog.data, ...data }, updatedAt: deps.clock.now() });

    deps.events.on('command', async (event) => {
      if (event.command?.kind !== 'registerNeed') return;
      if (!event.binding) {
        if (event.room) event.replyNotBound();
        else event.reply('请在您所在社区的居民群里发送「登记需求」开始登记。');
        return;
      }
      const draft: NeedDraft = { communityId: event.binding.communityId, communityName: event.binding.communityName };
      await deps.state.saveDialog({
        userId: event.talker.id,
        roomId: event.room?.id ?? '',
        step: 'category',
        data: { ...draft },
        updatedAt: deps.clock.now(),
      });
      if (event.room) event.reply(`已私信您登记需求,个人信息不会发到群里。`);
      event.replyPrivately(`您好,我们来登记${event.binding.communityName}的需求。\n${MENU}`);
    });

    deps.events.on('dialog', (event) =>
      step(event).catch((error: unknown) => {
        deps.log(`dialog failed: ${(error as Error)?.stack ?? error}`);
        event.replyPrivately(
          error instanceof HubError ? `提交未成功:${error.message}` : '抱歉,出了点问题,请稍后再试。',
        );
      }),
    );

    async function step(event: ResidentMessage) {
      const dialog = await deps.state.dialog(event.talker.id);
      if (!dialog || !NEED_STEPS.has(dialog.step)) return;
      const reply = event.replyPrivately;
      const text = event.text;
      if (deps.clock.now() - dialog.updatedAt > deps.config.dialogTimeoutMs) {
        await deps.state.endDialog(event.talker.id);
        reply('登记已超时结束。需要时请在群里重新发送「登记需求」。');
        return;
      }
      if (text === '取消') {
        await deps.state.endDialog(event.talker.id);
        reply('已取消登记。');
        return;
      }
      const draft = dialog.data as unknown as NeedDraft;
      switch (dialog.step) {
        case 'category': {
          const index = Number(text);
          // A menu number, or words the hub reads as a category (养老, 老人 …) the way its search does.
          const category =
            Number.isInteger(index) && index >= 1 && index <= CATEGORY_MENU.length
              ? CATEGORY_MENU[index - 1][0]
              : (await deps.hub.request('CategoriesNamedBy', { text: text.slice(0, 100) })).serviceCategoriesNamedBy[0];
          if (!category) return reply(MENU);
          await save(dialog, 'description', { category });
          return reply('请简单描述您的需要(例如:独居老人需要每周上门探访):');
        }
        case 'description':
          if (text.length < 4 || text.length > 300) return reply('描述请写 4 到 300 个字。');
          await save(dialog, 'urgency', { description: text });
          return reply('是否紧急?回复 1 一般,2 紧急。');
        case 'urgency':
          if (text !== '1' && text !== '2') return reply('请回复 1(一般)或 2(紧急)。');
          await save(dialog, 'phone', { urgency: text === '2' ? 'URGENT' : 'NORMAL' });
          return reply('如需工作人员电话联系,请回复手机号;不需要请回复「跳过」。');
        case 'phone':
          if (text === '跳过') {
            await save(dialog, 'confirm');
            return reply(summary({ ...draft }));
          }
          if (!MOBILE.test(text)) return reply('请回复 11 位手机号,或「跳过」。');
          await save(dialog, 'consent', { contactPhone: text });
          return reply('您的手机号只用于社区工作人员联系您,不会公开。同意保存请回复「同意」,不同意请回复「不同意」。');
        case 'consent': {
          const agreed = text === '同意';
          const data = agreed
            ? { contactConsentAt: new Date(deps.clock.now()).toISOString() }
            : { contactPhone: undefined };
          await save(dialog, 'confirm', data);
          return reply(summary({ ...draft, ...data }));
        }
        case 'confirm': {
          if (text !== '确认') return reply('请回复「确认」提交,或「取消」放弃。');
          await deps.state.endDialog(event.talker.id);
          const submitted = await submitOrQueue(deps, bot, draft, event.talker.id, dialog.roomId);
          reply(submitted.text);
          if (submitted.number) reply(submitted.number);
          return;
        }
      }
    }
  };
}

function summary(draft: NeedDraft): string {
  const label = CATEGORY_MENU.find(([value]) => value === draft.category)?.[1] ?? draft.category;
  return [
    '请确认:',
    `社区:${draft.communityName}`,
    `类别:${label}`,
    `描述:${draft.description}`,
    `紧急:${draft.urgency === 'URGENT' ? '紧急' : '一般'}`,
    `联系电话:${draft.contactPhone && draft.contactConsentAt ? draft.contactPhone.slice(0, 3) + '****' + draft.contactPhone.slice(-4) : '不留'}`,
    '回复「确认」提交,「取消」放弃。',
  ].join('\n');
}
