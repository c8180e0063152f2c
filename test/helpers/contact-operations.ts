/** GraphQL documents of the public contact details of organisations and stations. */
export const REGION_ORGANIZATION_CONTACTS = /* GraphQL */ `
  query RegionOrganizationContacts($regionId: ID!, $after: String) {
    organizations(first: 100, after: $after, filter: { regionId: $regionId }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        publicPhone
        address
      }
    }
  }
`;

export const REGION_STATION_CONTACTS = /* GraphQL */ `
  query RegionStationContacts($regionId: ID!, $after: String) {
    serviceStations(first: 100, after: $after, filter: { regionId: $regionId }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        publicPhone
        address
      }
    }
  }
`;

export const UPDATE_ORGANIZATION_CONTACT = /* GraphQL */ `
  mutation UpdateOrganizationContact($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      id
      publicPhone
      address
    }
  }
`;

export const REGISTER_ORGANIZATION_CONTACT = /* GraphQL */ `
  mutation RegisterOrganizationContact($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
      publicPhone
      address
    }
  }
`;

export const UPDATE_STATION_CONTACT = /* GraphQL */ `
  mutation UpdateStationContact($id: ID!, $input: UpdateServiceStationInput!) {
    updateServiceStation(id: $id, input: $input) {
      id
      publicPhone
      address
    }
  }
`;

export const STATION_CONTACT = /* GraphQL */ `
  query StationContact($id: ID!) {
    serviceStation(id: $id) {
      id
      regionId
      publicPhone
      address
    }
  }
`;

export const ORGANIZATION_CONTACT = /* GraphQL */ `
  query OrganizationContact($id: ID!) {
    organization(id: $id) {
      id
      publicPhone
      address
    }
  }
`;
