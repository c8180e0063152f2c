import type { Wechaty } from 'wechaty';
import type { BotDeps } from '../context';
import { NO_LIST, noMore } from '../replies';
import { showActivities, type UpcomingQuery } from './activities';
import { showServices, type ServicesQuery } from './find-services';

/** 更多: the next page of the last list this resident asked for in this conversation (kept across restarts). */
export function MorePlugin(deps: BotDeps) {
  return function MorePlugin(_bot: Wechaty) {
    deps.events.on('command', async (event) => {
      if (event.command?.kind !== 'more') return;
      const list = await deps.state.lists.last(event.talker.id, event.room?.id ?? '', deps.clock.now());
      if (!list) return event.reply(NO_LIST);
      if (!list.cursor) return event.reply(noMore(list.total));
      if (list.kind === 'services')
        await showServices(deps, event, list.query as unknown as ServicesQuery, list.shown, list.cursor);
      else await showActivities(deps, event, list.query as unknown as UpcomingQuery, list.shown, list.cursor);
    });
  };
}
