import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { loadBotConfig, loadDotEnv } from './config';
import { buildResidentBot } from './index';

/**
 * `npm run chat`: talk to the bot in the terminal as a resident of a group chat. Each stdin line is one message
 * in the room (or in the private chat while a 登记需求 dialog is open); the bot's replies are printed as they
 * are sent. Underneath: a real Wechaty on wechaty-puppet-mock, against the hub at HUB_URL.
 */
function botToken(): string {
  if (process.env.BOT_TOKEN) return process.env.BOT_TOKEN;
  // Mint one with the hub's CLI (the same JWT_SECRET as the local hub); the bot itself never imports the hub.
  const cli = join(__dirname, '..', '..', 'src', 'cli.js');
  if (!existsSync(cli)) throw new Error('set BOT_TOKEN (wushe token --role BOT --region …)');
  return execFileSync(
    process.execPath,
    [cli, 'token', '--role', 'BOT', '--region', '530400000000', '--subject', 'console-chat'],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  ).trim();
}

async function main() {
  loadDotEnv();
  const env = { BOT_ROOM_INTERVAL_MS: '0', BOT_JITTER_MS: '0', BOT_STATE_FILE: ':memory:', ...process.env };
  const config = { ...loadBotConfig(env), botToken: botToken() };
  const mocker = new mock.Mocker();
  const { bot, deps } = await buildResidentBot({
    config,
    puppet: new PuppetMock({ mocker }),
    log: (line) => process.stderr.write(`[bot] ${line}\n`),
  });
  await bot.start();
  const [account, resident] = mocker.createContacts(2);
  mocker.login(account);
  const topic = process.env.CHAT_ROOM_TOPIC || '葫田社区居民群';
  const room = mocker.createRoom({ topic, memberIdList: [account.id, resident.id] });
  let replied: (() => void) | undefined;
  account.on('message', ((message: { payload: { talkerId: string; roomId?: string; text?: string } }) => {
    if (message.payload.talkerId !== account.id) return;
    process.stdout.write(`${message.payload.roomId ? `[${topic}]` : '[私聊]'} ${message.payload.text}\n`);
    replied?.();
  }) as never);
  process.stderr.write(`你在「${topic}」里,发送「帮助」看看能做什么;Ctrl+D 退出。\n`);
  const timing = process.env.CHAT_TIMING === '1';
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const started = performance.now();
    // One line at a time, as a person types: wait for the bot's first reply (or 3 s of silence) and for
    // everything it queued, so the next line meets the dialog in the state this one left it.
    const first = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000);
      replied = () => (clearTimeout(timer), resolve(true));
    });
    if (await deps.state.dialog(resident.id)) resident.say(line).to(account);
    else resident.say(line).to(room);
    const answered = await first;
    if (timing)
      process.stderr.write(
        `[timing] ${answered ? `${(performance.now() - started).toFixed(1)} ms` : 'no reply'} ← ${line}\n`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await deps.replies.idle();
    await deps.queue.idle();
  }
  await deps.replies.idle();
  await deps.queue.idle();
  await bot.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`chat: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
