import { registerEnumType } from 'type-graphql';

/** Shared by every subgraph with the same values, as federation requires of a shared enum. */
export enum ServiceCategory {
  ELDERLY_CARE = 'ELDERLY_CARE',
  CHILD_CARE = 'CHILD_CARE',
  WOMEN_FAMILY = 'WOMEN_FAMILY',
  DISABILITY = 'DISABILITY',
  MENTAL_HEALTH = 'MENTAL_HEALTH',
  HARDSHIP_RELIEF = 'HARDSHIP_RELIEF',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  COMMUNITY_AFFAIRS = 'COMMUNITY_AFFAIRS',
  LEGAL_AID = 'LEGAL_AID',
  OTHER = 'OTHER',
}

registerEnumType(ServiceCategory, {
  name: 'ServiceCategory',
  description: '服务类别 — the same values in every subgraph',
});

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  ELDERLY_CARE: '养老服务',
  CHILD_CARE: '儿童关爱',
  WOMEN_FAMILY: '妇女家庭',
  DISABILITY: '助残服务',
  MENTAL_HEALTH: '心理健康',
  HARDSHIP_RELIEF: '困难帮扶',
  HEALTH: '健康服务',
  EDUCATION: '教育辅导',
  COMMUNITY_AFFAIRS: '社区事务',
  LEGAL_AID: '法律援助',
  OTHER: '其他',
};
