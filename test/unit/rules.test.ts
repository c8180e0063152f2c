import { ConfigError, loadConfig } from '../../src/config/config';
import { DatabaseError, parseDatabaseUrl } from '../../src/db/data-source';
import { decodeCursor, encodeCursor, likePattern } from '../../src/graphql/pagination';

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
    expect(parseDatabaseUrl('postgres://wushe:p%40ss@db.example:5433/wushe')).toEqual({
      kind: 'postgres',
      host: 'db.example',
      port: 5433,
      user: 'wushe',
      password: 'p@ss',
      database: 'wushe',
    });
    expect(parseDatabaseUrl('postgresql://localhost/wushe')).toMatchObject({ kind: 'postgres', port: 5432 });
    expect(() => parseDatabaseUrl('postgres://localhost')).toThrow(/names no database/);
    expect(() => parseDatabaseUrl('oracle://localhost/wushe')).toThrow(DatabaseError);
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
