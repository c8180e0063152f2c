import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { encodeIdentity, GATEWAY_SECRET_HEADER, IDENTITY_HEADER } from '../auth/edge';
import { Role } from '../auth/identity';
import type { HubContext } from '../graphql/context';
import { composeSupergraph } from './compose';
import { CachedLocalDataSource } from './local-data-source';
import type { BuiltSubgraph, SubgraphName } from './subgraph';

export interface GatewayOptions {
  /** Every subgraph's built schema: its SDL composes the supergraph; it runs in-process unless remote. */
  subgraphs: readonly BuiltSubgraph[];
  /** Subgraphs served elsewhere, by name → GraphQL URL. */
  remote?: Partial<Record<SubgraphName, string>>;
  /** Sent with the caller's identity to remote subgraphs, which trust nothing else. */
  gatewaySecret: string;
}

/** Forwards the identity the gateway verified; the shared secret proves the header comes from the gateway. */
class IdentityForwardingDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubContext>): void {
    if (!request.http || !context?.identity || context.identity.role === Role.PUBLIC) return;
    request.http.headers.set(IDENTITY_HEADER, encodeIdentity(context.identity));
    request.http.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
  }
}

/**
 * Apollo Gateway over local and remote subgraphs. The supergraph is composed from the subgraphs' own SDL at
 * start, so it always matches the code; `schema/supergraph.graphql` is the same text for other routers.
 */
export function createGateway({ subgraphs, remote = {}, gatewaySecret }: GatewayOptions): ApolloGateway {
  const supergraphSdl = composeSupergraph(subgraphs);
  const byName = new Map(subgraphs.map((s) => [s.name, s]));
  return new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }): GraphQLDataSource => {
      const remoteUrl = remote[name as SubgraphName];
      if (remoteUrl) return new IdentityForwardingDataSource(remoteUrl, gatewaySecret);
      const local = byName.get(name as SubgraphName);
      if (!local) throw new Error(`no subgraph named ${name} (${url})`);
      return new CachedLocalDataSource(local.schema);
    },
  });
}
