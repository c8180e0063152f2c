// Set-up of the registries page's browser test (test/console/registries.test.ts): a need to allocate to.
export const REGISTRIES_SUBMIT_NEED = /* GraphQL */ `
  mutation RegistriesConsoleSubmitNeed($input: SubmitNeedInput!) {
    submitNeed(input: $input) {
      id
      number
    }
  }
`;
