import { randomBytes } from 'node:crypto';
import { dataKeyFrom } from '../../src/config/config';
import { maskPhone, protect, unprotect } from '../../src/graphql/personal-data';

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
