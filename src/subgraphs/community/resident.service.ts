import { Role } from '../../auth/identity';
import { isStaff, requireRole, requireStaffIn } from '../../auth/policy';
import { PROVINCE_CODE } from '../../db/region-scope';
import type { HubContext } from '../../graphql/context';
import { DomainError, NotFoundError } from '../../errors';
import { parseIntId } from '../../graphql/ids';
import { requireNotFuture } from '../../graphql/inputs';
import { requireRegion } from '../../graphql/references';
import { RegionLevel } from './region.entity';
import { listQuery } from '../../graphql/list-query';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { maskPhone, protect } from '../../graphql/personal-data';
import { inTransaction } from '../../graphql/transaction';
import { insertRow } from '../../db/rows';
import { Resident, ResidentTag } from './resident.entity';
import type { RegisterResidentInput, ResidentFilter } from './resident.inputs';

export async function registerResident(context: HubContext, input: RegisterResidentInput) {
  requireStaffIn(context.identity, input.regionId);
  if (input.phone && !input.consentAt) {
    throw new DomainError('CONSENT_REQUIRED', '保存联系方式需要居民同意的时间 (storing a phone needs consentAt)');
  }
  if (input.consentAt) requireNotFuture(input.consentAt, 'consentAt');
  await requireRegion(context, input.regionId, 'regionId', RegionLevel.COMMUNITY);
  const phone = input.phone ? protect(context.dataKeys.current, input.phone) : null;
  return inTransaction(context, async (manager) => {
    return insertRow(manager, Resident, {
      name: input.name.trim(),
      regionId: input.regionId,
      phoneSealed: phone?.sealed ?? null,
      phoneKeyId: phone?.keyId ?? null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      consentAt: input.phone ? input.consentAt! : null,
      tagList: [...new Set(input.tags)].join(','),
      registeredAt: new Date(),
    });
  });
}

export async function getResident(context: HubContext, id: string) {
  requireRole(context.identity, Role.ADMIN, Role.STAFF);
  const resident = await context.dataSource.getRepository(Resident).findOneBy({ id: parseIntId(id) });
  if (!resident) throw new NotFoundError('居民', id);
  requireStaffIn(context.identity, resident.regionId);
  return resident;
}

export function listResidents(context: HubContext, filter: ResidentFilter = {}, page: PageArgs) {
  requireRole(context.identity, Role.ADMIN, Role.STAFF);
  const regionId = filter.regionId ?? context.identity.regionId ?? PROVINCE_CODE;
  requireStaffIn(context.identity, regionId);
  return paginate(
    listQuery(context.dataSource, Resident, {
      regionProperty: 'regionId',
      regionId,
      search: filter.search,
    }),
    page,
  );
}

/** Sensitive tags: staff of the resident's region only (the resident itself is already staff-only). */
export function tagsOf(context: HubContext, resident: Resident): ResidentTag[] | null {
  if (!isStaff(context.identity)) return null;
  try {
    requireStaffIn(context.identity, resident.regionId);
  } catch {
    return null;
  }
  return resident.tagList ? (resident.tagList.split(',') as ResidentTag[]) : [];
}
