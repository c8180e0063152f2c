import { Role, type Identity } from '../../src/auth/identity';
import {
  isStaffOf,
  readsResidentRecord,
  requireOrganizationActor,
  requireOwnOrganization,
  requireReporterRefFromBot,
} from '../../src/auth/policy';
import { DomainError } from '../../src/errors';

// 红塔区 (a county), one of its communities, and a community of the neighbouring county 江川区.
const HONGTA = '530402000000';
const HONGTA_COMMUNITY = '530402006001';
const JIANGCHUAN_COMMUNITY = '530403100001';
const REF = 'a'.repeat(64);
const OTHER_REF = 'b'.repeat(64);

const admin: Identity = { role: Role.ADMIN, subject: 'admin' };
const staff: Identity = { role: Role.STAFF, subject: 'staff', regionId: HONGTA };
const staffWithoutRegion: Identity = { role: Role.STAFF, subject: 'staff' };
const bot: Identity = { role: Role.BOT, subject: 'bot', regionId: HONGTA };
const org7: Identity = { role: Role.ORG, subject: 'org', organizationId: 7 };
const anonymous: Identity = { role: Role.PUBLIC, subject: 'anonymous' };

/** The code, message and details a call throws, or 'passes' when it throws nothing. */
function outcome(call: () => void): 'passes' | { code: string; message: string; details: Record<string, unknown> } {
  try {
    call();
    return 'passes';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { code, ...details } = error.extensions;
    return { code: String(code), message: error.message, details };
  }
}

const ORG_ONLY = {
  code: 'FORBIDDEN',
  message: '只能管理本组织的事务 (an ORG token acts for its own organisation only)',
  details: {},
};
const outside = (regionId: string) => ({
  code: 'FORBIDDEN',
  message: `不在您的管辖区域内 (${regionId} is outside your region)`,
  details: { regionId },
});
const roleRefused = (role: Role) => ({
  code: 'FORBIDDEN',
  message: `无权执行此操作 (${role} may not do this)`,
  details: { role },
});

describe('isStaffOf: who reads a record’s staff-only fields', () => {
  test.each<[string, boolean, Identity, string]>([
    ['ADMIN anywhere', true, admin, JIANGCHUAN_COMMUNITY],
    ['STAFF inside their county', true, staff, HONGTA_COMMUNITY],
    ['STAFF on their own region code', true, staff, HONGTA],
    ['STAFF of a neighbouring county', false, staff, JIANGCHUAN_COMMUNITY],
    ['STAFF with no region', false, staffWithoutRegion, HONGTA_COMMUNITY],
    ['the BOT of the region', false, bot, HONGTA_COMMUNITY],
    ['an ORG', false, org7, HONGTA_COMMUNITY],
    ['an anonymous caller', false, anonymous, HONGTA_COMMUNITY],
  ])('%s → %s', (_, expected, identity, regionId) => {
    expect(isStaffOf(identity, regionId)).toBe(expected);
  });
});

describe('requireOwnOrganization', () => {
  test('an ORG passes for its own organisation', () => {
    expect(outcome(() => requireOwnOrganization(org7, 7))).toBe('passes');
  });

  test('an ORG is refused for another organisation, and for a record of no organisation', () => {
    expect(outcome(() => requireOwnOrganization(org7, 8))).toEqual(ORG_ONLY);
    expect(outcome(() => requireOwnOrganization(org7, null))).toEqual(ORG_ONLY);
  });

  test('an ORG token that names no organisation matches none, not even a record of none', () => {
    const orgWithout: Identity = { role: Role.ORG, subject: 'org' };
    expect(outcome(() => requireOwnOrganization(orgWithout, 7))).toEqual(ORG_ONLY);
    expect(outcome(() => requireOwnOrganization(orgWithout, null))).toEqual(ORG_ONLY);
  });

  test.each([admin, staff, bot, anonymous])('$role is left to the checks that follow', (identity) => {
    expect(outcome(() => requireOwnOrganization(identity, 8))).toBe('passes');
  });
});

describe('requireOrganizationActor: an ORG for itself, or STAFF (and the roles named) of the region', () => {
  test('an ORG for its own organisation passes whatever the region', () => {
    expect(outcome(() => requireOrganizationActor(org7, 7, JIANGCHUAN_COMMUNITY))).toBe('passes');
  });

  test('an ORG for another organisation is refused, even where a named role would pass', () => {
    expect(outcome(() => requireOrganizationActor(org7, 8, HONGTA_COMMUNITY, Role.ORG))).toEqual(ORG_ONLY);
  });

  test('ADMIN passes anywhere', () => {
    expect(outcome(() => requireOrganizationActor(admin, 8, JIANGCHUAN_COMMUNITY))).toBe('passes');
  });

  test('STAFF pass inside their region and are refused outside it', () => {
    expect(outcome(() => requireOrganizationActor(staff, 8, HONGTA_COMMUNITY))).toBe('passes');
    expect(outcome(() => requireOrganizationActor(staff, 8, JIANGCHUAN_COMMUNITY))).toEqual(
      outside(JIANGCHUAN_COMMUNITY),
    );
  });

  test('the BOT is refused unless named, and then only inside its region', () => {
    expect(outcome(() => requireOrganizationActor(bot, 8, HONGTA_COMMUNITY))).toEqual(roleRefused(Role.BOT));
    expect(outcome(() => requireOrganizationActor(bot, 8, HONGTA_COMMUNITY, Role.BOT))).toBe('passes');
    expect(outcome(() => requireOrganizationActor(bot, 8, JIANGCHUAN_COMMUNITY, Role.BOT))).toEqual(
      outside(JIANGCHUAN_COMMUNITY),
    );
  });

  test('an anonymous caller is asked to sign in', () => {
    expect(outcome(() => requireOrganizationActor(anonymous, null, HONGTA_COMMUNITY, Role.BOT))).toEqual({
      code: 'FORBIDDEN',
      message: '请先登录 (this needs a staff, organisation or bot token)',
      details: { role: 'PUBLIC' },
    });
  });
});

describe('readsResidentRecord: a need’s description', () => {
  test.each<[string, boolean, Identity, string, string | null, string | null | undefined]>([
    ['ADMIN, no reference', true, admin, JIANGCHUAN_COMMUNITY, REF, undefined],
    ['STAFF of the region, no reference', true, staff, HONGTA_COMMUNITY, REF, null],
    ['STAFF of a neighbouring county', false, staff, JIANGCHUAN_COMMUNITY, REF, REF],
    ['the BOT with the resident’s reference', true, bot, HONGTA_COMMUNITY, REF, REF],
    ['the BOT with another resident’s reference', false, bot, HONGTA_COMMUNITY, REF, OTHER_REF],
    ['the BOT with a shorter reference', false, bot, HONGTA_COMMUNITY, REF, REF.slice(1)],
    ['the BOT with no reference', false, bot, HONGTA_COMMUNITY, REF, undefined],
    ['the BOT for a record registered by staff (none recorded)', false, bot, HONGTA_COMMUNITY, null, REF],
    ['the BOT with the reference, outside its region', false, bot, JIANGCHUAN_COMMUNITY, REF, REF],
    ['an ORG', false, org7, HONGTA_COMMUNITY, REF, REF],
    ['an anonymous caller with the reference', false, anonymous, HONGTA_COMMUNITY, REF, REF],
  ])('%s → %s', (_, expected, identity, regionId, recorded, presented) => {
    expect(readsResidentRecord(identity, regionId, recorded, presented)).toBe(expected);
  });
});

describe('requireReporterRefFromBot', () => {
  const missing = {
    code: 'BAD_USER_INPUT',
    message: '机器人代居民登记须附居民的匿名标识 (a BOT must give the resident’s reporterRef)',
    details: { argument: 'reporterRef' },
  };

  test.each([undefined, null, ''])('the BOT without a reference (%p) is refused', (presented) => {
    expect(outcome(() => requireReporterRefFromBot(bot, presented))).toEqual(missing);
  });

  test('the BOT with a reference passes', () => {
    expect(outcome(() => requireReporterRefFromBot(bot, REF))).toBe('passes');
  });

  test.each([admin, staff, org7])('$role registers without one', (identity) => {
    expect(outcome(() => requireReporterRefFromBot(identity, undefined))).toBe('passes');
  });
});
