import type { HubContext } from '../../graphql/context';
import { reference } from '../../federation/references';
import type { Viewer } from './viewer.type';

/** The caller as the request's identity describes it; a signed-in session adds its account's facts. */
export async function viewerOf(context: HubContext): Promise<Viewer> {
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
