import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isRegionCode } from '../db/region-scope';
import { DomainError } from '../graphql/errors';
import { Role, TOKEN_ROLES, type Identity } from './identity';

const ISSUER = 'wushe';
const AUDIENCE = 'wushe-hub';

export interface TokenConfig {
  jwtSecret: string;
  jwksUrl?: string;
}

export class AuthError extends DomainError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message, { http: { status: 401 } });
  }
}

export interface TokenClaims {
  role: Role;
  subject: string;
  regionId?: string;
  organizationId?: number;
}

/** Checks that claims make sense for their role: STAFF need a region, ORG an organisation. */
export function validateClaims(claims: TokenClaims): TokenClaims {
  if (!TOKEN_ROLES.includes(claims.role as (typeof TOKEN_ROLES)[number])) {
    throw new AuthError(`令牌角色无效 (unknown role ${String(claims.role)})`);
  }
  if (claims.regionId !== undefined && !isRegionCode(claims.regionId)) {
    throw new AuthError('令牌中的区划代码无效 (region must be a 12-digit division code)');
  }
  if ((claims.role === Role.STAFF || claims.role === Role.BOT) && !claims.regionId) {
    throw new AuthError(`${claims.role} 令牌必须指定区域 (a ${claims.role} token needs a region)`);
  }
  if (claims.role === Role.ORG && !(Number.isSafeInteger(claims.organizationId) && claims.organizationId! > 0)) {
    throw new AuthError('ORG 令牌必须指定组织 (an ORG token needs an organisation id)');
  }
  return claims;
}

export async function signToken(config: TokenConfig, claims: TokenClaims, expiresIn = '30d'): Promise<string> {
  const { role, subject, regionId, organizationId } = validateClaims(claims);
  return new SignJWT({ role, region: regionId, org: organizationId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(config.jwtSecret));
}

function identityFrom(payload: JWTPayload): Identity {
  const claims = validateClaims({
    role: payload.role as Role,
    subject: String(payload.sub ?? ''),
    regionId: typeof payload.region === 'string' ? payload.region : undefined,
    organizationId: typeof payload.org === 'number' ? payload.org : undefined,
  });
  if (!claims.subject) throw new AuthError('令牌缺少主体 (token has no subject)');
  return claims;
}

/** Verifies HS256 tokens with JWT_SECRET, or tokens of an identity provider's JWKS when configured. */
export function createTokenVerifier(config: TokenConfig) {
  const secret = new TextEncoder().encode(config.jwtSecret);
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  return async (token: string): Promise<Identity> => {
    try {
      const { payload } = jwks
        ? await jwtVerify(token, jwks, { issuer: ISSUER, audience: AUDIENCE })
        : await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      return identityFrom(payload);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError('登录凭证无效或已过期 (invalid or expired token)');
    }
  };
}
