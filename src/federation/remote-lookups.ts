import { isRegionCode } from '../db/region-scope';
import { loaderFor, type HubContext } from '../graphql/context';
import { BadInputError, DomainError } from '../errors';
import { parseIntId } from '../graphql/ids';
import type { ReferenceKind, ReferenceLookup, ReferenceLookups, ReferenceScope } from '../graphql/references';
import type { SubgraphName } from './subgraph';

/** Public fields of an owner's entity, as `_entities` answers them. */
type Answer = Record<string, unknown> & { id?: string; region?: { id: string } | null };

interface RemoteKind {
  owner: SubgraphName;
  /** The argument a malformed id is blamed on, as the owner's own lookup names it. */
  argument: string;
  /** The public fields that carry the scope; plain fields of the owner's own entity type. */
  selection: string;
  scope(answer: Answer): ReferenceScope;
}

const organizationOf = (answer: unknown) => {
  const id = (answer as { id: string } | null)?.id;
  return id === undefined ? null : Number(id);
};

/** Kinds that belong to a region and, optionally, an organisation (social workers, volunteer teams). */
const REGION_AND_ORGANIZATION = {
  selection: 'region { id } organization { id }',
  scope: (answer: Answer) => ({
    regionId: answer.region?.id as string,
    organizationId: organizationOf(answer.organization),
  }),
};

/**
 * Accounts are not asked over HTTP: their role and whether they are disabled are for ADMIN only, so no public field
 * carries an account's scope. A subgraph that checks account ids must run in the account subgraph's process;
 * elsewhere the write is refused (REFERENCE_UNAVAILABLE).
 */
export type RemoteKindName = Exclude<ReferenceKind, 'Account'>;

/**
 * How to ask the owning subgraph for a record's scope through its public federation interface, per kind: the
 * same scope its in-process lookup gives, read from fields every router may query.
 */
export const REMOTE_KINDS: Record<RemoteKindName, RemoteKind> = {
  Region: {
    owner: 'community',
    argument: 'regionId',
    selection: 'id level',
    scope: (answer) => ({ regionId: String(answer.id), level: String(answer.level) }),
  },
  ServiceStation: {
    owner: 'community',
    argument: 'stationId',
    selection: 'regionId',
    scope: (answer) => ({ regionId: String(answer.regionId) }),
  },
  SocialOrganization: {
    owner: 'organization',
    argument: 'organizationId',
    selection: 'id region { id }',
    scope: (answer) => ({ regionId: answer.region?.id as string, organizationId: Number(answer.id) }),
  },
  Service: {
    owner: 'organization',
    argument: 'serviceId',
    selection: 'region { id } provider { id }',
    scope: (answer) => ({ regionId: answer.region?.id as string, organizationId: organizationOf(answer.provider) }),
  },
  SocialWorker: {
    owner: 'socialwork',
    argument: 'socialWorkerId',
    ...REGION_AND_ORGANIZATION,
  },
  VolunteerTeam: {
    owner: 'volunteer',
    argument: 'teamId',
    ...REGION_AND_ORGANIZATION,
  },
  CharityResource: {
    owner: 'charity',
    argument: 'resourceId',
    selection: 'region { id }',
    scope: (answer) => ({ regionId: answer.region?.id as string }),
  },
  Need: {
    owner: 'linkage',
    argument: 'needId',
    selection: 'communityId',
    scope: (answer) => ({ regionId: String(answer.communityId) }),
  },
  ServiceProject: {
    owner: 'linkage',
    argument: 'projectId',
    selection: 'region { id } applicant { id }',
    scope: (answer) => ({
      regionId: answer.region?.id as string,
      organizationId: organizationOf(answer.applicant),
    }),
  },
};

/** The `_entities` document that asks the owner of `kind` for the scope of a batch of its records. */
export function remoteLookupDocument(kind: RemoteKindName): string {
  return `query ReferenceScopes($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${kind} { ${REMOTE_KINDS[kind].selection} } } }`;
}

/** Refused before the owner is asked, with the code its in-process lookup gives (BAD_USER_INPUT). */
function checkShape(kind: RemoteKindName, id: string): void {
  if (kind === 'Region') {
    if (!isRegionCode(id)) throw new BadInputError('区划代码应为 12 位数字 (a region id is a 12-digit division code)');
    return;
  }
  parseIntId(id, REMOTE_KINDS[kind].argument);
}

function unavailable(kind: ReferenceKind, owner: SubgraphName, reason: string): DomainError {
  return new DomainError(
    'REFERENCE_UNAVAILABLE',
    `暂时无法核对编号,请稍后重试 (the ${owner} subgraph, which owns ${kind} ids, could not be asked: ${reason})`,
    { kind },
  );
}

interface EntitiesResponse {
  data?: { _entities?: (Answer | null)[] } | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/**
 * One POST per kind per batch, with the caller's own Authorization header: the owner verifies the token itself
 * and trusts nothing else from us. A peer that is down, slow or answering errors refuses the write, coded.
 */
async function askOwner(
  kind: RemoteKindName,
  url: string,
  timeoutMs: number,
  context: HubContext,
  ids: readonly string[],
): Promise<(ReferenceScope | null)[]> {
  const { owner, scope } = REMOTE_KINDS[kind];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (context.authorization) headers.authorization = context.authorization;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: remoteLookupDocument(kind),
        variables: { representations: ids.map((id) => ({ __typename: kind, id })) },
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as { name?: string } | null)?.name === 'TimeoutError';
    throw unavailable(kind, owner, timedOut ? `no answer within ${timeoutMs} ms` : 'unreachable');
  }
  const body = (await response.json().catch(() => null)) as EntitiesResponse | null;
  const answers = body?.data?._entities;
  if (!body || body.errors?.length || !Array.isArray(answers) || answers.length !== ids.length) {
    const code = body?.errors?.[0]?.extensions?.code;
    throw unavailable(kind, owner, `it answered HTTP ${response.status}${code ? ` ${code}` : ''}`);
  }
  return answers.map((answer) => {
    if (answer === null) return null;
    const found = scope(answer);
    if (typeof found.regionId !== 'string') throw unavailable(kind, owner, 'it answered no region');
    return found;
  });
}

/** Lookups that ask the peers named in `peers` (owner → GraphQL URL), batched per kind per request. */
export function remoteLookups(peers: Partial<Record<SubgraphName, string>>, timeoutMs: number): ReferenceLookups {
  const lookups: ReferenceLookups = {};
  for (const [kind, { owner }] of Object.entries(REMOTE_KINDS) as [RemoteKindName, RemoteKind][]) {
    const url = peers[owner];
    if (!url) continue;
    const lookup: ReferenceLookup = async (context, ids) => {
      for (const id of ids) checkShape(kind, id);
      const loader = loaderFor<string, ReferenceScope | null>(context, `remote-reference:${kind}`, (batch) =>
        askOwner(kind, url, timeoutMs, context, batch),
      );
      return loader.loadMany(ids).then((scopes) =>
        scopes.map((scope) => {
          if (scope instanceof Error) throw scope;
          return scope;
        }),
      );
    };
    lookups[kind] = lookup;
  }
  return lookups;
}
