import { createHash } from 'node:crypto';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, MoreThan, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import type { HubContext } from '../../graphql/context';
import { forUpdate } from '../../graphql/transaction';

export enum LedgerKind {
  EARN = 'EARN',
  REDEEM = 'REDEEM',
}
registerEnumType(LedgerKind, { name: 'LedgerKind', description: '时间银行: hours earned by service, or redeemed' });

/**
 * 时间银行 ledger, append-only and tamper-evident: each entry's hash covers its content and the previous entry's
 * hash, so changing, deleting or reordering a row breaks the chain from there on.
 */
@Entity()
@ObjectType({ description: 'one entry of the hour ledger' })
export class HourLedgerEntry {
  @PrimaryGeneratedColumn()
  @Field(() => ID)
  id!: number;

  @Index()
  @Column({ type: 'int' })
  volunteerId!: number;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => LedgerKind)
  kind!: LedgerKind;

  @Column({ type: 'int' })
  @Field(() => Int)
  halfHours!: number;

  @Column({ type: 'varchar', length: 64 })
  @Field({ description: 'what it is for, e.g. hours:123 or a redemption note' })
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

export const GENESIS_HASH = '0'.repeat(64);

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

/** Appends inside the caller's transaction; the last entry is locked so two appends cannot share a parent. */
export async function appendToLedger(
  manager: EntityManager,
  entries: Omit<LedgerContent, 'recordedAt'>[],
): Promise<HourLedgerEntry[]> {
  const repository = manager.getRepository(HourLedgerEntry);
  const last = await forUpdate(repository.createQueryBuilder('l').orderBy('l.id', 'DESC').limit(1)).getOne();
  const recordedAt = nowToTheSecond();
  return repository.save(
    chain(
      last?.hash ?? GENESIS_HASH,
      entries.map((e) => ({ ...e, recordedAt })),
    ).map((e) => repository.create(e)),
  );
}

@ObjectType({ description: 'result of re-checking the whole hour ledger' })
export class LedgerVerification {
  @Field()
  ok!: boolean;

  @Field(() => Int)
  checkedEntries!: number;

  @Field(() => ID, { nullable: true, description: 'the first entry whose hash or link does not hold' })
  firstBrokenEntryId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

const VERIFY_BATCH = 5000;

/** Walks the chain in id order, in batches, recomputing every hash. */
export async function verifyLedger(context: HubContext): Promise<LedgerVerification> {
  const repository = context.dataSource.getRepository(HourLedgerEntry);
  let previous = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await repository.find({ where: { id: MoreThan(lastId) }, order: { id: 'ASC' }, take: VERIFY_BATCH });
    for (const entry of batch) {
      if (entry.previousHash !== previous) {
        return {
          ok: false,
          checkedEntries: checked,
          firstBrokenEntryId: String(entry.id),
          reason: '与上一条记录的链接不符 (previous hash does not match: a row was removed or reordered)',
        };
      }
      if (entryHash(previous, entry) !== entry.hash) {
        return {
          ok: false,
          checkedEntries: checked,
          firstBrokenEntryId: String(entry.id),
          reason: '记录内容已被改动 (the entry’s content does not match its hash)',
        };
      }
      previous = entry.hash;
      checked += 1;
    }
    if (batch.length < VERIFY_BATCH)
      return { ok: true, checkedEntries: checked, firstBrokenEntryId: null, reason: null };
    lastId = batch[batch.length - 1].id;
  }
}
