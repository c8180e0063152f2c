import { Role, type Identity } from '../../src/auth/identity';
import {
  actsForReporter,
  actsInRegion,
  ForbiddenError,
  isStaff,
  isWithin,
  onOneBranch,
  REPORTER_REF,
  requireLinkInScope,
  requireOrganizationActor,
  requireOrganizationReach,
  requireRegionActor,
  requireReporter,
  requireRole,
  requireStaffIn,
} from '../../src/auth/policy';
import { IDENTITIES, JIANGCHUAN, JIANGCHUAN_COMMUNITY, LIQI, orgIdentity, XIAHE } from '../helpers/identities';

const { ADMIN, STAFF_IN, STAFF_OUT, BOT_IN, BOT_OUT, PUBLIC } = IDENTITIES;
const ORG_7 = orgIdentity(7);
const HONGTA = '530402000000'; // 红塔区, the county containing 李棋街道
const CITY = '530400000000'; // 玉溪市

/** The ForbiddenError `act` throws, so its message and details can be compared whole. */
function refusal(act: () => void): ForbiddenError {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return error as ForbiddenError;
  }
  throw new Error('was allowed');
}

describe('region subtrees', () => {
  test.each([
    ['530402006005', '530402006000', true],
    ['530402006005', HONGTA, true],
    ['530402006005', CITY, true],
    [HONGTA, HONGTA, true], // a region is inside its own subtree: the lowest code of the range
    ['530402999999', HONGTA, true], // the highest code of the range
    ['530403000000', HONGTA, false], // the first code after it
    ['530401999999', HONGTA, false], // the last code before it
    [JIANGCHUAN_COMMUNITY, HONGTA, false],
    [HONGTA, '530402006000', false], // a wider region is not inside a narrower one
  ])('%s within %s: %s', (code, ancestor, expected) => {
    expect(isWithin(code, ancestor)).toBe(expected);
  });

  test.each([
    [XIAHE, LIQI, true],
    [LIQI, XIAHE, true],
    [XIAHE, XIAHE, true],
    [XIAHE, JIANGCHUAN_COMMUNITY, false],
    [LIQI, JIANGCHUAN, false],
  ])('%s and %s on one branch: %s', (a, b, expected) => {
    expect(onOneBranch(a, b)).toBe(expected);
  });
});

describe('roles', () => {
  test.each([
    [ADMIN, true],
    [STAFF_IN, true],
    [BOT_IN, false],
    [ORG_7, false],
    [PUBLIC, false],
  ])('%o is staff: %s', (identity, expected) => {
    expect(isStaff(identity)).toBe(expected);
  });

  test('requireRole passes the listed roles and refuses the others, telling the public to log in', () => {
    expect(() => requireRole(STAFF_IN, Role.ADMIN, Role.STAFF)).not.toThrow();
    expect(() => requireRole(BOT_IN, Role.BOT)).not.toThrow();
    const publicRefusal = refusal(() => requireRole(PUBLIC, Role.ADMIN, Role.STAFF));
    expect(publicRefusal.message).toBe('请先登录 (this needs a staff, organisation or bot token)');
    expect(publicRefusal.extensions).toEqual({ code: 'FORBIDDEN', role: 'PUBLIC' });
    const orgRefusal = refusal(() => requireRole(ORG_7, Role.ADMIN, Role.STAFF));
    expect(orgRefusal.message).toBe('无权执行此操作 (ORG may not do this)');
    expect(orgRefusal.extensions).toEqual({ code: 'FORBIDDEN', role: 'ORG' });
    expect(refusal(() => requireRole(ADMIN)).message).toBe('无权执行此操作 (ADMIN may not do this)');
  });

  test('a ForbiddenError carries the FORBIDDEN code and its details', () => {
    expect(new ForbiddenError('不行').extensions).toEqual({ code: 'FORBIDDEN' });
    expect(new ForbiddenError('不行', { regionId: LIQI }).extensions).toEqual({ code: 'FORBIDDEN', regionId: LIQI });
  });
});

describe('acting in a region', () => {
  test.each([
    [ADMIN, JIANGCHUAN_COMMUNITY, true],
    [STAFF_IN, XIAHE, true],
    [STAFF_IN, LIQI, true],
    [STAFF_IN, HONGTA, false],
    [STAFF_OUT, XIAHE, false],
    [BOT_IN, XIAHE, true],
    [BOT_OUT, XIAHE, false],
    [{ role: Role.STAFF, subject: 'no region' } as Identity, XIAHE, false],
    [{ role: Role.BOT, subject: 'no region' } as Identity, XIAHE, false],
    [{ ...ORG_7, regionId: LIQI }, XIAHE, false], // an ORG never acts for a region, whatever its token says
    [{ ...PUBLIC, regionId: LIQI }, XIAHE, false],
  ])('%o acts in %s: %s', (identity, regionId, expected) => {
    expect(actsInRegion(identity, regionId)).toBe(expected);
  });

  test('requireStaffIn: ADMIN anywhere, STAFF inside its subtree; nobody else', () => {
    expect(() => requireStaffIn(ADMIN, JIANGCHUAN_COMMUNITY)).not.toThrow();
    expect(() => requireStaffIn(STAFF_IN, XIAHE)).not.toThrow();
    const outside = refusal(() => requireStaffIn(STAFF_OUT, XIAHE));
    expect(outside.message).toBe('不在您的管辖区域内 (530402006005 is outside your region)');
    expect(outside.extensions).toEqual({ code: 'FORBIDDEN', regionId: XIAHE });
    expect(refusal(() => requireStaffIn(BOT_IN, XIAHE)).message).toBe('无权执行此操作 (BOT may not do this)');
  });

  test('requireRegionActor: ADMIN, and the listed roles inside their subtree', () => {
    expect(() => requireRegionActor(ADMIN, JIANGCHUAN_COMMUNITY)).not.toThrow();
    expect(() => requireRegionActor(BOT_IN, XIAHE, Role.STAFF, Role.BOT)).not.toThrow();
    expect(() => requireRegionActor(STAFF_IN, XIAHE, Role.STAFF)).not.toThrow();
    expect(refusal(() => requireRegionActor(BOT_IN, XIAHE, Role.STAFF)).message).toBe(
      '无权执行此操作 (BOT may not do this)',
    );
    const outside = refusal(() => requireRegionActor(BOT_OUT, XIAHE, Role.STAFF, Role.BOT));
    expect(outside.message).toBe('不在您的管辖区域内 (530402006005 is outside your region)');
    expect(outside.extensions).toEqual({ code: 'FORBIDDEN', regionId: XIAHE });
  });
});

describe('organisations', () => {
  test('an ORG acts for its own organisation only; ADMIN and STAFF of the region for any', () => {
    expect(() => requireOrganizationActor(ORG_7, 7, JIANGCHUAN_COMMUNITY)).not.toThrow();
    expect(() => requireOrganizationActor(ADMIN, 7, JIANGCHUAN_COMMUNITY)).not.toThrow();
    expect(() => requireOrganizationActor(STAFF_IN, 7, XIAHE)).not.toThrow();
    expect(refusal(() => requireOrganizationActor(ORG_7, 8, XIAHE)).message).toBe(
      '只能管理本组织的事务 (an ORG token acts for its own organisation only)',
    );
    expect(refusal(() => requireOrganizationActor(ORG_7, null, XIAHE)).message).toBe(
      '只能管理本组织的事务 (an ORG token acts for its own organisation only)',
    );
    expect(refusal(() => requireOrganizationActor(STAFF_OUT, 7, XIAHE)).message).toBe(
      '不在您的管辖区域内 (530402006005 is outside your region)',
    );
    expect(refusal(() => requireOrganizationActor(BOT_IN, 7, XIAHE)).message).toBe(
      '无权执行此操作 (BOT may not do this)',
    );
    // an organisation id on a staff token gives no organisation's rights outside the staff's region
    expect(refusal(() => requireOrganizationActor({ ...STAFF_OUT, organizationId: 7 }, 7, XIAHE)).message).toBe(
      '不在您的管辖区域内 (530402006005 is outside your region)',
    );
  });

  test("an ORG places things only inside its organisation's region; staff are not limited by it", () => {
    expect(() => requireOrganizationReach(ORG_7, LIQI, XIAHE)).not.toThrow();
    expect(() => requireOrganizationReach(ORG_7, CITY, JIANGCHUAN_COMMUNITY)).not.toThrow();
    const wider = refusal(() => requireOrganizationReach(ORG_7, LIQI, HONGTA));
    expect(wider.message).toBe("超出本组织所在区域 (530402000000 lies outside the organisation's region)");
    expect(wider.extensions).toEqual({ code: 'FORBIDDEN', regionId: HONGTA });
    expect(() => requireOrganizationReach(ORG_7, LIQI, JIANGCHUAN)).toThrow(ForbiddenError);
    expect(() => requireOrganizationReach(STAFF_IN, LIQI, HONGTA)).not.toThrow();
  });
});

describe('links', () => {
  test('the other end lies inside the anchor region or in a region containing it, never beside it', () => {
    expect(() => requireLinkInScope(XIAHE, XIAHE, '服务阵地')).not.toThrow();
    expect(() => requireLinkInScope(LIQI, XIAHE, '服务阵地')).not.toThrow();
    expect(() => requireLinkInScope(XIAHE, CITY, '服务组织')).not.toThrow();
    const beside = refusal(() => requireLinkInScope(XIAHE, JIANGCHUAN_COMMUNITY, '服务阵地'));
    expect(beside.message).toBe('服务阵地不在本辖区 (服务阵地 lies in 530403001001, outside 530402006005)');
    expect(beside.extensions).toEqual({ code: 'FORBIDDEN', regionId: JIANGCHUAN_COMMUNITY });
  });
});

describe("a resident's own records", () => {
  const ref = 'ab'.repeat(32);
  const otherRef = 'cd'.repeat(32);

  test.each([
    [ref, true],
    ['0123456789abcdef'.repeat(4), true],
    ['ab'.repeat(31) + 'a', false], // 63 digits
    [ref + 'a', false], // 65 digits
    ['AB'.repeat(32), false], // upper case is another string, not the HMAC the bot sends
    ['x' + ref.slice(1), false],
    [ref.slice(0, 63) + 'g', false],
    ['wxid_' + ref, false],
    [ref + '\n', false],
  ])('%j is a reporter reference: %s', (value, expected) => {
    expect(REPORTER_REF.test(value)).toBe(expected);
  });

  test.each([
    [BOT_IN, ref, ref, true],
    [BOT_IN, ref, otherRef, false],
    [BOT_IN, ref, ref.slice(0, 62), false], // shorter: refused before the constant-time comparison
    [BOT_IN, ref, null, false],
    [BOT_IN, ref, undefined, false],
    [BOT_IN, ref, '', false],
    [BOT_IN, null, ref, false], // a need registered by staff has no reporter: no BOT acts for it
    [BOT_IN, '', '', false],
    [STAFF_IN, null, undefined, true], // staff are not asked for the reference
    [ADMIN, ref, otherRef, true],
  ])('%o with recorded %j and presented %j acts for the reporter: %s', (identity, recorded, presented, expected) => {
    expect(actsForReporter(identity, recorded, presented)).toBe(expected);
  });

  test('requireReporter refuses a BOT presenting another reference', () => {
    expect(() => requireReporter(BOT_IN, ref, ref)).not.toThrow();
    expect(() => requireReporter(STAFF_IN, ref, undefined)).not.toThrow();
    expect(refusal(() => requireReporter(BOT_IN, ref, otherRef)).message).toBe(
      '只有居民本人可以操作 (a BOT acts only for the resident who registered this record)',
    );
  });
});
