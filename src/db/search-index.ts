import {
  Column,
  Entity,
  EventSubscriber,
  Index,
  PrimaryColumn,
  type DataSource,
  type EntityManager,
  type EntityMetadata,
  type EntitySubscriberInterface,
  type InsertEvent,
  type ObjectLiteral,
  type RemoveEvent,
  type UpdateEvent,
} from 'typeorm';
import { nameKey, nameLengthKey, normalizeSearchText, searchTokens } from './search-text';
import { fencedWrite } from './write-fence';

/**
 * The search index, the same tables on every database: per searchable row, its normalised fields (`search_text`,
 * what a search's substring test reads) and the characters and character pairs they hold (`search_token`, how a
 * search finds its few candidate rows without reading every row). Kept in the same transaction as each write of a
 * searchable row, by the subscriber below and by the seed's loader.
 */

/** What a table offers to search: its kind in the index, its fields (the first is its name), its category. */
export interface SearchableSpec {
  kind: string;
  fields: readonly string[];
  /** Property holding a ServiceCategory, for rows found through their category's words. */
  category?: string;
}

const searchables = new Map<unknown, SearchableSpec>();

/** Marks an entity as searchable; its numeric or digit-string id is the index's row id. */
export function Searchable(spec: SearchableSpec): ClassDecorator {
  return (target) => {
    searchables.set(target, spec);
  };
}

export function searchableSpec(target: unknown): SearchableSpec | undefined {
  return searchables.get(target);
}

@Entity()
export class SearchText {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind!: string;

  @PrimaryColumn({ type: 'bigint' })
  rowId!: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  field!: string;

  @Column({ type: 'text' })
  content!: string;
}

@Entity()
@Index('idx_search_token_lookup', ['kind', 'token', 'rowId'], { unique: true })
export class SearchToken {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  kind!: string;

  @PrimaryColumn({ type: 'bigint' })
  rowId!: number;

  /** A code point, or a pair of them; negative for the name's own keys and length (search-text.ts). */
  @PrimaryColumn({ type: 'bigint' })
  token!: number;
}

export const SEARCH_INDEX_ENTITIES = [SearchText, SearchToken];

/** Rows per INSERT into the index: 4 placeholders each, well under every engine's limit. */
const ROWS_PER_STATEMENT = 500;

function rowIdOf(id: unknown): number {
  const rowId = Number(id);
  if (!Number.isSafeInteger(rowId)) throw new Error(`search index: row id ${String(id)} is not a whole number`);
  return rowId;
}

interface IndexRows {
  texts: SearchText[];
  tokens: SearchToken[];
}

/** The index rows of some rows of one kind. */
export function indexRowsOf(spec: SearchableSpec, rows: readonly ObjectLiteral[]): IndexRows {
  const texts: SearchText[] = [];
  const tokens: SearchToken[] = [];
  for (const row of rows) {
    const rowId = rowIdOf(row.id);
    const held = new Set<number>();
    for (const field of spec.fields) {
      const value: unknown = row[field];
      if (value === null || value === undefined) continue;
      const content = normalizeSearchText(String(value));
      if (!content) continue;
      texts.push({ kind: spec.kind, rowId, field, content });
      const isName = field === spec.fields[0];
      for (const token of searchTokens(content)) {
        held.add(token);
        if (isName) held.add(nameKey(token));
      }
      if (isName) held.add(nameLengthKey(content));
    }
    for (const token of held) tokens.push({ kind: spec.kind, rowId, token });
  }
  return { texts, tokens };
}

async function insertAll(manager: EntityManager, { texts, tokens }: IndexRows): Promise<void> {
  for (const [entity, rows] of [
    [SearchText, texts],
    [SearchToken, tokens],
  ] as const) {
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(start, start + ROWS_PER_STATEMENT))
        .callListeners(false)
        .updateEntity(false)
        .execute();
    }
  }
}

async function deleteIndexOf(manager: EntityManager, kind: string, rowIds: number[]): Promise<void> {
  for (const entity of SEARCH_INDEX_ENTITIES) {
    await manager
      .createQueryBuilder()
      .delete()
      .from(entity)
      .where('kind = :kind AND row_id IN (:...rowIds)', { kind, rowIds })
      .callListeners(false)
      .execute();
  }
}

/**
 * Rewrites the index of one row from the row as the database now holds it: read with the transaction's own view,
 * which after this transaction's UPDATE is the row as it will be committed, even if a parallel write changed other
 * fields of it first. Lock order: the row (taken by the write), then its index rows.
 */
async function reindexRow(manager: EntityManager, metadata: EntityMetadata, spec: SearchableSpec, id: unknown) {
  const rowId = rowIdOf(id);
  const row = await manager
    .createQueryBuilder(metadata.target, 'row')
    .select(['row.id', ...spec.fields.map((field) => `row.${field}`)])
    .where('row.id = :id', { id })
    .getOne();
  await deleteIndexOf(manager, spec.kind, [rowId]);
  if (row) await insertAll(manager, indexRowsOf(spec, [row]));
}

function idOf(event: UpdateEvent<ObjectLiteral>): unknown {
  const id: unknown = event.entity?.id ?? event.databaseEntity?.id;
  return id === null ? undefined : id;
}

/**
 * Keeps the index in step with every write made through TypeORM's entity manager (save, insert, remove), inside
 * the write's own transaction. A bulk UPDATE of a searchable field that names no row cannot be followed, so it is
 * refused loudly rather than leaving the index stale.
 */
@EventSubscriber()
export class SearchIndexSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const spec = searchableSpec(event.metadata.target);
    if (!spec) return;
    await insertAll(event.manager, indexRowsOf(spec, [event.entity]));
  }

  /** Refuses, before it runs, an UPDATE of searchable columns that names no row (a query builder's bulk update). */
  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    const spec = searchableSpec(event.metadata.target);
    if (!spec || idOf(event) !== undefined) return;
    const touched = Object.keys(event.entity ?? {}).filter((property) => spec.fields.includes(property));
    if (touched.length)
      throw new Error(`search index: update ${spec.kind}.${touched.join(', ')} through save() so its index follows`);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const spec = searchableSpec(event.metadata.target);
    const id = idOf(event);
    if (!spec || id === undefined) return;
    const changed = event.updatedColumns.some((column) => spec.fields.includes(column.propertyName));
    if (changed) await reindexRow(event.manager, event.metadata, spec, id);
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const spec = searchableSpec(event.metadata.target);
    const id: unknown = event.entityId ?? event.databaseEntity?.id ?? event.entity?.id;
    if (!spec || id === undefined || id === null) return;
    await deleteIndexOf(event.manager, spec.kind, [rowIdOf(id)]);
  }
}

/** Empties the index of these kinds (the seed's loader, before it loads their tables again). */
export async function clearSearchIndex(manager: EntityManager, kinds: string[]): Promise<void> {
  if (!kinds.length) return;
  for (const entity of SEARCH_INDEX_ENTITIES) {
    await manager
      .createQueryBuilder()
      .delete()
      .from(entity)
      .where('kind IN (:...kinds)', { kinds })
      .callListeners(false)
      .execute();
  }
}

/** Indexes every row of a searchable table as the database holds it (the seed, and a test's fresh rebuild). */
export async function indexTable(manager: EntityManager, target: unknown): Promise<number> {
  const spec = searchableSpec(target);
  if (!spec) return 0;
  const rows = await manager
    .createQueryBuilder(target as never, 'row')
    .select(['row.id', ...spec.fields.map((field) => `row.${field}`)])
    .getMany();
  const index = indexRowsOf(spec, rows as ObjectLiteral[]);
  await insertAll(manager, index);
  return index.tokens.length;
}

/**
 * Builds the index of a database whose rows predate it (a MySQL database migrated to the index, an SQLite file
 * whose new tables were just created): when the index is empty but a searchable table is not, every searchable
 * table is indexed in one transaction. Run before the hub listens; returns the tokens written.
 */
export async function ensureSearchIndex(dataSource: DataSource): Promise<number> {
  const targets = dataSource.entityMetadatas.map((m) => m.target).filter((target) => searchableSpec(target));
  if (!targets.length || (await dataSource.getRepository(SearchText).exists())) return 0;
  const filled = await Promise.all(targets.map((target) => dataSource.getRepository(target).exists()));
  if (!filled.some(Boolean)) return 0;
  // Fenced: a search cached before the index existed must not outlive it.
  return fencedWrite(dataSource, () =>
    dataSource.transaction(async (manager) => {
      let tokens = 0;
      for (const target of targets) tokens += await indexTable(manager, target);
      return tokens;
    }),
  );
}
