import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import { HELP, NOTHING_TO_CANCEL } from '../replies';

/** 帮助: what the bot can do; 取消 outside a private dialog (in the group, it ends the resident's dialog too). */
export function HelpPlugin(deps: BotDeps) {
  return function HelpPlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      if (event.command?.kind === 'help') event.reply(HELP);
      if (event.command?.kind !== 'cancel') return;
      if (!(await deps.state.dialog(event.talker.id))) return event.reply(NOTHING_TO_CANCEL);
      await deps.state.endDialog(event.talker.id);
      event.reply('已取消,没有提交任何信息。');
    });
  };
}
