import { ServiceCategory } from '../graphql/service-category';
import type { Random } from './random';

export const ALL_CATEGORIES = Object.values(ServiceCategory);

/** What a service or a volunteer activity of each category is called. */
export const SERVICE_NAMES: Record<ServiceCategory, string[]> = {
  ELDERLY_CARE: ['老年人助餐服务', '独居老人探访', '为老服务日间照料', '老年人健康讲座'],
  CHILD_CARE: ['四点半课堂', '留守儿童陪伴', '假期儿童托管'],
  WOMEN_FAMILY: ['家庭关系辅导', '妇女技能培训', '婚姻家庭调解'],
  DISABILITY: ['残疾人康复辅助', '助残上门服务'],
  MENTAL_HEALTH: ['心理疏导热线', '心理健康讲座', '情绪支持小组'],
  HARDSHIP_RELIEF: ['困难家庭帮扶', '低保户走访慰问', '临时救助对接'],
  HEALTH: ['义诊与健康咨询', '慢病管理指导'],
  EDUCATION: ['作业辅导', '周末兴趣班', '青少年阅读推广'],
  COMMUNITY_AFFAIRS: ['居民议事协商', '垃圾分类宣传', '邻里节活动'],
  LEGAL_AID: ['法律咨询', '矛盾纠纷调解'],
  OTHER: ['便民服务'],
};

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤普李';
const GIVEN =
  '丽华明芳军伟秀英敏静强磊洋艳勇杰娟涛超霞平刚桂兰玉萍建国红梅春燕海波晓云飞鹏宇欣怡佳琪子涵浩然思雨梓轩嘉慧文博凤琼林';

export function personName(random: Random): string {
  const given = random.chance(0.35) ? random.pick([...GIVEN]) : random.pick([...GIVEN]) + random.pick([...GIVEN]);
  return random.pick([...SURNAMES]) + given;
}

/** The short form used in organisation names: 峨山彝族自治县 → 峨山县, 红塔区 → 红塔区. */
export function shortCountyName(name: string): string {
  const autonomous = name.match(/^(..)(?:.*)自治县$/);
  return autonomous ? `${autonomous[1]}县` : name;
}

/** 凤凰街道 → 凤凰, 小石桥彝族乡 → 小石桥, 葫田社区 → 葫田 */
export function placeStem(name: string): string {
  return name.replace(/(街道|.{1,4}族乡|乡|镇|社区|村)$/, '') || name;
}

const ORG_THEMES = [
  '阳光',
  '夕阳红',
  '同心',
  '邻里',
  '益心',
  '暖心',
  '彩虹',
  '春晖',
  '星火',
  '和谐',
  '善行',
  '爱心',
  '绿荫',
  '启明',
  '馨家',
  '向日葵',
  '连心',
  '助梦',
  '乐龄',
  '睦邻',
];

export const ORG_SUFFIX_BY_KIND = {
  SOCIAL_WORK_AGENCY: ['社会工作服务中心', '社工服务中心', '社会工作服务社'],
  CHARITY: ['公益协会', '慈善促进会', '公益发展中心'],
  COMMUNITY_ORG: ['邻里互助会', '文体协会', '老年协会', '居民议事会', '家长互助会'],
  VOLUNTEER_ASSOCIATION: ['志愿者协会', '志愿服务联合会'],
  OTHER: ['行业协会', '研究会', '联谊会'],
} as const;

export function organizationName(random: Random, place: string, kind: keyof typeof ORG_SUFFIX_BY_KIND): string {
  return `${place}${random.pick(ORG_THEMES)}${random.pick(ORG_SUFFIX_BY_KIND[kind])}`;
}

const TEAM_THEMES = [
  '红袖标',
  '青年',
  '巾帼',
  '党员先锋',
  '夕阳红',
  '小水滴',
  '爱心',
  '护河',
  '文明劝导',
  '助老',
  '关爱儿童',
  '应急救援',
];

export function teamName(random: Random, place: string): string {
  return `${place}${random.pick(TEAM_THEMES)}志愿服务队`;
}
