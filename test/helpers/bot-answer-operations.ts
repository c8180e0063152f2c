/** Staff mutations the bot-answer tests use to put services and activities where a room's residents look. */
export const CREATE_NEARBY_SERVICE = /* GraphQL */ `
  mutation CreateNearbyService($name: String!, $providerId: ID!, $stationId: ID, $regionId: ID!) {
    createService(
      input: {
        name: $name
        category: ELDERLY_CARE
        providerId: $providerId
        regionId: $regionId
        stationId: $stationId
        schedule: "每天 11:30"
      }
    ) {
      id
    }
  }
`;

export const CREATE_NEARBY_ACTIVITY = /* GraphQL */ `
  mutation CreateNearbyActivity($title: String!, $startsOn: String!, $regionId: ID!, $stationId: ID) {
    createVolunteerActivity(
      input: {
        title: $title
        category: ELDERLY_CARE
        regionId: $regionId
        stationId: $stationId
        startsOn: $startsOn
        capacity: 20
      }
    ) {
      id
    }
  }
`;
