import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource } from 'typeorm';
import type { AuthConfig } from '../config/config';
import { PUBLIC_IDENTITY, type Identity } from './identity';
import {
  clearedSessionCookie,
  findLiveSession,
  identityOfAccount,
  sessionSecretIn,
  type SessionInfo,
} from './sessions';
import { AuthError, createTokenVerifier } from './tokens';

/** Who a request comes from, and the cookies its answer must set (a stale session cookie is cleared). */
export interface Authentication {
  identity: Identity;
  session?: SessionInfo;
  cookies: string[];
}

/**
 * The edge of the hub and of every subgraph served alone: `Authorization: Bearer <jwt>` → Identity; no header →
 * PUBLIC; a bad token → 401. Nothing else a request carries can assert an identity, so any router that forwards
 * `Authorization` can sit in front of the subgraphs.
 */
function createBearerAuthenticator(auth: AuthConfig) {
  const verify = createTokenVerifier(auth);
  return async (headers: IncomingHttpHeaders): Promise<Identity> => {
    const header = headers.authorization;
    if (!header) return PUBLIC_IDENTITY;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError('Authorization 头应为 "Bearer <令牌>" (expected a Bearer token)');
    return verify(match[1]);
  };
}

/**
 * A bearer token wins and costs no statement. Without one, a `wushe_session` cookie names a session: live, it
 * acts with its account's current role and scope; unknown, revoked or expired, the caller is PUBLIC and the
 * cookie is cleared — not a 401, so a console can show its sign-in page.
 */
export function createAuthenticator(auth: AuthConfig, dataSource: DataSource) {
  const bearer = createBearerAuthenticator(auth);
  return async (headers: IncomingHttpHeaders): Promise<Authentication> => {
    const secret = headers.authorization ? undefined : sessionSecretIn(headers.cookie);
    if (!secret) return { identity: await bearer(headers), cookies: [] };
    const session = await findLiveSession(dataSource, secret, auth.sessions);
    if (!session) return { identity: PUBLIC_IDENTITY, cookies: [clearedSessionCookie(auth.sessions)] };
    return { identity: identityOfAccount(session.account), session, cookies: [] };
  };
}
