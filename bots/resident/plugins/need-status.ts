import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import type { NeedRef } from '../commands';
import { HubError } from '../hub-client';
import { CATEGORY_MENU, STATUS_NAMES } from '../replies';

/**
 * Who may ask about a need here: the resident who registered it, in the room they registered it from or in the
 * private chat; for its status also the staff room. Numbers are sequential and posted in groups, so anyone could
 * type one; the answer to anybody else is the same whether the number exists or not.
 */
async function refusal(
  deps: BotDeps,
  event: ResidentMessage,
  number: string,
  rating: boolean,
): Promise<string | undefined> {
  const registered = await deps.state.registeredNeed(number);
  if (!rating && event.room && event.room.id === (await deps.state.staffRoom())) return undefined;
  if (registered?.residentId !== event.talker.id)
    return `抱歉,只有登记需求 ${number} 的居民本人可以${rating ? '评价' : '查看'}。您登记的需求请发送「我的需求」查看。`;
  if (event.room && registered.roomId !== event.room.id)
    return `需求 ${number} 不是在本群登记的,请私聊我${rating ? '评价' : '查询'}。`;
  return undefined;
}

/** The number a resident means: the one they wrote, or the one at that place in their 我的需求 list. */
async function numberOf(deps: BotDeps, event: ResidentMessage, need: NeedRef): Promise<string | undefined> {
  return 'number' in need ? need.number : (await deps.state.needsOf(event.talker.id))[need.position - 1]?.number;
}

/** 我的需求: newest first, numbered, each need's number on its own line; the numbers work in 我的需求 N and 评价 N. */
function myNeeds(mine: { number: string; lastStatus: string }[]): string {
  if (!mine.length) return '您还没有通过我登记过需求。发送「登记需求」可以登记。';
  return [
    `您登记的需求(新的在前,共 ${mine.length} 条):`,
    ...mine.map((n, i) => `${i + 1}. ${STATUS_NAMES[n.lastStatus] ?? n.lastStatus}\n${n.number}`),
    '看第 1 条的进度请发「我的需求 1」;给第 1 条打 5 分请发「评价 1 5」。',
  ].join('\n');
}

/** 需求 <编号>, 我的需求 [N] and 评价 <编号或N> <1-5>. */
export function NeedStatusPlugin(deps: BotDeps) {
  return function NeedStatusPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      const command = event.command;
      if (command?.kind === 'myNeeds') {
        event.replyPrivately(myNeeds(await deps.state.needsOf(event.talker.id)));
        if (event.room) event.reply('已私信您需求列表。');
        return;
      }
      if (command?.kind !== 'needStatus' && command?.kind !== 'rate') return;
      const number = await numberOf(deps, event, command);
      if (!number && 'position' in command)
        return event.reply(`您的需求列表里没有第 ${command.position} 条。发送「我的需求」查看您登记的需求。`);
      if (!number) return;
      const refused = await refusal(deps, event, number, command.kind === 'rate');
      if (refused) return event.reply(refused);
      // The hub checks the same thing: a BOT rates or reads details only with the registering resident's reference.
      const reporterRef = deps.reporterRef((await deps.state.registeredNeed(number))?.residentId ?? event.talker.id);
      try {
        const { needByNumber: need } = await deps.hub.request('NeedStatus', { number, reporterRef });
        if (!need) return event.reply(`没有找到需求 ${number}。`);
        if (command.kind === 'needStatus') {
          const status = `需求 ${need.number}:${STATUS_NAMES[need.status] ?? need.status}`;
          // The group sees the number and status only; the details go to the private chat.
          if (event.room || !need.description) return event.reply(status);
          const category = CATEGORY_MENU.find(([value]) => value === need.category)?.[1] ?? need.category;
          return event.reply(`${status}\n类别:${category}\n描述:${need.description}`);
        }
        const rated = await deps.hub.request('RateNeed', { id: need.id, rating: command.rating, reporterRef });
        event.reply(`感谢评价!需求 ${rated.rateNeed.number} 评分 ${rated.rateNeed.rating} 分。`);
      } catch (error) {
        if (error instanceof HubError) {
          const reason: Record<string, string> = {
            NOT_FOUND: '没有找到该需求。',
            NOT_RESOLVED: '需求解决后才能评价。',
            ALREADY_RATED: '该需求已经评价过了。',
            FORBIDDEN: '抱歉,只有登记该需求的居民本人可以评价。',
            BAD_USER_INPUT: '需求编号的样子是 20261127-0001。',
          };
          return event.reply(reason[error.code] ?? '暂时无法处理,请联系社区工作人员。');
        }
        throw error;
      }
    });
  };
}
