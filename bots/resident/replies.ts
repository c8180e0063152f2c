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
