import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { HubContext } from './context';

/** One listener for every request: it keeps nothing of its own, so nothing is made per request. */
const noteOutcome: GraphQLRequestListener<HubContext> = {
  async willSendResponse({ operationName, request, response, contextValue }) {
    contextValue.outcome.operationName = operationName ?? request.operationName ?? undefined;
    if (response.body.kind !== 'single') return;
    const errors = response.body.singleResult.errors;
    if (!errors?.length) return;
    const codes: string[] = [];
    for (const error of errors) {
      const code = error.extensions?.code;
      const named = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
      if (!codes.includes(named)) codes.push(named);
    }
    contextValue.outcome.errorCodes = codes;
  },
};

/**
 * Notes on the context what the HTTP face reports about a request once it has answered (its log line and
 * metrics, src/server/observability.ts): the operation's name, and the distinct codes of the errors the client
 * sees (after masking).
 */
export function requestOutcomePlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return noteOutcome;
    },
  };
}
