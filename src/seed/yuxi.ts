/**
 * Yuxi as the 2021 Yuxi Daily report and the 7th census describe it. Figures the report gives are
 * reproduced exactly by the generator; see docs/dataset.md for sources and what is estimated.
 */
export const CITY = { code: '530400000000', name: '玉溪市' };

/**
 * County census population (2020-11-01). 江川, 峨山, 新平 and 元江 are the census figures; 华宁 and 澄江 are the
 * census figures rounded to hundreds; 红塔, 通海 and 易门 are estimates within the bulletin's bands, with 红塔
 * balancing the city total of 2,249,502. The bulletin's bands hold: 1 over 500k, 3 in 200k-300k, 5 in 100k-200k.
 */
export const COUNTIES = [
  { code: '530402000000', name: '红塔区', kind: '区', population: 570286 },
  { code: '530403000000', name: '江川区', kind: '区', population: 253295 },
  { code: '530481000000', name: '澄江市', kind: '市', population: 173200 },
  { code: '530423000000', name: '通海县', kind: '县', population: 290000 },
  { code: '530424000000', name: '华宁县', kind: '县', population: 190400 },
  { code: '530425000000', name: '易门县', kind: '县', population: 170000 },
  { code: '530426000000', name: '峨山彝族自治县', kind: '县', population: 143903 },
  { code: '530427000000', name: '新平彝族傣族自治县', kind: '县', population: 262771 },
  { code: '530428000000', name: '元江哈尼族彝族傣族自治县', kind: '县', population: 195647 },
] as const;

/** Totals the report gives for the whole city. */
export const CITY_TOTALS = {
  organizations: 2830,
  volunteerTeams: 1954,
  volunteers: 331859,
  volunteerActivities: 32305,
} as const;

export const PLACES = {
  hutian: '530402002004', // 葫田社区, 凤凰街道, 红塔区
  xiahe: '530402006005', // 下赫社区, 李棋街道, 红塔区
  gaocangStreet: '530402009000', // 高仓街道, 红塔区
  gaocangCommunities: ['530402009001', '530402009002', '530402009003', '530402009004', '530402009005'],
  hongta: '530402000000',
  tonghai: '530423000000',
} as const;

export const CHILDREN_STATION = {
  servedPersonTimes: 7450,
  volunteers: 108, // "100余名社会志愿者"
  halfHours: 7281, // 3,640.5 hours
  themes: ['珍惜粮食', '垃圾分类', '我为党旗添光彩', '模拟法庭之未成年人保护法', '地震安全教育'],
} as const;

export const NUANNUAN_HOUSEHOLDS = 308;

export const CERTIFICATE_REWARDS = [
  { level: 'ASSISTANT', title: '助理社会工作师', amountYuan: 2000 },
  { level: 'INTERMEDIATE', title: '社会工作师', amountYuan: 3000 },
  { level: 'SENIOR', title: '高级社会工作师', amountYuan: 10000 },
] as const;

export const TALENT_PROGRAMME = { name: '兴玉社工人才', year: 2021, people: 10, amountYuan: 50000 } as const;

export const EXAM_2021 = { year: 2021, applicants: 3748, source: '玉溪日报 2021-09-09 (reported)' } as const;

export const PROJECT_ROUND_2020 = {
  name: '党群同心 共建美好家园',
  sponsor: '市委组织部',
  openedOn: '2020-08-01',
  applications: 57,
  funded: 13,
} as const;
