/**
 * ≥ 200 hostile or malformed HTTP requests. Each must get a clear, coded error (or, for searches, a harmless
 * answer), leave every data table as it was, and leave the server up.
 */
export interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST';
  /** Query string for GET. */
  search?: string;
  contentType?: string;
  body?: string;
  /** Use the STAFF token of 李棋街道 (for IDs from another region). */
  staffToken?: boolean;
  authorization?: string;
  /** A search-style request: answered without error but must not reveal or change anything. */
  harmless?: boolean;
}

const json = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
const post = (
  name: string,
  query: string,
  variables?: unknown,
  extra: Partial<HostileRequest> = {},
): HostileRequest => ({
  name,
  body: json(query, variables),
  ...extra,
});
const CITY = '530400000000';

export const SQL_METACHARACTERS = [
  "' OR '1'='1",
  "'; DROP TABLE need; --",
  '" OR ""="',
  '1 OR 1=1',
  "admin'--",
  '%',
  '_',
  '\\',
  '%%%%',
  "') UNION SELECT * FROM resident --",
  '`',
  ';',
  '/* */',
  '0x27',
  'NULL',
];
export const ODD_UNICODE = [
  '\u202e530400000000',
  '５３０４００００００００',
  '\u200b',
  '😀'.repeat(50),
  '\ud800',
  'a\u0000b',
  '\u0301\u0301\u0301',
  '𠀀𠀁',
  '\ufeff',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
];

export function hostileCorpus(foreignNeedIds: string[], foreignOrgId: string): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  // Depth: region → parent → parent …, 11 to 30 levels.
  for (let depth = 11; depth <= 30; depth += 1) {
    corpus.push(
      post(`depth ${depth}`, `{ region(id: "${CITY}") { ${'children { '.repeat(depth)}id${' }'.repeat(depth)} } }`),
    );
  }
  // Self-referencing and mutually recursive fragments.
  corpus.push(
    post('self-referencing fragment', `{ region(id: "${CITY}") { ...A } } fragment A on Region { parent { ...A } }`),
  );
  corpus.push(
    post(
      'mutual fragments',
      `{ region(id: "${CITY}") { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { children { ...A } }`,
    ),
  );
  corpus.push(post('fragment spread of itself', `{ region(id: "${CITY}") { ...A } } fragment A on Region { ...A }`));
  corpus.push(post('undefined fragment', `{ region(id: "${CITY}") { ...Nope } }`));
  corpus.push(post('fragment on wrong type', `{ region(id: "${CITY}") { ...A } } fragment A on Service { name }`));
  // Aliases.
  for (const count of [16, 20, 50, 101, 500]) {
    corpus.push(
      post(
        `${count} aliases`,
        `{ ${Array.from({ length: count }, (_, i) => `a${i}: region(id: "${CITY}") { name }`).join(' ')} }`,
      ),
    );
  }
  // Field duplication.
  for (const count of [500, 1000, 5000])
    corpus.push(post(`${count} duplicated fields`, `{ region(id: "${CITY}") { ${'name '.repeat(count)}} }`));
  corpus.push(post('500 duplicated nested selections', `{ services { ${'nodes { name } '.repeat(500)}} }`));
  // Directives.
  for (const count of [51, 100, 300])
    corpus.push(
      post(`${count} directives`, `{ region(id: "${CITY}") { name ${'@include(if: true) '.repeat(count)}} }`),
    );
  corpus.push(post('unknown directive', `{ region(id: "${CITY}") { name @evil } }`));
  // Batches.
  for (const size of [2, 10, 100])
    corpus.push({
      name: `batch of ${size}`,
      body: JSON.stringify(Array.from({ length: size }, () => ({ query: '{ __typename }' }))),
    });
  corpus.push({ name: 'empty batch', body: '[]' });
  // Page sizes.
  for (const first of [99999999, 2147483647, 101, 1000, -1]) {
    for (const field of ['services', 'organizations', 'regions', 'volunteerActivities'])
      corpus.push(post(`${field}(first: ${first})`, `{ ${field}(first: ${first}) { totalCount } }`));
  }
  corpus.push(post('first: 2^53', '{ services(first: 9007199254740993) { totalCount } }'));
  corpus.push(post('first as float', '{ services(first: 1.5) { totalCount } }'));
  for (const cursor of ['x', 'bzotMQ', 'bzo5OTk5OTk5OTk5OTk5OTk5OTk5OQ', "' OR 1=1", '😀']) {
    corpus.push(post(`cursor ${cursor}`, 'query($c: String) { services(after: $c) { totalCount } }', { c: cursor }));
  }
  // Long documents.
  corpus.push(post('20,000-character document of spaces', `{ __typename${' '.repeat(20_000)}}`));
  corpus.push(post('20,000-character comment', `# ${'x'.repeat(20_000)}\n{ __typename }`));
  corpus.push(post('20,000-character string argument', `{ region(id: "${'5'.repeat(20_000)}") { name } }`));
  corpus.push(post('20,000-character field name', `{ ${'a'.repeat(20_000)} }`));
  corpus.push(
    post('20,000-character variable', 'query($s: String) { services(filter: { search: $s }) { totalCount } }', {
      s: 'x'.repeat(20_000),
    }),
  );
  // Parse and validation failures.
  for (const document of [
    '{',
    '}',
    '{ region(id: ) { name } }',
    'query { ',
    'subscription { x }',
    '{ region { name } }',
    'mutation { }',
    '{ region(id: 5304) { name } }',
    '{ __schema',
    'query A { __typename } query A { __typename }',
  ]) {
    corpus.push(post(`malformed: ${document}`, document));
  }
  // Transport: GET mutations, non-JSON bodies, bad JSON.
  corpus.push({
    name: 'GET mutation',
    method: 'GET',
    search: `?query=${encodeURIComponent(`mutation { submitNeed(input: { category: OTHER, description: "x", communityId: "530402006005" }) { id } }`)}`,
  });
  corpus.push({
    name: 'GET mutation with CSRF header',
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { acceptNeed(id: "1") { id } }')}`,
  });
  corpus.push({ name: 'GET without query', method: 'GET', search: '' });
  for (const contentType of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/html',
  ]) {
    corpus.push({
      name: `POST as ${contentType}`,
      contentType,
      body: contentType.startsWith('application/x-www')
        ? `query=${encodeURIComponent('mutation { acceptNeed(id: "1") { id } }')}`
        : '{ __typename }',
    });
  }
  for (const body of [
    '',
    '{',
    'null',
    '"query"',
    '42',
    '{"query": 42}',
    '{"query": "{ __typename }", "variables": "x"}',
    '{"query": null}',
    '{"variables": {}}',
    '{"query": "{ __typename }", "operationName": 7}',
  ]) {
    corpus.push({ name: `body ${body || '(empty)'}`, body });
  }
  // Wrong types, unauthenticated.
  const wrongTypes: [string, string][] = [
    ['need id as object', '{ need(id: {x: 1}) { id } }'],
    ['rating as string', 'mutation { rateNeed(id: "1", rating: "five") { id } }'],
    [
      'category unknown',
      'mutation { submitNeed(input: { category: FOOD, description: "x", communityId: "530402006005" }) { id } }',
    ],
    ['input missing fields', 'mutation { submitNeed(input: {}) { id } }'],
    [
      'amount as float',
      'mutation { allocateCharityResource(input: { resourceId: "1", amount: 1.5, needId: "1" }) { id } }',
    ],
    [
      'quota negative string',
      'mutation { openProjectRound(input: { name: "x", sponsor: "y", openedOn: "2027", quota: "-1" }) { id } }',
    ],
    ['status unknown', 'mutation { setOrganizationStatus(id: "1", status: DELETED) { id } }'],
    ['boolean as int', '{ services(filter: { active: 1 }) { totalCount } }'],
    ['list for scalar', '{ region(id: ["530400000000"]) { name } }'],
    ['null for required', 'mutation { acceptNeed(id: null) { id } }'],
    ['extra argument', '{ region(id: "530400000000", drop: true) { name } }'],
    ['unknown mutation', 'mutation { dropDatabase }'],
  ];
  for (const [name, document] of wrongTypes) corpus.push(post(`wrong types: ${name}`, document));
  // Mutations without a token.
  for (const document of [
    'mutation { acceptNeed(id: "1") { id } }',
    'mutation { submitNeed(input: { category: OTHER, description: "垃圾广告", communityId: "530402006005" }) { id } }',
    `mutation { setOrganizationStatus(id: "${foreignOrgId}", status: DEREGISTERED) { id } }`,
    'mutation { openProjectRound(input: { name: "x", sponsor: "y", openedOn: "2027-01-01", quota: 1 }) { id } }',
    'mutation { registerResident(input: { name: "x", regionId: "530402006005", tags: [] }) { id } }',
    '{ auditLog { totalCount } }',
    '{ residents { totalCount } }',
    '{ resident(id: "1") { name } }',
  ]) {
    corpus.push(post(`anonymous: ${document.slice(0, 40)}`, document));
  }
  // IDs from another region, with the STAFF token of 李棋街道.
  for (const id of foreignNeedIds) {
    for (const step of ['acceptNeed', 'matchNeed', 'resolveNeed'])
      corpus.push(
        post(`foreign need ${id} ${step}`, `mutation { ${step}(id: "${id}") { id } }`, undefined, { staffToken: true }),
      );
    corpus.push(
      post(`foreign need ${id} reject`, `mutation { rejectNeed(id: "${id}", reason: "x") { id } }`, undefined, {
        staffToken: true,
      }),
    );
  }
  corpus.push(
    post(
      'foreign organisation status',
      `mutation { setOrganizationStatus(id: "${foreignOrgId}", status: SUSPENDED) { id } }`,
      undefined,
      { staffToken: true },
    ),
  );
  corpus.push(
    post(
      'foreign organisation update',
      `mutation { updateOrganization(id: "${foreignOrgId}", input: { name: "被篡改" }) { id } }`,
      undefined,
      { staffToken: true },
    ),
  );
  corpus.push(
    post(
      'foreign region need',
      'mutation { submitNeed(input: { category: OTHER, description: "x", communityId: "530403001001" }) { id } }',
      undefined,
      { staffToken: true },
    ),
  );
  corpus.push(
    post(
      'foreign region resident',
      'mutation { registerResident(input: { name: "x", regionId: "530403001001", tags: [] }) { id } }',
      undefined,
      { staffToken: true },
    ),
  );
  corpus.push(
    post('foreign residents list', '{ residents(filter: { regionId: "530403000000" }) { totalCount } }', undefined, {
      staffToken: true,
    }),
  );
  corpus.push(
    post(
      'city-wide need search',
      '{ needs(filter: { search: "老人", regionId: "530400000000" }) { totalCount } }',
      undefined,
      { staffToken: true },
    ),
  );
  // SQL metacharacters and odd unicode where only ids and codes belong: refused.
  for (const text of [...SQL_METACHARACTERS, ...ODD_UNICODE]) {
    corpus.push(
      post(`region id ${JSON.stringify(text).slice(0, 20)}`, 'query($id: ID!) { region(id: $id) { name } }', {
        id: text,
      }),
    );
    corpus.push(
      post(
        `need number ${JSON.stringify(text).slice(0, 20)}`,
        'query($n: String!) { needByNumber(number: $n) { id } }',
        { n: text },
      ),
    );
    corpus.push(
      post(
        `organisation id ${JSON.stringify(text).slice(0, 20)}`,
        'query($id: ID!) { organization(id: $id) { name } }',
        { id: text },
      ),
    );
  }
  // … and in searches: answered, matching only what literally contains them.
  for (const text of [...SQL_METACHARACTERS, ...ODD_UNICODE]) {
    corpus.push(
      post(
        `search ${JSON.stringify(text).slice(0, 20)}`,
        'query($s: String) { services(filter: { search: $s }) { nodes { name description schedule } } }',
        { s: text },
        { harmless: true },
      ),
    );
  }
  // Tokens.
  for (const authorization of [
    'Bearer',
    'Bearer x.y.z',
    'Basic YWRtaW46YWRtaW4=',
    'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiQURNSU4iLCJzdWIiOiJ4In0.',
    'bearer ' + 'a'.repeat(5000),
    'Token abc',
  ]) {
    corpus.push(post(`authorization ${authorization.slice(0, 20)}`, '{ __typename }', undefined, { authorization }));
  }
  return corpus;
}
