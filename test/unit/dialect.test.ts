import { positionalParameters } from '../../src/db/dialect';

describe('raw SQL for PostgreSQL', () => {
  test('`?` placeholders are numbered in order', () => {
    expect(positionalParameters('SELECT a FROM t WHERE b BETWEEN ? AND ? AND c IN (?, ?)')).toBe(
      'SELECT a FROM t WHERE b BETWEEN $1 AND $2 AND c IN ($3, $4)',
    );
  });

  test('a `?` inside a string or a quoted name is left alone', () => {
    expect(positionalParameters(`SELECT '?', "a?b" FROM t WHERE x LIKE ? ESCAPE '!' AND y = ?`)).toBe(
      `SELECT '?', "a?b" FROM t WHERE x LIKE $1 ESCAPE '!' AND y = $2`,
    );
  });

  test('SQL without placeholders is unchanged', () => {
    expect(positionalParameters('SELECT 1')).toBe('SELECT 1');
  });
});
