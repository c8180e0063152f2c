import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { createHttpServer } from '../../src/server/http-server';

// GraphiQL's page, its Monaco workers and the favicon, over HTTP from this machine (no CDN).
const graphiqlDist = join(dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');
let server: Server;
let base: string;
beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }' });
  server = createHttpServer({ apollo, context: () => ({}) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test('the page tells Monaco where its three workers are, and each is served as JavaScript', async () => {
  const page = await (await fetch(`${base}/graphiql`)).text();
  const declared = /const workers = (\{[^\n]*\});/.exec(page);
  expect(declared).not.toBeNull();
  const workers = JSON.parse(declared![1]) as Record<string, string>;
  expect(workers).toEqual({
    editorWorkerService: '/graphiql/monacoeditorwork/editor.worker.bundle.js',
    json: '/graphiql/monacoeditorwork/json.worker.bundle.js',
    graphql: '/graphiql/monacoeditorwork/graphql.worker..bundle.js',
  });
  expect(page).toContain('self.MonacoEnvironment = {');
  expect(page.indexOf('self.MonacoEnvironment')).toBeLessThan(page.indexOf('yoga-graphiql.umd.js'));
  for (const url of Object.values(workers)) {
    const response = await fetch(`${base}${url}`);
    const body = Buffer.from(await response.arrayBuffer());
    expect([url, response.status, response.headers.get('content-type')]).toEqual([
      url,
      200,
      'text/javascript; charset=utf-8',
    ]);
    // Served byte for byte from the installed GraphiQL package, not an error page.
    const installed = readFileSync(join(graphiqlDist, url.slice('/graphiql/'.length)));
    expect([url, body.equals(installed)]).toEqual([url, true]);
  }
});

test('the favicon is an image of our own, under both names browsers ask for', async () => {
  expect(await (await fetch(`${base}/graphiql`)).text()).toContain(
    '<link rel="icon" href="/favicon.svg" type="image/svg+xml">',
  );
  for (const path of ['/favicon.ico', '/favicon.svg']) {
    const response = await fetch(`${base}${path}`);
    expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, 'image/svg+xml']);
    expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);
  }
});

test('a path next to the bundle is not served', async () => {
  expect((await fetch(`${base}/graphiql/monacoeditorwork/../package.json`)).status).toBe(404);
  expect((await fetch(`${base}/graphiql/monacoeditorwork/css.worker.bundle.js`)).status).toBe(404);
});
