import type { HubContext } from './context';
import { BadInputError, DomainError, NotFoundError } from '../errors';

/**
 * The entities a write may point at. A subgraph checks an id of its own kinds with its own repositories; an id of
 * another society's kind goes through that society's lookup, which the hub (or a subgraph served alone) puts in the
 * request context: in-process, or over HTTP to the owner (src/federation/remote-lookups.ts). A subgraph imports no
 * other subgraph's code, so this port is the only way across.
 */
export type ReferenceKind =
  | 'Region'
  | 'ServiceStation'
  | 'SocialOrganization'
  | 'Service'
  | 'SocialWorker'
  | 'VolunteerTeam'
  | 'CharityResource'
  | 'Need'
  | 'ServiceProject'
  | 'Account';

/** Where a referenced record lies: its division code and, when it belongs to one, its organisation. */
export interface ReferenceScope {
  regionId: string;
  organizationId?: number | null;
  /** Regions only: CITY, COUNTY, TOWNSHIP or COMMUNITY. */
  level?: string;
  /** Accounts only: ADMIN, STAFF or ORG (only STAFF accounts have a region; the others answer an empty regionId). */
  role?: string;
  /** Accounts only: whether an ADMIN disabled the account. */
  disabled?: boolean;
}

/** The scope of each id, or null when there is no such record; batched by the owner's DataLoader. */
export type ReferenceLookup = (context: HubContext, ids: readonly string[]) => Promise<(ReferenceScope | null)[]>;

export type ReferenceLookups = Partial<Record<ReferenceKind, ReferenceLookup>>;

const NAMES: Record<ReferenceKind, string> = {
  Region: '行政区划',
  ServiceStation: '服务阵地',
  SocialOrganization: '社会组织',
  Service: '服务',
  SocialWorker: '社会工作者',
  VolunteerTeam: '志愿服务队伍',
  CharityResource: '慈善资源',
  Need: '需求',
  ServiceProject: '服务项目',
  Account: '账号',
};

/**
 * The scope of the record `id` of `kind`, or NOT_FOUND. Where the owning subgraph runs in another process its
 * lookup asks it over HTTP; where nobody told this process where the owner runs, the lookup is absent and the
 * write is refused (REFERENCE_UNAVAILABLE) rather than trusted unchecked.
 */
export async function requireReference(context: HubContext, kind: ReferenceKind, id: string): Promise<ReferenceScope> {
  const lookup = context.references?.[kind];
  if (!lookup) {
    throw new DomainError(
      'REFERENCE_UNAVAILABLE',
      `无法核对${NAMES[kind]}编号 (${kind} ids cannot be checked here: the subgraph that owns them runs elsewhere and is not a peer)`,
      { kind },
    );
  }
  const [scope] = await lookup(context, [id]);
  if (!scope) throw new NotFoundError(NAMES[kind], id);
  return scope;
}

/** Like requireReference, for an optional id: null when the client left it out. */
export function optionalReference(
  context: HubContext,
  kind: ReferenceKind,
  id: string | null | undefined,
): Promise<ReferenceScope | null> {
  return id === undefined || id === null ? Promise.resolve(null) : requireReference(context, kind, id);
}

/** A lookup over an owner's by-id DataLoader: `parse` refuses malformed ids (BAD_USER_INPUT), `scope` maps a row. */
export function lookupWith<K, T>(
  loader: (context: HubContext) => { loadMany(keys: readonly K[]): Promise<(T | null | Error)[]> },
  parse: (id: string) => K,
  scope: (row: T) => ReferenceScope,
): ReferenceLookup {
  return async (context, ids) => {
    const rows = await loader(context).loadMany(ids.map(parse));
    return rows.map((row) => {
      if (row instanceof Error) throw row;
      return row === null || row === undefined ? null : scope(row);
    });
  };
}

/** A division code that exists, of `level` where only one level makes sense (a need belongs to a community). */
export async function requireRegion(
  context: HubContext,
  id: string,
  argument: string,
  level?: string,
): Promise<ReferenceScope> {
  const region = await requireReference(context, 'Region', id);
  if (level && region.level !== level) {
    throw new BadInputError(`${argument} 区划级别不符 (${argument} must be a ${level} code)`, { argument });
  }
  return region;
}
