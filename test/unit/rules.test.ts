import { ConfigError, loadConfig } from '../../src/config/config';
import { DatabaseError, parseDatabaseUrl } from '../../src/db/data-source';
import { regionPrefix, subtreeBounds } from '../../src/db/region-scope';
import { decodeCursor, encodeCursor, likePattern } from '../../src/graphql/pagination';
import { isValidCreditCode, makeCreditCode } from '../../src/subgraphs/organization/credit-code';

describe('统一社会信用代码', () => {
  test('known valid codes pass and a changed character fails', () => {
    // Published codes of real organisations (GB 32100-2015 checksums).
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('9135010OM000100Y43')).toBe(false);
  });

  test('generated codes carry both check characters', () => {
    const code = makeCreditCode('3', '530402', 'MJ000001');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });
});

describe('region codes', () => {
  test.each([
    ['530400000000', '5304', '530400000000', '530499999999'],
    ['530402000000', '530402', '530402000000', '530402999999'],
    ['530402006000', '530402006', '530402006000', '530402006999'],
    ['530402006005', '530402006005', '530402006005', '530402006005'],
  ])('%s has prefix %s', (code, prefix, low, high) => {
    expect(regionPrefix(code)).toBe(prefix);
    expect(subtreeBounds(code)).toEqual([low, high]);
  });
});

describe('configuration and URLs', () => {
  test('defaults and validation', () => {
    expect(loadConfig({}).database.url).toBe('sqlite:data/wushe.sqlite');
    expect(loadConfig({}).port).toBe(4000);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(ConfigError);
  });

  test('database URLs', () => {
    expect(parseDatabaseUrl('sqlite:data/x.sqlite')).toEqual({ kind: 'sqlite', file: 'data/x.sqlite' });
    expect(parseDatabaseUrl('mysql://root:p%40ss@127.0.0.1:3307/wushe')).toEqual({
      kind: 'mysql',
      host: '127.0.0.1',
      port: 3307,
      user: 'root',
      password: 'p@ss',
      database: 'wushe',
    });
    expect(() => parseDatabaseUrl('postgres://localhost/wushe')).toThrow(DatabaseError);
    expect(() => parseDatabaseUrl('mysql://localhost')).toThrow(/names no database/);
  });
});

describe('paging helpers', () => {
  test('cursors round-trip and forged ones are refused', () => {
    expect(decodeCursor(encodeCursor(41))).toBe(41);
    expect(() => decodeCursor('bm9wZQ')).toThrow(/invalid cursor/);
  });

  test('search wildcards are taken literally', () => {
    expect(likePattern(' 100%_养老! ')).toBe('%100!%!_养老!!%');
  });
});
