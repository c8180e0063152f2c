import { FIGURE_SECONDS, LIVE_SECONDS, REGISTER_SECONDS } from '../../src/graphql/cache-hints';
import { SIGN_IN } from '../helpers/account-operations';
import { IDENTITIES, LIQI } from '../helpers/identities';
import { BUSY_CLIENT_ENV, startTestHub, type TestHub } from '../helpers/test-hub';

// Cache-Control on the hub's answers: public anonymous GET queries carry a lifetime from the schema's cache hints
// (src/graphql/cache-hints.ts), the shortest of the fields they ask for; anything answered to a token or a session,
// or that read personal data or the clock, is `private, no-store`; mutations and errors `no-store`.

let t: TestHub;
let url: string;
let staffToken: string;

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
  url = await t.listen();
  staffToken = await t.token(IDENTITIES.STAFF_IN);
});
afterAll(() => t.close());

/** A GET query as a CDN would forward it (Apollo's CSRF prevention wants the preflight header on a GET). */
async function get(query: string, variables?: Record<string, unknown>, token?: string) {
  const search = new URLSearchParams({ query });
  if (variables) search.set('variables', JSON.stringify(variables));
  const response = await fetch(`${url}/graphql?${search}`, {
    headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  return { status: response.status, cacheControl: response.headers.get('cache-control'), body };
}

// The expected lifetimes are the hints' own constants; these check that the hints have the order the README
// promises, so a test cannot pass with all three equal.
it('has registers outliving figures outliving live lists', () => {
  expect(REGISTER_SECONDS).toBeGreaterThan(FIGURE_SECONDS);
  expect(FIGURE_SECONDS).toBeGreaterThan(LIVE_SECONDS);
  expect(LIVE_SECONDS).toBeGreaterThan(0);
});

describe('an anonymous GET query', () => {
  it('of a register lives as long as the register', async () => {
    const answer = await get('{ region(id: "530400000000") { name level children { name } } }');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toMatchObject({ region: { name: '玉溪市' } });
    expect(answer.cacheControl).toBe('public, max-age=3600');
    // The second time it comes from the hub's own cache of public reads: the same lifetime.
    expect((await get('{ region(id: "530400000000") { name level children { name } } }')).cacheControl).toBe(
      'public, max-age=3600',
    );
  });

  it('of a list lives as long as what it lists', async () => {
    const stations = await get(
      'query Stations($regionId: ID!) { serviceStations(first: 3, filter: { regionId: $regionId }) { totalCount pageInfo { hasNextPage } edges { node { name } } } }',
      { regionId: LIQI },
    );
    expect(stations.body.errors).toBeUndefined();
    expect(stations.cacheControl).toBe('public, max-age=3600');
    const activities = await get('{ volunteerActivities(first: 3) { totalCount nodes { title } } }');
    expect(activities.body.errors).toBeUndefined();
    expect(activities.cacheControl).toBe('public, max-age=60');
  });

  it('with a figure lives as long as the figure, and a mix as long as its shortest part', async () => {
    const figures = await get('{ region(id: "530400000000") { name volunteerCount } }');
    expect(figures.body.errors).toBeUndefined();
    expect(figures.cacheControl).toBe('public, max-age=300');
    const mixed = await get('{ region(id: "530400000000") { name needStats { total } } }');
    expect(mixed.body.errors).toBeUndefined();
    expect(mixed.cacheControl).toBe('public, max-age=60');
    // Through a fragment the same.
    const fragment = await get(
      'query { region(id: "530400000000") { ...Counted } } fragment Counted on Region { name volunteerHours }',
    );
    expect(fragment.body.errors).toBeUndefined();
    expect(fragment.cacheControl).toBe('public, max-age=300');
  });

  it('that read the clock is not shared', async () => {
    const answer = await get('{ region(id: "530400000000") { needList { category open } } }');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.cacheControl).toBe('private, no-store');
  });

  it('of a type without a hint is not shared', async () => {
    const answer = await get('{ viewer { role } }');
    expect(answer.body.errors).toBeUndefined();
    expect(answer.cacheControl).toBe('no-store');
  });

  it('that fails is not stored', async () => {
    const answer = await get('query Region($id: ID!) { region(id: $id) { name } }');
    expect(answer.status).toBe(400);
    expect(answer.cacheControl).toBe('no-store');
    const csrf = await fetch(`${url}/graphql?query=${encodeURIComponent('{ region(id: "530400000000") { name } }')}`);
    expect(csrf.status).toBe(400);
    expect(csrf.headers.get('cache-control')).toBe('no-store');
  });
});

describe('an answer to a token', () => {
  it('is private and never stored, even of public data', async () => {
    const answer = await get('{ region(id: "530400000000") { name } }', undefined, staffToken);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.cacheControl).toBe('private, no-store');
  });
});

describe('a mutation', () => {
  const mutate = (query: string, variables: Record<string, unknown>, token?: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });

  it('is never stored, anonymous or not', async () => {
    const refused = await mutate(SIGN_IN, { input: { username: 'nobody-here', password: 'not-the-password-1' } });
    expect(((await refused.json()) as { errors: unknown[] }).errors).toHaveLength(1);
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const staff = await mutate('mutation { signOut }', {}, staffToken);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
  });

  it('that sets a cookie is private', async () => {
    // Signing out without a session still clears the cookie.
    const answer = await mutate('mutation { signOut }', {});
    expect(answer.headers.get('set-cookie')).toMatch(/^wushe_session=;/);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });
});
