import { timingSafeEqual } from 'node:crypto';
import { subtreeBounds } from '../db/region-scope';
import { BadInputError, DomainError } from '../errors';
import { Role, type Identity } from './identity';

export class ForbiddenError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('FORBIDDEN', message, details);
  }
}

/**
 * Whether a `require…` check lets the caller through: what a client is offered (a button, an action) is decided by
 * the very check the mutation makes, so the two cannot drift apart.
 */
export function passes(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

/** True when `code` lies in the subtree of `ancestor` (both 12-digit division codes). */
export function isWithin(code: string, ancestor: string): boolean {
  const [low, high] = subtreeBounds(ancestor);
  return code >= low && code <= high;
}

export function isStaff(identity: Identity): boolean {
  return identity.role === Role.ADMIN || identity.role === Role.STAFF;
}

/** ADMIN anywhere; STAFF and BOT inside their own region's subtree. */
export function actsInRegion(identity: Identity, regionId: string): boolean {
  if (identity.role === Role.ADMIN) return true;
  if (identity.role !== Role.STAFF && identity.role !== Role.BOT) return false;
  return identity.regionId !== undefined && isWithin(regionId, identity.regionId);
}

export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!roles.includes(identity.role)) {
    throw new ForbiddenError(
      identity.role === Role.PUBLIC
        ? '请先登录 (this needs a staff, organisation or bot token)'
        : `无权执行此操作 (${identity.role} may not do this)`,
      { role: identity.role },
    );
  }
}

/** ADMIN, or STAFF whose region contains `regionId`. */
export function requireStaffIn(identity: Identity, regionId: string): void {
  requireRegionActor(identity, regionId, Role.STAFF);
}

/** ADMIN, or STAFF whose region contains `regionId`: who may read a record's staff-only fields. */
export function isStaffOf(identity: Identity, regionId: string): boolean {
  return isStaff(identity) && actsInRegion(identity, regionId);
}

/** An ORG token acts for its own organisation only; any other role passes this check (and meets the next). */
export function requireOwnOrganization(identity: Identity, organizationId: number | null): void {
  if (identity.role === Role.ORG && identity.organizationId !== organizationId)
    throw new ForbiddenError('只能管理本组织的事务 (an ORG token acts for its own organisation only)');
}

/**
 * An ORG token acting for `organizationId` (its own organisation only), or ADMIN/STAFF — and any of `roles` — of
 * `regionId`: the organisation's region when changing the organisation, the target's region when acting somewhere
 * for it.
 */
export function requireOrganizationActor(
  identity: Identity,
  organizationId: number | null,
  regionId: string,
  ...roles: Role[]
): void {
  requireOwnOrganization(identity, organizationId);
  if (identity.role !== Role.ORG) requireRegionActor(identity, regionId, Role.STAFF, ...roles);
}

/** ADMIN, or one of `roles` (STAFF, BOT) whose region contains `regionId`. */
export function requireRegionActor(identity: Identity, regionId: string, ...roles: Role[]): void {
  requireRole(identity, Role.ADMIN, ...roles);
  if (!actsInRegion(identity, regionId)) {
    throw new ForbiddenError(`不在您的管辖区域内 (${regionId} is outside your region)`, { regionId });
  }
}

/**
 * An ORG acts only inside its own organisation's region (a city-wide organisation anywhere in the city): a project
 * or an activity it places higher up would let every later check against that region reach across the city.
 */
export function requireOrganizationReach(identity: Identity, organizationRegion: string, regionId: string): void {
  if (identity.role === Role.ORG && !isWithin(regionId, organizationRegion)) {
    throw new ForbiddenError(`超出本组织所在区域 (${regionId} lies outside the organisation's region)`, { regionId });
  }
}

/** True when one division code contains the other: a city-wide organisation serves every community in the city. */
export function onOneBranch(a: string, b: string): boolean {
  return isWithin(a, b) || isWithin(b, a);
}

/**
 * Who may see a STAFF account of `accountRegion` (its name, even its id): ADMIN, and STAFF on its branch of regions
 * (one region contains the other: the staff of a need's region and the account handling it always are).
 */
export function seesStaffAccount(identity: Identity, accountRegion: string): boolean {
  if (identity.role === Role.ADMIN) return true;
  return identity.role === Role.STAFF && !!identity.regionId && onOneBranch(identity.regionId, accountRegion);
}

/**
 * Both ends of a link in reach. The record being changed (`anchorRegion`) is already in the actor's scope; the
 * record it is linked to must lie inside that region, or in a region containing it (a provider serving it), never
 * in a neighbouring one.
 */
export function requireLinkInScope(anchorRegion: string, otherRegion: string, what: string): void {
  if (!onOneBranch(anchorRegion, otherRegion)) {
    throw new ForbiddenError(`${what}不在本辖区 (${what} lies in ${otherRegion}, outside ${anchorRegion})`, {
      regionId: otherRegion,
    });
  }
}

/** The bot's reference to a resident: 64 hex digits (an HMAC-SHA256), so a raw chat id cannot be sent instead. */
export const REPORTER_REF = /^[0-9a-f]{64}$/;

/**
 * A BOT token acts for a whole region, but a need (or a volunteer record) belongs to the one resident who registered it. For that
 * resident's own records (a need's rating and details, their volunteer record) a BOT presents the resident's opaque reporter reference, the one the
 * record was registered with; ADMIN and STAFF of the region are not asked for it.
 */
export function actsForReporter(identity: Identity, recorded: string | null, presented: string | null | undefined) {
  if (identity.role !== Role.BOT) return true;
  if (!recorded || !presented || recorded.length !== presented.length) return false;
  return timingSafeEqual(Buffer.from(recorded), Buffer.from(presented));
}

export function requireReporter(identity: Identity, recorded: string | null, presented: string | null | undefined) {
  if (!actsForReporter(identity, recorded, presented)) {
    throw new ForbiddenError('只有居民本人可以操作 (a BOT acts only for the resident who registered this record)');
  }
}

/**
 * Who may read a resident's own record in `regionId` (a need's description): ADMIN, STAFF of the region, and a BOT
 * of the region presenting the reference the record was registered with.
 */
export function readsResidentRecord(
  identity: Identity,
  regionId: string,
  recorded: string | null,
  presented: string | null | undefined,
): boolean {
  return actsInRegion(identity, regionId) && actsForReporter(identity, recorded, presented);
}

/** A BOT registers a record for a resident only with the resident's reporter reference, so it can act for them later. */
export function requireReporterRefFromBot(identity: Identity, presented: string | null | undefined): void {
  if (identity.role === Role.BOT && !presented) {
    throw new BadInputError('机器人代居民登记须附居民的匿名标识 (a BOT must give the resident’s reporterRef)', {
      argument: 'reporterRef',
    });
  }
}
