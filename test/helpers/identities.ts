import { Role, type Identity } from '../../src/auth/identity';

/** 李棋街道 (下赫社区's township) and its community; 江川区 is "another region". */
export const LIQI = '530402006000';
export const XIAHE = '530402006005';
export const JIANGCHUAN = '530403000000';
export const JIANGCHUAN_COMMUNITY = '530403001001';

export const IDENTITIES = {
  ADMIN: { role: Role.ADMIN, subject: 'admin' },
  STAFF_IN: { role: Role.STAFF, subject: 'staff-liqi', regionId: LIQI },
  STAFF_OUT: { role: Role.STAFF, subject: 'staff-jiangchuan', regionId: JIANGCHUAN },
  BOT_IN: { role: Role.BOT, subject: 'bot-liqi', regionId: LIQI },
  BOT_OUT: { role: Role.BOT, subject: 'bot-jiangchuan', regionId: JIANGCHUAN },
  PUBLIC: { role: Role.PUBLIC, subject: 'anonymous' },
} satisfies Record<string, Identity>;

export const orgIdentity = (organizationId: number, subject = `org-${organizationId}`): Identity => ({
  role: Role.ORG,
  subject,
  organizationId,
});
