import type { Wechaty } from 'wechaty';
import type { BotDeps, ResidentMessage } from '../context';
import { HubError } from '../hub-client';
import { CATEGORY_MENU, HUB_DOWN, STATUS_NAMES } from '../replies';

/**
 * Who may ask about a need here: the resident who registered it, in the room they registered it from or in the
 * private chat; for its status also the staff room. Numbers are sequential and posted in groups, so anyone could
 * type one; the answer to anybody else is the same whether the number exists or not.
 */
function refusal(deps: BotDeps, event: ResidentMessage, number: string, rating: boolean): string | undefined {
  const registered = deps.state.registeredNeed(number);
  if (!rating && event.room && event.room.id === deps.state.staffRoom()) return undefined;
  if (registered?.residentId !== event.talker.id)
    return `抱歉,只有登记需求 ${number} 的居民本人可以${rating ? '评价' : '查看'}。您登记的需求请发送「我的需求」查看。`;
  if (event.room && registered.roomId !== event.room.id)
    return `需求 ${number} 不是在本群登记的,请私聊我${rating ? '评价' : '查询'}。`;
  return undefined;
}

/** 需求 XQ…, 我的需求 and 评价 XQ… 1-5. */
export function NeedStatusPlugin(deps: BotDeps) {
  return function NeedStatusPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      const command = event.command;
      if (command?.kind === 'myNeeds') {
        const mine = deps.state.needsOf(event.talker.id);
        event.replyPrivately(
          mine.length
            ? `您登记的需求:\n${mine.map((n) => `${n.number} ${STATUS_NAMES[n.lastStatus] ?? n.lastStatus}`).join('\n')}`
            : '您还没有通过我登记过需求。',
        );
        if (event.room) event.reply('已私信您需求列表。');
        return;
      }
      if (command?.kind !== 'needStatus' && command?.kind !== 'rate') return;
      const refused = refusal(deps, event, command.number, command.kind === 'rate');
      if (refused) return event.reply(refused);
      // The hub checks the same thing: a BOT rates or reads details only with the registering resident's reference.
      const reporterRef = deps.reporterRef(deps.state.registeredNeed(command.number)?.residentId ?? event.talker.id);
      try {
        const { needByNumber: need } = await deps.hub.request('NeedStatus', { number: command.number, reporterRef });
        if (!need) return event.reply(`没有找到需求 ${command.number}。`);
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
            BAD_USER_INPUT: '编号格式应为 XQ20261126-0007。',
          };
          return event.reply(reason[error.code] ?? '暂时无法处理,请联系社区工作人员。');
        }
        event.reply(HUB_DOWN);
      }
    });
  };
}
