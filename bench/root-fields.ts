import { measureChecked, type Measured, type Target } from './measure';

/**
 * Every paginated and search root field, and a region's figures: what `npm run bench` times at 50 clients on
 * each backend and scale (the goal: p99 < 50 ms at 50 clients, flat from scale 1 to 4).
 */
export const ROOT_FIELD_CLIENTS = 50;

export const ROOT_FIELDS: Record<string, string> = {
  regions: '{ regions(first: 20, filter: { level: COMMUNITY }) { totalCount nodes { id name population } } }',
  'regions (search)': '{ regions(first: 20, filter: { search: "社区" }) { totalCount nodes { id name } } }',
  serviceStations: '{ serviceStations(first: 20) { totalCount nodes { name kind servedPersonTimes } } }',
  organizations:
    '{ organizations(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name kind } } }',
  'organizations (search)': '{ organizations(first: 20, filter: { search: "协会" }) { totalCount nodes { name } } }',
  services: '{ services(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name schedule } } }',
  'services (search)':
    '{ services(first: 20, filter: { search: "老年" }) { totalCount nodes { name provider { name } } } }',
  socialWorkers: '{ socialWorkers(first: 20) { totalCount nodes { name level } } }',
  volunteerTeams:
    '{ volunteerTeams(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { name memberCount } } }',
  volunteerActivities:
    '{ volunteerActivities(first: 20, filter: { regionId: "530402000000" }) { totalCount nodes { title startsOn } } }',
  'volunteerActivities (search)':
    '{ volunteerActivities(first: 20, filter: { search: "服务" }) { totalCount nodes { title } } }',
  charityResources: '{ charityResources(first: 20) { totalCount nodes { name remaining } } }',
  needs: '{ needs(first: 20) { totalCount nodes { number status } } }',
  serviceProjects: '{ serviceProjects(first: 20) { totalCount nodes { title status } } }',
  'region figures':
    '{ region(id: "530400000000") { population organizationCount volunteerCount volunteerTeamCount volunteerActivityCount } }',
};

/** Each root field in turn, `seconds` each, at 50 clients, after one checked answer. */
export async function measureRootFields(target: Target, seconds: number): Promise<Record<string, Measured>> {
  const results: Record<string, Measured> = {};
  for (const [name, query] of Object.entries(ROOT_FIELDS)) {
    const body = JSON.stringify({ query });
    results[name] = await measureChecked(target, body, { connections: ROOT_FIELD_CLIENTS, seconds });
    const r = results[name];
    process.stderr.write(`  ${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms\n`);
  }
  return results;
}
