import type { ServiceCategory } from './generated/operations';

/** The resident's commands, parsed from normalized text. Pure: the plugins decide what to do with them. */
export type Command =
  | { kind: 'help' }
  | { kind: 'findServices'; keyword: string }
  | { kind: 'registerNeed' }
  | { kind: 'myNeeds' }
  | { kind: 'needStatus'; number: string }
  | { kind: 'rate'; number: string; rating: number }
  | { kind: 'activities' }
  | { kind: 'signUp'; activityId: string }
  | { kind: 'volunteerHours' }
  | { kind: 'bindRoom'; community: string }
  | { kind: 'bindStaffRoom' };

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
    case '我的需求':
      return { kind: 'myNeeds' };
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
  const status = text.match(/^(?:需求|查询) ?(XQ\d{8}-\d{4,})$/i);
  if (status) return { kind: 'needStatus', number: status[1].toUpperCase() };
  const rating = text.match(/^评价 (XQ\d{8}-\d{4,}) ([1-5])$/i);
  if (rating) return { kind: 'rate', number: rating[1].toUpperCase(), rating: Number(rating[2]) };
  return undefined;
}

/** 养老/为老/老人 … all find elderly care: the words residents use, mapped to the hub's categories. */
export const CATEGORY_SYNONYMS: Record<string, string[]> = {
  ELDERLY_CARE: ['养老', '为老', '老人', '老年', '助老', '敬老'],
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

export function categoryFor(keyword: string): ServiceCategory | undefined {
  return Object.entries(CATEGORY_SYNONYMS).find(([, words]) => words.some((w) => keyword.includes(w)))?.[0] as
    ServiceCategory | undefined;
}
