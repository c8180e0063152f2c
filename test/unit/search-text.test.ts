import { normalizeSearchText, probeTokens, searchPlan, searchTokens } from '../../src/db/search-text';
import { ServiceCategory } from '../../src/graphql/service-category';
import { CATEGORY_WORDS } from '../../src/db/search-text';

test.each([
  ['養老院', '养老院'],
  ['ＹＵＸＩ　社區', 'yuxi 社区'],
  ['  Wi-Fi \t 課堂 ', 'wi-fi 课堂'],
  ['１２３４５', '12345'],
  ['为老服务', '为老服务'],
])('normalizeSearchText(%j) = %j', (text, expected) => {
  expect(normalizeSearchText(text)).toBe(expected);
});

test('a substring of a text, normalised, is a substring of the normalised text', () => {
  const text = '玉溪市紅塔區　ＡＢＣ養老服務中心 Wi-Fi';
  const whole = normalizeSearchText(text);
  const chars = [...text];
  for (let start = 0; start < chars.length; start += 1)
    for (let end = start + 1; end <= chars.length; end += 1)
      expect(whole).toContain(normalizeSearchText(chars.slice(start, end).join('')));
});

test('养老 and 為老 name elderly care; 独居老人 finds its synonyms in place; a name holding 心理 stays a name', () => {
  expect(searchPlan('养老')!.words[0].categories).toEqual(['ELDERLY_CARE']);
  expect(searchPlan('為老')!.words[0].categories).toEqual(['ELDERLY_CARE']);
  expect(searchPlan('养老')!.words[0].alternatives).toEqual(expect.arrayContaining(['养老', '为老', '老人']));
  const lonely = searchPlan('独居老人')!.words[0];
  expect(lonely.alternatives).toEqual(expect.arrayContaining(['独居老人', '独居养老', '独居为老']));
  expect(lonely.alternatives).not.toContain('老人');
  expect(lonely.categories).toEqual([]);
  const studio = searchPlan('远方心理工作室')!.words[0];
  expect(studio.alternatives).toEqual(expect.arrayContaining(['远方心理工作室', '远方情绪工作室']));
  expect(studio.alternatives).not.toContain('心理');
  expect(studio.categories).toEqual([]);
  expect(searchPlan('修自行车')!.words[0]).toEqual({ text: '修自行车', alternatives: ['修自行车'], categories: [] });
  expect(searchPlan(' 　 ')).toBeUndefined();
});

test('every category the words name is a ServiceCategory', () => {
  const values: string[] = Object.values(ServiceCategory);
  for (const category of Object.keys(CATEGORY_WORDS)) expect(values).toContain(category);
});

test('the tokens a word is probed with are tokens of every text that holds it', () => {
  for (const [word, text] of [
    ['养', '社区养老服务'],
    ['养老', '社区养老服务'],
    ['区养老服', '社区养老服务'],
    ['𠀀𠀁', 'a𠀀𠀁b'],
  ]) {
    const held = searchTokens(text);
    for (const token of probeTokens(word)) expect(held.has(token)).toBe(true);
  }
  // A pair and a character never share a number; neither does a pair across a space.
  expect(searchTokens('a b')).toEqual(new Set(['a'.codePointAt(0), 'b'.codePointAt(0)]));
});
