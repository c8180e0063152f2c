/**
 * SEO and porn spam like the lines injected at the end of the Yuxi Daily page: runs of "精品 / 免费观看 /
 * 一区二区 / 无码 / 久久" and the like, usually separated by "|". Pure, so it is tested on the real sample.
 */
const SPAM_WORDS = [
  '精品',
  '免费观看',
  '一区二区',
  '无码',
  '久久',
  '毛片',
  '在线观看',
  '国产',
  '亚洲',
  '日韩',
  '欧美',
  '人妻',
  '色欲',
  '成人',
  '午夜',
  '麻豆',
  '视频在线',
  'AV',
];

export function isSpam(text: string): boolean {
  const hits = SPAM_WORDS.reduce((count, word) => count + (text.split(word).length - 1), 0);
  const separators = (text.match(/[|｜]/g) ?? []).length;
  const links = (text.match(/https?:\/\/|www\.|\.(?:com|cn|net)\b/gi) ?? []).length;
  return hits >= 3 || (hits >= 2 && separators >= 1) || (links >= 1 && hits >= 1);
}

/** More than `limit` messages from one member within `windowMs` is flooding. */
export class FloodGuard {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly limit = 6,
    private readonly windowMs = 10_000,
  ) {}

  isFlooding(memberId: string, now: number): boolean {
    const recent = (this.times.get(memberId) ?? []).filter((t) => now - t < this.windowMs);
    recent.push(now);
    this.times.set(memberId, recent);
    return recent.length > this.limit;
  }
}
