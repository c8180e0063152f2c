import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import { HELP } from '../replies';

/** 帮助: what the bot can do. */
export function HelpPlugin(deps: BotDeps) {
  return function HelpPlugin(_bot: Wechaty) {
    deps.events.on('command', (event) => {
      if (event.command?.kind === 'help') event.reply(HELP);
    });
  };
}
