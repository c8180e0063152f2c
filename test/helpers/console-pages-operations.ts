// Documents the console's page tests use to set up and check data (test/console/hours.test.ts, projects.test.ts).
export const SERVICES_IN_REGION = `query ServicesInRegion($regionId: ID!) { services(filter: { regionId: $regionId }, first: 1) { nodes { id name } } }`;
export const HOURS_RECORD_STATES = /* GraphQL */ `
  query HoursRecordStates($activityId: ID!, $status: ServiceHoursStatus!) {
    serviceHoursQueue(filter: { activityId: $activityId, status: $status }) {
      nodes {
        id
        status
        verified
        rejectReason
      }
    }
  }
`;
