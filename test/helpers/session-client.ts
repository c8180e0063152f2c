import { Secret, TOTP } from 'otpauth';
import type { GraphQLResult } from './test-hub';

export interface HttpAnswer<T> {
  status: number;
  body: GraphQLResult<T>;
  /** The raw `Set-Cookie` values of the answer. */
  setCookies: string[];
}

/** The `wushe_session=<value>` pair a `Set-Cookie` carries, ready for a `Cookie` header ('' when it clears it). */
export function sessionCookieOf(setCookies: string[]): string | undefined {
  const found = setCookies.find((cookie) => cookie.startsWith('wushe_session='));
  return found?.split(';')[0];
}

/** POSTs a GraphQL operation as JSON, with a session cookie and/or a bearer token, the way a browser client does. */
export async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  { cookie, token, headers = {} }: { cookie?: string; token?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(cookie ? { cookie } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLResult<T>,
    setCookies: response.headers.getSetCookie(),
  };
}

/** The TOTP code of `secret` at `at` (ms), as an authenticator app shows it. */
export const totpCode = (secret: string, at = Date.now()) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at });
