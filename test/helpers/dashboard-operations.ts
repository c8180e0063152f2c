// Documents of the dashboard (test/integration/dashboard.test.ts).
export const NEED_TREND = /* GraphQL */ `
  query NeedTrend($id: ID!, $months: Int) {
    region(id: $id) {
      needTrend(months: $months) {
        month
        submitted
        resolved
      }
    }
  }
`;
export const SERVED_PERSON_TIMES = `query ServedPersonTimes($id: ID!) { region(id: $id) { servedPersonTimes } }`;
/** Everything the dashboard shows of a region and, for its charts, of each child region. */
export const DASHBOARD = /* GraphQL */ `
  query Dashboard($id: ID!) {
    region(id: $id) {
      name
      ...DashboardFigures
      stationCoverage {
        counties
        countiesWithIncubationCenter
        townships
        townshipsWithSocialWorkStation
        communities
        communitiesWithSocialWorkRoom
        complete
      }
      linkageIndex {
        needsResolved
        shareWithThreeOrMoreSocieties
        medianDaysToResolve
        averageRating
      }
      needList {
        category
        open
        resolved
        unmetOver30Days
      }
      resourceList {
        category
        services
        stations
        volunteers
        funds
      }
      projectList {
        round {
          name
        }
        status
        count
      }
      needTrend {
        month
        submitted
        resolved
      }
      children {
        id
        name
        ...DashboardFigures
        linkageIndex {
          needsResolved
          shareWithThreeOrMoreSocieties
        }
        needTrend {
          month
          resolved
        }
      }
    }
  }
  fragment DashboardFigures on Region {
    population
    organizationCount
    organizationsPer10k
    volunteerCount
    volunteerTeamCount
    volunteerActivityCount
    volunteerHours
    servedPersonTimes
    socialWorkerCount
  }
`;
