import type { Account } from '../../auth/account.entity';
import { identityOfAccount } from '../../auth/sessions';
import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import type { Viewer } from './account.types';

/** The caller as the request's identity describes it; a signed-in session adds its account's facts. */
export async function viewerOf(context: HubContext): Promise<Viewer> {
  if (context.session) return viewerOfAccount(context.session.account, context.session.expiresAt);
  const { identity } = context;
  return {
    role: identity.role,
    subject: identity.subject,
    displayName: null,
    regionId: identity.regionId ?? null,
    region: reference(identity.regionId),
    organizationId: identity.organizationId === undefined ? null : String(identity.organizationId),
    accountId: null,
    totpEnabled: false,
    sessionExpiresAt: null,
  };
}

export function viewerOfAccount(account: Account, sessionExpiresAt: Date | null): Viewer {
  const identity = identityOfAccount(account);
  return {
    role: identity.role,
    subject: identity.subject,
    displayName: account.displayName,
    regionId: account.regionId,
    region: reference(account.regionId),
    organizationId: account.organizationId === null ? null : String(account.organizationId),
    accountId: String(account.id),
    totpEnabled: account.totpEnabled,
    sessionExpiresAt,
  };
}
