// Documents of the maintained-figures test (test/integration/figures.test.ts).
/** Every region figure of one region (the city's figures as a dashboard asks for them). */
export const REGION_FIGURES = /* GraphQL */ `
  query RegionFigures($id: ID!) {
    region(id: $id) {
      id
      population
      organizationCount
      organizationsPer10k
      volunteerCount
      volunteerTeamCount
      volunteerActivityCount
      volunteerHours
      socialWorkerCount
      servedPersonTimes
      needStats {
        total
        open
        resolved
        rejected
      }
    }
  }
`;

/** Every region figure of the city, its counties and their townships: ~80 regions, three levels. */
export const REGION_FIGURE_TREE = /* GraphQL */ `
  query RegionFigureTree($id: ID!) {
    region(id: $id) {
      ...Figures
      children {
        ...Figures
        children {
          ...Figures
        }
      }
    }
  }
  fragment Figures on Region {
    id
    population
    organizationCount
    organizationsPer10k
    volunteerCount
    volunteerTeamCount
    volunteerActivityCount
    volunteerHours
    socialWorkerCount
    servedPersonTimes
    needStats {
      total
      open
      resolved
      rejected
    }
  }
`;

/** Every station figure of the stations of a region. */
export const STATION_FIGURES = /* GraphQL */ `
  query StationFigures($regionId: ID!, $first: Int!) {
    serviceStations(filter: { regionId: $regionId }, first: $first) {
      nodes {
        id
        regionId
        servedPersonTimes
        volunteerCount
        volunteerHours
      }
    }
  }
`;

export const CREATE_STATION_ACTIVITY = /* GraphQL */ `
  mutation CreateStationActivity($regionId: ID!, $stationId: ID) {
    createVolunteerActivity(
      input: {
        title: "助老志愿服务"
        category: ELDERLY_CARE
        regionId: $regionId
        startsOn: "2026-11-01"
        stationId: $stationId
      }
    ) {
      id
    }
  }
`;

export const SET_STATUS = `mutation SetStatus($id: ID!, $status: OrganizationStatus!) { setOrganizationStatus(id: $id, status: $status) { id status } }`;
