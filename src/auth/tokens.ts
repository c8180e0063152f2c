import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isRegionCode } from '../db/region-scope';
import { DomainError } from '../errors';
import { Role, TOKEN_ROLES, type Identity } from './identity';

const ISSUER = 'wushe';
const AUDIENCE = 'wushe-hub';

export interface TokenConfig {
  jwtSecret: string;
  jwksUrl?: string;
  /** Longest lifetime (seconds) of a person's token (ADMIN, STAFF, ORG) and of the bot's. */
  tokenMaxLifetime: { person: number; bot: number };
}

/** How far ahead of this server's clock a token's `iat` may be (clocks of signers drift). */
export const CLOCK_SKEW_SECONDS = 60;

export function maxLifetime(config: TokenConfig, role: Role): number {
  return role === Role.BOT ? config.tokenMaxLifetime.bot : config.tokenMaxLifetime.person;
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

/** Signs a token that expires after `lifetimeSeconds` (the role's longest lifetime unless shorter). */
export async function signToken(config: TokenConfig, claims: TokenClaims, lifetimeSeconds?: number): Promise<string> {
  const { role, subject, regionId, organizationId } = validateClaims(claims);
  const longest = maxLifetime(config, role);
  const lifetime = lifetimeSeconds ?? longest;
  if (!(Number.isSafeInteger(lifetime) && lifetime > 0 && lifetime <= longest)) {
    throw new AuthError(`令牌有效期应在 1 至 ${longest} 秒之间 (a ${role} token lives at most ${longest} s)`);
  }
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role, region: regionId, org: organizationId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(new TextEncoder().encode(config.jwtSecret));
}

/**
 * A token must say when it was issued and when it expires, may not come from the future and may not live longer
 * than its role allows: a leaked token stops working on its own, and nobody mints one that never does.
 */
function checkLifetime(config: TokenConfig, payload: JWTPayload, role: Role): void {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number') {
    throw new AuthError('令牌必须带签发和过期时间 (a token needs iat and exp)');
  }
  if (payload.iat > now + CLOCK_SKEW_SECONDS) throw new AuthError('令牌签发时间在未来 (token issued in the future)');
  if (payload.exp - payload.iat > maxLifetime(config, role)) {
    throw new AuthError('令牌有效期过长 (token lifetime exceeds TOKEN_MAX_LIFETIME)');
  }
}

function identityFrom(config: TokenConfig, payload: JWTPayload): Identity {
  const claims = validateClaims({
    role: payload.role as Role,
    subject: String(payload.sub ?? ''),
    regionId: typeof payload.region === 'string' ? payload.region : undefined,
    organizationId: typeof payload.org === 'number' ? payload.org : undefined,
  });
  if (!claims.subject) throw new AuthError('令牌缺少主体 (token has no subject)');
  checkLifetime(config, payload, claims.role);
  return claims;
}

/** Verifies HS256 tokens with JWT_SECRET, or tokens of an identity provider's JWKS when configured. */
export function createTokenVerifier(config: TokenConfig) {
  const secret = new TextEncoder().encode(config.jwtSecret);
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  return async (token: string): Promise<Identity> => {
    try {
      const options = { issuer: ISSUER, audience: AUDIENCE, clockTolerance: CLOCK_SKEW_SECONDS };
      const { payload } = jwks
        ? await jwtVerify(token, jwks, options)
        : await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] });
      return identityFrom(config, payload);
    } catch (error) {
      if (error instanceof AuthError) throw error;
      throw new AuthError('登录凭证无效或已过期 (invalid or expired token)');
    }
  };
}
