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
function anonymous(context: HubContext): boolean {
  return (
    context.identity.role === Role.PUBLIC &&
    context.authorization === undefined &&
    context.session === undefined &&
    context.responseCookies.length === 0
  );
}

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
            body: { kind: 'single', singleResult: { data: JSON.parse(found.hit) as Record<string, unknown> } },
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
