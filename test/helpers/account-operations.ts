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

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      status
      viewer {
        role
        subject
        accountId
        regionId
        totpEnabled
        sessionExpiresAt
      }
      totpSetup {
        secret
        uri
      }
    }
  }
`;

export const SIGN_OUT = /* GraphQL */ `
  mutation SignOut {
    signOut
  }
`;

export const SIGN_OUT_EVERYWHERE = /* GraphQL */ `
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`;

export const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next)
  }
`;

export const RESET_PASSWORD = /* GraphQL */ `
  mutation ResetPassword($username: String!, $code: String!, $newPassword: String!) {
    resetPassword(username: $username, code: $code, newPassword: $newPassword)
  }
`;

export const BEGIN_TOTP = /* GraphQL */ `
  mutation BeginTotpEnrollment {
    beginTotpEnrollment {
      secret
      uri
    }
  }
`;

export const CONFIRM_TOTP = /* GraphQL */ `
  mutation ConfirmTotpEnrollment($code: String!) {
    confirmTotpEnrollment(code: $code) {
      totpEnabled
    }
  }
`;

export const CREATE_ACCOUNT = /* GraphQL */ `
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      account {
        id
        username
        displayName
        role
        regionId
        organizationId
        disabledAt
        failedAttempts
        lockedUntil
        totpEnabled
        passwordSet
      }
      setupCode
      expiresAt
    }
  }
`;

export const UPDATE_ACCOUNT = /* GraphQL */ `
  mutation UpdateAccount($id: ID!, $input: UpdateAccountInput!) {
    updateAccount(id: $id, input: $input) {
      id
      username
      displayName
      role
      regionId
      organizationId
      disabledAt
      failedAttempts
      lockedUntil
      totpEnabled
      passwordSet
    }
  }
`;

export const SET_ACCOUNT_DISABLED = /* GraphQL */ `
  mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {
    setAccountDisabled(id: $id, disabled: $disabled) {
      id
      username
      displayName
      role
      regionId
      organizationId
      disabledAt
      failedAttempts
      lockedUntil
      totpEnabled
      passwordSet
    }
  }
`;

export const ISSUE_PASSWORD_RESET = /* GraphQL */ `
  mutation IssuePasswordReset($id: ID!) {
    issuePasswordReset(id: $id) {
      code
      expiresAt
      account {
        id
      }
    }
  }
`;

export const RESET_ACCOUNT_TOTP = /* GraphQL */ `
  mutation ResetAccountTotp($id: ID!) {
    resetAccountTotp(id: $id) {
      id
      username
      displayName
      role
      regionId
      organizationId
      disabledAt
      failedAttempts
      lockedUntil
      totpEnabled
      passwordSet
    }
  }
`;

export const ACCOUNT = /* GraphQL */ `
  query Account($id: ID!) {
    account(id: $id) {
      id
      username
      displayName
      role
      regionId
      organizationId
      disabledAt
      failedAttempts
      lockedUntil
      totpEnabled
      passwordSet
      region {
        name
      }
    }
  }
`;

export const ACCOUNTS = /* GraphQL */ `
  query Accounts($filter: AccountFilter, $first: Int, $after: String) {
    accounts(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        username
        role
        regionId
      }
    }
  }
`;

export const ACCOUNT_AUDIT = /* GraphQL */ `
  query AccountAudit($subject: String!) {
    auditLog(filter: { subject: $subject }, first: 100) {
      nodes {
        kind
        operation
        subject
        outcome
        target
      }
    }
  }
`;

export const VIEWER_ROLE = /* GraphQL */ `
  query ViewerRole {
    viewer {
      role
      subject
    }
  }
`;

export const FIRST_ORGANIZATION = /* GraphQL */ `
  query FirstOrganization {
    organizations(first: 1) {
      nodes {
        id
      }
    }
  }
`;
