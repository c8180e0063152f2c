// Documents of a STAFF account as a need's handler (test/integration/need-handler-accounts.test.ts).
export const ASSIGN_NEED_TO_ACCOUNT = /* GraphQL */ `
  mutation AssignNeedToAccount($id: ID!, $accountId: ID!) {
    assignNeed(id: $id, input: { accountId: $accountId }) {
      id
      status
    }
  }
`;
export const ASSIGN_NEED_HANDLER = /* GraphQL */ `
  mutation AssignNeedHandler($id: ID!, $input: AssignNeedInput!) {
    assignNeed(id: $id, input: $input) {
      id
    }
  }
`;
export const NEED_HANDLER_ACCOUNT = /* GraphQL */ `
  query NeedHandlerAccount($id: ID!) {
    need(id: $id) {
      assignment {
        kind
        handlerSociety
        handlerId
        handlerStation {
          name
        }
        handlerAccount {
          id
          displayName
          username
        }
      }
      history {
        kind
        toStatus
        handlerAccount {
          username
        }
      }
    }
  }
`;
export const NEED_HANDLER_ACCOUNTS = /* GraphQL */ `
  query NeedHandlerAccounts($needId: ID!) {
    needHandlerAccounts(needId: $needId) {
      id
      displayName
      username
      region {
        id
        name
      }
    }
  }
`;
export const ASSIGNMENT_AUDIT = /* GraphQL */ `
  query AssignmentAudit($subject: String!) {
    auditLog(filter: { subject: $subject, operation: "assignNeed", kind: MUTATION }, first: 10) {
      nodes {
        operation
        subject
        outcome
        target
      }
    }
  }
`;
export const NEED_FEED_HANDLERS = /* GraphQL */ `
  query NeedFeedHandlers {
    needEvents(first: 100) {
      nodes {
        kind
        need {
          id
        }
        handlerId
        handlerAccount {
          username
        }
      }
    }
  }
`;
