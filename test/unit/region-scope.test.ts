import { isWithin } from '../../src/auth/policy';
import type { Database } from '../../src/db/data-source';
import {
  aggregateBySubtree,
  inPrefixGroup,
  isRegionCode,
  prefixGroups,
  prefixOf,
  PROVINCE_CODE,
  regionPrefix,
  subtreeBounds,
} from '../../src/db/region-scope';
import { ServiceHours } from '../../src/subgraphs/volunteer/volunteer.entity';
import { openMemoryDatabase } from '../helpers/test-database';

describe('region codes', () => {
  test.each([
    ['530000000000', '53', '530000000000', '539999999999'],
    ['530400000000', '5304', '530400000000', '530499999999'],
    ['530402000000', '530402', '530402000000', '530402999999'],
    ['530402006000', '530402006', '530402006000', '530402006999'],
    ['530402006005', '530402006005', '530402006005', '530402006005'],
    ['530402006010', '530402006010', '530402006010', '530402006010'],
    ['530402010000', '530402010', '530402010000', '530402010999'],
  ])('%s has prefix %s', (code, prefix, low, high) => {
    expect(regionPrefix(code)).toBe(prefix);
    expect(subtreeBounds(code)).toEqual([low, high]);
  });

  test.each([
    ['530402006005', true],
    ['53040200600', false],
    ['5304020060051', false],
    ['x530402006005', false],
    ['530402006005x', false],
    ['53040200600a', false],
    ['', false],
  ])('%j is a region code: %s', (value, expected) => {
    expect(isRegionCode(value)).toBe(expected);
  });

  test("an ADMIN's widest scope, 云南省, holds every region of 玉溪市", () => {
    expect(regionPrefix(PROVINCE_CODE)).toBe('53');
    expect(isWithin('530402006005', PROVINCE_CODE)).toBe(true);
    expect(isWithin('530400000000', PROVINCE_CODE)).toBe(true);
  });
});

describe('batches of regions', () => {
  test('are grouped by prefix length, each group sorted, without repeats, with its covering range', () => {
    const groups = prefixGroups([
      '530402006005',
      '530402000000',
      '530402006001',
      '530403000000',
      '530402006005',
      '530400000000',
      '530402006000',
    ]);
    expect([...groups].sort((a, b) => a.length - b.length)).toEqual([
      { length: 4, prefixes: ['5304'], low: '530400000000', high: '530499999999' },
      { length: 6, prefixes: ['530402', '530403'], low: '530402000000', high: '530403999999' },
      { length: 9, prefixes: ['530402006'], low: '530402006000', high: '530402006999' },
      { length: 12, prefixes: ['530402006001', '530402006005'], low: '530402006001', high: '530402006005' },
    ]);
    expect(prefixGroups([])).toEqual([]);
  });

  test('SQL for a group: the column itself for full codes, else its prefix', () => {
    expect(prefixOf('region_id', 12)).toBe('region_id');
    expect(prefixOf('region_id', 9)).toBe('SUBSTR(region_id, 1, 9)');
    expect(prefixOf('region_id', 6.5)).toBe('SUBSTR(region_id, 1, 6)');
    const group = { length: 6, prefixes: ['530402', '530403'], low: '530402000000', high: '530403999999' };
    expect(inPrefixGroup('region_id', group)).toEqual({
      sql: 'region_id BETWEEN ? AND ? AND SUBSTR(region_id, 1, 6) IN (?, ?)',
      parameters: ['530402000000', '530403999999', '530402', '530403'],
    });
  });
});

describe('aggregates over subtrees', () => {
  let database: Database;
  const hours = (regionId: string, halfHours: number, verified = true) => ({
    volunteerId: 1,
    activityId: null,
    stationId: null,
    regionId,
    halfHours,
    servedOn: '2026-11-01',
    verified,
  });

  beforeAll(async () => {
    database = await openMemoryDatabase([ServiceHours]);
    await database.dataSource
      .getRepository(ServiceHours)
      .insert([
        hours('530402006005', 2),
        hours('530402006005', 3),
        hours('530402006005', 100, false),
        hours('530402006001', 4),
        hours('530402001003', 5),
        hours('530403001001', 7),
      ]);
  });
  afterAll(() => database?.dataSource.destroy());

  const verifiedHalfHours = (regions: string[]) =>
    aggregateBySubtree(
      database.dataSource,
      {
        entity: ServiceHours,
        regionProperty: 'regionId',
        aggregate: 'SUM(half_hours)',
        where: 'verified = ?',
        whereParameters: [1],
      },
      regions,
    );

  test('each region gets its whole subtree, at every level, in the order asked', async () => {
    expect(
      await verifiedHalfHours([
        '530402006005',
        '530402006000',
        '530402000000',
        '530400000000',
        '530403000000',
        '530421000000',
        '530402006005',
      ]),
    ).toEqual([5, 9, 14, 21, 7, 0, 5]);
    expect(await verifiedHalfHours([])).toEqual([]);
  });

  test('over 90 regions of one level are answered by one GROUP BY, with the same figures', async () => {
    const communities = Array.from({ length: 100 }, (_, i) => `530402006${String(i + 1).padStart(3, '0')}`);
    const counted = await aggregateBySubtree(
      database.dataSource,
      { entity: ServiceHours, regionProperty: 'regionId', aggregate: 'COUNT(*)' },
      [...communities, '530402000000'],
    );
    expect(counted[0]).toBe(1); // …001
    expect(counted[4]).toBe(3); // …005, the unverified record too
    expect(counted[100]).toBe(5);
    expect(counted.reduce((sum, n) => sum + n, 0)).toBe(4 + 5);
    const summed = await verifiedHalfHours([...communities].reverse());
    expect(summed[99]).toBe(4);
    expect(summed[95]).toBe(5);
    expect(summed.reduce((sum, n) => sum + n, 0)).toBe(9);
  });

  test('up to 90 regions of a level are one range scan each, more are one GROUP BY on the code prefix', async () => {
    const communities = (count: number) =>
      Array.from({ length: count }, (_, i) => `530402006${String(i + 1).padStart(3, '0')}`);
    const query = jest.spyOn(database.dataSource, 'query');
    try {
      const statementFor = async (regions: string[]) => {
        query.mockClear();
        await aggregateBySubtree(
          database.dataSource,
          { entity: ServiceHours, regionProperty: 'regionId', aggregate: 'COUNT(*)' },
          regions,
        );
        expect(query).toHaveBeenCalledTimes(1);
        const sql = String(query.mock.calls[0][0]);
        return { scans: sql.split('SELECT').length - 1, grouped: sql.split('GROUP BY').length - 1 };
      };
      expect(await statementFor(communities(90))).toEqual({ scans: 90, grouped: 0 });
      expect(await statementFor(communities(91))).toEqual({ scans: 1, grouped: 1 });
      expect(await statementFor([...communities(91), '530402000000', '530403000000'])).toEqual({
        scans: 3,
        grouped: 1,
      });
    } finally {
      query.mockRestore();
    }
  });

  test('a property that is no column is refused', async () => {
    await expect(
      aggregateBySubtree(
        database.dataSource,
        { entity: ServiceHours, regionProperty: 'region', aggregate: 'COUNT(*)' },
        ['530402000000'],
      ),
    ).rejects.toThrow('ServiceHours has no column region');
  });
});
