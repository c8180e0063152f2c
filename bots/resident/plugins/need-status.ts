import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import { HubError } from '../hub-client';
import { HUB_DOWN, STATUS_NAMES } from '../replies';

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
      try {
        const { needByNumber: need } = await deps.hub.request('NeedStatus', { number: command.number });
        if (!need) return event.reply(`没有找到需求 ${command.number}。`);
        if (command.kind === 'needStatus')
          return event.reply(`需求 ${need.number}:${STATUS_NAMES[need.status] ?? need.status}`);
        const rated = await deps.hub.request('RateNeed', { id: need.id, rating: command.rating });
        event.reply(`感谢评价!需求 ${rated.rateNeed.number} 评分 ${rated.rateNeed.rating} 分。`);
      } catch (error) {
        if (error instanceof HubError) {
          const reason: Record<string, string> = {
            NOT_FOUND: '没有找到该需求。',
            NOT_RESOLVED: '需求解决后才能评价。',
            ALREADY_RATED: '该需求已经评价过了。',
            BAD_USER_INPUT: '编号格式应为 XQ20261126-0007。',
          };
          return event.reply(reason[error.code] ?? '暂时无法处理,请联系社区工作人员。');
        }
        event.reply(HUB_DOWN);
      }
    });
  };
}
