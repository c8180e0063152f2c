import { scryptSync } from 'node:crypto';
import { hashPassword, requireStrongPassword, verifyPassword } from '../../src/auth/passwords';
import { acceptedTotpStep, newTotpSecret } from '../../src/auth/totp';
import { lockSeconds } from '../../src/subgraphs/account/credentials';
import { totpCode } from '../helpers/session-client';

const codeOf = (run: () => void) => {
  try {
    run();
    return 'OK';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('password strength', () => {
  it.each([
    ['Abcdefgh1!', 'OK'],
    ['abcdefgh12', 'WEAK_PASSWORD'], // two kinds only
    ['Abcdef1!', 'WEAK_PASSWORD'], // too short
    ['abcdefgh1!', 'OK'], // lower, digit, symbol
    ['correct horse battery', 'OK'], // 16 or more of anything
    ['aaaaaaaaaaaaaaa', 'WEAK_PASSWORD'], // 15 of one kind
    ['aaaaaaaaaaaaaaaa', 'OK'],
    ['Qwertyuiop', 'WEAK_PASSWORD'], // common, whatever the case
    ['Zhang.Wei-2026', 'WEAK_PASSWORD'], // holds the username
    ['长城长城长城长城长城长城长城长城', 'OK'], // 16 characters, counted as characters, not bytes
  ])('%s → %s', (password, expected) => {
    expect(codeOf(() => requireStrongPassword(password, 'zhang.wei'))).toBe(expected);
  });

  it('says in Chinese what is needed', () => {
    expect(() => requireStrongPassword('short', 'someone')).toThrow(/至少 10 个字符.*三类.*至少 16 个任意字符/);
  });
});

describe('scrypt hashes', () => {
  it('store their parameters and salt, and verify only the right password', async () => {
    const hash = await hashPassword('Abcdefgh1!');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('Abcdefgh1!', hash)).toBe(true);
    expect(await verifyPassword('Abcdefgh1?', hash)).toBe(false);
    expect(await hashPassword('Abcdefgh1!')).not.toBe(hash);
  });

  it('verify a hash made with other parameters (they can be raised later)', async () => {
    const salt = Buffer.alloc(16, 3);
    const key = scryptSync('Abcdefgh1!', salt, 32, { N: 1024, r: 4, p: 2 });
    const older = `scrypt$1024$4$2$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('Abcdefgh1!', older)).toBe(true);
    expect(await verifyPassword('Abcdefgh1?', older)).toBe(false);
    expect(await verifyPassword('Abcdefgh1!', 'bcrypt$whatever')).toBe(false);
  });
});

describe('lockout back-off', () => {
  it.each([
    [5, 60],
    [6, 120],
    [7, 240],
    [10, 1920],
    [11, 3600],
    [30, 3600],
  ])('after %i failures in a row: %i s', (failures, seconds) => {
    expect(lockSeconds(failures)).toBe(seconds);
  });
});

describe('TOTP', () => {
  const { secret } = newTotpSecret('someone');
  const now = 1_795_000_000_000;
  const step = Math.floor(now / 30_000);

  it('accepts the code of this step or one step either side, and names its step', () => {
    expect(acceptedTotpStep(secret, totpCode(secret, now), null, now)).toBe(step);
    expect(acceptedTotpStep(secret, totpCode(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCode(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(acceptedTotpStep(secret, totpCode(secret, now + 60_000), null, now)).toBeNull();
  });

  it('never accepts a step at or before the last one accepted', () => {
    expect(acceptedTotpStep(secret, totpCode(secret, now), step, now)).toBeNull();
    expect(acceptedTotpStep(secret, totpCode(secret, now - 30_000), step, now)).toBeNull();
    expect(acceptedTotpStep(secret, totpCode(secret, now + 30_000), step, now)).toBe(step + 1);
  });

  it('refuses anything but six digits', () => {
    expect(acceptedTotpStep(secret, ` ${totpCode(secret, now)}`, null, now)).toBeNull();
    expect(acceptedTotpStep(secret, 'abcdef', null, now)).toBeNull();
  });
});
