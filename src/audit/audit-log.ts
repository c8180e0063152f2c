import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FieldNode, type GraphQLFieldResolver } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '../auth/identity';
import type { Logger } from '../config/logger';
import { requestStatements } from '../db/query-counter';
import { oneWriteAtATime } from '../db/sqlite-writes';
import { AuditEntry, AuditKind } from './audit-entry.entity';

/**
 * What one request has to audit, kept on its context. Committed mutations are written by `inTransaction` with
 * the transaction's own manager; refusals and personal-data reads are collected here and written once, when the
 * request ends (in-process, the hub and its subgraphs share this state; a subgraph served alone has its own).
 */
export interface AuditState {
  /** The mutation field running now; top-level mutation fields run one after another, never at once. */
  mutation?: RunningMutation;
  /** The request's refusal: the first refused mutation field, and how many were refused. */
  refusal?: { operation: string; target: string; outcome: string; count: number };
  /** Personal data read, per record: `Resident:12` → { name, phone }. */
  reads: Map<string, Set<string>>;
  /** Execution started: anything refused before that was refused at the edge (limits, validation). */
  executed: boolean;
}

interface RunningMutation {
  operation: string;
  args: Record<string, unknown>;
  /** Set once a transaction carrying its audit row has committed. */
  committed: boolean;
  /** What the row says instead of the caller's subject and OK: see `auditOutcome`. */
  subject?: string;
  outcome?: string;
}

/** What the audit log needs of a request's context (the GraphQL context holds this and more). */
export interface AuditedRequest {
  dataSource: DataSource;
  requestId: string;
  identity: Identity;
  clientAddress?: string;
  audit: AuditState;
}

export function newAuditState(): AuditState {
  return { reads: new Map(), executed: false };
}

const isIdKey = (key: string) => key === 'id' || key === 'ids' || key.endsWith('Id') || key.endsWith('Ids');

/** `id=12`, `activityId=3 volunteerId=5`, plus `→ 41` for the id a mutation returned. */
export function describeTarget(args: Record<string, unknown>, result?: unknown): string {
  const named: string[] = [];
  const visit = (value: Record<string, unknown>) => {
    for (const [key, item] of Object.entries(value)) {
      if (isIdKey(key) && (typeof item === 'string' || typeof item === 'number')) named.push(`${key}=${item}`);
      else if (isIdKey(key) && Array.isArray(item)) named.push(`${key}=${item.join(',')}`);
      else if (item && typeof item === 'object' && !Array.isArray(item)) visit(item as Record<string, unknown>);
    }
  };
  visit(args);
  const returned = (result as { id?: unknown } | null | undefined)?.id;
  if (returned !== undefined && returned !== null) named.push(`→ ${String(returned)}`);
  return named.join(' ').slice(0, 255) || '-';
}

function entry(context: AuditedRequest, fields: Partial<AuditEntry> & Pick<AuditEntry, 'kind' | 'operation'>) {
  const { identity } = context;
  return {
    at: new Date(),
    requestId: context.requestId,
    subject: identity.subject.slice(0, 128),
    role: identity.role,
    regionId: identity.regionId ?? null,
    target: '-',
    record: null,
    outcome: 'OK',
    count: 1,
    clientAddress: context.clientAddress?.slice(0, 64) ?? null,
    ...fields,
  };
}

/**
 * Called by `inTransaction` with the transaction's manager, after the work and before the commit: the mutation
 * and its audit row commit together or not at all.
 */
export async function auditInTransaction(manager: EntityManager, context: AuditedRequest, result: unknown) {
  const running = context.audit.mutation;
  if (!running) return;
  await manager.getRepository(AuditEntry).insert(
    entry(context, {
      kind: AuditKind.MUTATION,
      operation: running.operation.slice(0, 64),
      target: describeTarget(running.args, result),
      ...(running.subject === undefined ? {} : { subject: running.subject.slice(0, 128) }),
      ...(running.outcome === undefined ? {} : { outcome: running.outcome.slice(0, 64) }),
    }),
  );
}

/**
 * For a mutation whose refusal must itself be committed (a failed sign-in counts towards the lockout): its row
 * names `subject` (the username tried, not the anonymous caller) and `outcome` (the error code it answers after
 * the commit). The committed row is then the refusal's only row.
 */
export function auditOutcome(context: AuditedRequest, fields: { subject?: string; outcome?: string }): void {
  const running = context.audit.mutation;
  if (!running) return;
  if (fields.subject !== undefined) running.subject = fields.subject;
  if (fields.outcome !== undefined) running.outcome = fields.outcome;
}

/** A transaction attempt starts afresh: an outcome noted by an attempt that was rolled back does not carry over. */
export function auditAttemptStarted(context: AuditedRequest): void {
  if (context.audit.mutation) context.audit.mutation.outcome = undefined;
}

/** A further row in the running mutation's transaction, for an event it caused (an account locked). */
export async function auditEvent(
  manager: EntityManager,
  context: AuditedRequest,
  fields: { operation: string; target: string; outcome: string; subject?: string },
): Promise<void> {
  await manager.getRepository(AuditEntry).insert(
    entry(context, {
      kind: AuditKind.MUTATION,
      ...fields,
      ...(fields.subject === undefined ? {} : { subject: fields.subject.slice(0, 128) }),
    }),
  );
}

export function transactionCommitted(context: AuditedRequest): void {
  if (context.audit.mutation) context.audit.mutation.committed = true;
}

function codeOf(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return String(code ?? 'INTERNAL_SERVER_ERROR').slice(0, 64);
}

function noteRefusal(state: AuditState, operation: string, target: string, outcome: string, count = 1) {
  if (state.refusal) state.refusal.count += count;
  else state.refusal = { operation: operation.slice(0, 64), target, outcome, count };
}

/**
 * Wraps a Mutation field's resolver: the field and its arguments become the running mutation that
 * `inTransaction` records, a refusal is noted for the end of the request, and a mutation that returns without
 * having committed through `inTransaction` is a bug, reported as one (masked at the edge).
 */
export function auditedMutation<Context extends AuditedRequest>(
  operation: string,
  resolve: GraphQLFieldResolver<unknown, Context>,
): GraphQLFieldResolver<unknown, Context> {
  return async (root, args: Record<string, unknown>, context, info) => {
    const running: RunningMutation = { operation, args, committed: false };
    context.audit.mutation = running;
    try {
      const result: unknown = await resolve(root, args, context, info);
      if (!running.committed) throw new Error(`mutation ${operation} returned without committing its audit row`);
      return result;
    } catch (error) {
      // A refusal committed with its own row (auditOutcome) is not counted twice.
      if (!running.committed) noteRefusal(context.audit, operation, describeTarget(args), codeOf(error));
      throw error;
    } finally {
      if (context.audit.mutation === running) context.audit.mutation = undefined;
    }
  };
}

/**
 * A read of personal data (a resident's name, phone or tags, a need's description or call-back number): noted
 * here, written with the request's other reads in one insert when the request ends.
 */
export function recordPersonalRead(context: AuditedRequest, type: string, id: number | string, field: string): void {
  const record = `${type}:${id}`;
  let fields = context.audit.reads.get(record);
  if (!fields) context.audit.reads.set(record, (fields = new Set()));
  fields.add(field);
}

/**
 * Refusal rows per caller (address and token subject) per minute; past that, one counter row per caller and
 * minute. Anonymous callers share the subject `anonymous`, so a flood from one address stays bounded.
 */
export const REFUSAL_ROWS_PER_MINUTE = 20;
const WINDOW_MS = 60_000;

interface RefusalWindow {
  startedAt: number;
  rows: number;
  counter?: Promise<number>;
}

// Per process: with several replicas each keeps its own bound, which still bounds the rows.
const refusalWindows = new Map<string, RefusalWindow>();

function windowFor(key: string, now: number): RefusalWindow {
  if (refusalWindows.size > 10_000) {
    for (const [other, window] of refusalWindows) if (now - window.startedAt >= WINDOW_MS) refusalWindows.delete(other);
  }
  let window = refusalWindows.get(key);
  if (!window || now - window.startedAt >= WINDOW_MS) refusalWindows.set(key, (window = { startedAt: now, rows: 0 }));
  return window;
}

async function writeRefusal(context: AuditedRequest, refusal: NonNullable<AuditState['refusal']>) {
  const repository = context.dataSource.getRepository(AuditEntry);
  const window = windowFor(`${context.clientAddress ?? '-'} ${context.identity.subject}`, Date.now());
  if (window.rows < REFUSAL_ROWS_PER_MINUTE) {
    window.rows += 1;
    await repository.insert(entry(context, { kind: AuditKind.REFUSAL, ...refusal }));
    return;
  }
  if (!window.counter) {
    const counted = repository.insert(
      entry(context, {
        kind: AuditKind.REFUSAL,
        operation: '(over limit)',
        target: `refusals past ${REFUSAL_ROWS_PER_MINUTE} a minute from this caller`,
        outcome: 'REFUSED',
        count: refusal.count,
      }),
    );
    window.counter = counted.then((result) => Number(result.identifiers[0].id));
    await window.counter;
    return;
  }
  await repository.increment({ id: await window.counter }, 'count', refusal.count);
}

async function flush(context: AuditedRequest): Promise<void> {
  const { reads, refusal } = context.audit;
  if (reads.size) {
    const rows = [...reads].map(([record, fields]) => {
      const [type, id] = record.split(':');
      return entry(context, {
        kind: AuditKind.READ,
        operation: `${type}.${[...fields].sort().join(',')}`.slice(0, 64),
        target: `id=${id}`,
        record,
      });
    });
    reads.clear();
    await context.dataSource.getRepository(AuditEntry).insert(rows);
  }
  if (refusal) {
    context.audit.refusal = undefined;
    await writeRefusal(context, refusal);
  }
}

/**
 * Ends each request's audit: a mutation refused before execution (limits, validation) is noted as one refusal,
 * then refusals and personal-data reads are written, once. Runs in the hub and in every subgraph served alone.
 */
export function auditPlugin<Context extends AuditedRequest>(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ contextValue }) {
          contextValue.audit.executed = true;
        },
        async willSendResponse({ operation, contextValue, response }) {
          const state = contextValue.audit;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (!state.executed && operation?.operation === 'mutation' && errors?.length) {
            const fields = operation.selectionSet.selections.filter(
              (selection): selection is FieldNode => selection.kind === Kind.FIELD,
            );
            const code = String(errors[0].extensions?.code ?? 'ERROR');
            noteRefusal(state, fields[0]?.name.value ?? '-', '-', code, Math.max(fields.length, 1));
          }
          try {
            // Outside the request's statement count: a request over its SQL budget still leaves its audit rows.
            await requestStatements.exit(() => oneWriteAtATime(contextValue.dataSource, () => flush(contextValue)));
          } catch (error) {
            logger.error(
              { requestId: contextValue.requestId, stack: (error as Error)?.stack ?? String(error) },
              'audit write failed',
            );
          }
        },
      };
    },
  };
}
