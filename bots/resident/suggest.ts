/**
 * Words a resident may type alone when looking for a kind of service, each suggested as 「查服务 <word>」. Only
 * suggestions: what a word finds (养老 also finds 为老, 老人 and elderly-care services) is the hub's to decide.
 */
const SERVICE_WORDS = [
  ...['养老', '为老', '老人', '老年', '助老', '敬老'],
  ...['儿童', '孩子', '小孩', '托管', '看孩子'],
  ...['妇女', '家庭', '婚姻', '残疾', '助残', '残障', '心理', '情绪', '疏导'],
  ...['困难', '救助', '低保', '帮扶', '健康', '义诊', '看病', '医疗'],
  ...['教育', '辅导', '作业', '学习', '兴趣班', '社区事务', '议事', '垃圾分类', '法律', '律师', '纠纷', '调解'],
];

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
  ...SERVICE_WORDS.map((w): [string, string] => [w, `查服务 ${w}`]),
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
