import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { integerSql } from '../db/dialect';
import type { SearchableSpec } from '../db/search-index';
import { MAX_SEARCH_LENGTH, probeTokens, searchPlan } from '../db/search-text';
import { BadInputError } from '../errors';
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

/** LIKE pattern for normalised words, with the wildcards they hold taken literally (escape char `!`). */
function containsPattern(word: string): string {
  return `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;
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
  const conditions = plan.words.map((word, w) => {
    const likes = word.alternatives.map((alternative, a) => {
      parameters[`sq_like_${w}_${a}`] = containsPattern(alternative);
      return `st.content LIKE :sq_like_${w}_${a} ESCAPE '!'`;
    });
    const found =
      word === anchor
        ? likes.map((like, a) => {
            const alternative = word.alternatives[a];
            const probes = probeTokens(alternative).map((token, p) => {
              parameters[`sq_token_${a}_${p}`] = token;
              return `SELECT sk.row_id FROM search_token sk WHERE sk.kind = :sq_kind AND sk.token = :sq_token_${a}_${p}`;
            });
            // A word of one or two characters is held by a field exactly when the row holds its token: the index
            // alone answers. A longer word's tokens only name candidates; its substring test decides.
            if ([...alternative].length <= 2) return `${key} IN (${probes[0]})`;
            return `${key} IN (SELECT st.row_id FROM search_text st WHERE st.kind = :sq_kind AND ${probes
              .map((probe) => `st.row_id IN (${probe})`)
              .join(' AND ')} AND ${like})`;
          })
        : [fieldHolds(`(${likes.join(' OR ')})`)];
    if (spec.category && word.categories.length) {
      parameters[`sq_categories_${w}`] = word.categories;
      found.push(`${alias}.${spec.category} IN (:...sq_categories_${w})`);
    }
    return `(${found.join(' OR ')})`;
  });
  query.andWhere(conditions.join(' AND '), parameters);

  // One look-up of the row's fields ranks it: the best of its fields, by what that field holds.
  const literal = plan.words.map((_, w) => `st.content LIKE :sq_like_${w}_0 ESCAPE '!'`).join(' AND ');
  return [
    'COALESCE((SELECT MIN(CASE',
    'WHEN st.field = :sq_name AND st.content = :sq_whole THEN 0',
    `WHEN st.field = :sq_name AND ${literal} THEN 1`,
    `WHEN ${literal} THEN 2`,
    `ELSE 3 END) FROM search_text st WHERE st.kind = :sq_kind AND st.row_id = ${key}), 3)`,
  ].join(' ');
}
