// Set-up of the registries page's browser test (test/console/registries.test.ts): a need to allocate to.
export const REGISTRIES_SUBMIT_NEED = /* GraphQL */ `
  mutation RegistriesConsoleSubmitNeed($input: SubmitNeedInput!) {
    submitNeed(input: $input) {
      id
      number
    }
  }
`;

export const REGISTRIES_FIRST_ORGANIZATION = /* GraphQL */ `
  query RegistriesConsoleFirstOrganization($regionId: ID!) {
    organizations(first: 1, filter: { regionId: $regionId, status: ACTIVE }) {
      nodes {
        id
        name
        creditCode
        region {
          name
        }
      }
    }
  }
`;

export const REGISTRIES_RECORD_RESOURCE = /* GraphQL */ `
  mutation RegistriesConsoleRecordResource($input: RecordCharityResourceInput!) {
    recordCharityResource(input: $input) {
      id
    }
  }
`;

export const REGISTRIES_CREATE_SERVICE = /* GraphQL */ `
  mutation RegistriesConsoleCreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      id
    }
  }
`;
