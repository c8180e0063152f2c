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

export const HELP = [
  '您好,我是五社联动小助手,可以:',
  '· 查服务 [类别或关键词] —— 如「查服务 养老」',
  '· 登记需求 —— 私聊登记,获得需求编号',
  '· 我的需求 / 需求 XQ编号 —— 查看进度',
  '· 评价 XQ编号 1-5 —— 需求解决后评价',
  '· 活动 —— 近期志愿活动',
  '· 绑定社区 社区名 —— 把本群绑定到社区',
].join('\n');

export const NOT_BOUND = '本群还没有绑定社区,请社区工作人员发送「绑定社区 社区名」。';
export const HUB_DOWN = '系统暂时无法访问,请稍后再试。';
export const REPEATED = '刚才已回复,请看上面。';
export const SEND_TEXT =
  '抱歉,我还听不懂语音、看不懂图片和表情。请发文字给我(可以请家人帮忙),发送「帮助」看看能做什么。';
export const didYouMean = (example: string): string =>
  `没有看懂这句话。您是想发「${example}」吗?发送「帮助」可以看全部功能。`;

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

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

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
