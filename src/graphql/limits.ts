import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { BudgetConfig, RateLimits } from '../config/config';
import { requestStatements } from '../db/query-counter';
import { Admission, retryAfter } from './admission';
import type { HubContext } from './context';
import { computedFields, estimateCost } from './cost';
import { memoryRateLimiters, type RateLimit, type RateLimiters } from './rate-limiters';

import { REQUEST_LIMITS } from './request-limits';

export { REQUEST_LIMITS };

export function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: REQUEST_LIMITS.maxAliases },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives },
    // Counted by graphql-js's own parser instead (PARSE_OPTIONS): armor's plugin throws from a hook, which Apollo
    // answers with HTTP 500, and it turns every syntax error into a validation error.
    maxTokens: { enabled: false },
    // A document's cost has one measure, the schema-aware estimate of cost.ts that budgetPlugin charges against
    // QUERY_COST_LIMIT; armor's own cost count would be a second, differently counted limit.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/** graphql-js refuses documents over the token limit while parsing: GRAPHQL_PARSE_FAILED, HTTP 400. */
export const PARSE_OPTIONS = { maxTokens: REQUEST_LIMITS.maxTokens } as const;

function refusal(message: string, code: string, status: number, extra: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status } } });
}

/**
 * Requests that name no operation of the document, or a subscription (there are none), are the client's mistake:
 * HTTP 400 with the codes Apollo Server gives them, before the gateway sees them.
 */
export function operationPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            throw refusal(
              request.operationName
                ? `文档中没有名为 "${request.operationName.slice(0, 64)}" 的操作 (unknown operation named "${request.operationName.slice(0, 64)}")`
                : '文档含多个操作,请用 operationName 指定一个 (the document has several operations; name one in operationName)',
              'OPERATION_RESOLUTION_FAILURE',
              400,
            );
          }
          if (operation.operation === 'subscription') {
            throw refusal('不支持订阅 (subscriptions are not supported)', 'BAD_REQUEST', 400);
          }
        },
      };
    },
  };
}

function rateLimited(rejection: RateLimiterRes, what: string): GraphQLError {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  return new GraphQLError(`操作过于频繁,请 ${seconds} 秒后再试 (too many ${what}; retry in ${seconds} s)`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds: seconds,
      http: retryAfter(429, seconds),
    },
  });
}

async function consume(limiters: [RateLimit, string | undefined][], points: number, what: string) {
  if (points <= 0) return;
  try {
    for (const [limiter, key] of limiters) if (key !== undefined) await limiter.consume(key, points);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    throw rateLimited(rejection, what);
  }
}

/**
 * The per-request budget, before anything runs: the document's estimated cost (src/graphql/cost.ts) must fit
 * `maxCost`; it is charged per minute to the caller's token, or to its address when anonymous; each mutation field,
 * aliases included, is charged to the mutation limits; the request's SQL statements are capped at run time; and it
 * waits for room in the admission line for its estimated statements, released when it answers. The limits are
 * counted by `limiters` (shared through Redis when REDIS_URL is set); admission is always this process's own, as
 * it guards this process's database pool.
 */
export function budgetPlugin(
  budget: BudgetConfig,
  mutations: RateLimits,
  limiters: RateLimiters = memoryRateLimiters(),
): ApolloServerPlugin<HubContext> {
  const computed = computedFields();
  const costByToken = limiters.limiter('cost-per-token', budget.costPerMinutePerToken, 60);
  const costByAddress = limiters.limiter('cost-per-address', budget.costPerMinutePerAddress, 60);
  const mutationsByToken = limiters.limiter('mutations-per-token', mutations.perToken, mutations.windowSeconds);
  const mutationsByAddress = limiters.limiter('mutations-per-address', mutations.perAddress, mutations.windowSeconds);
  const admission = new Admission(budget.statementsInFlight, budget.admissionWaitMs);
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      // Another plugin refusing the request (the operation allow-list) answers it while this one may still wait
      // for admission: room granted after the answer is handed back at once, never kept.
      let answered = false;
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation || operation.operation === 'subscription') return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const estimate = estimateCost(schema, operation, fragments, request.variables, computed);
          if (estimate.cost > budget.maxCost) {
            throw refusal(
              `查询代价过高:估计 ${estimate.cost},每个请求上限 ${budget.maxCost} (estimated cost ${estimate.cost} is over the limit of ${budget.maxCost} per request)`,
              'COST_LIMIT_EXCEEDED',
              400,
              { cost: estimate.cost, maxCost: budget.maxCost },
            );
          }
          const address = contextValue.clientAddress ?? 'unknown';
          const subject = contextValue.identity.role === 'PUBLIC' ? undefined : contextValue.identity.subject;
          await consume(
            [
              [mutationsByAddress, address],
              [mutationsByToken, subject],
            ],
            estimate.mutationFields,
            'mutations',
          );
          // Anonymous work is charged to its address; a token's to the token, so staff behind one office address
          // do not share one budget.
          await consume(
            [subject === undefined ? [costByAddress, address] : [costByToken, subject]],
            estimate.cost,
            'queries',
          );
          const statements = requestStatements.getStore();
          if (statements) statements.limit = Math.min(statements.limit, budget.statementsPerRequest);
          const granted = await admission.acquire(estimate.statements);
          if (answered) granted();
          else release = granted;
        },
        async willSendResponse() {
          answered = true;
          release?.();
        },
      };
    },
  };
}
