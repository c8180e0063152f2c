import { IDENTITIES, LIQI, orgIdentity } from '../helpers/identities';
import { VIEWER } from '../helpers/account-operations';
import { startTestHub, type TestHub } from '../helpers/test-hub';
import type { ViewerQuery } from '../helpers/generated/operations';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
});
afterAll(() => t.close());

describe('viewer', () => {
  it('is PUBLIC for an anonymous caller', async () => {
    const { viewer } = await t.query<ViewerQuery>(VIEWER);
    expect(viewer).toEqual({
      role: 'PUBLIC',
      subject: 'anonymous',
      displayName: null,
      regionId: null,
      region: null,
      organizationId: null,
      accountId: null,
      totpEnabled: false,
      sessionExpiresAt: null,
    });
  });

  it('describes a STAFF token with its region, resolved by the community subgraph', async () => {
    const { viewer } = await t.query<ViewerQuery>(VIEWER, {}, IDENTITIES.STAFF_IN);
    expect(viewer).toMatchObject({
      role: 'STAFF',
      subject: 'staff-liqi',
      regionId: LIQI,
      region: { id: LIQI, name: '李棋街道' },
      accountId: null,
    });
  });

  it('describes an ORG token with its organisation', async () => {
    const { viewer } = await t.query<ViewerQuery>(VIEWER, {}, orgIdentity(7));
    expect(viewer).toMatchObject({ role: 'ORG', subject: 'org-7', organizationId: '7', regionId: null });
  });

  it('answers a bearer token over HTTP', async () => {
    const url = await t.listen();
    const token = await t.token({ role: IDENTITIES.ADMIN.role, subject: 'admin' });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: VIEWER }),
    });
    const body = (await response.json()) as { data: ViewerQuery };
    expect(body.data.viewer).toMatchObject({ role: 'ADMIN', subject: 'admin', regionId: null });
  });
});
