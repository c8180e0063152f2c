import type { Viewer } from '../../ui/viewer';

/** 玉溪市: the city whose figures ADMIN and organisation accounts see first. */
export const CITY_REGION_ID = '530400000000';

/**
 * The region an account's dashboard starts from and may drill down within: STAFF their own region, everyone else
 * (ADMIN, organisation accounts) the whole city, whose figures are public anyway.
 */
export const rootRegionOf = (viewer: Viewer) =>
  viewer.role === 'STAFF' && viewer.regionId ? viewer.regionId : CITY_REGION_ID;
