import type { Viewer } from './viewer';

/** The significant lengths of a division code: province, city, county, township, community. */
const PREFIX_LENGTHS = [2, 4, 6, 9, 12] as const;

/** The part of a division code that names the region; every code below it starts with it. */
function regionPrefix(code: string): string {
  const length = PREFIX_LENGTHS.find((candidate) => /^0*$/.test(code.slice(candidate)));
  return code.slice(0, length ?? code.length);
}

/** Whether `code` lies in the region `ancestor` (itself included). */
const isWithinRegion = (code: string, ancestor: string) => code.startsWith(regionPrefix(ancestor));

/**
 * Whether two regions lie on one branch of the tree (one inside the other): how the hub decides that a record may
 * be linked to a need, e.g. a social worker of the need's 街道 or county, never one of a neighbouring 街道.
 */
export const onOneBranch = (a: string, b: string) => isWithinRegion(a, b) || isWithinRegion(b, a);

/** 玉溪市: the whole city, which ADMIN and organisation accounts see. */
export const CITY_REGION_ID = '530400000000';

type Scoped = Pick<Viewer, 'role' | 'regionId'>;

/** The region an account's lists are limited to: STAFF their own region; everyone else none (the whole city). */
export const ownRegionOf = (viewer: Scoped) => (viewer.role === 'STAFF' ? (viewer.regionId ?? undefined) : undefined);

/**
 * The region an account's dashboard starts from and may drill down within: STAFF their own region, everyone else
 * (ADMIN, organisation accounts) the whole city, whose figures are public anyway.
 */
export const rootRegionOf = (viewer: Scoped) => ownRegionOf(viewer) ?? CITY_REGION_ID;

/** Whether staff may change a record of `regionId`, as the hub decides: ADMIN anywhere, STAFF within their region. */
export function staffActsIn(viewer: Scoped, regionId: string | undefined): boolean {
  if (viewer.role === 'ADMIN') return true;
  const own = ownRegionOf(viewer);
  return own !== undefined && regionId !== undefined && isWithinRegion(regionId, own);
}
