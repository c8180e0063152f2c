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
