/** GraphQL documents of the accounts and sign-in tests. */
export const VIEWER = /* GraphQL */ `
  query Viewer {
    viewer {
      role
      subject
      displayName
      regionId
      region {
        id
        name
      }
      organizationId
      accountId
      totpEnabled
      sessionExpiresAt
    }
  }
`;
