import { randomBytes } from 'node:crypto';
import { dataKeyFrom } from '../../src/config/config';
import { maskPhone, protect, unprotect } from '../../src/graphql/personal-data';
import { roundedHalfHours } from '../../src/graphql/rounding';
import { isWithin } from '../../src/auth/policy';

test.each([
  [0, 0],
  [15, 0],
  [16, 1],
  [45, 1],
  [46, 2],
  [60, 2],
  [75, 2],
  [76, 3],
  [105, 3],
  [106, 4],
  [160, 5],
])('%i minutes of service count as %i half hours', (minutes, halfHours) => {
  expect(roundedHalfHours(minutes)).toBe(halfHours);
});

test('phones are masked for display and sealed (authenticated) at rest', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  const key = dataKeyFrom(randomBytes(32));
  const sealed = protect(key, '13812345678');
  expect(sealed.sealed).not.toContain('1381234');
  expect(sealed.keyId).toBe(key.id);
  expect(unprotect([key], sealed)).toBe('13812345678');
  const tampered = sealed.sealed.slice(0, -2) + (sealed.sealed.endsWith('A') ? 'BB' : 'AA');
  expect(() => unprotect([key], { ...sealed, sealed: tampered })).toThrow();
  expect(() => unprotect([{ id: key.id, key: randomBytes(32) }], sealed)).toThrow();
  expect(() => unprotect([dataKeyFrom(randomBytes(32))], sealed)).toThrow();
});

test('region scope is the code subtree', () => {
  expect(isWithin('530402006005', '530402006000')).toBe(true);
  expect(isWithin('530402006005', '530402000000')).toBe(true);
  expect(isWithin('530403001001', '530402000000')).toBe(false);
  expect(isWithin('530402000000', '530402006000')).toBe(false);
});
