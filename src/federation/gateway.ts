import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { subgraphTimeoutMs, type SubgraphTimeouts } from '../config/config';
import type { HubContext } from '../graphql/context';
import { describeThrown } from '../graphql/errors';
import { composeSupergraph } from './compose';
import { CachedLocalDataSource } from './local-data-source';
import type { BuiltSubgraph, SubgraphName } from './subgraph';
import { isSubgraphCode, reasonOf, subgraphUnavailable, type UnavailableReason } from './subgraph-unavailable';

export interface GatewayOptions {
  /** Every subgraph's built schema: its SDL composes the supergraph; it runs in-process unless remote. */
  subgraphs: readonly BuiltSubgraph[];
  /** Subgraphs served elsewhere, by name → GraphQL URL. */
  remote?: Partial<Record<SubgraphName, string>>;
  /** How long each remote subgraph may take before its fields are answered SUBGRAPH_UNAVAILABLE. */
  timeouts?: SubgraphTimeouts;
  /** Where a remote subgraph that did not answer is reported, with its address (which no client sees). */
  log?: (line: string) => void;
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** The subgraph's own coded errors, when it answered with a non-2xx status and a GraphQL body (429, 503, 400 …). */
function ownErrors(error: unknown): GraphQLFormattedError[] | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const body = (error.extensions.response as { body?: unknown } | undefined)?.body;
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const coded = errors.every(
    (e: GraphQLFormattedError) => typeof e?.message === 'string' && isSubgraphCode(e.extensions?.code),
  );
  return coded ? (errors as GraphQLFormattedError[]) : undefined;
}

/** Why a fetch that produced no usable answer failed: an HTTP answer that was not GraphQL, the timeout, or the network. */
function failureReason(error: unknown): UnavailableReason {
  if (error instanceof GraphQLError && error.extensions.response) return 'BAD_RESPONSE';
  if (error instanceof Error && error.message.startsWith('Expected JSON response body')) return 'BAD_RESPONSE';
  return reasonOf(error);
}

/**
 * A subgraph served elsewhere. Passes the caller's own bearer token on: the subgraph verifies it itself, exactly as
 * behind any other Federation router, and trusts nothing the gateway could assert. Each fetch is bounded by the
 * subgraph's timeout; a subgraph that is down, slow or answers something that is not GraphQL costs only its own
 * fields, answered SUBGRAPH_UNAVAILABLE (the rest of the answer comes back), and the log gets the detail. The
 * request id goes along, so the subgraph's log lines carry the same id as the gateway's.
 */
class RemoteSubgraphDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly timeoutMs: number,
    private readonly log: (line: string) => void,
  ) {
    super({ url });
    // Node's own fetch, whose signal bounds the whole exchange, headers and body alike.
    this.fetcher = ((input: string, init: RequestInit) =>
      fetch(input, {
        ...init,
        signal: AbortSignal.timeout(this.timeoutMs),
      })) as unknown as RemoteGraphQLDataSource['fetcher'];
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): void {
    if (!request.http || !context) return;
    if (context.authorization) request.http.headers.set('authorization', context.authorization);
    if (context.requestId) request.http.headers.set('x-request-id', context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<HubContext>): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      const own = ownErrors(error);
      if (own) return { errors: own };
      const reason = failureReason(error);
      const requestId = options.context?.requestId;
      this.log(
        `subgraph ${this.subgraph} unavailable (${reason}) at ${this.url}` +
          `${requestId ? ` [request ${requestId}]` : ''}: ${describeThrown(error).split('\n')[0]}`,
      );
      return { errors: [subgraphUnavailable(this.subgraph, reason, this.timeoutMs)] };
    }
  }
}

/**
 * Apollo Gateway over local and remote subgraphs. The supergraph is composed from the subgraphs' own SDL at
 * start, so it always matches the code; `schema/supergraph.graphql` is the same text for other routers.
 */
export function createGateway({
  subgraphs,
  remote = {},
  timeouts = { defaultMs: 5000, byName: {} },
  log = (line) => process.stderr.write(`${line}\n`),
}: GatewayOptions): ApolloGateway {
  const supergraphSdl = composeSupergraph(subgraphs);
  const byName = new Map(subgraphs.map((s) => [s.name, s]));
  // Apollo Gateway otherwise sends anonymous usage metrics to Apollo and probes cloud metadata addresses
  // (169.254.169.254, metadata.google.internal) on every start; a city's hub talks to nobody it was not told to.
  // The gateway reads this switch from the environment only.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }): GraphQLDataSource => {
      const remoteUrl = remote[name as SubgraphName];
      if (remoteUrl) return new RemoteSubgraphDataSource(name, remoteUrl, subgraphTimeoutMs(timeouts, name), log);
      const local = byName.get(name as SubgraphName);
      if (!local) throw new Error(`no subgraph named ${name} (${url})`);
      return new CachedLocalDataSource(local.schema);
    },
  });
}
