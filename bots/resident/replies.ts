/** The bot's words, in one place. */
export const STATUS_NAMES: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  MATCHED: '已匹配服务',
  IN_SERVICE: '服务中',
  RESOLVED: '已解决',
  CLOSED: '已关闭',
  REJECTED: '未受理',
};

export const CATEGORY_MENU: [string, string][] = [
  ['ELDERLY_CARE', '养老服务'],
  ['CHILD_CARE', '儿童关爱'],
  ['WOMEN_FAMILY', '妇女家庭'],
  ['DISABILITY', '助残服务'],
  ['MENTAL_HEALTH', '心理健康'],
  ['HARDSHIP_RELIEF', '困难帮扶'],
  ['HEALTH', '健康服务'],
  ['EDUCATION', '教育辅导'],
  ['COMMUNITY_AFFAIRS', '社区事务'],
  ['LEGAL_AID', '法律援助'],
  ['OTHER', '其他'],
];

/** Every command with one example, in plain words and short lines for a phone screen. */
export const HELP = [
  '您好,我是五社联动小助手。照下面的样子发给我:',
  '查服务 养老 —— 找附近的服务',
  '更多 —— 看列表的下一页',
  '登记需求 —— 登记您的困难(私聊进行)',
  '我的需求 —— 看您登记过的需求',
  '我的需求 1 —— 看第 1 条需求的进度',
  '需求 20261127-0001 —— 按编号看进度',
  '评价 1 5 —— 给第 1 条需求打 5 分',
  '活动 —— 看近期的志愿活动',
  '报名 12 —— 报名活动编号 12 的活动',
  '志愿时长 —— 看您的志愿服务时长',
  '取消 —— 停止正在进行的登记或报名',
  '帮助 —— 再看这份说明',
  '社区工作人员:',
  '绑定社区 葫田社区 —— 把本群绑定到社区',
  '绑定工作群 —— 本群接收新需求提醒',
].join('\n');

export const NOT_BOUND = '本群还没有绑定社区,请社区工作人员发送「绑定社区 社区名」。';
/** The hub cannot be reached: the question is kept and answered when it can (see plugins/deferred-answers.ts). */
export const HUB_DOWN = '系统暂时联系不上,已记下,稍后回复。';
/** The hub cannot be reached and this resident already has as many questions kept as the bot holds for one. */
export const HUB_DOWN_NOT_KEPT = '系统暂时联系不上,请过一会儿再发一次。';
/** Heads the late answer to a question kept while the hub was unreachable. */
export const lateAnswer = (question: string): string => `您之前问「${question}」,现在回复您:\n`;
export const NO_LIST = '「更多」用来看上一个列表的下一页。请先发「查服务」或「活动」。';
export const noMore = (total: number): string => `没有更多了,${total} 项已经全部列出。`;
export const NOTHING_TO_CANCEL = '现在没有进行中的登记或报名,不用取消。';
export const REPEATED = '刚才已回复,请看上面。';
/** A thank-you is not a command, but it deserves more than the menu. */
export const THANKS = /^(谢谢|多谢|感谢|谢了|thank)/i;
export const YOU_ARE_WELCOME = '不客气!还有需要随时找我,发送「帮助」可以看全部功能。';
export const SEND_TEXT =
  '抱歉,我还听不懂语音、看不懂图片和表情。请发文字给我(可以请家人帮忙),发送「帮助」看看能做什么。';
export const didYouMean = (example: string): string =>
  `没有看懂这句话。您是想发「${example}」吗?发送「帮助」可以看全部功能。`;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 2026-11-28 → 11月28日(星期六) */
export const chineseDate = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${month}月${day}日(星期${weekday})`;
};

export const activityReminder = (activity: {
  title: string;
  startsOn: string;
  when: 'tomorrow' | 'today';
  place: string;
}): string =>
  [
    `温馨提醒:您报名的志愿活动「${activity.title}」${activity.when === 'tomorrow' ? '明天' : '今天'} ${chineseDate(activity.startsOn)}举行。`,
    `地点:${activity.place}。`,
    '具体时间请留意社区通知;如不能参加或有疑问,请告诉社区工作人员。发送「活动」可查看近期活动。',
  ].join('\n');

export const hoursVerified = (record: { title?: string; servedOn: string; hours: number; total: number }): string =>
  `您${record.title ? `参加「${record.title}」` : chineseDate(record.servedOn)}的志愿服务 ${record.hours} 小时已由社区审核认证,累计认证 ${record.total} 小时。感谢您的付出!发送「志愿时长」可随时查看。`;

/** What a status means for the resident, said after its name in the private notice. */
const STATUS_MEANING: Record<string, string> = {
  ACCEPTED: '社区已受理,正在为您安排。',
  MATCHED: '已为您找到提供服务的人员或机构。',
  IN_SERVICE: '服务已经开始。',
  RESOLVED: '服务已完成。',
  CLOSED: '这件事已办结,谢谢您的信任。',
  REJECTED: '社区暂时无法受理。',
};

/** The private notice of a status change: its plain name and meaning, the reason of a rejection, the rating prompt. */
export function statusNotice(number: string, status: string, reason?: string | null): string {
  const lines = [`您的需求 ${number} 有新进展:${STATUS_NAMES[status] ?? status}。${STATUS_MEANING[status] ?? ''}`];
  if (status === 'REJECTED') {
    if (reason) lines.push(`原因:${reason}`);
    lines.push('如有疑问,请联系社区工作人员。');
  }
  if (status === 'RESOLVED') lines.push(`满意吗?回复「评价 ${number} 1-5」告诉我们。`);
  return lines.join('\n');
}

/** What the group the need was registered from hears: its number and status, nothing personal. */
export const groupStatusNotice = (number: string, status: string): string =>
  `需求 ${number}:${STATUS_NAMES[status] ?? status}`;

/** A time as an elderly resident says it, in China time: 11月28日(星期六)上午9:30. */
export function plainTime(at: Date): string {
  // China keeps UTC+8 all year: no daylight saving to follow.
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const hour = local.getUTCHours();
  const minute = String(local.getUTCMinutes()).padStart(2, '0');
  const part = hour < 6 ? '凌晨' : hour < 12 ? '上午' : hour < 13 ? '中午' : hour < 18 ? '下午' : '晚上';
  const clock = `${hour > 12 ? hour - 12 : hour}:${minute}`;
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日(星期${WEEKDAYS[local.getUTCDay()]})${part}${clock}`;
}

/** Who staff assigned to a need and when they come, privately; a public phone when the hub has one. */
export function assignmentNotice(
  number: string,
  handler: { name: string; phone?: string | null } | undefined,
  appointmentAt: Date | undefined,
): string {
  const phone = handler?.phone ? `,联系电话 ${handler.phone}` : '';
  if (handler && appointmentAt)
    return `您的需求 ${number} 已安排:${handler.name}将于${plainTime(appointmentAt)}为您服务${phone}。`;
  if (handler) return `您的需求 ${number} 已安排:由${handler.name}为您服务${phone},对方会与您联系时间。`;
  if (appointmentAt) return `您的需求 ${number} 已约好服务时间:${plainTime(appointmentAt)}。`;
  return `您的需求 ${number} 的服务安排有变,工作人员会与您联系。`;
}
