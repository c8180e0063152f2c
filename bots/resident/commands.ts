/**
 * A need as the resident names it: by its number (XQ20261127-0001, also without XQ), or by its place in the
 * 我的需求 list (1 = the first listed, the newest).
 */
export type NeedRef = { number: string } | { position: number };

/** The resident's commands, parsed from normalized text. Pure: the plugins decide what to do with them. */
export type Command =
  | { kind: 'help' }
  | { kind: 'findServices'; keyword: string }
  | { kind: 'more' }
  | { kind: 'cancel' }
  | { kind: 'registerNeed' }
  | { kind: 'myNeeds' }
  | ({ kind: 'needStatus' } & NeedRef)
  | ({ kind: 'rate'; rating: number } & NeedRef)
  | { kind: 'activities' }
  | { kind: 'signUp'; activityId: string }
  /** Made by the 报名 consent dialog once the resident agreed and chose a name; never typed. */
  | { kind: 'joinAsVolunteer'; activityId: string; name: string; regionId: string }
  | { kind: 'volunteerHours' }
  | { kind: 'bindRoom'; community: string }
  | { kind: 'bindStaffRoom' };

/** The longest 我的需求 list; a position beyond it names no need. */
export const MY_NEEDS_LIMIT = 10;

/** XQ20261127-0001, and what residents type for it: no XQ, another dash, a space, or no dash at all. */
const NEED_NUMBER = /^(?:XQ)?(\d{8}) ?[-‐‑‒–—―−_]? ?(\d{4,6})$/i;
const RATINGS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** A need number or a 我的需求 position, written the way residents write them; undefined for anything else. */
export function parseNeedRef(text: string): NeedRef | undefined {
  const number = text.match(NEED_NUMBER);
  if (number) return { number: `XQ${number[1]}-${number[2]}` };
  if (/^\d{1,2}$/.test(text) && Number(text) >= 1 && Number(text) <= MY_NEEDS_LIMIT) return { position: Number(text) };
  return undefined;
}

/**
 * 评价 <需求编号 or 我的需求 position> <score 1-5>: the need first, then the score ("5", "5分", "五星"). A need number
 * always has eight digits and four more, a position at most two, so 「评价 1 5」 is the first need, five points.
 */
function parseRating(argument: string): Command | undefined {
  const parts = argument.match(/^(.+?) ?([1-5一二两三四五])(?:分|星|颗星)?$/);
  const need = parts ? parseNeedRef(parts[1].trim()) : undefined;
  if (!parts || !need) return undefined;
  const rating = RATINGS[parts[2]] ?? Number(parts[2]);
  return { kind: 'rate', rating, ...need };
}

export function parseCommand(text: string): Command | undefined {
  const [head, ...rest] = text.split(' ');
  const argument = rest.join(' ').trim();
  switch (head) {
    case '帮助':
    case '菜单':
    case 'help':
      return { kind: 'help' };
    case '查服务':
    case '找服务':
      return { kind: 'findServices', keyword: argument };
    case '登记需求':
    case '我要求助':
      return { kind: 'registerNeed' };
    case '更多':
    case '下一页':
      return argument ? undefined : { kind: 'more' };
    case '取消':
      return argument ? undefined : { kind: 'cancel' };
    case '活动':
    case '志愿活动':
      return { kind: 'activities' };
    case '志愿时长':
      return { kind: 'volunteerHours' };
    case '绑定工作群':
      return { kind: 'bindStaffRoom' };
    case '绑定社区':
      return argument ? { kind: 'bindRoom', community: argument } : undefined;
    case '报名':
      return /^\d{1,9}$/.test(argument) ? { kind: 'signUp', activityId: argument } : undefined;
  }
  if (text === '我的需求') return { kind: 'myNeeds' };
  // 「需求 20261127-0001」, 「查询XQ…」, 「我的需求 1」, or the number alone, as copied from the bot's message.
  const asked = text.match(/^(?:我的需求|需求|查询|进度)? ?(.+)$/);
  const need = asked ? parseNeedRef(asked[1]) : undefined;
  if (need && ('number' in need || asked![0] !== asked![1])) return { kind: 'needStatus', ...need };
  const rating = text.match(/^评价 ?(.+)$/);
  return rating ? parseRating(rating[1]) : undefined;
}
