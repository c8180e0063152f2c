import { CATEGORY_SYNONYMS } from './commands';

/** Words a resident may have meant, each with the command to suggest for it; earlier entries win ties. */
const SUGGESTIONS: [string, string][] = [
  ['帮助', '帮助'],
  ['查服务', '查服务 养老'],
  ['找服务', '查服务 养老'],
  ['登记需求', '登记需求'],
  ['我要求助', '登记需求'],
  ['我的需求', '我的需求'],
  ['评价', '评价 1 5'],
  ['需求', '我的需求'],
  ['更多', '更多'],
  ['下一页', '更多'],
  ['取消', '取消'],
  ['志愿时长', '志愿时长'],
  ['志愿活动', '活动'],
  ['活动', '活动'],
  ['报名', '报名 活动编号'],
  ['绑定社区', '绑定社区 社区名'],
  ...Object.values(CATEGORY_SYNONYMS).flatMap((words) => words.map((w): [string, string] => [w, `查服务 ${w}`])),
];

function longestCommonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i += 1)
    for (let j = 0; j < b.length; j += 1) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k += 1;
      best = Math.max(best, k);
    }
  return best;
}

/**
 * The command closest to normalized text that is no command: the word sharing the longest run of characters with
 * it, relative to the word's length, then the longer run (at least two characters and half the word); undefined when
 * none is close.
 */
export function closestCommand(text: string): string | undefined {
  let best: { share: number; run: number; example: string } | undefined;
  for (const [word, example] of SUGGESTIONS) {
    const run = longestCommonRun(text, word);
    if (run < 2 || run * 2 < word.length) continue;
    const share = run / word.length;
    if (!best || share > best.share || (share === best.share && run > best.run)) best = { share, run, example };
  }
  return best?.example;
}
