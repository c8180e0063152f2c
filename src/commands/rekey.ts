import { createHmac } from 'node:crypto';
import { IsNull, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { DataKey, DataKeys } from '../config/config';
import { Account } from '../auth/account.entity';
import { forUpdate } from '../db/rows';
import { fencedWrite } from '../db/write-fence';
import { openingKeys, protect, unprotect } from '../graphql/personal-data';
import { Resident } from '../subgraphs/community/resident.entity';
import { Need } from '../subgraphs/linkage/need.entity';

/** Every column holding a sealed value, with the column beside it naming the key that sealed it. */
export const SEALED_COLUMNS: readonly {
  label: string;
  entity: EntityTarget<ObjectLiteral>;
  sealed: string;
  keyId: string;
}[] = [
  { label: 'resident.phone', entity: Resident, sealed: 'phoneSealed', keyId: 'phoneKeyId' },
  { label: 'need.contactPhone', entity: Need, sealed: 'contactPhoneSealed', keyId: 'contactPhoneKeyId' },
  // One key id for both TOTP columns: an account holds a pending secret only while it has no confirmed one.
  { label: 'account.totpSecret', entity: Account, sealed: 'totpSecret', keyId: 'totpKeyId' },
  { label: 'account.totpPendingSecret', entity: Account, sealed: 'totpPendingSecret', keyId: 'totpKeyId' },
];

/** Values sealed before key ids existed carry none; they were sealed with a key derived from JWT_SECRET. */
const LEGACY_KEY_ID = 'legacy';

export function legacyDataKey(jwtSecret: string): DataKey {
  return { id: LEGACY_KEY_ID, key: createHmac('sha256', jwtSecret).update('wushe-data').digest() };
}

export class RekeyError extends Error {}

export interface RekeyOptions {
  keys: DataKeys;
  /** For values sealed before key ids were stored (see legacyDataKey). */
  jwtSecret: string;
  batchSize?: number;
}

/**
 * Re-seals every value not yet under the current DATA_KEY, a batch of rows per transaction (rows locked on
 * MySQL), so it can stop anywhere and run again: rows already under the current key are never touched. A value
 * no configured key opens stops the run with its row named, before that batch changes anything.
 */
export async function rekey(dataSource: DataSource, options: RekeyOptions): Promise<Record<string, number>> {
  const { current } = options.keys;
  const ring = [...openingKeys(options.keys), legacyDataKey(options.jwtSecret)];
  const batchSize = options.batchSize ?? 500;
  const counts: Record<string, number> = {};
  for (const column of SEALED_COLUMNS) {
    counts[column.label] = 0;
    let after = 0;
    for (;;) {
      const done = await fencedWrite(dataSource, () =>
        dataSource.transaction(async (manager) => {
          const repository = manager.getRepository(column.entity);
          const rows: ObjectLiteral[] = await forUpdate(
            repository
              .createQueryBuilder('t')
              .select(['t.id', `t.${column.sealed}`, `t.${column.keyId}`])
              .where(`t.${column.sealed} IS NOT NULL`)
              .andWhere(`(t.${column.keyId} IS NULL OR t.${column.keyId} <> :current)`, { current: current.id })
              .andWhere('t.id > :after', { after })
              .orderBy('t.id')
              .limit(batchSize),
          ).getMany();
          for (const row of rows) {
            const keyId = (row[column.keyId] as string | null) ?? LEGACY_KEY_ID;
            let plain: string;
            try {
              plain = unprotect(ring, { sealed: row[column.sealed] as string, keyId });
            } catch {
              throw new RekeyError(
                `${column.label} of row ${row.id}: no configured key opens it (key id ${keyId}); set DATA_KEY_PREVIOUS to the key it was sealed with`,
              );
            }
            const resealed = protect(current, plain);
            await repository.update(
              { id: row.id, [column.keyId]: row[column.keyId] ?? IsNull() },
              { [column.sealed]: resealed.sealed, [column.keyId]: resealed.keyId },
            );
          }
          counts[column.label] += rows.length;
          if (rows.length) after = rows[rows.length - 1].id as number;
          return rows.length < batchSize;
        }),
      );
      if (done) break;
    }
  }
  return counts;
}
