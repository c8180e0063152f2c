/**
 * Division codes as the hub reads them (12 digits: province 2, city 2, county 2, township 3, community 3): a code's
 * prefix drops the levels it does not name, so one region lies inside another when its prefix starts with the other's.
 */
function regionPrefix(code: string): string {
  for (const length of [2, 4, 6, 9]) if (/^0*$/.test(code.slice(length))) return code.slice(0, length);
  return code;
}

/** True when one region contains the other (or they are the same): the hub lets a volunteer join only such activities. */
export function onOneBranch(a: string, b: string): boolean {
  const [pa, pb] = [regionPrefix(a), regionPrefix(b)];
  return pa.startsWith(pb) || pb.startsWith(pa);
}
