import { createServer } from 'node:http';
import Module from 'node:module';
import { dirname } from 'node:path';
import { Pool, type PoolClient } from 'pg';

/**
 * PostGraphile 4 needs graphql 15 (the hub runs 16), so npm installs it apart, and twice: under postgraphile and
 * under graphile-build-pg, each with its own graphile-build. Two copies of graphql's types in one schema fail
 * ("Unexpected input type: String"), so in this process every `graphql` and `graphile-build` is postgraphile's own.
 */
const postgraphileDir = dirname(require.resolve('postgraphile/package.json'));
const shared = /^(graphql|graphile-build)(\/|$)/;
const moduleInternals = Module as unknown as {
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: { paths: string[] }) => string;
};
const resolve = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = (request, parent, isMain, options) =>
  resolve.call(Module, request, parent, isMain, shared.test(request) ? { paths: [postgraphileDir] } : options);
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the resolver above is in place
const { postgraphile } = require('postgraphile') as typeof import('postgraphile');

/**
 * The external peer: PostGraphile 4 (on this Node 20; PostGraphile 5 needs Node 22) over the wushe tables of the
 * PostgreSQL database at DATABASE_URL, schema public, on PORT, production settings, no plugins. It counts the SQL
 * statements its pool sends (GET /statements), so the bench can put statements per request beside the hub's.
 */
let statements = 0;
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
pool.on('connect', (client: PoolClient) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statements += 1;
    return query(...args);
  };
});

const graphql = postgraphile(pool, 'public', {
  disableQueryLog: true,
  disableDefaultMutations: true,
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
  graphiql: false,
  // Startup builds the schema once; nothing is watched or rebuilt while the bench runs.
  watchPg: false,
});

createServer((request, response) => {
  if (request.url === '/statements') {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(String(statements));
    return;
  }
  graphql(request, response);
}).listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('postgraphile ready\n'));
