import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import type { HubContext } from '../graphql/context';
import { composeSupergraph } from './compose';
import { CachedLocalDataSource } from './local-data-source';
import type { BuiltSubgraph, SubgraphName } from './subgraph';

export interface GatewayOptions {
  /** Every subgraph's built schema: its SDL composes the supergraph; it runs in-process unless remote. */
  subgraphs: readonly BuiltSubgraph[];
  /** Subgraphs served elsewhere, by name → GraphQL URL. */
  remote?: Partial<Record<SubgraphName, string>>;
}

/**
 * Passes the caller's own bearer token on: a remote subgraph verifies it itself, exactly as behind any other
 * Federation router, and trusts nothing the gateway could assert. The request id goes along, so the subgraph's log
 * lines carry the same id as the gateway's.
 */
class AuthorizationForwardingDataSource extends RemoteGraphQLDataSource<HubContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): void {
    if (request.http && context?.authorization) request.http.headers.set('authorization', context.authorization);
    if (request.http && context?.requestId) request.http.headers.set('x-request-id', context.requestId);
  }
}

/**
 * Apollo Gateway over local and remote subgraphs. The supergraph is composed from the subgraphs' own SDL at
 * start, so it always matches the code; `schema/supergraph.graphql` is the same text for other routers.
 */
export function createGateway({ subgraphs, remote = {} }: GatewayOptions): ApolloGateway {
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
      if (remoteUrl) return new AuthorizationForwardingDataSource({ url: remoteUrl });
      const local = byName.get(name as SubgraphName);
      if (!local) throw new Error(`no subgraph named ${name} (${url})`);
      return new CachedLocalDataSource(local.schema);
    },
  });
}
