import type { DataSource } from 'typeorm';

/**
 * What every transaction that can change public data tells the public-read cache (docs/decisions.md, "Cached
 * public reads"): `begin` marks the write in flight and bumps the write generation before the transaction starts;
 * the returned `end` bumps it again and clears the mark after it committed or rolled back. A read may use or fill
 * the cache only while no write is in flight, and fills it only if the generation did not move during the read.
 */
export interface WriteFence {
  begin(): Promise<() => Promise<void>>;
}

const fences = new WeakMap<DataSource, Set<WriteFence>>();

/**
 * Adds a fence the writes on `dataSource` go through (a hub's cache; the CLI's when REDIS_URL is set); several
 * hubs on one data source (tests) each add theirs. Returns its removal.
 */
export function fenceWrites(dataSource: DataSource, fence: WriteFence): () => void {
  const set = fences.get(dataSource) ?? new Set<WriteFence>();
  fences.set(dataSource, set);
  set.add(fence);
  return () => void set.delete(fence);
}

/**
 * Runs one write transaction inside the fences of its data source, if it has any. A write that cannot mark itself
 * (Redis unreachable) does not run: unmarked, it could leave a cached answer of before it valid after it.
 */
export async function fencedWrite<T>(dataSource: DataSource, run: () => Promise<T>): Promise<T> {
  const set = fences.get(dataSource);
  if (!set?.size) return run();
  const ends: (() => Promise<void>)[] = [];
  try {
    for (const fence of set) ends.push(await fence.begin());
    return await run();
  } finally {
    for (const end of ends) await end();
  }
}
