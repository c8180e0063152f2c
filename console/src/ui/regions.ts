/** The significant lengths of a division code: province, city, county, township, community. */
const PREFIX_LENGTHS = [2, 4, 6, 9, 12] as const;

/** The part of a division code that names the region; every code below it starts with it. */
function regionPrefix(code: string): string {
  const length = PREFIX_LENGTHS.find((candidate) => /^0*$/.test(code.slice(candidate)));
  return code.slice(0, length ?? code.length);
}

/** Whether `code` lies in the region `ancestor` (itself included). */
export const isWithinRegion = (code: string, ancestor: string) => code.startsWith(regionPrefix(ancestor));

/**
 * Whether two regions lie on one branch of the tree (one inside the other): how the hub decides that a record may
 * be linked to a need, e.g. a social worker of the need's 街道 or county, never one of a neighbouring 街道.
 */
export const onOneBranch = (a: string, b: string) => isWithinRegion(a, b) || isWithinRegion(b, a);
