import { ownRegionOf, staffActsIn } from '../../ui/regions';
import { useViewer } from '../../ui/viewer';

/**
 * What the registries show and allow this account, following the hub's rules: STAFF list and manage their own
 * region's subtree, ADMIN the whole city, an ORG account its own organisation and its services only.
 */
export function useRegistryScope() {
  const { viewer } = useViewer();
  const staff = viewer.role === 'STAFF' || viewer.role === 'ADMIN';
  return {
    /** the region every list is limited to (none: the whole city) */
    regionId: ownRegionOf(viewer),
    /** the organisation an ORG account acts for */
    organizationId: viewer.role === 'ORG' ? (viewer.organizationId ?? undefined) : undefined,
    /** register and change organisations' status, stations, social workers and charity resources */
    staff,
    /** services and the organisation's own details */
    managesServices: staff || viewer.role === 'ORG',
    admin: viewer.role === 'ADMIN',
    /** whether this account may edit or retire a service of a provider registered in `providerRegionId` */
    changesServiceOf: (providerRegionId: string | undefined) =>
      viewer.role === 'ORG' ? true : staffActsIn(viewer, providerRegionId),
  };
}

export type RegistryScope = ReturnType<typeof useRegistryScope>;

/** Rows per page of every registry list. */
export const PAGE_SIZE = 20;
