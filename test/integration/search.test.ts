import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { SearchText, SearchToken, clearSearchIndex, indexTable, searchableSpec } from '../../src/db/search-index';
import { listQuery } from '../../src/graphql/list-query';
import { SocialOrganization } from '../../src/subgraphs/organization/organization.entity';
import { Service } from '../../src/subgraphs/organization/service.entity';
import { Region } from '../../src/subgraphs/community/region.entity';
import { VolunteerActivity } from '../../src/subgraphs/volunteer/volunteer.entity';
import { IDENTITIES } from '../helpers/identities';
import { BUSY_CLIENT_ENV, codeOf, startTestHub, type TestHub } from '../helpers/test-hub';

// Search through the index (src/db/search-index.ts, src/graphql/search-query.ts): what it finds, in which order,
// at what cost, and that the index always equals one built afresh from the rows.
let t: TestHub;
const admin = IDENTITIES.ADMIN;
/** 下赫社区 (李棋街道), where the test's own services are offered. */
const XIAHE = '530402006005';
const LIQI = '530402006000';

const SERVICES = `query ($search: String, $regionId: ID, $first: Int, $after: String) {
  services(first: $first, after: $after, filter: { search: $search, regionId: $regionId }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id name description schedule category }
  }
}`;
const ELDERLY_SERVICES = `query ($regionId: ID) {
  services(first: 100, filter: { category: ELDERLY_CARE, regionId: $regionId }) { nodes { id } }
}`;
const CREATE_SERVICE = `mutation ($input: CreateServiceInput!) { createService(input: $input) { id } }`;
const UPDATE_SERVICE = `mutation ($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }`;
const UPDATE_ORGANIZATION = `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`;

interface ServiceNode {
  id: string;
  name: string;
  description: string | null;
  schedule: string;
  category: string;
}
interface ServicesPage {
  services: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: ServiceNode[];
  };
}

let providerId: number;

beforeAll(async () => {
  t = await startTestHub({ env: BUSY_CLIENT_ENV });
  const provider = await t.database.dataSource
    .getRepository(SocialOrganization)
    .createQueryBuilder('o')
    .where("o.status = 'ACTIVE' AND o.regionId IN (:...regions)", {
      regions: [XIAHE, LIQI, '530402000000', '530400000000'],
    })
    .orderBy('o.id')
    .getOneOrFail();
  providerId = provider.id;
});
afterAll(() => t?.close());

async function createService(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await t.query<{ createService: { id: string } }>(
    CREATE_SERVICE,
    { input: { name, category: 'OTHER', providerId: String(providerId), regionId: XIAHE, ...extra } },
    admin,
  );
  return data.createService.id;
}

async function allPages(search: string, regionId?: string, first = 100): Promise<ServiceNode[]> {
  const nodes: ServiceNode[] = [];
  let after: string | undefined;
  for (;;) {
    const { services } = await t.query<ServicesPage>(SERVICES, { search, regionId, first, after });
    nodes.push(...services.nodes);
    if (!services.pageInfo.hasNextPage) return nodes;
    after = services.pageInfo.endCursor!;
  }
}

describe('words residents use', () => {
  let mealId: string;
  let latinId: string;
  beforeAll(async () => {
    mealId = await createService('长者助餐服务', { category: 'ELDERLY_CARE', description: '每日午餐送到家' });
    latinId = await createService('Yuxi 社区 Wi-Fi 课堂', { category: 'EDUCATION' });
  });

  test.each(['养老', '为老', '老人', '養老', '爲老', ' 养老 '])(
    '%s finds every elderly-care service, the new one too, and nothing unrelated',
    async (word) => {
      const nodes = await allPages(word);
      const found = nodes.map((n) => n.id);
      expect(found).toContain(mealId);
      const elderly = await t.query<ServicesPage>(ELDERLY_SERVICES, {});
      expect(elderly.services.nodes.length).toBeGreaterThan(1);
      expect(elderly.services.nodes.map((n) => n.id).filter((id) => !found.includes(id))).toEqual([]);
      for (const node of nodes)
        expect(
          node.category === 'ELDERLY_CARE' ||
            /养老|为老|老人|老年|助老|敬老|长者/.test(`${node.name} ${node.description ?? ''} ${node.schedule}`),
        ).toBe(true);
    },
  );

  test.each(['ｙｕｘｉ', 'YUXI', 'ｗｉ－ｆｉ', '社區', 'wi-fi　課堂'])(
    '%s finds "Yuxi 社区 Wi-Fi 课堂"',
    async (form) => {
      const nodes = await allPages(form, XIAHE);
      expect(nodes.map((n) => n.id)).toContain(latinId);
    },
  );

  test('a word that is nowhere finds nothing; a search of spaces lists everything', async () => {
    expect(await allPages('修自行车喵', XIAHE)).toEqual([]);
    const everything = await t.query<ServicesPage>(SERVICES, { regionId: XIAHE, first: 1 });
    const spaces = await t.query<ServicesPage>(SERVICES, { search: '  　 ', regionId: XIAHE, first: 1 });
    expect(spaces.services.totalCount).toBe(everything.services.totalCount);
  });

  test('too long: BAD_USER_INPUT; many words are answered', async () => {
    expect(codeOf(await t.execute(SERVICES, { search: '养'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.execute(SERVICES, { search: '一 二 三 四 五 六 七 八 九 十 % _ !' }))).toBeUndefined();
    const many = await allPages('长者 助餐 服务 每日 午餐 送到 家', XIAHE);
    expect(many.map((n) => n.id)).toEqual([mealId]);
    expect(codeOf(await t.execute(SERVICES, { search: '养'.repeat(100) }))).toBeUndefined();
  });
});

test('serviceCategoriesNamedBy reads words as search does', async () => {
  const named = async (text: string) =>
    (
      await t.query<{ serviceCategoriesNamedBy: string[] }>(
        `query ($text: String!) { serviceCategoriesNamedBy(text: $text) }`,
        { text },
      )
    ).serviceCategoriesNamedBy;
  expect(await named('養老')).toEqual(['ELDERLY_CARE']);
  expect(await named('老人 法律')).toEqual(['ELDERLY_CARE', 'LEGAL_AID']);
  expect(await named('修自行车')).toEqual([]);
  expect(codeOf(await t.execute(`{ serviceCategoriesNamedBy(text: "${'老'.repeat(101)}") }`))).toBe('BAD_USER_INPUT');
});

test('a bulk update of a searchable column, which the index could not follow, is refused', async () => {
  await expect(t.database.dataSource.getRepository(Service).update({ providerId }, { name: '改名' })).rejects.toThrow(
    /search index/,
  );
  expect(await indexedSearch(Service, '改名')).toEqual([]);
});

describe('ranking', () => {
  const words = '午餐配送';
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      other: await createService('社区食堂', { description: '提供午餐配送' }),
      contains: await createService('爱心午餐配送站'),
      exact: await createService(words),
      containsFirst: await createService('午餐配送(东片)'),
    };
  });

  /** The rank the test expects, worked out here from what each node shows. */
  function rankOf(node: ServiceNode, search: string): number {
    const holdsEveryWord = (text: string) => search.split(' ').every((word) => text.includes(word));
    if (node.name === search) return 0;
    if (holdsEveryWord(node.name)) return 1;
    if ([node.description ?? '', node.schedule].some(holdsEveryWord)) return 2;
    return 3;
  }

  test('exact name, then name holds the words, then other fields, then synonyms; ties by id', async () => {
    const nodes = await allPages(words, XIAHE, 3);
    const ranked = nodes.map((n) => ({ rank: rankOf(n, words), id: Number(n.id) }));
    const sorted = [...ranked].sort((a, b) => a.rank - b.rank || a.id - b.id);
    expect(ranked).toEqual(sorted);
    const order = nodes.map((n) => n.id);
    expect(order.indexOf(ids.exact)).toBe(0);
    expect(order.indexOf(ids.contains)).toBeLessThan(order.indexOf(ids.containsFirst));
    expect(order.indexOf(ids.containsFirst)).toBeLessThan(order.indexOf(ids.other));
  });

  test('a word of two characters, and a search of two words, rank the same way', async () => {
    const more = {
      exactWord: await createService('配送'),
      exactWords: await createService('午餐 配送'),
      spread: await createService('午餐站', { description: '配送上门' }),
    };
    for (const search of ['配送', '午餐 配送']) {
      const nodes = await allPages(search, XIAHE, 3);
      const ranked = nodes.map((n) => ({ rank: rankOf(n, search), id: Number(n.id) }));
      expect(ranked).toEqual([...ranked].sort((a, b) => a.rank - b.rank || a.id - b.id));
      expect(nodes[0].id).toBe(search === '配送' ? more.exactWord : more.exactWords);
    }
    const spreadRank = (await allPages('午餐 配送', XIAHE, 100)).find((n) => n.id === more.spread);
    expect(spreadRank && rankOf(spreadRank, '午餐 配送')).toBe(3);
    expect(new Set((await allPages('配送', XIAHE, 100)).map((n) => rankOf(n, '配送')))).toEqual(new Set([0, 1, 2]));
  });

  test("a client's orderBy comes before the ranking", async () => {
    const byName = async (search?: string) => {
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const { services } = await t.query<ServicesPage>(
          `query ($search: String, $after: String) {
            services(first: 100, after: $after, orderBy: { field: NAME, direction: DESC }, filter: { search: $search }) {
              totalCount pageInfo { hasNextPage endCursor } nodes { id name description schedule category } } }`,
          { search, after },
        );
        ids.push(...services.nodes.map((n) => n.id));
        if (!services.pageInfo.hasNextPage) return ids;
        after = services.pageInfo.endCursor!;
      }
    };
    const found = await byName(words);
    expect(found.length).toBeGreaterThan(3);
    // In the order of the whole list by name (the database's collation), not by rank.
    const all = await byName();
    expect(all.filter((id) => found.includes(id))).toEqual(found);
  });

  test('synonym and category hits come after literal ones', async () => {
    const nodes = await allPages('养老', XIAHE, 4);
    const literal = nodes.map((n) => `${n.name}|${n.description ?? ''}|${n.schedule}`.includes('养老'));
    const firstOther = literal.indexOf(false);
    expect(firstOther).toBeGreaterThan(-1);
    expect(literal.slice(firstOther)).not.toContain(true);
  });

  test('pages of 3 walked with after are the same as one page of 100, and totalCount counts them', async () => {
    for (const search of [words, '养老', '服务']) {
      const walked = await allPages(search, XIAHE, 3);
      const { services } = await t.query<ServicesPage>(SERVICES, { search, regionId: XIAHE, first: 100 });
      expect(walked.map((n) => n.id)).toEqual(services.nodes.map((n) => n.id));
      expect(services.totalCount).toBe(walked.length);
      expect(new Set(walked.map((n) => n.id)).size).toBe(walked.length);
    }
  });
});

test('a search costs the same statements as the plain list, whatever its words', async () => {
  const statements = async (search?: string) => {
    t.database.queries.reset();
    await t.query(SERVICES, { search, regionId: XIAHE, first: 5 });
    return t.database.queries.reset();
  };
  const plain = await statements();
  // The page and its count: two statements, with or without a search.
  expect(plain).toBe(2);
  for (const search of ['养', '养老', '养老 助餐 服务 老人 wi-fi 一 二 三 四 五 六', '不存在的词'])
    expect(await statements(search)).toBe(plain);
});

/** A random generator with a seed, so a failure can be repeated. */
function randomFrom(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

const escapeLike = (text: string) => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;

async function likeScan(entity: EntityTarget<ObjectLiteral>, fields: readonly string[], text: string) {
  const rows = await t.database.dataSource
    .getRepository(entity)
    .createQueryBuilder('r')
    .select('r.id')
    .where(`(${fields.map((f) => `r.${f} LIKE :p ESCAPE '!'`).join(' OR ')})`, { p: escapeLike(text) })
    .getMany();
  return rows.map((r) => String(r.id));
}

async function indexedSearch(entity: EntityTarget<ObjectLiteral>, text: string) {
  const rows = await listQuery(t.database.dataSource, entity, { search: text }).getMany();
  return rows.map((r) => String(r.id));
}

test.each([
  [Service, 1],
  [VolunteerActivity, 2],
  [SocialOrganization, 3],
  [Region, 4],
])('%p: every row LIKE finds for a random substring, the index finds too', async (entity, seed) => {
  const fields = searchableSpec(entity)!.fields;
  const all = await t.database.dataSource.getRepository<ObjectLiteral>(entity).find();
  const random = randomFrom(seed);
  let compared = 0;
  for (let i = 0; i < 60; i += 1) {
    const row = all[random(all.length)];
    const filled = fields.filter((field) => String(row[field] ?? '').trim());
    const value = String(row[filled[random(filled.length)]] ?? '');
    const chars = [...value.trim()];
    if (!chars.length) continue;
    const length = 1 + random(Math.min(4, chars.length));
    const start = random(chars.length - length + 1);
    const text = chars
      .slice(start, start + length)
      .join('')
      .trim();
    if (!text || /\s/.test(text)) continue;
    const like = await likeScan(entity, fields, text);
    const indexed = new Set(await indexedSearch(entity, text));
    expect(like).toContain(String(row.id));
    expect(like.filter((id) => !indexed.has(id))).toEqual([]);
    compared += 1;
  }
  expect(compared).toBeGreaterThan(40);
});

/** Every index row of the searchable kinds, in one order. */
async function indexSnapshot() {
  const manager = t.database.dataSource.manager;
  const texts = await manager.getRepository(SearchText).find({ order: { kind: 'ASC', rowId: 'ASC', field: 'ASC' } });
  const tokens = await manager.getRepository(SearchToken).find({ order: { kind: 'ASC', rowId: 'ASC', token: 'ASC' } });
  return {
    texts: texts.map((r) => `${r.kind}|${r.rowId}|${r.field}|${r.content}`),
    tokens: tokens.map((r) => `${r.kind}|${r.rowId}|${r.token}`),
  };
}

test('after parallel creates and updates the index equals one rebuilt from the rows', async () => {
  const created = await Promise.all(Array.from({ length: 8 }, (_, i) => createService(`并行服务${i}`)));
  const random = randomFrom(7);
  const names = ['助餐', '理发', '义诊', '養老院探訪', 'ＡＢＣ课堂', '心理疏导', '法律咨询', '四点半课堂'];
  const writes = Array.from({ length: 40 }, (_, i) => {
    const id = created[random(created.length)];
    const name = `${names[random(names.length)]}${i}`;
    if (i % 5 === 4)
      return t.execute(
        UPDATE_ORGANIZATION,
        { id: String(providerId), input: { description: `机构简介${name}` } },
        admin,
      );
    const input = i % 2 ? { name } : { description: `${name}说明`, schedule: `周${1 + random(7)}` };
    return t.execute(UPDATE_SERVICE, { id, input }, admin);
  });
  const results = await Promise.all(writes);
  expect(results.map(codeOf).filter(Boolean)).toEqual([]);

  const before = await indexSnapshot();
  const kinds = [Service, SocialOrganization, VolunteerActivity, Region].map((e) => searchableSpec(e)!.kind);
  const others = before.texts.filter((row) => !kinds.includes(row.split('|')[0]));
  await t.database.dataSource.transaction(async (manager) => {
    await clearSearchIndex(manager, kinds);
    for (const entity of [Service, SocialOrganization, VolunteerActivity, Region]) await indexTable(manager, entity);
  });
  const after = await indexSnapshot();
  expect(after).toEqual(before);
  expect(before.texts.length).toBeGreaterThan(others.length);
  // The last name written to each service is what a search finds.
  const services = await t.database.dataSource.getRepository(Service).findBy({ providerId });
  for (const service of services.filter((s) => created.includes(String(s.id))))
    expect(await indexedSearch(Service, service.name)).toContain(String(service.id));
});
