import { spawnSync } from 'node:child_process';
import { SignJWT } from 'jose';
import { Role } from '../../src/auth/identity';
import { createTokenVerifier, signToken, type TokenConfig } from '../../src/auth/tokens';
import { ConfigError, loadConfig } from '../../src/config/config';
import { CLI } from '../helpers/subgraph-process';

const SECRET = 'unit-test-secret-0123456789';
const config: TokenConfig = loadConfig({ JWT_SECRET: SECRET }).auth;
const verify = createTokenVerifier(config);
const STAFF = { role: Role.STAFF, subject: 'staff-liqi', regionId: '530402006000' };
const now = () => Math.floor(Date.now() / 1000);

function decode(token: string): { iat: number; exp: number } {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

function raw(build: (jwt: SignJWT) => SignJWT, role = Role.STAFF) {
  return build(
    new SignJWT({ role, region: '530402006000' }).setProtectedHeader({ alg: 'HS256' }).setSubject('staff-liqi'),
  )
    .setIssuer('wushe')
    .setAudience('wushe-hub')
    .sign(new TextEncoder().encode(SECRET));
}

describe('token lifetimes', () => {
  test('by default a person’s token lives 30 days and the bot’s 90', async () => {
    const staff = decode(await signToken(config, STAFF));
    expect(staff.exp - staff.iat).toBe(30 * 86_400);
    const bot = decode(await signToken(config, { ...STAFF, role: Role.BOT, subject: 'bot' }));
    expect(bot.exp - bot.iat).toBe(90 * 86_400);
  });

  test('TOKEN_MAX_LIFETIME and BOT_TOKEN_MAX_LIFETIME set them; nonsense is refused', () => {
    expect(loadConfig({ TOKEN_MAX_LIFETIME: '12h', BOT_TOKEN_MAX_LIFETIME: '30d' }).auth.tokenMaxLifetime).toEqual({
      person: 43_200,
      bot: 2_592_000,
    });
    expect(() => loadConfig({ TOKEN_MAX_LIFETIME: 'forever' })).toThrow(ConfigError);
    expect(() => loadConfig({ TOKEN_MAX_LIFETIME: '0d' })).toThrow(ConfigError);
  });

  test('nobody signs a token longer than its role allows', async () => {
    await expect(signToken(config, STAFF, 31 * 86_400)).rejects.toThrow(/at most 2592000 s/);
    await expect(signToken(config, STAFF, 0)).rejects.toThrow();
    await expect(verify(await signToken(config, STAFF, 3600))).resolves.toEqual(STAFF);
  });

  test.each([
    ['without exp', () => raw((j) => j.setIssuedAt())],
    ['without iat', () => raw((j) => j.setExpirationTime(now() + 3600))],
    [
      'issued ten years ahead',
      () => raw((j) => j.setIssuedAt(now() + 315_360_000).setExpirationTime(now() + 315_363_600)),
    ],
    ['issued five minutes ahead', () => raw((j) => j.setIssuedAt(now() + 300).setExpirationTime(now() + 3900))],
    ['expired', () => raw((j) => j.setIssuedAt(now() - 7200).setExpirationTime(now() - 3600))],
    ['living 31 days', () => raw((j) => j.setIssuedAt(now()).setExpirationTime(now() + 31 * 86_400))],
    [
      'of a bot living 91 days',
      () => raw((j) => j.setIssuedAt(now()).setExpirationTime(now() + 91 * 86_400), Role.BOT),
    ],
  ])('a token %s is refused as UNAUTHENTICATED', async (_name, make) => {
    await expect(verify(await make())).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  test('a signer’s clock 30 seconds ahead is tolerated', async () => {
    const token = await raw((j) => j.setIssuedAt(now() + 30).setExpirationTime(now() + 3630));
    await expect(verify(token)).resolves.toEqual(STAFF);
  });
});

describe('wushe token', () => {
  const mint = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, 'token', ...args], {
      env: { PATH: process.env.PATH ?? '', JWT_SECRET: SECRET },
      encoding: 'utf8',
      timeout: 60_000,
    });

  test.each([
    [['--role', 'STAFF', '--region', '999999999999'], '--region 999999999999 is not a division of 玉溪市'],
    [['--role', 'STAFF', '--region', '530000000000'], '--region 530000000000 is not a division of 玉溪市'],
    [['--role', 'ORG', '--org', 'abc'], '--org must be an organisation id (a positive integer), got "abc"'],
    [['--role', 'ORG', '--org', '0'], '--org must be an organisation id (a positive integer), got "0"'],
    [['--role', 'ORG', '--org', '1.5'], '--org must be an organisation id (a positive integer), got "1.5"'],
    [['--role', 'ORG', '--org', '1e3'], '--org must be an organisation id (a positive integer), got "1e3"'],
    [['--role', 'STAFF', '--region', '530402006000', '--expires', '31d'], 'lives at most 2592000 s'],
  ])('refuses %j', (args, message) => {
    const run = mint(...args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  test('mints a STAFF token of a township that the hub accepts, for 7 days', async () => {
    const run = mint('--role', 'STAFF', '--region', '530402006000', '--expires', '7d');
    expect(run.status).toBe(0);
    const token = run.stdout.trim();
    expect(decode(token).exp - decode(token).iat).toBe(7 * 86_400);
    await expect(verify(token)).resolves.toEqual({
      role: Role.STAFF,
      subject: 'staff@530402006000',
      regionId: '530402006000',
    });
  });
});
