// Documents of the needs workbench (test/integration/needs-workbench.test.ts).
export const SUBMIT_URGENT_NEED = /* GraphQL */ `
  mutation SubmitUrgentNeed($communityId: ID!, $urgency: NeedUrgency!, $description: String!) {
    submitNeed(
      input: { category: ELDERLY_CARE, description: $description, urgency: $urgency, communityId: $communityId }
    ) {
      id
      number
    }
  }
`;
export const NEED_DUE = /* GraphQL */ `
  query NeedDue($id: ID!) {
    need(id: $id) {
      urgency
      status
      submittedAt
      dueAt
      overdue
    }
  }
`;
export const WORKBENCH_QUEUE = /* GraphQL */ `
  query WorkbenchQueue($filter: NeedFilter, $orderBy: NeedOrder, $first: Int) {
    needs(filter: $filter, orderBy: $orderBy, first: $first) {
      totalCount
      nodes {
        number
        urgency
        status
        overdue
      }
    }
  }
`;
export const NEED_ACTIONS = /* GraphQL */ `
  query NeedActions($id: ID!) {
    need(id: $id) {
      status
      allowedTransitions
    }
  }
`;
export const NEED_ASSIGNMENT = /* GraphQL */ `
  query NeedAssignment($id: ID!) {
    need(id: $id) {
      assignment {
        kind
        handlerSociety
        handlerId
        appointmentAt
        handlerStation {
          name
        }
        handlerOrganization {
          name
        }
      }
    }
  }
`;
export const WORKBENCH_PAGE = /* GraphQL */ `
  query WorkbenchPage($first: Int!) {
    needs(first: $first, orderBy: { field: DUE_AT }) {
      nodes {
        number
        dueAt
        overdue
        allowedTransitions
        assignment {
          handlerId
          handlerStation {
            name
          }
        }
        history {
          kind
          toStatus
        }
      }
    }
  }
`;
export const CASE_CONTRIBUTORS = /* GraphQL */ `
  query CaseContributors($id: ID!) {
    need(id: $id) {
      linkageCase {
        id
        contributions {
          society
          referenceId
          hours
          community {
            name
          }
          station {
            name
          }
          organization {
            name
          }
          socialWorker {
            name
          }
          volunteerTeam {
            name
          }
          charityResource {
            name
          }
        }
      }
    }
  }
`;
