// Documents of the registries page (test/integration/registries.test.ts).
export const REGISTER_STATION = /* GraphQL */ `
  mutation RegisterStation($input: RegisterServiceStationInput!) {
    registerServiceStation(input: $input) {
      id
      name
      kind
      regionId
      address
      publicPhone
      openedYear
    }
  }
`;
export const COVERAGE = `query Coverage($id: ID!) { region(id: $id) { stationCoverage { communities communitiesWithSocialWorkRoom complete } } }`;
export const UPDATE_SOCIAL_WORKER = /* GraphQL */ `
  mutation UpdateSocialWorker($id: ID!, $input: UpdateSocialWorkerInput!) {
    updateSocialWorker(id: $id, input: $input) {
      id
      name
      level
      specialties
      station {
        id
        name
      }
    }
  }
`;
