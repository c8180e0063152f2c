import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthConfig } from '../config/config';
import { PUBLIC_IDENTITY, type Identity } from './identity';
import { AuthError, createTokenVerifier, validateClaims, type TokenClaims } from './tokens';

/** Headers the gateway uses to hand the verified identity to subgraphs served alone. */
export const IDENTITY_HEADER = 'x-wushe-identity';
export const GATEWAY_SECRET_HEADER = 'x-wushe-gateway';

/** The hub's edge: `Authorization: Bearer <jwt>` → Identity; no header → PUBLIC; a bad token → 401. */
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

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity)).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A subgraph served alone trusts an identity only when the gateway's shared secret comes with it; anything
 * else asserting an identity is refused, and a plain request is PUBLIC.
 */
export function createGatewayAuthenticator(auth: AuthConfig) {
  return async (headers: IncomingHttpHeaders): Promise<Identity> => {
    const asserted = headers[IDENTITY_HEADER];
    if (asserted === undefined) return PUBLIC_IDENTITY;
    const secret = headers[GATEWAY_SECRET_HEADER];
    if (typeof secret !== 'string' || typeof asserted !== 'string' || !sameSecret(secret, auth.gatewaySecret)) {
      throw new AuthError('身份只能由网关转发 (identity accepted only from the gateway)');
    }
    try {
      return validateClaims(JSON.parse(Buffer.from(asserted, 'base64url').toString('utf8')) as TokenClaims);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError('网关转发的身份无效 (malformed identity from the gateway)');
    }
  };
}
