import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { allEntities, buildAllSubgraphs, localLookups } from '../src/subgraphs/registry';
import { requestContexts, type HubContext } from '../src/graphql/context';
import { apolloOptions } from '../src/server/hub';
import { createHttpServer, listen } from '../src/server/http-server';
import { buildReferenceSchema } from './reference-schema';

/** The reference (b): the same resolvers in one plain Apollo Server schema, without federation, same database. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.database, allEntities());
  const apollo = new ApolloServer<HubContext>({
    schema: buildReferenceSchema(buildAllSubgraphs()),
    ...apolloOptions(config, () => undefined),
  });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    // Ids of every kind are checked in-process, as the hub does (without them a write is refused).
    context: requestContexts({ dataSource: database.dataSource, config, references: localLookups() }).contextFor,
  });
  await listen(server, config.port, '127.0.0.1');
  process.stdout.write(`reference ready on ${config.port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`reference: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
