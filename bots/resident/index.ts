import { createHmac } from 'node:crypto';
import { WechatyBuilder, type Wechaty, type WechatyOptions } from 'wechaty';
import type { BotConfig } from './config';
import { createEvents, type BotDeps } from './context';
import { DurableReplies } from './durable-replies';
import { Handling } from './handling';
import { HubClient } from './hub-client';
import { ActivitiesPlugin } from './plugins/activities';
import { BindRoomPlugin } from './plugins/bind-room';
import { DeferredAnswersPlugin } from './plugins/deferred-answers';
import { FindServicesPlugin } from './plugins/find-services';
import { GatePlugin, type GateConfig } from './plugins/gate';
import { HelpPlugin } from './plugins/help';
import { MorePlugin } from './plugins/more';
import { NeedStatusPlugin } from './plugins/need-status';
import { NeedNotifier, NotificationsPlugin } from './plugins/notifications';
import { OutboxPlugin } from './plugins/outbox';
import { RegisterNeedPlugin } from './plugins/register-need';
import { RemindersPlugin } from './plugins/reminders';
import { VolunteerConsentPlugin } from './plugins/volunteer-consent';
import { SendQueue, SendThrottle, systemClock, type Clock } from './send-queue';
import { BotState } from './state';

export interface ResidentBot {
  bot: Wechaty;
  deps: BotDeps;
  /** Reads the hub's need feed and sends residents what it owes (polled while the bot runs; tests may poll). */
  notifier: NeedNotifier;
}

export interface BuildOptions {
  config: BotConfig;
  puppet: WechatyOptions['puppet'];
  clock?: Clock;
  gate?: Partial<GateConfig>;
  log?: (line: string) => void;
  /**
   * How often questions kept while the hub was unreachable are tried again (5 s); 0 leaves it to the caller
   * (`answerDeferred`), as tests do to know when late answers come.
   */
  deferredRetryMs?: number;
  /** How often the outbox of needs is tried (5 s); 0 leaves it to the caller (`deliverOutbox`). */
  outboxRetryMs?: number;
}

/** The resident bot: a Wechaty with one small plugin per feature, talking to the hub over HTTP. */
export async function buildResidentBot({
  config,
  puppet,
  clock = systemClock,
  gate,
  log = (line) => process.stderr.write(`${line}\n`),
  deferredRetryMs = 5000,
  outboxRetryMs = 5000,
}: BuildOptions): Promise<ResidentBot> {
  const state = await BotState.open(config.stateUrl ?? config.stateFile, config.leaseMs);
  const reporterKey = config.reporterSecret ?? (await state.secret('reporter'));
  const queue = new SendQueue(new SendThrottle(config.sending, clock.random), config.sending, clock, log);
  const deps: BotDeps = {
    config,
    hub: new HubClient({ url: config.hubUrl, token: config.botToken }),
    state,
    queue,
    replies: queue,
    handling: new Handling(),
    clock,
    events: createEvents(),
    log,
    reporterRef: (contactId) => createHmac('sha256', reporterKey).update(contactId).digest('hex'),
  };
  const bot = WechatyBuilder.build({ name: 'wushe-resident', puppet });
  const notifier = new NeedNotifier(deps, bot);
  // Processes sharing their state keep replies there until sent, so one killed loses none (README, bot section).
  if (config.stateUrl) deps.replies = new DurableReplies(state, clock, notifier.delivery, log);
  bot.use(
    GatePlugin(deps, gate),
    HelpPlugin(deps),
    BindRoomPlugin(deps),
    FindServicesPlugin(deps),
    MorePlugin(deps),
    RegisterNeedPlugin(deps),
    NeedStatusPlugin(deps),
    ActivitiesPlugin(deps),
    VolunteerConsentPlugin(deps),
    OutboxPlugin(deps, outboxRetryMs),
    DeferredAnswersPlugin(deps, deferredRetryMs),
    NotificationsPlugin(deps, notifier),
    RemindersPlugin(deps),
  );
  bot.on('login', (user) => {
    state.owner = `account:${user.id}`;
  });
  bot.on('stop', () => void deps.state.close().catch(() => undefined));
  return { bot, deps, notifier };
}
