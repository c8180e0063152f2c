import { createHash } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, In, MoreThan, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import { NumberedRecord, ReferenceColumn } from '../../graphql/entity-columns';
import { Role } from '../../auth/identity';
import { requireRole } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { groupAggregateLoader } from '../../graphql/loaders';
import { forUpdate } from '../../db/rows';
import { ServiceHours } from './volunteer.entity';

export enum LedgerKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
}
// Stryker disable next-line all: the GraphQL schema files hold the name and description (npm run schema:check)
registerEnumType(LedgerKind, { name: 'LedgerKind', description: '时间银行: hours earned by service, or redeemed' });

/**
 * 时间银行 ledger, append-only and tamper-evident: each entry's hash covers its content and the previous entry's
 * hash, so changing, deleting or reordering a row breaks the chain from there on.
 */
@Entity()
@ObjectType({ description: 'one entry of the hour ledger' })
export class HourLedgerEntry extends NumberedRecord {
  @ReferenceColumn()
  volunteerId!: number;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => LedgerKind)
  kind!: LedgerKind;

  @Column({ type: 'int' })
  @Field(() => Int)
  halfHours!: number;

  @Column({ type: 'varchar', length: 64 })
  @Field({
    description: 'what it is for: hours:<service-hours id>:<fingerprint of that record> or a redemption note',
  })
  reference!: string;

  /** ISO time to the second, kept as text so the hashed value is exactly what is stored. */
  @Column({ type: 'varchar', length: 20 })
  @Field()
  recordedAt!: string;

  @Column({ type: 'varchar', length: 64 })
  previousHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}

/**
 * The ledger's single head row: the last entry and its hash. Every append locks it, so appends run one at a time
 * and each chains onto the true last entry; verification compares the chain's end with it, so removing entries
 * from the end is found too.
 */
@Entity()
export class HourLedgerHead {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  lastEntryId!: number;

  @Column({ type: 'varchar', length: 64 })
  lastHash!: string;
}

/**
 * The 时间银行 balance of a set of ledger entries in half hours: earned minus redeemed. `column` spells a property
 * the way the query at hand needs it.
 */
export function balanceHalfHoursSum(column: (property: keyof HourLedgerEntry & string) => string): string {
  return `SUM(CASE WHEN ${column('kind')} = '${LedgerKind.EARN}' THEN ${column('halfHours')} ELSE 0 - ${column('halfHours')} END)`;
}

/** Each volunteer's 时间银行 balance in half hours, one GROUP BY per batch. */
export const timeBankHalfHours = (context: HubContext) =>
  groupAggregateLoader(
    context,
    'volunteer.timeBank',
    HourLedgerEntry,
    'volunteerId',
    balanceHalfHoursSum((property) => `t.${property}`),
  );

export const LEDGER_HEAD_ID = 1;

export const GENESIS_HASH = '0'.repeat(64);

export type HoursRecord = Pick<
  ServiceHours,
  'id' | 'volunteerId' | 'activityId' | 'stationId' | 'regionId' | 'halfHours' | 'servedOn'
>;

/**
 * The reference an EARN entry carries for the service-hours record it was earned for: the record's id and a
 * fingerprint of everything in it that the figures count (volunteer, activity, station, region, half hours, day).
 * The entry's hash covers the reference, so a later change to the record no longer matches its entry.
 */
export function hoursReference(record: HoursRecord): string {
  const fingerprint = createHash('sha256')
    .update(
      [
        record.id,
        record.volunteerId,
        record.activityId ?? '',
        record.stationId ?? '',
        record.regionId,
        record.halfHours,
        record.servedOn,
      ].join('|'),
    )
    .digest('hex')
    .slice(0, 24);
  return `hours:${record.id}:${fingerprint}`;
}

const HOURS_REFERENCE = /^hours:(\d+)(?::[0-9a-f]+)?$/;

export type LedgerContent = Pick<HourLedgerEntry, 'volunteerId' | 'kind' | 'halfHours' | 'reference' | 'recordedAt'>;

export function entryHash(previousHash: string, entry: LedgerContent): string {
  return createHash('sha256')
    .update([previousHash, entry.volunteerId, entry.kind, entry.halfHours, entry.reference, entry.recordedAt].join('|'))
    .digest('hex');
}

/** Chains entries onto `previousHash` in order (used by appends and by the seed). */
export function chain(
  previousHash: string,
  entries: LedgerContent[],
): (LedgerContent & { previousHash: string; hash: string })[] {
  let previous = previousHash;
  return entries.map((entry) => {
    const hash = entryHash(previous, entry);
    const chained = { ...entry, previousHash: previous, hash };
    previous = hash;
    return chained;
  });
}

export const nowToTheSecond = () => new Date().toISOString().slice(0, 19) + 'Z';

/** The head row locked for this transaction; a ledger kept before heads existed gets one from its last entry. */
async function lockHead(manager: EntityManager): Promise<HourLedgerHead> {
  const heads = manager.getRepository(HourLedgerHead);
  // Stryker disable next-line StringLiteral: the head table never holds a row other than LEDGER_HEAD_ID
  const head = await forUpdate(heads.createQueryBuilder('h').where('h.id = :id', { id: LEDGER_HEAD_ID })).getOne();
  if (head) return head;
  const [last] = await manager.getRepository(HourLedgerEntry).find({ order: { id: 'DESC' }, take: 1 });
  // Two first appends at once: the primary key refuses one, and inTransaction runs it again.
  return heads.save(
    heads.create({ id: LEDGER_HEAD_ID, lastEntryId: last?.id ?? 0, lastHash: last?.hash ?? GENESIS_HASH }),
  );
}

/**
 * Appends inside the caller's transaction. The head row is locked (always the last lock a transaction takes) so
 * two appends cannot share a parent; it moves to the new last entry.
 */
export async function appendToLedger(
  manager: EntityManager,
  entries: Omit<LedgerContent, 'recordedAt'>[],
): Promise<HourLedgerEntry[]> {
  const head = await lockHead(manager);
  const repository = manager.getRepository(HourLedgerEntry);
  const recordedAt = nowToTheSecond();
  const saved = await repository.save(
    chain(
      head.lastHash,
      entries.map((e) => ({ ...e, recordedAt })),
    ).map((e) => repository.create(e)),
  );
  const last = saved[saved.length - 1];
  await manager
    .getRepository(HourLedgerHead)
    .update({ id: LEDGER_HEAD_ID }, { lastEntryId: last.id, lastHash: last.hash });
  return saved;
}

@ObjectType({ description: 'result of re-checking the whole hour ledger' })
export class LedgerVerification {
  @Field()
  ok!: boolean;

  @Field(() => Int)
  checkedEntries!: number;

  @Field(() => ID, { nullable: true, description: 'the first entry whose hash or link does not hold' })
  firstBrokenEntryId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'a verified service-hours record that no ledger entry covers (verified or inserted behind its back)',
  })
  serviceHoursId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

const VERIFY_BATCH = 5000;

const broken = (checkedEntries: number, entryId: number, reason: string): LedgerVerification => ({
  ok: false,
  checkedEntries,
  firstBrokenEntryId: String(entryId),
  serviceHoursId: null,
  reason,
});

/**
 * Why an EARN entry no longer stands for its service-hours record, or null when it does. `record` is the
 * record's current row; entries written before references carried a fingerprint are compared field by field.
 */
function earnedMismatch(entry: HourLedgerEntry, record: ServiceHours | undefined, alreadyEarned: boolean) {
  if (!record) return '所记的服务时长记录已被删除 (the service-hours record it was earned for is gone)';
  if (!record.verified) return '所记的服务时长记录已不再是已审核 (its service-hours record is no longer verified)';
  if (alreadyEarned) return '同一服务时长记录记账两次 (the service-hours record was earned twice)';
  const fingerprinted = entry.reference.split(':').length === 3;
  if (
    record.volunteerId !== entry.volunteerId ||
    record.halfHours !== entry.halfHours ||
    (fingerprinted && hoursReference(record) !== entry.reference)
  ) {
    return '服务时长记录已被改动,与账本不符 (the service-hours record was changed after it was earned)';
  }
  return null;
}

/**
 * Walks the chain in id order, in batches, recomputing every hash and checking each EARN entry against its
 * service-hours record; then the chain's end against the head, and every verified record against the entries.
 * So a direct UPDATE or DELETE of anything the hour figures or balances count is found. STAFF and ADMIN only.
 */
export async function verifyLedger(context: HubContext): Promise<LedgerVerification> {
  requireRole(context.identity, Role.ADMIN, Role.STAFF);
  return checkLedger(context.dataSource);
}

/**
 * The check itself, for the operator's commands too (`wushe verify-ledger`, `wushe restore`), which run it in one
 * snapshot (a transaction's manager) so that appends made meanwhile cannot look like a broken end.
 */
export async function checkLedger(db: DataSource | EntityManager): Promise<LedgerVerification> {
  const repository = db.getRepository(HourLedgerEntry);
  const hoursRepository = db.getRepository(ServiceHours);
  const earned = new Set<number>();
  let previous = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await repository.find({ where: { id: MoreThan(lastId) }, order: { id: 'ASC' }, take: VERIFY_BATCH });
    const recordIds = batch.map((e) => HOURS_REFERENCE.exec(e.reference)?.[1]).filter((id) => id !== undefined);
    const records = new Map(
      // Stryker disable next-line ArrayDeclaration: with no record ids in the batch, no entry looks a record up
      (recordIds.length ? await hoursRepository.findBy({ id: In(recordIds.map(Number)) }) : []).map((r) => [r.id, r]),
    );
    for (const entry of batch) {
      if (entry.previousHash !== previous) {
        return broken(
          checked,
          entry.id,
          '与上一条记录的链接不符 (previous hash does not match: a row was removed or reordered)',
        );
      }
      if (entryHash(previous, entry) !== entry.hash) {
        return broken(checked, entry.id, '记录内容已被改动 (the entry’s content does not match its hash)');
      }
      const recordId = entry.kind === LedgerKind.EARN ? HOURS_REFERENCE.exec(entry.reference)?.[1] : undefined;
      if (recordId !== undefined) {
        const id = Number(recordId);
        const mismatch = earnedMismatch(entry, records.get(id), earned.has(id));
        if (mismatch) return broken(checked, entry.id, mismatch);
        earned.add(id);
      }
      previous = entry.hash;
      checked += 1;
    }
    if (batch.length < VERIFY_BATCH) break;
    lastId = batch[batch.length - 1].id;
  }

  // Stryker disable next-line ObjectLiteral: the head table never holds a row other than LEDGER_HEAD_ID
  const head = await db.getRepository(HourLedgerHead).findOneBy({ id: LEDGER_HEAD_ID });
  if (checked > 0 && (!head || head.lastHash !== previous)) {
    return {
      ok: false,
      checkedEntries: checked,
      firstBrokenEntryId: head ? String(head.lastEntryId) : null,
      serviceHoursId: null,
      reason:
        '账本末尾与账本头不符 (the chain does not end where the ledger head says: entries at the end were removed)',
    };
  }

  for (let after = 0; ;) {
    const ids = (
      await hoursRepository.find({
        select: { id: true },
        where: { id: MoreThan(after), verified: true },
        order: { id: 'ASC' },
        take: VERIFY_BATCH,
      })
    ).map((r) => r.id);
    const unearned = ids.find((id) => !earned.has(id));
    if (unearned !== undefined) {
      return {
        ok: false,
        checkedEntries: checked,
        firstBrokenEntryId: null,
        serviceHoursId: String(unearned),
        reason: '已审核的服务时长没有账本记录 (a verified service-hours record has no ledger entry)',
      };
    }
    if (ids.length < VERIFY_BATCH) break;
    after = ids[ids.length - 1];
  }
  return { ok: true, checkedEntries: checked, firstBrokenEntryId: null, serviceHoursId: null, reason: null };
}
