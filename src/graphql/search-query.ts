import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { integerSql } from '../db/dialect';
import type { SearchableSpec } from '../db/search-index';
import { MAX_SEARCH_LENGTH, nameKey, nameLengthKey, probeTokens, searchPlan, type SearchPlan } from '../db/search-text';
import { BadInputError } from '../errors';
import { likePattern } from './pagination';
import { ServiceCategory } from './service-category';

function assertSearchLength(search: string): void {
  if (search.trim().length > MAX_SEARCH_LENGTH)
    throw new BadInputError(`搜索词太长 (search is limited to ${MAX_SEARCH_LENGTH} characters)`, {
      argument: 'search',
    });
}

/**
 * The service categories a resident's words name, as a search understands them (养老, 為老 or 老人 → ELDERLY_CARE),
 * in the order of the enum: for clients that let people type a word where a category is asked.
 */
export function categoriesNamedBy(text: string): ServiceCategory[] {
  assertSearchLength(text);
  const named = new Set(searchPlan(text)?.words.flatMap((word) => word.categories));
  return Object.values(ServiceCategory).filter((category) => named.has(category));
}

/**
 * Narrows a list query to the rows a search finds and ranks them, in the list's own statement (its page and its
 * count stay one statement each, whatever the words).
 *
 * A row is found when every word of the search matches it: the word itself, or another word of a category group it
 * holds (养老 also finds 为老, 老人 …), inside one of the row's normalised fields — or, for a table with a category,
 * the row is of that group's category. Candidates come from the index for the longest word (rows holding a few of
 * its characters or character pairs, or of its category); the substring test on the normalised fields then decides
 * for every word, so results are exact.
 *
 * Rank, when the list has no explicit order: 0 the name is the whole search, 1 the name holds every word, 2 another
 * field holds every word as typed, 3 found only through synonyms or the category (or words spread over fields);
 * ties by id.
 *
 * Returns the rank expression to order by (with its parameters set on the query), or undefined without words.
 */
export function applySearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  dataSource: DataSource,
  alias: string,
  spec: SearchableSpec,
  search: string,
): string | undefined {
  assertSearchLength(search);
  const plan = searchPlan(search);
  if (!plan) return undefined;
  // Index rows carry whole-number ids; a digit-string key (a region code) is compared as a number.
  const idType = dataSource.getMetadata(query.expressionMap.mainAlias!.target).primaryColumns[0].type;
  const key = (['varchar', 'char', 'text', String] as unknown[]).includes(idType)
    ? integerSql(dataSource, `${alias}.id`)
    : `${alias}.id`;
  const parameters: Record<string, unknown> = { sq_kind: spec.kind, sq_name: spec.fields[0], sq_whole: plan.whole };
  const fieldHolds = (pattern: string) =>
    `EXISTS (SELECT 1 FROM search_text st WHERE st.kind = :sq_kind AND st.row_id = ${key} AND ${pattern})`;

  // The longest word picks the candidates through the index; every word, that one included, is then checked on
  // the candidate's own fields, so the cost of the other words does not grow with the table.
  const anchor = plan.words.reduce((longest, word) =>
    [...word.text].length > [...longest.text].length ? word : longest,
  );
  const tokenIn = (parameter: string) =>
    `${key} IN (SELECT sk.row_id FROM search_token sk WHERE sk.kind = :sq_kind AND sk.token IN (:...${parameter}))`;
  const conditions = plan.words.map((word, w) => {
    const likes = word.alternatives.map((alternative, a) => {
      parameters[`sq_like_${w}_${a}`] = likePattern(alternative);
      return `st.content LIKE :sq_like_${w}_${a} ESCAPE '!'`;
    });
    const found: string[] = [];
    if (word === anchor) {
      // A word of one or two characters is held by a field exactly when the row holds its token: the index alone
      // answers, for all such alternatives in one look-up. A longer word's tokens only name candidates; its
      // substring test decides.
      const shortTokens: number[] = [];
      word.alternatives.forEach((alternative, a) => {
        const probes = probeTokens(alternative);
        if ([...alternative].length <= 2) {
          shortTokens.push(probes[0]);
          return;
        }
        const candidates = probes.map((token, p) => {
          parameters[`sq_token_${a}_${p}`] = token;
          return `st.row_id IN (SELECT sk.row_id FROM search_token sk WHERE sk.kind = :sq_kind AND sk.token = :sq_token_${a}_${p})`;
        });
        found.push(
          `${key} IN (SELECT st.row_id FROM search_text st WHERE st.kind = :sq_kind AND ${candidates.join(' AND ')} AND ${likes[a]})`,
        );
      });
      if (shortTokens.length) {
        parameters.sq_short_tokens = shortTokens;
        found.unshift(tokenIn('sq_short_tokens'));
      }
    } else found.push(fieldHolds(`(${likes.join(' OR ')})`));
    if (spec.category && word.categories.length) {
      parameters[`sq_categories_${w}`] = word.categories;
      found.push(`${alias}.${spec.category} IN (:...sq_categories_${w})`);
    }
    return `(${found.join(' OR ')})`;
  });
  const rank = rankOf(plan, key, parameters);
  query.andWhere(conditions.join(' AND '), parameters);
  return rank;
}

/**
 * The rank of a found row, from the index's keys where they answer (a word of one or two characters is in the
 * name, or in some field, exactly when the row holds its name key or its plain key; a one-word search is the whole
 * name when the name also has its length), and from the row's normalised fields where they must (longer words, a
 * search of several words). Each look-up is one row by primary key, and the name's answer decides before any
 * other field is read.
 */
function rankOf(plan: SearchPlan, key: string, parameters: Record<string, unknown>): string {
  let keys = 0;
  const holdsKey = (token: number) => {
    parameters[`sq_rank_key_${keys}`] = token;
    return `EXISTS (SELECT 1 FROM search_token sr WHERE sr.kind = :sq_kind AND sr.row_id = ${key} AND sr.token = :sq_rank_key_${keys++})`;
  };
  const fieldText = (condition: string) =>
    `EXISTS (SELECT 1 FROM search_text st WHERE st.kind = :sq_kind AND st.row_id = ${key} AND ${condition})`;
  // The name holds every word as typed: its keys for short words; its keys first, then its text, for longer ones.
  const nameHolds = plan.words
    .map((word, w) =>
      [...word.text].length <= 2
        ? holdsKey(nameKey(probeTokens(word.text)[0]))
        : [
            ...probeTokens(word.text).map((token) => holdsKey(nameKey(token))),
            fieldText(`st.field = :sq_name AND st.content LIKE :sq_like_${w}_0 ESCAPE '!'`),
          ].join(' AND '),
    )
    .join(' AND ');
  const single = plan.words.length === 1;
  const nameIsSearch = single
    ? holdsKey(nameLengthKey(plan.whole))
    : fieldText('st.field = :sq_name AND st.content = :sq_whole');
  // Some one field holds every word as typed: the row's keys first (rows found through synonyms or their
  // category mostly lack them), then, unless one short word's key is the whole answer, the fields' text.
  const wordKeys = plan.words.flatMap((word) => probeTokens(word.text).map(holdsKey));
  const fieldHolds =
    single && [...plan.words[0].text].length <= 2
      ? wordKeys[0]
      : [
          ...wordKeys,
          fieldText(plan.words.map((_, w) => `st.content LIKE :sq_like_${w}_0 ESCAPE '!'`).join(' AND ')),
        ].join(' AND ');
  return `(CASE WHEN ${nameHolds} THEN (CASE WHEN ${nameIsSearch} THEN 0 ELSE 1 END) WHEN ${fieldHolds} THEN 2 ELSE 3 END)`;
}
