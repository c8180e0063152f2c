import type { IncomingHttpHeaders } from 'node:http';
import type { AuthConfig } from '../config/config';
import { PUBLIC_IDENTITY, type Identity } from './identity';
import { AuthError, createTokenVerifier } from './tokens';

/**
 * The edge of the hub and of every subgraph served alone: `Authorization: Bearer <jwt>` → Identity; no header →
 * PUBLIC; a bad token → 401. Nothing else a request carries can assert an identity, so any router that forwards
 * `Authorization` can sit in front of the subgraphs.
 */
export function createBearerAuthenticator(auth: AuthConfig) {
  const verify = createTokenVerifier(auth);
  return async (headers: IncomingHttpHeaders): Promise<Identity> => {
    const header = headers.authorization;
    if (!header) return PUBLIC_IDENTITY;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError('Authorization 头应为 "Bearer <令牌>" (expected a Bearer token)');
    return verify(match[1]);
  };
}
