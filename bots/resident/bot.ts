import { loadBotConfig, loadDotEnv } from './config';
import { buildResidentBot } from './index';
import { serveBotMetrics } from './metrics';

/**
 * `npm run bot`: the resident bot on a real puppet (WECHATY_PUPPET, with WECHATY_PUPPET_SERVICE_TOKEN where the
 * puppet needs one). Puppet errors and logouts restart it with back-off.
 */
const log = (line: string): void => {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
};

async function run(): Promise<void> {
  loadDotEnv();
  const config = loadBotConfig();
  if (!config.botToken) throw new Error('set BOT_TOKEN (wushe token --role BOT --region <division code>)');
  const puppet = process.env.WECHATY_PUPPET;
  if (!puppet) throw new Error('set WECHATY_PUPPET, e.g. wechaty-puppet-service');
  if (config.metrics) {
    const { port } = await serveBotMetrics(config.metrics.port, config.metrics.host);
    log(`metrics: http://${config.metrics.host}:${port}/metrics`);
  }
  let backoffMs = 5000;
  for (;;) {
    const { bot } = await buildResidentBot({ config, puppet: puppet as never, log });
    const failed = new Promise<string>((resolve) => {
      bot.on('error', (error) => void resolve(`error: ${error.message}`));
      bot.on('logout', () => void resolve('logged out'));
    });
    bot.on('scan', (qrcode) => log(`scan to log in: https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`));
    bot.on('login', (user) => {
      backoffMs = 5000;
      log(`logged in as ${user.name()}`);
    });
    try {
      await bot.start();
      log(`restarting after ${await failed}`);
    } catch (error) {
      log(`start failed: ${(error as Error).message}`);
    }
    await bot.stop().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, backoffMs));
    backoffMs = Math.min(backoffMs * 2, 5 * 60_000);
  }
}

run().catch((error: unknown) => {
  log(`bot: ${(error as Error)?.message ?? error}`);
  process.exit(1);
});
