// opencc-js ships a UMD build for require(); its type declarations describe only the ES module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Converter } = require('opencc-js/t2cn') as {
  Converter(options: { from: string; to: string }): (text: string) => string;
};

/**
 * The one home of what a search means: how text is normalised before it is indexed or searched, the words residents
 * use for a kind of service, and how a user's search becomes the words the index looks for. No SQL here.
 */

/** Longest search accepted, in characters as typed. */
export const MAX_SEARCH_LENGTH = 100;

/** 繁體 (plain traditional, Taiwan and Hong Kong forms) to 简体. */
const toSimplified = Converter({ from: 't', to: 'cn' });

// eslint-disable-next-line no-control-regex -- control characters count as spaces
const WHITESPACE = /^[\s\u0000-\u001f\u007f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]$/u;

const normalizedChars = new Map<string, string>();

/**
 * One character as searched: full-width made half-width and compatibility forms unified (NFKC), 繁體 made 简体,
 * lower case, any space or control character a plain space. Character by character on purpose: then the
 * normalised form of any substring is a substring of the normalised text, so whatever LIKE found before, the
 * index finds too (phrase-level conversion would break that).
 */
function normalizeChar(char: string): string {
  let done = normalizedChars.get(char);
  if (done === undefined) {
    const compatible = char.normalize('NFKC');
    done = [...compatible].map((c) => (WHITESPACE.test(c) ? ' ' : toSimplified(c).toLowerCase())).join('');
    normalizedChars.set(char, done);
  }
  return done;
}

/** Text as the index stores it and a search compares it: normalised characters, runs of spaces as one, trimmed. */
export function normalizeSearchText(text: string): string {
  let out = '';
  for (const char of text) out += normalizeChar(char);
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * 养老/为老/老人 … all find elderly care: the words residents use for each kind of service, by ServiceCategory
 * value. A search word that is one of them also finds the group's other words and the rows of that category; a
 * longer word holding one finds the same word with each of the group's other words in its place.
 */
export const CATEGORY_WORDS: Readonly<Record<string, readonly string[]>> = {
  ELDERLY_CARE: ['养老', '为老', '老人', '老年', '助老', '敬老', '长者'],
  CHILD_CARE: ['儿童', '孩子', '小孩', '托管', '看孩子'],
  WOMEN_FAMILY: ['妇女', '家庭', '婚姻'],
  DISABILITY: ['残疾', '助残', '残障'],
  MENTAL_HEALTH: ['心理', '情绪', '疏导'],
  HARDSHIP_RELIEF: ['困难', '救助', '低保', '帮扶'],
  HEALTH: ['健康', '义诊', '看病', '医疗'],
  EDUCATION: ['教育', '辅导', '作业', '学习', '兴趣班'],
  COMMUNITY_AFFAIRS: ['社区事务', '议事', '垃圾分类'],
  LEGAL_AID: ['法律', '律师', '纠纷', '调解'],
};

export interface SearchWord {
  /** The word as normalised. */
  text: string;
  /** The word itself first, then the other words of every category group the word holds a word of. */
  alternatives: string[];
  /** The categories whose words the word holds. */
  categories: string[];
}

export interface SearchPlan {
  /** The whole search, normalised: a name equal to it ranks first. */
  whole: string;
  /** Every word must match (itself, a synonym, or the row's category). */
  words: SearchWord[];
}

/** The words of a search, or undefined when it holds none. Throws nothing: the caller checks the limits first. */
export function searchPlan(search: string): SearchPlan | undefined {
  const whole = normalizeSearchText(search);
  if (!whole) return undefined;
  const words = [...new Set(whole.split(' '))].map((text): SearchWord => {
    const groups = Object.entries(CATEGORY_WORDS).filter(([, group]) => group.some((w) => text.includes(w)));
    // A group's word inside a longer word is swapped for each of its synonyms in place (养老食堂 → 老人食堂), so a
    // name that merely holds one (远方心理工作室) still finds only itself; the word alone also names the category.
    const alternatives = groups.flatMap(([, group]) =>
      group.flatMap((held) => (text.includes(held) ? group.map((other) => text.replaceAll(held, other)) : [])),
    );
    return {
      text,
      alternatives: [...new Set([text, ...alternatives])],
      categories: groups.filter(([, group]) => group.includes(text)).map(([category]) => category),
    };
  });
  return { whole, words };
}

/**
 * The index keys of normalised text: every character and every pair of neighbouring characters that holds no
 * space, each as a number (code point, or (first + 1) · 0x110000 + second for a pair). Numbers compare exactly on
 * every database, whatever its collation says about letters.
 */
export function searchTokens(text: string): Set<number> {
  const chars = [...text];
  const tokens = new Set<number>();
  chars.forEach((char, i) => {
    if (char === ' ') return;
    tokens.add(char.codePointAt(0)!);
    const next = chars[i + 1];
    if (next !== undefined && next !== ' ') tokens.add(pairToken(char, next));
  });
  return tokens;
}

const CODE_POINTS = 0x110000;

function pairToken(first: string, second: string): number {
  return (first.codePointAt(0)! + 1) * CODE_POINTS + second.codePointAt(0)!;
}

/**
 * A few keys every row containing `word` (no spaces) must hold: the character of a one-character word, else up to
 * three of its pairs (first, middle, last). Rows holding them are candidates; the substring test decides.
 */
export function probeTokens(word: string): number[] {
  const chars = [...word];
  if (chars.length === 1) return [chars[0].codePointAt(0)!];
  const pairs = chars.slice(1).map((char, i) => pairToken(chars[i], char));
  return [...new Set([pairs[0], pairs[Math.floor(pairs.length / 2)], pairs[pairs.length - 1]])];
}

/**
 * The keys that mark what a row's name holds, kept besides its plain keys so that a search ranks from the index
 * alone: each key of the name, negated (plain keys are positive), and the name's length in characters. A name that
 * holds a one-word search and has its length is that word. Lengths sit below every negated key (pairs stay under
 * 2^41).
 */
export function nameKey(token: number): number {
  return -token;
}

const NAME_LENGTH_BASE = 2 ** 41;

export function nameLengthKey(text: string): number {
  return -(NAME_LENGTH_BASE + [...text].length);
}
