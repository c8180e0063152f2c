import type { EntityManager } from 'typeorm';
import { isWithin, requireLinkInScope, requireOrganizationActor, requireStaffIn } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { inTransaction } from '../../graphql/transaction';
import { countChange } from '../../db/figure-tally';
import { findOrFail, insertRow, lockOrFail } from '../../db/rows';
import { ORGANIZATION_FIGURES } from './organization.figures';
import { contactDetailsOf } from '../../graphql/contact';
import { withoutUndefined } from '../../graphql/inputs';
import { isValidCreditCode } from './credit-code';
import { OrganizationError, OrganizationErrorCode } from './organization.errors';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { loadOrFail } from '../../graphql/loaders';
import { requireNotFuture } from '../../graphql/inputs';
import { listQuery } from '../../graphql/list-query';
import { optionalReference, requireRegion } from '../../graphql/references';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { OrganizationStatus, SocialOrganization } from './organization.entity';
import type {
  OrganizationFilter,
  OrganizationOrder,
  RegisterOrganizationInput,
  UpdateOrganizationInput,
} from './organization.inputs';
import { organizationById, serviceById } from './organization.loaders';
import { Service } from './service.entity';
import type { CreateServiceInput, ServiceFilter, ServiceOrder, UpdateServiceInput } from './service.inputs';

export function getOrganization(context: HubContext, id: string): Promise<SocialOrganization> {
  return loadOrFail(organizationById(context), id, '社会组织');
}

export function listOrganizations(
  context: HubContext,
  filter: OrganizationFilter = {},
  order: OrganizationOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, SocialOrganization, {
    equals: { kind: filter.kind, status: filter.status, category: filter.category },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    order,
  });
  return paginate(query, page);
}

export function getService(context: HubContext, id: string): Promise<Service> {
  return loadOrFail(serviceById(context), id, '服务');
}

export function listServices(
  context: HubContext,
  filter: ServiceFilter = {},
  order: ServiceOrder | undefined,
  page: PageArgs,
) {
  const query = listQuery(context.dataSource, Service, {
    equals: {
      category: filter.category,
      active: filter.active,
      providerId: optionalIntId(filter.providerId, 'providerId'),
      stationId: optionalIntId(filter.stationId, 'stationId'),
    },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
    order,
  });
  return paginate(query, page);
}

export async function registerOrganization(context: HubContext, input: RegisterOrganizationInput) {
  requireStaffIn(context.identity, input.regionId);
  const creditCode = input.creditCode.trim().toUpperCase();
  if (!isValidCreditCode(creditCode)) throw new OrganizationError(OrganizationErrorCode.INVALID_CREDIT_CODE);
  if (input.foundedYear !== undefined && input.foundedYear !== null) requireNotFuture(input.foundedYear, 'foundedYear');
  const contact = contactDetailsOf(input);
  await requireRegion(context, input.regionId, 'regionId');
  return inTransaction(context, async (manager) => {
    const repository = manager.getRepository(SocialOrganization);
    if (await repository.existsBy({ creditCode }))
      throw new OrganizationError(OrganizationErrorCode.DUPLICATE_CREDIT_CODE);
    const organization = await repository.save(
      repository.create({
        name: input.name.trim(),
        kind: input.kind,
        creditCode,
        regionId: input.regionId,
        category: input.category,
        partyBranch: input.partyBranch ?? false,
        foundedYear: input.foundedYear ?? null,
        description: input.description ?? null,
        publicPhone: contact.publicPhone ?? null,
        address: contact.address ?? '',
        status: OrganizationStatus.ACTIVE,
      }),
    );
    await countChange(manager, ORGANIZATION_FIGURES, SocialOrganization, null, organization);
    return organization;
  });
}

export function updateOrganization(context: HubContext, id: string, input: UpdateOrganizationInput) {
  const contact = contactDetailsOf(input);
  return inTransaction(context, async (manager) => {
    // Locked and read as committed: the figures count its status, so `before` must be what the tally holds.
    const organization = await lockOrFail(manager, SocialOrganization, parseIntId(id), '社会组织');
    requireOrganizationActor(context.identity, organization.id, organization.regionId);
    const before = { ...organization };
    Object.assign(organization, withoutUndefined({ ...input, name: input.name?.trim(), ...contact }));
    await countChange(manager, ORGANIZATION_FIGURES, SocialOrganization, before, organization);
    return manager.getRepository(SocialOrganization).save(organization);
  });
}

export function setOrganizationStatus(context: HubContext, id: string, status: OrganizationStatus) {
  return inTransaction(context, async (manager) => {
    // Locked and read as committed: the figures count its status, so `before` must be what the tally holds.
    const organization = await lockOrFail(manager, SocialOrganization, parseIntId(id), '社会组织');
    requireStaffIn(context.identity, organization.regionId);
    const before = { ...organization };
    organization.status = status;
    await countChange(manager, ORGANIZATION_FIGURES, SocialOrganization, before, organization);
    return manager.getRepository(SocialOrganization).save(organization);
  });
}

export async function createService(context: HubContext, input: CreateServiceInput) {
  await requireRegion(context, input.regionId, 'regionId');
  const station = await optionalReference(context, 'ServiceStation', input.stationId);
  if (station) requireLinkInScope(input.regionId, station.regionId, '服务阵地');
  return inTransaction(context, async (manager) => {
    const provider = await findOrFail(
      manager,
      SocialOrganization,
      parseIntId(input.providerId, 'providerId'),
      '社会组织',
    );
    requireOrganizationActor(context.identity, provider.id, provider.regionId);
    if (provider.status !== OrganizationStatus.ACTIVE)
      throw new OrganizationError(OrganizationErrorCode.ORGANIZATION_NOT_ACTIVE);
    if (!isWithin(input.regionId, provider.regionId)) {
      throw new OrganizationError(OrganizationErrorCode.OUTSIDE_ORGANIZATION_REGION, { regionId: input.regionId });
    }
    return insertRow(manager, Service, {
      name: input.name.trim(),
      category: input.category,
      providerId: provider.id,
      regionId: input.regionId,
      stationId: optionalIntId(input.stationId, 'stationId'),
      schedule: input.schedule ?? '',
      capacity: input.capacity ?? null,
      description: input.description ?? null,
      active: true,
    });
  });
}

async function serviceForChange(context: HubContext, manager: EntityManager, id: string): Promise<Service> {
  const service = await findOrFail(manager, Service, parseIntId(id), '服务');
  const provider = await findOrFail(manager, SocialOrganization, service.providerId, '社会组织');
  requireOrganizationActor(context.identity, provider.id, provider.regionId);
  return service;
}

export function updateService(context: HubContext, id: string, input: UpdateServiceInput) {
  return inTransaction(context, async (manager) => {
    const service = await serviceForChange(context, manager, id);
    Object.assign(service, withoutUndefined({ ...input, name: input.name?.trim() }));
    return manager.getRepository(Service).save(service);
  });
}

export function retireService(context: HubContext, id: string) {
  return inTransaction(context, async (manager) => {
    const service = await serviceForChange(context, manager, id);
    service.active = false;
    return manager.getRepository(Service).save(service);
  });
}
