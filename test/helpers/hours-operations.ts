// Documents of the volunteer-hours review (test/integration/hours-review.test.ts).
export const HOURS_QUEUE = /* GraphQL */ `
  query HoursQueue($filter: ServiceHoursQueueFilter, $first: Int) {
    serviceHoursQueue(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        hours
        servedOn
        status
        checkedOutAt
        rejectReason
        volunteer {
          displayName
        }
        activity {
          title
        }
      }
    }
  }
`;
export const VERIFY_HOURS_BATCH = /* GraphQL */ `
  mutation VerifyHoursBatch($ids: [ID!]!) {
    verifyServiceHoursBatch(ids: $ids) {
      id
      status
      verified
    }
  }
`;
export const REJECT_HOURS = /* GraphQL */ `
  mutation RejectHours($id: ID!, $reason: String!) {
    rejectServiceHours(id: $id, reason: $reason) {
      id
      status
      verified
      rejectReason
    }
  }
`;
export const HOURS_STATUS = `query HoursStatus($v: ID!) { volunteer(id: $v) { serviceHours timeBankBalance serviceHourRecords { id status } } }`;
export const ACTIVITY_ROSTER = /* GraphQL */ `
  query ActivityRoster($id: ID!) {
    volunteerActivity(id: $id) {
      title
      roster {
        checkedInAt
        checkedOutAt
        volunteer {
          id
          displayName
        }
        serviceHours {
          hours
          status
        }
      }
    }
  }
`;
export const ROSTERS = /* GraphQL */ `
  query Rosters($first: Int!) {
    volunteerActivities(first: $first) {
      nodes {
        title
        roster {
          signedUpAt
          checkedOutAt
          volunteer {
            displayName
          }
          serviceHours {
            status
          }
        }
      }
    }
  }
`;
