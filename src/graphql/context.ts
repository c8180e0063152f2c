import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { newAuditState, type AuditState } from '../audit/audit-log';
import { createAuthenticator } from '../auth/edge';
import { PUBLIC_IDENTITY, type Identity } from '../auth/identity';
import type { SessionConfig, SessionInfo } from '../auth/sessions';
import type { Config, DataKeyRing } from '../config/config';
import type { ReferenceLookups } from './references';

/**
 * Per-request context. In-process, the gateway hands this same object to every subgraph, so they all share one
 * loader cache per request; a subgraph served alone builds its own.
 */
export interface HubContext {
  dataSource: DataSource;
  requestId: string;
  identity: Identity;
  /**
   * Keys of personal data at rest (residents' phones, TOTP secrets); from config, never from a request. New
   * values are sealed with `current`; a value still under `previous` (a rotation `wushe rekey` has not finished)
   * is opened too.
   */
  dataKeys: DataKeyRing;
  /** The caller's own `Authorization` header, passed on unchanged to subgraphs served elsewhere. */
  authorization?: string;
  /** The caller's address, for per-address limits and the audit log. */
  clientAddress?: string;
  loaders: Map<string, DataLoader<unknown, unknown>>;
  /** Lookups of the subgraphs running in this process, for checking the ids a write takes (references.ts). */
  references: ReferenceLookups;
  /** The running mutation, refusals and personal-data reads this request has to audit. */
  audit: AuditState;
  /** The signed-in session the request came with (cookie), absent for tokens and anonymous callers. */
  session?: SessionInfo;
  /** `Set-Cookie` values the HTTP answer carries (sign-in, sign-out, a stale cookie cleared). */
  responseCookies: string[];
  /** Lifetimes and cookie attributes of the sessions a sign-in opens; from config. */
  sessions: SessionConfig;
  /** Set by readClock (clock.ts): the answer depends on the time, so it is not cached. */
  clockRead?: boolean;
  /**
   * Filled as the answer leaves (request-outcome.ts), for the request's log line and metrics. An object of its own
   * because Apollo runs the request on a shallow copy of the context: the HTTP face reads it through this reference.
   */
  outcome: RequestOutcomeNote;
}

/** The operation's name and the distinct `extensions.code`s of the answer's errors. */
export interface RequestOutcomeNote {
  operationName?: string;
  errorCodes?: string[];
}

export interface RequestContexts {
  /**
   * A fresh context (request id, loaders, audit state) for a caller already known; `authorization` is the
   * caller's header, forwarded to remote subgraphs.
   */
  context(identity?: Identity, clientAddress?: string, authorization?: string): HubContext;
  /**
   * The context of an HTTP request: its verified identity (or an UNAUTHENTICATED error) from a bearer token or a
   * session cookie, address and header; `requestId` is the one the HTTP face chose (src/server/request-id.ts).
   */
  contextFor(request: IncomingMessage, requestId?: string): Promise<HubContext>;
}

export interface RequestContextOptions {
  dataSource: DataSource;
  /** Verifies bearer tokens (`auth`) and seals and opens personal data (`dataKeys`). */
  config: Pick<Config, 'auth' | 'dataKeys'>;
  /** Lookups for the ids a write takes: the subgraphs in this process, and remote ones over HTTP. */
  references?: ReferenceLookups;
}

/**
 * The one builder of request contexts: the hub, a subgraph served alone, the benchmark's reference server and
 * tests all build theirs here, so every context carries the same fields.
 */
export function requestContexts({ dataSource, config, references = {} }: RequestContextOptions): RequestContexts {
  const authenticate = createAuthenticator(config.auth, dataSource);
  const context: RequestContexts['context'] = (identity = PUBLIC_IDENTITY, clientAddress, authorization) => ({
    dataSource,
    dataKeys: config.dataKeys,
    requestId: randomUUID(),
    identity,
    clientAddress,
    authorization,
    loaders: new Map(),
    references,
    audit: newAuditState(),
    responseCookies: [],
    outcome: {},
    sessions: config.auth.sessions,
  });
  return {
    context,
    contextFor: async (request, requestId) => {
      const { identity, session, cookies } = await authenticate(request.headers);
      const built = context(identity, request.socket.remoteAddress, request.headers.authorization);
      if (requestId !== undefined) built.requestId = requestId;
      built.session = session;
      built.responseCookies.push(...cookies);
      return built;
    },
  };
}

/** Disabled only by the benchmark's naive peer (DATALOADER_BATCHING=off in bench/run.ts), to measure what batching buys. */
let batchingEnabled = true;
export function setBatching(enabled: boolean): void {
  batchingEnabled = enabled;
}

/** Keys per batch: one IN list stays modest. */
const MAX_BATCH_SIZE = 500;

/**
 * Keys per batch for loaders keyed by region that group by code prefix (see prefixGroups): the whole division tree
 * of a city (Yuxi: 784 units) fits in one batch, so a level of the tree costs one statement however wide it is.
 */
export const REGION_BATCH_SIZE = 5000;

/**
 * Keys per batch for loaders keyed `region|category`: a statement depends only on the distinct regions of its
 * batch, and every region of a level brings all its categories at once, so they are never split.
 */
export const REGION_CATEGORY_BATCH_SIZE = REGION_BATCH_SIZE * 20;

/** The request's DataLoader for `key`, created on first use. */
export function loaderFor<K, V>(
  context: HubContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
  maxBatchSize = MAX_BATCH_SIZE,
): DataLoader<K, V> {
  let loader = context.loaders.get(key) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize, batch: batchingEnabled, cache: batchingEnabled });
    context.loaders.set(key, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders rows found by `IN (...)` back into the order of the requested keys; missing ones become null. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), row);
  return keys.map((key) => found.get(key) ?? null);
}
