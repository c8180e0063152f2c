import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { createGatewayAuthenticator } from '../auth/edge';
import type { Config } from '../config/config';
import { openDatabase, type Database } from '../db/data-source';
import { entitiesOf, subgraphByName, type SubgraphName } from '../federation/registry';
import { buildSubgraph } from '../federation/subgraph';
import { createContext, type HubContext } from '../graphql/context';
import { apolloOptions, createHub } from './hub';
import { closeOnSignals, createHttpServer, listen } from './http-server';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function health(database: Database): Promise<void> {
  await database.dataSource.query('SELECT 1');
}

/** The hub over HTTP: gateway plus subgraphs (in-process unless named in `remote`). */
export async function serveHub(config: Config, database: Database, remote: Partial<Record<SubgraphName, string>> = {}) {
  const hub = await createHub({ config, database, remote, log });
  const server = createHttpServer({
    apollo: hub.server,
    context: async (request) => hub.context(await hub.authenticate(request.headers), request.socket.remoteAddress),
    health: () => health(database),
  });
  const port = await listen(server, config.port);
  closeOnSignals(
    server,
    async () => {
      await hub.stop();
      await database.dataSource.destroy();
    },
    log,
  );
  log(`wushe hub: http://localhost:${port}/graphql · GraphiQL http://localhost:${port}/graphiql`);
  return { server, port, hub };
}

/** One subgraph alone over HTTP, for a gateway elsewhere; it opens only its own tables. */
export async function serveSubgraph(config: Config, name: string, port: number) {
  const definition = subgraphByName(name);
  const database = await openDatabase(config.database, entitiesOf(definition));
  const built = buildSubgraph(definition);
  const apollo = new ApolloServer<HubContext>({ schema: built.schema, ...apolloOptions(config, log) });
  const authenticate = createGatewayAuthenticator(config.auth);
  await apollo.start();
  const server = createHttpServer({
    apollo,
    context: async (request) =>
      createContext({
        dataSource: database.dataSource,
        dataKey: config.auth.dataKey,
        requestId: randomUUID(),
        identity: await authenticate(request.headers),
        clientAddress: request.socket.remoteAddress,
        // Only its own kinds: a write naming another society's record is refused here (REFERENCE_UNAVAILABLE).
        references: definition.lookups,
      }),
    health: () => health(database),
    graphiql: false,
  });
  const actualPort = await listen(server, port);
  closeOnSignals(
    server,
    async () => {
      await apollo.stop();
      await database.dataSource.destroy();
    },
    log,
  );
  log(`wushe subgraph ${name}: http://localhost:${actualPort}/graphql`);
  return { server, port: actualPort };
}
