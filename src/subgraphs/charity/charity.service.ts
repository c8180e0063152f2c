import { requireLinkInScope, requireStaffIn } from '../../auth/policy';
import type { HubContext } from '../../graphql/context';
import { BadInputError, DomainError, NotFoundError } from '../../errors';
import { inTransaction } from '../../graphql/transaction';
import { forShare, forUpdate, insertRow } from '../../db/rows';
import { optionalIntId, parseIntId } from '../../graphql/ids';
import { loadOrFail } from '../../graphql/loaders';
import { requireNotFuture } from '../../graphql/inputs';
import { listQuery } from '../../graphql/list-query';
import { optionalReference, requireRegion } from '../../graphql/references';
import { paginate, type PageArgs } from '../../graphql/pagination';
import { Allocation, CharityResource } from './charity.entity';
import type { AllocateInput, CharityResourceFilter, RecordCharityResourceInput } from './charity.inputs';
import { allocatedAmount, allocatedPerResource, resourceById } from './charity.loaders';

export function getResource(context: HubContext, id: string) {
  return loadOrFail(resourceById(context), id, '慈善资源');
}

export function listResources(context: HubContext, filter: CharityResourceFilter = {}, page: PageArgs) {
  const query = listQuery(context.dataSource, CharityResource, {
    equals: { kind: filter.kind, category: filter.category },
    regionProperty: 'regionId',
    regionId: filter.regionId,
    search: filter.search,
  });
  return paginate(query, page);
}

export async function remainingOf(context: HubContext, resource: CharityResource): Promise<number> {
  return resource.amount - (await allocatedAmount(context).load(resource.id));
}

export async function recordResource(context: HubContext, input: RecordCharityResourceInput) {
  requireStaffIn(context.identity, input.regionId);
  requireNotFuture(input.receivedOn, 'receivedOn');
  await requireRegion(context, input.regionId, 'regionId');
  return inTransaction(context, async (manager) => {
    return insertRow(manager, CharityResource, {
      ...input,
      name: input.name.trim(),
      category: input.category ?? null,
      description: input.description ?? null,
    });
  });
}

/** Gives part of a resource to one need or project; never more than remains (the row is locked meanwhile). */
export async function allocate(context: HubContext, input: AllocateInput) {
  // null counts as left out: an allocation to nothing is no allocation.
  if (((input.needId ?? null) === null) === ((input.projectId ?? null) === null)) {
    throw new BadInputError('请指定需求或项目之一 (give exactly one of needId and projectId)');
  }
  // Checked before the transaction: the owner of needs and projects is another subgraph.
  const target =
    (await optionalReference(context, 'Need', input.needId)) ??
    (await optionalReference(context, 'ServiceProject', input.projectId))!;
  return inTransaction(context, async (manager) => {
    const resource = await forUpdate(
      manager
        .getRepository(CharityResource)
        .createQueryBuilder('r')
        .where('r.id = :id', { id: parseIntId(input.resourceId, 'resourceId') }),
    ).getOne();
    if (!resource) throw new NotFoundError('慈善资源', input.resourceId);
    requireStaffIn(context.identity, resource.regionId);
    requireStaffIn(context.identity, target.regionId);
    requireLinkInScope(resource.regionId, target.regionId, input.needId ? '需求' : '服务项目');
    const allocated = await forShare(
      allocatedPerResource(manager).where('a.resourceId = :id', { id: resource.id }),
    ).getRawOne<{ total: string | number }>();
    const remaining = resource.amount - Number(allocated?.total ?? 0);
    if (input.amount > remaining) {
      throw new DomainError(
        'INSUFFICIENT_RESOURCE',
        `剩余不足:还剩 ${remaining}${resource.unit} (only ${remaining} ${resource.unit} remain)`,
        { remaining },
      );
    }
    return insertRow(manager, Allocation, {
      resourceId: resource.id,
      amount: input.amount,
      needId: optionalIntId(input.needId, 'needId'),
      projectId: optionalIntId(input.projectId, 'projectId'),
      allocatedOn: new Date().toISOString().slice(0, 10),
      note: input.note,
    });
  });
}
