import { loadConfig } from '../../src/config/config';
import { clearedSessionCookie, sessionCookie, sessionSecretIn } from '../../src/auth/sessions';

const base = { JWT_SECRET: 'x'.repeat(16), DATA_KEY: Buffer.alloc(32, 1).toString('base64') };

describe('session settings', () => {
  it('default to 30 minutes idle, 12 hours at most, no Secure flag, the console on PORT', () => {
    const config = loadConfig({ ...base, PORT: '4100' });
    expect(config.auth.sessions).toEqual({ idleSeconds: 1800, absoluteSeconds: 43_200, secureCookie: false });
    expect(config.consoleUrl).toBe('http://localhost:4100/console/');
  });

  it('are read from the environment and checked', () => {
    const config = loadConfig({
      ...base,
      SESSION_IDLE_TIMEOUT: '5m',
      SESSION_MAX_LIFETIME: '8h',
      SESSION_COOKIE_SECURE: 'on',
      CONSOLE_URL: 'https://wushe.example.cn/console/',
    });
    expect(config.auth.sessions).toEqual({ idleSeconds: 300, absoluteSeconds: 28_800, secureCookie: true });
    expect(config.consoleUrl).toBe('https://wushe.example.cn/console/');
    expect(() => loadConfig({ ...base, SESSION_COOKIE_SECURE: 'yes' })).toThrow(/SESSION_COOKIE_SECURE/);
    expect(() => loadConfig({ ...base, SESSION_IDLE_TIMEOUT: 'soon' })).toThrow(/SESSION_IDLE_TIMEOUT/);
  });
});

describe('the session cookie', () => {
  const settings = { idleSeconds: 60, absoluteSeconds: 3600, secureCookie: true };

  it('is HttpOnly, SameSite=Strict, for the whole site, Secure when configured', () => {
    expect(sessionCookie('abc', settings)).toBe(
      'wushe_session=abc; HttpOnly; SameSite=Strict; Path=/; Max-Age=3600; Secure',
    );
    expect(clearedSessionCookie({ ...settings, secureCookie: false })).toBe(
      'wushe_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0',
    );
  });

  it('is found among the other cookies of a Cookie header', () => {
    expect(sessionSecretIn('theme=dark; wushe_session=s3cr=t; lang=zh')).toBe('s3cr=t');
    expect(sessionSecretIn('wushe_session=')).toBeUndefined();
    expect(sessionSecretIn('other_wushe_session=x')).toBeUndefined();
    expect(sessionSecretIn(undefined)).toBeUndefined();
  });
});
