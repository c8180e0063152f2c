import 'reflect-metadata';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/data-source';
import { createHub } from '../src/server/hub';
import { allEntities } from '../src/subgraphs/registry';
import { measure, postChecked, startNode, stop, type Measured } from './measure';
import { BENCH_SECRET, benchServerEnv } from './server-env';

/**
 * PostGraphile 4 as an external peer over the same PostgreSQL tables as the hub, on the query shapes both can
 * express. What PostGraphile cannot see by itself — wushe keeps no foreign keys (no foreign key crosses a
 * subgraph boundary), and a region's subtree is a range of division codes — the bench adds to its own throw-away
 * database before PostGraphile starts: smart comments naming the links, and SQL functions with the hub's own
 * subtree predicate (`region_id BETWEEN low AND high`). Nothing here is part of wushe's migrations.
 */
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');

const PEER_OBJECTS = `
COMMENT ON TABLE service IS E'@foreignKey (provider_id) references social_organization (id)\\n@foreignKey (region_id) references region (id)';
COMMENT ON TABLE social_organization IS E'@foreignKey (region_id) references region (id)';
-- The significant prefix of a division code (530400000000 → 5304), as src/db/region-scope.ts computes it.
CREATE OR REPLACE FUNCTION bench_region_prefix(code text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN substr(code, 3) = '0000000000' THEN substr(code, 1, 2)
              WHEN substr(code, 5) = '00000000' THEN substr(code, 1, 4)
              WHEN substr(code, 7) = '000000' THEN substr(code, 1, 6)
              WHEN substr(code, 10) = '000' THEN substr(code, 1, 9)
              ELSE code END $$;
COMMENT ON FUNCTION bench_region_prefix(text) IS E'@omit';
-- Services in a region's subtree, in the hub's order (id).
CREATE OR REPLACE FUNCTION services_in_region(code text) RETURNS SETOF service LANGUAGE sql STABLE AS $$
  SELECT * FROM service
  WHERE region_id BETWEEN rpad(bench_region_prefix(code), 12, '0') AND rpad(bench_region_prefix(code), 12, '9')
  ORDER BY id $$;
-- Region.organizationCount as the organisation subgraph defines it: active organisations in the subtree.
CREATE OR REPLACE FUNCTION region_organization_count(r region) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT count(*)::integer FROM social_organization
  WHERE region_id BETWEEN rpad(bench_region_prefix(r.id), 12, '0') AND rpad(bench_region_prefix(r.id), 12, '9')
    AND status = 'ACTIVE' $$;
`;

interface Shape {
  hub: string;
  postgraphile: string;
  /** The part of each answer both must agree on, in one form. */
  agree: (data: Record<string, unknown>) => unknown;
}

type Node = Record<string, unknown>;
const nodesOf = (connection: unknown) => (connection as { nodes: Node[] }).nodes;

export const SHAPES: Record<string, Shape> = {
  'filtered list: services of 红塔区, first 20, totalCount': {
    hub: '{ services(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name schedule } } }',
    postgraphile: '{ servicesInRegion(code: "530402000000", first: 20) { totalCount nodes { name schedule } } }',
    agree: (data) => {
      const connection = (data.services ?? data.servicesInRegion) as { totalCount: number; nodes: Node[] };
      return [connection.totalCount, connection.nodes.map((n) => [n.name, n.schedule])];
    },
  },
  'nested: services → provider → its region, first 20': {
    hub: '{ services(first: 20) { nodes { name provider { name region { name } } } } }',
    postgraphile: `{ allServices(first: 20, orderBy: PRIMARY_KEY_ASC) { nodes { name
      provider: socialOrganizationByProviderId { name region: regionByRegionId { name } } } } }`,
    agree: (data) =>
      nodesOf(data.services ?? data.allServices).map((n) => {
        const provider = n.provider as Node & { region: Node };
        return [n.name, provider.name, provider.region.name];
      }),
  },
  'subtree count: active organisations under 玉溪市': {
    hub: '{ region(id: "530400000000") { name organizationCount } }',
    postgraphile: '{ regionById(id: "530400000000") { name organizationCount } }',
    agree: (data) => {
      const region = (data.region ?? data.regionById) as Node;
      return [region.name, region.organizationCount];
    },
  },
};

export interface PeerRow {
  shape: string;
  hub: Measured;
  postgraphile: Measured;
  hubStatements: number;
  postgraphileStatements: number;
  /** Set, and nothing timed, when the two answered different data. */
  disagreement?: string;
}

const body = (query: string) => JSON.stringify({ query });
const NOT_TIMED: Measured = { rps: 0, p50: 0, p99: 0, requests: 0, failures: 0 };

/** One checked answer's data, or the error code (or message) it came with. */
async function answer(url: string, query: string): Promise<{ data: Record<string, unknown> } | { error: string }> {
  try {
    return JSON.parse(await postChecked(url, body(query))) as { data: Record<string, unknown> };
  } catch (error) {
    const message = (error as Error).message;
    return { error: message.match(/"code":"(\w+)"/)?.[1] ?? message.slice(0, 80) };
  }
}

/** Adds PostGraphile's smart comments and functions to the (throw-away) database at `databaseUrl`. */
async function addPeerObjects(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(PEER_OBJECTS);
  } finally {
    await client.end();
  }
}

/** SQL statements the hub sends for one request of each shape (in-process, the cache off when a switch is given). */
async function hubStatements(databaseUrl: string, cacheOff: Record<string, string>): Promise<Record<string, number>> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, JWT_SECRET: BENCH_SECRET, ...cacheOff });
  const database = await openDatabase(config.database, allEntities());
  const hub = await createHub({ config, database, log: () => undefined });
  const counts: Record<string, number> = {};
  try {
    for (const [name, shape] of Object.entries(SHAPES)) {
      database.queries.reset();
      await hub.server.executeOperation({ query: shape.hub }, { contextValue: hub.context() });
      counts[name] = database.queries.reset();
    }
  } finally {
    await hub.stop();
    await database.dataSource.destroy();
  }
  return counts;
}

/**
 * Each shape against the hub and against PostGraphile (both started here, on `port` and `port + 1`), the same
 * clients and duration, after checking that both answer the same data.
 */
export async function comparePostGraphile(options: {
  databaseUrl: string;
  connections: number;
  seconds: number;
  port: number;
  cacheOff?: Record<string, string>;
}): Promise<PeerRow[]> {
  const { databaseUrl, connections, seconds, port } = options;
  await addPeerObjects(databaseUrl);
  const statements = await hubStatements(databaseUrl, options.cacheOff ?? {});
  const hubUrl = `http://127.0.0.1:${port}/graphql`;
  const peerUrl = `http://127.0.0.1:${port + 1}/graphql`;
  const hub = await startNode(
    [CLI, 'serve'],
    benchServerEnv({ DATABASE_URL: databaseUrl, PORT: String(port) }),
    /wushe hub:/,
  );
  try {
    const peer = await startNode(
      [join(ROOT, 'dist', 'bench', 'postgraphile-server.js')],
      { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port + 1) },
      /postgraphile ready/,
    );
    try {
      const peerStatements = async () => Number(await (await fetch(`http://127.0.0.1:${port + 1}/statements`)).text());
      await postChecked(peerUrl, body('{ __typename }')); // PostGraphile introspects the database on its first request
      const rows: PeerRow[] = [];
      for (const [name, shape] of Object.entries(SHAPES)) {
        process.stderr.write(`  hub / PostGraphile: ${name}…\n`);
        const notTimed = (why: Partial<PeerRow>): PeerRow => ({
          shape: name,
          hub: { ...NOT_TIMED, ...why.hub },
          postgraphile: { ...NOT_TIMED, ...why.postgraphile },
          hubStatements: statements[name],
          postgraphileStatements: 0,
          disagreement: why.disagreement,
        });
        const hubAnswer = await answer(hubUrl, shape.hub);
        const before = await peerStatements();
        const peerAnswer = await answer(peerUrl, shape.postgraphile);
        const postgraphileStatements = (await peerStatements()) - before;
        if ('error' in hubAnswer || 'error' in peerAnswer) {
          rows.push(notTimed({ hub: { ...NOT_TIMED, ...hubAnswer }, postgraphile: { ...NOT_TIMED, ...peerAnswer } }));
          continue;
        }
        const [ours, theirs] = [
          JSON.stringify(shape.agree(hubAnswer.data)),
          JSON.stringify(shape.agree(peerAnswer.data)),
        ];
        if (ours !== theirs) {
          rows.push(notTimed({ disagreement: `hub ${ours.slice(0, 200)}, PostGraphile ${theirs.slice(0, 200)}` }));
          continue;
        }
        const run = { connections, seconds };
        rows.push({
          shape: name,
          hub: await measure({ url: hubUrl, pid: hub.pid }, body(shape.hub), run),
          postgraphile: await measure({ url: peerUrl, pid: peer.pid }, body(shape.postgraphile), run),
          hubStatements: statements[name],
          postgraphileStatements,
        });
      }
      return rows;
    } finally {
      await stop(peer);
    }
  } finally {
    await stop(hub);
  }
}
