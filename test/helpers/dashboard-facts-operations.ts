// What the console's dashboard test (test/console/dashboard.test.ts) expects, asked of the API directly.
export const REGION_FACTS = /* GraphQL */ `
  query RegionFacts($id: ID!) {
    region(id: $id) {
      name
      organizationCount
      organizationsPer10k
      volunteerCount
      volunteerTeamCount
      volunteerActivityCount
      socialWorkerCount
      needList {
        category
        open
      }
      resourceList {
        category
        services
        stations
        volunteers
        funds
      }
    }
  }
`;
