/**
 * How long a shared cache (a CDN, a router's response cache) may keep a public answer: the schema's cache hints,
 * in one place, by GraphQL type and by `Type.field`. The hub reads them to write `Cache-Control: public,
 * max-age=N` on anonymous answers (cache-control.ts); a router configured with per-type lifetimes can take the
 * same numbers from here.
 *
 * The rules are Apollo's @cacheControl rules (a hint map instead of directives, because directives would not
 * survive composition into the supergraph without a linked spec):
 * - a field's lifetime is its own hint, else the hint of the object type it returns;
 * - a field returning an unhinted object type lives 0 s (nothing new is cached by mistake), except the wrappers
 *   of lists (`…Connection`, `…Edge`), which live as long as the type they list, and PageInfo, which inherits;
 * - a scalar or enum field inherits its parent's lifetime; at the root it needs a hint of its own;
 * - an answer lives as long as its shortest-lived field.
 *
 * Lifetimes bound how stale a CDN's copy can be; the hub's own cache of anonymous reads stays exact whatever they say.
 * Types only staff and the bot read (Account, Resident, ServiceHours, AuditEntry, Volunteer, Viewer …) have no
 * hint: their answers are `private, no-store` anyway.
 */

/** The registers: regions, stations, organisations, services, social workers — edited by staff now and then. */
export const REGISTER_SECONDS = 3600;
/** Figures that grow with every registration, hour or allocation, and project rounds under review. */
export const FIGURE_SECONDS = 300;
/** What moves by the minute: needs and their lists, volunteer activities and their sign-ups. */
export const LIVE_SECONDS = 60;

export const TYPE_HINTS: Readonly<Record<string, number>> = {
  Region: REGISTER_SECONDS,
  ServiceStation: REGISTER_SECONDS,
  SocialOrganization: REGISTER_SECONDS,
  Service: REGISTER_SECONDS,
  SocialWorker: REGISTER_SECONDS,
  VolunteerTeam: REGISTER_SECONDS,
  CertificateRecord: REGISTER_SECONDS,
  CertificateReward: REGISTER_SECONDS,
  TalentAward: REGISTER_SECONDS,
  SocialWorkExamYear: REGISTER_SECONDS,

  StationCoverage: FIGURE_SECONDS,
  LinkageIndex: FIGURE_SECONDS,
  ResourceListEntry: FIGURE_SECONDS,
  ProjectListEntry: FIGURE_SECONDS,
  ProjectRound: FIGURE_SECONDS,
  ServiceProject: FIGURE_SECONDS,
  ScorePart: FIGURE_SECONDS,
  CharityResource: FIGURE_SECONDS,
  Allocation: FIGURE_SECONDS,

  Need: LIVE_SECONDS,
  NeedStats: LIVE_SECONDS,
  NeedListEntry: LIVE_SECONDS,
  NeedMonth: LIVE_SECONDS,
  UnmetCategory: LIVE_SECONDS,
  LinkageCase: LIVE_SECONDS,
  LinkageContribution: LIVE_SECONDS,
  ServiceCandidate: LIVE_SECONDS,
  StationCandidate: LIVE_SECONDS,
  SocialWorkerCandidate: LIVE_SECONDS,
  VolunteerCandidate: LIVE_SECONDS,
  ResourceCandidate: LIVE_SECONDS,
  VolunteerActivity: LIVE_SECONDS,
};

export const FIELD_HINTS: Readonly<Record<string, number>> = {
  // Figures of a register's record change with other societies' writes, not with the record itself.
  'Region.organizationCount': FIGURE_SECONDS,
  'Region.organizationsPer10k': FIGURE_SECONDS,
  'Region.socialWorkerCount': FIGURE_SECONDS,
  'Region.volunteerCount': FIGURE_SECONDS,
  'Region.volunteerTeamCount': FIGURE_SECONDS,
  'Region.volunteerActivityCount': FIGURE_SECONDS,
  'Region.volunteerHours': FIGURE_SECONDS,
  'Region.servedPersonTimes': FIGURE_SECONDS,
  'ServiceStation.servedPersonTimes': FIGURE_SECONDS,
  'ServiceStation.volunteerCount': FIGURE_SECONDS,
  'ServiceStation.volunteerHours': FIGURE_SECONDS,
  'VolunteerTeam.memberCount': FIGURE_SECONDS,
  // A root field returning scalars has no type to take a hint from.
  'Query.serviceCategoriesNamedBy': REGISTER_SECONDS,
};

/** The type a list wrapper lists (`RegionConnection`, `RegionEdge` → `Region`), or undefined for other types. */
export function listedType(typeName: string): string | undefined {
  return /^(\w+?)(Connection|Edge)$/.exec(typeName)?.[1];
}

/** Types that take their parent's lifetime, like scalars. */
export const INHERITING_TYPES: ReadonlySet<string> = new Set(['PageInfo']);
