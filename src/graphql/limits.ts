import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { HubContext } from './context';

/**
 * Request-shape limits (graphql-armor), chosen for this schema: the deepest query a client needs (region →
 * parent → parent … or services → provider → region) is 6 levels and the largest document the tests and README
 * use is under 140 tokens, GraphiQL's introspection under 190. The limits sit well above that and below abuse:
 * 16 aliases, 51 directives or a field repeated 500 times are refused before execution.
 */
export const REQUEST_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 500,
  maxCost: 5000,
} as const;

export function armor(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: REQUEST_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: REQUEST_LIMITS.maxAliases },
    maxDirectives: { n: REQUEST_LIMITS.maxDirectives },
    maxTokens: { n: REQUEST_LIMITS.maxTokens },
    costLimit: { maxCost: REQUEST_LIMITS.maxCost, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

export interface RateLimits {
  perToken: number;
  perAddress: number;
}

/** Mutations per minute per token subject and per client address; queries are not limited here. */
export function mutationRateLimitPlugin(limits: RateLimits): ApolloServerPlugin<HubContext> {
  const byToken = new RateLimiterMemory({ points: limits.perToken, duration: 60 });
  const byAddress = new RateLimiterMemory({ points: limits.perAddress, duration: 60 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          try {
            await byAddress.consume(contextValue.clientAddress ?? 'unknown');
            if (contextValue.identity.role !== 'PUBLIC') await byToken.consume(contextValue.identity.subject);
          } catch (rejection) {
            if (!(rejection instanceof RateLimiterRes)) throw rejection;
            const seconds = Math.ceil(rejection.msBeforeNext / 1000);
            throw new GraphQLError(`操作过于频繁,请 ${seconds} 秒后再试 (too many mutations; retry in ${seconds} s)`, {
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds, http: { status: 429 } },
            });
          }
        },
      };
    },
  };
}
