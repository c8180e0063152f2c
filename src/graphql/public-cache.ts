import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { Role } from '../auth/identity';
import type { PublicCacheStore } from '../db/public-cache-store';
import type { HubContext } from './context';

/**
 * Only anonymous queries share answers: no token, no session cookie (not even a stale one being cleared), role
 * PUBLIC. Every PUBLIC caller gets the same answer to the same document and variables, so nothing personal or
 * role-dependent can reach another caller.
 */
export function anonymous(context: HubContext): boolean {
  return (
    context.identity.role === Role.PUBLIC &&
    context.authorization === undefined &&
    context.session === undefined &&
    context.responseCookies.length === 0
  );
}

/** Deep-frozen: one parsed answer is handed to every caller that hits it, so nothing may change it. */
function frozen(value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The parsed form of recent hits, by cache key: a hit whose stored text is the one parsed last time reuses that
 * parse, so a repeated read costs no JSON.parse (for the nested bench query about a tenth of a hit's CPU). The
 * text itself is compared, so an entry replaced in the store (another generation, another hub through Redis) is
 * parsed again. Bounded by the characters of text it holds; the oldest go first.
 */
export class ParsedHits {
  private readonly entries = new Map<string, { text: string; data: Record<string, unknown> }>();
  private chars = 0;
  constructor(private readonly maxChars: number) {}

  parse(key: string, text: string): Record<string, unknown> {
    const known = this.entries.get(key);
    if (known?.text === text) return known.data;
    const data = frozen(JSON.parse(text)) as Record<string, unknown>;
    if (known) this.forget(key, known.text);
    if (text.length <= this.maxChars) {
      this.entries.set(key, { text, data });
      this.chars += text.length;
      for (const [oldest, entry] of this.entries) {
        if (this.chars <= this.maxChars) break;
        this.forget(oldest, entry.text);
      }
    }
    return data;
  }

  private forget(key: string, text: string) {
    this.entries.delete(key);
    this.chars -= text.length;
  }
}

/** Characters of answer text whose parse is kept (about 10–20 MB of objects). */
const PARSED_HITS_CHARS = 4_000_000;
/**
 * Lookups of this process's public cache, read by /metrics: answered from the cache, not found, or skipped (a write
 * in flight, or Redis unreachable). Plain counters, so a request pays nothing for them.
 */
export const publicCacheLookups = { hits: 0, misses: 0, skipped: 0 };

interface CachedRead {
  key: string;
  generation: string;
  hit: boolean;
}

/**
 * Answers repeated anonymous queries from `store` across requests (docs/decisions.md, "Cached public reads"). It
 * runs after every plugin's didResolveOperation, so limits, the cost budget and admission apply to a cached answer
 * as to any other; a hit then skips execution (no SQL). An answer is stored only when it has no errors, read no
 * personal data and did not read the clock (clock.ts), and only if no write began or ended while it ran.
 */
export function publicCachePlugin(store: PublicCacheStore): ApolloServerPlugin<HubContext> {
  const parsedHits = new ParsedHits(PARSED_HITS_CHARS);
  return {
    async requestDidStart() {
      let read: CachedRead | undefined;
      return {
        async responseForOperation({ contextValue, operation, queryHash, request }) {
          if (operation.operation !== 'query' || !anonymous(contextValue)) return null;
          const key = createHash('sha256')
            .update(JSON.stringify([queryHash, request.operationName ?? null, request.variables ?? {}]))
            .digest('base64url');
          const found = await store.lookup(key);
          if (!found) {
            publicCacheLookups.skipped += 1;
            return null;
          }
          read = { key, generation: found.generation, hit: found.hit !== undefined };
          if (found.hit === undefined) {
            publicCacheLookups.misses += 1;
            return null;
          }
          publicCacheLookups.hits += 1;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: parsedHits.parse(key, found.hit) } },
          };
        },
        async willSendResponse({ contextValue, response }) {
          if (!read || read.hit || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length || !data || contextValue.clockRead || contextValue.audit.reads.size > 0) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          await store.store(read.key, read.generation, JSON.stringify(data));
        },
      };
    },
  };
}
