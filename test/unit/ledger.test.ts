import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Database } from '../../src/db/data-source';
import type { Identity } from '../../src/auth/identity';
import type { HubContext } from '../../src/graphql/context';
import {
  appendToLedger,
  chain,
  entryHash,
  GENESIS_HASH,
  HourLedgerEntry,
  HourLedgerHead,
  hoursReference,
  LedgerKind,
  nowToTheSecond,
  verifyLedger,
  type HoursRecord,
} from '../../src/subgraphs/volunteer/ledger';
import { ServiceHours } from '../../src/subgraphs/volunteer/volunteer.entity';
import { IDENTITIES, orgIdentity } from '../helpers/identities';
import { openMemoryDatabase } from '../helpers/test-database';

// Hashes below were computed outside the code (printf '…' | sha256sum): what a stored ledger is checked against.
const RECORD: HoursRecord = {
  id: 12,
  volunteerId: 7,
  activityId: 3,
  stationId: null,
  regionId: '530402006005',
  halfHours: 4,
  servedOn: '2026-11-01',
};
const REFERENCE = 'hours:12:125f024d7c9d9775e5c5a965'; // sha256('12|7|3||530402006005|4|2026-11-01'), 24 digits
const EARNED = {
  volunteerId: 7,
  kind: LedgerKind.EARN,
  halfHours: 4,
  reference: REFERENCE,
  recordedAt: '2026-11-01T08:00:00Z',
};
const EARNED_HASH = '78a2ed986396f1d43af8c86ca33f26a0df636347839e8ccb1d94a354ea65fd71';
const REDEEMED = {
  volunteerId: 7,
  kind: LedgerKind.REDEEM,
  halfHours: 3,
  reference: '兑换理发一次',
  recordedAt: '2026-11-02T09:30:00Z',
};
const REDEEMED_HASH = '3cd017dc69328803e759adc7f21e9ec3d1bb98c9c3b140478c0b867d4f1ddec8';

describe('the hash chain', () => {
  test('an EARN reference names the record and fingerprints every field the figures count', () => {
    expect(hoursReference(RECORD)).toBe(REFERENCE);
    // sha256('12|7||9|530402006005|4|2026-11-01'): a missing activity is an empty field
    expect(hoursReference({ ...RECORD, activityId: null, stationId: 9 })).toBe('hours:12:724f7d09f33329cc4091f673');
    const changed = [
      { volunteerId: 8 },
      { activityId: 4 },
      { stationId: 1 },
      { regionId: '530402006001' },
      { halfHours: 5 },
      { servedOn: '2026-11-02' },
    ];
    for (const change of changed) expect(hoursReference({ ...RECORD, ...change })).not.toBe(REFERENCE);
    expect(hoursReference({ ...RECORD, id: 13 })).toMatch(/^hours:13:[0-9a-f]{24}$/);
  });

  test("an entry's hash covers the previous hash and its whole content", () => {
    expect(entryHash(GENESIS_HASH, EARNED)).toBe(EARNED_HASH);
    expect(entryHash(EARNED_HASH, REDEEMED)).toBe(REDEEMED_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  test('entries are chained in order', () => {
    expect(chain(GENESIS_HASH, [EARNED, REDEEMED])).toEqual([
      { ...EARNED, previousHash: GENESIS_HASH, hash: EARNED_HASH },
      { ...REDEEMED, previousHash: EARNED_HASH, hash: REDEEMED_HASH },
    ]);
    expect(chain(GENESIS_HASH, [])).toEqual([]);
  });

  test('times are recorded to the second, in UTC', () => {
    jest.useFakeTimers({ now: new Date('2026-11-27T07:30:15.678Z') });
    try {
      expect(nowToTheSecond()).toBe('2026-11-27T07:30:15Z');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('appending and verifying', () => {
  let database: Database;
  let dataSource: DataSource;
  let nextRecordId = 1;

  beforeEach(async () => {
    database = await openMemoryDatabase([HourLedgerEntry, HourLedgerHead, ServiceHours]);
    dataSource = database.dataSource;
    nextRecordId = 1;
  });
  afterEach(() => dataSource?.destroy());

  const sql = (query: string, parameters: unknown[] = []) => dataSource.query(query, parameters);
  const verifyAs = (identity: Identity) => verifyLedger({ dataSource, identity } as HubContext);
  const verify = () => verifyAs(IDENTITIES.ADMIN);

  /** Verified service-hours records of volunteer 7, 2 half hours each unless given. */
  async function records(count: number, fields: Partial<ServiceHours> = {}): Promise<ServiceHours[]> {
    const rows = Array.from({ length: count }, () => ({
      id: nextRecordId++,
      volunteerId: 7,
      activityId: 3,
      stationId: null,
      regionId: '530402006005',
      halfHours: 2,
      servedOn: '2026-11-01',
      verified: true,
      ...fields,
    }));
    await insert(ServiceHours, rows);
    return rows as ServiceHours[];
  }

  /** Plain multi-row INSERTs, 500 rows a statement, reading nothing back. */
  async function insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]) {
    for (let i = 0; i < rows.length; i += 500)
      await dataSource
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(i, i + 500))
        .updateEntity(false)
        .execute();
  }

  const earning = (record: HoursRecord, reference = hoursReference(record)) => ({
    volunteerId: record.volunteerId,
    kind: LedgerKind.EARN,
    halfHours: record.halfHours,
    reference,
  });

  const append = (entries: Parameters<typeof appendToLedger>[1]) =>
    dataSource.transaction((manager) => appendToLedger(manager, entries));

  const head = () => dataSource.getRepository(HourLedgerHead).findOneByOrFail({ id: 1 });

  const broken = (checkedEntries: number, firstBrokenEntryId: number | null, reason: string) => ({
    ok: false,
    checkedEntries,
    firstBrokenEntryId: firstBrokenEntryId === null ? null : String(firstBrokenEntryId),
    serviceHoursId: null,
    reason,
  });

  const OK = (checkedEntries: number) => ({
    ok: true,
    checkedEntries,
    firstBrokenEntryId: null,
    serviceHoursId: null,
    reason: null,
  });

  test('an empty ledger with no verified hours holds', async () => {
    await records(1, { verified: false });
    expect(await verify()).toEqual(OK(0));
  });

  test('staff and admins verify the ledger; the public, organisations and the bot are refused', async () => {
    expect(await verifyAs(IDENTITIES.STAFF_IN)).toEqual(OK(0));
    for (const identity of [IDENTITIES.PUBLIC, orgIdentity(1), IDENTITIES.BOT_IN])
      await expect(verifyAs(identity)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  test('appends chain onto the head, which moves to the last entry', async () => {
    const [first, second, third] = await records(3);
    jest.useFakeTimers({ now: new Date('2026-11-27T07:30:15.678Z'), doNotFake: ['nextTick', 'setImmediate'] });
    let saved: HourLedgerEntry[];
    try {
      saved = await append([earning(first), earning(second)]);
    } finally {
      jest.useRealTimers();
    }
    expect(saved.map((e) => [e.id, e.recordedAt])).toEqual([
      [1, '2026-11-27T07:30:15Z'],
      [2, '2026-11-27T07:30:15Z'],
    ]);
    expect(saved[0].previousHash).toBe(GENESIS_HASH);
    expect(saved[1].previousHash).toBe(saved[0].hash);
    expect(await head()).toEqual({ id: 1, lastEntryId: 2, lastHash: saved[1].hash });

    const [later, redeemed] = await append([
      earning(third),
      { volunteerId: 7, kind: LedgerKind.REDEEM, halfHours: 3, reference: '兑换理发一次' },
    ]);
    expect(later.previousHash).toBe(saved[1].hash);
    expect(await head()).toEqual({ id: 1, lastEntryId: redeemed.id, lastHash: redeemed.hash });
    expect(await verify()).toEqual(OK(4));
  });

  test('a ledger kept before heads existed gets its head from its last entry', async () => {
    const [first, second, third] = await records(3);
    const stored = chain(
      GENESIS_HASH,
      [first, second].map((r) => ({ ...earning(r), recordedAt: '2026-11-01T08:00:00Z' })),
    );
    await insert(HourLedgerEntry, stored);
    const [appended] = await append([earning(third)]);
    expect(appended.previousHash).toBe(stored[1].hash);
    expect(await head()).toEqual({ id: 1, lastEntryId: 3, lastHash: appended.hash });
    expect(await verify()).toEqual(OK(3));
  });

  test('an append after entries were removed from the end chains onto the head, so the gap stays visible', async () => {
    const [first, second, third, fourth] = await records(4);
    const saved = await append([earning(first), earning(second), earning(third)]);
    await sql('DELETE FROM hour_ledger_entry WHERE id = 3');
    await sql('DELETE FROM service_hours WHERE id = ?', [third.id]);
    const [appended] = await append([earning(fourth)]);
    expect(appended.previousHash).toBe(saved[2].hash);
    expect(await verify()).toEqual(
      broken(2, 4, '与上一条记录的链接不符 (previous hash does not match: a row was removed or reordered)'),
    );
  });

  test('an EARN entry without an hours reference is chained but covers no record', async () => {
    const [record] = await records(1);
    const earn = (reference: string) => ({ volunteerId: 7, kind: LedgerKind.EARN, halfHours: 2, reference });
    await append([earn(`x${hoursReference(record)}`), earn('xhours:1'), earn('hours:1:zz'), earn('志愿者表彰')]);
    expect(await verify()).toEqual({
      ok: false,
      checkedEntries: 4,
      firstBrokenEntryId: null,
      serviceHoursId: '1',
      reason: '已审核的服务时长没有账本记录 (a verified service-hours record has no ledger entry)',
    });
  });

  test('a removed entry breaks the link of the one after it', async () => {
    await append((await records(3)).map((r) => earning(r)));
    await sql('DELETE FROM hour_ledger_entry WHERE id = 2');
    expect(await verify()).toEqual(
      broken(1, 3, '与上一条记录的链接不符 (previous hash does not match: a row was removed or reordered)'),
    );
  });

  test('a changed entry no longer matches its hash', async () => {
    await append((await records(3)).map((r) => earning(r)));
    await sql('UPDATE hour_ledger_entry SET half_hours = 20 WHERE id = 2');
    expect(await verify()).toEqual(broken(1, 2, '记录内容已被改动 (the entry’s content does not match its hash)'));
  });

  test('an EARN entry whose record is gone, unverified or earned twice is found', async () => {
    const [first, second] = await records(2);
    await append([earning(first), earning(second)]);
    await sql('DELETE FROM service_hours WHERE id = ?', [second.id]);
    expect(await verify()).toEqual(
      broken(1, 2, '所记的服务时长记录已被删除 (the service-hours record it was earned for is gone)'),
    );
    await sql('UPDATE service_hours SET verified = 0 WHERE id = ?', [first.id]);
    expect(await verify()).toEqual(
      broken(0, 1, '所记的服务时长记录已不再是已审核 (its service-hours record is no longer verified)'),
    );
  });

  test('the same record earned twice is found at the second entry', async () => {
    const [record] = await records(1);
    await append([earning(record), { volunteerId: 7, kind: LedgerKind.REDEEM, halfHours: 1, reference: 'hours:1' }]);
    await append([earning(record)]);
    expect(await verify()).toEqual(
      broken(2, 3, '同一服务时长记录记账两次 (the service-hours record was earned twice)'),
    );
  });

  const CHANGED = '服务时长记录已被改动,与账本不符 (the service-hours record was changed after it was earned)';

  test.each([
    ['volunteer_id', 8],
    ['half_hours', 3],
    ['station_id', 5],
    ['region_id', '530402006001'],
    ['served_on', '2026-11-02'],
    ['activity_id', null],
  ])('changing %s of an earned record is found', async (column, value) => {
    const [first, second] = await records(2);
    await append([earning(first), earning(second)]);
    await sql(`UPDATE service_hours SET ${column} = ? WHERE id = ?`, [value, second.id]);
    expect(await verify()).toEqual(broken(1, 2, CHANGED));
  });

  test('an entry written before fingerprints is compared on volunteer and hours only', async () => {
    const [record] = await records(1);
    await append([earning(record, `hours:${record.id}`)]);
    await sql('UPDATE service_hours SET station_id = 5 WHERE id = ?', [record.id]);
    expect(await verify()).toEqual(OK(1));
    await sql('UPDATE service_hours SET volunteer_id = 8 WHERE id = ?', [record.id]);
    expect(await verify()).toEqual(broken(0, 1, CHANGED));
    await sql('UPDATE service_hours SET volunteer_id = 7, half_hours = 3 WHERE id = ?', [record.id]);
    expect(await verify()).toEqual(broken(0, 1, CHANGED));
  });

  const HEAD =
    '账本末尾与账本头不符 (the chain does not end where the ledger head says: entries at the end were removed)';

  test('entries removed from the end, or a removed head, are found', async () => {
    await append((await records(3)).map((r) => earning(r)));
    await sql('DELETE FROM service_hours WHERE id = 3');
    await sql('DELETE FROM hour_ledger_entry WHERE id = 3');
    expect(await verify()).toEqual(broken(2, 3, HEAD));
    await sql('DELETE FROM hour_ledger_head');
    expect(await verify()).toEqual(broken(2, null, HEAD));
  });

  test('a verified record no entry covers is named', async () => {
    const [first] = await records(1);
    await append([earning(first)]);
    const [unearned] = await records(1);
    await records(1, { verified: false });
    expect(await verify()).toEqual({
      ok: false,
      checkedEntries: 1,
      firstBrokenEntryId: null,
      serviceHoursId: String(unearned.id),
      reason: '已审核的服务时长没有账本记录 (a verified service-hours record has no ledger entry)',
    });
  });

  test('a ledger longer than one batch is checked to its end', async () => {
    const all = await records(5002);
    const stored = chain(
      GENESIS_HASH,
      all.slice(0, 5001).map((r) => ({ ...earning(r), recordedAt: '2026-11-01T08:00:00Z' })),
    );
    await insert(HourLedgerEntry, stored);
    await insert(HourLedgerHead, [{ id: 1, lastEntryId: 5001, lastHash: stored[5000].hash }]);
    // every entry holds, the last one in a second batch; the 5002nd verified record, in the second batch of
    // records, was never earned
    expect(await verify()).toMatchObject({ ok: false, checkedEntries: 5001, serviceHoursId: '5002' });
    await sql('UPDATE hour_ledger_entry SET half_hours = 20 WHERE id = 5001');
    expect(await verify()).toEqual(
      broken(5000, 5001, '记录内容已被改动 (the entry’s content does not match its hash)'),
    );
  });
});
