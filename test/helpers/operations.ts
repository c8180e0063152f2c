/** GraphQL documents the integration tests send, kept in one place. */
export const CITY_FIGURES = /* GraphQL */ `
  query CityFigures($id: ID!) {
    region(id: $id) {
      name
      population
      organizationCount
      organizationsPer10k
      volunteerCount
      volunteerTeamCount
      volunteerActivityCount
    }
  }
`;

export const REGION_TREE = /* GraphQL */ `
  query RegionTree {
    city: region(id: "530400000000") {
      population
      children {
        name
        kind
        population
      }
      stationCoverage {
        counties
        townships
        communities
        countiesWithIncubationCenter
        complete
      }
    }
    townships: regions(filter: { level: TOWNSHIP }, first: 100) {
      totalCount
      nodes {
        kind
      }
    }
  }
`;

export const NAMED_PLACES = /* GraphQL */ `
  query NamedPlaces {
    hutian: region(id: "530402002004") {
      name
      parent {
        name
        parent {
          name
        }
      }
    }
    xiahe: region(id: "530402006005") {
      name
      parent {
        name
      }
    }
    gaocang: region(id: "530402009000") {
      name
      needStats {
        total
        resolved
      }
    }
    stations: serviceStations(filter: { search: "万裕生态城" }, first: 10) {
      nodes {
        name
        kind
        servedPersonTimes
        volunteerCount
        volunteerHours
        region {
          name
        }
      }
    }
    base: serviceStations(filter: { kind: INCUBATION_CENTER, regionId: "530400000000", search: "培育孵化基地" }) {
      nodes {
        name
        investmentYuan
        floorAreaM2
        region {
          id
        }
      }
    }
    lelaohui: serviceStations(filter: { search: "乐老汇" }) {
      nodes {
        name
        kind
        region {
          name
        }
      }
    }
  }
`;

export const NAMED_ORGANIZATIONS = /* GraphQL */ `
  query NamedOrganizations {
    nuannuan: organizations(filter: { search: "暖暖公益协会" }) {
      nodes {
        name
        kind
        creditCode
        region {
          name
        }
        services {
          name
          region {
            name
          }
        }
      }
    }
    yuanfang: organizations(filter: { search: "远方心理工作室" }) {
      nodes {
        name
        region {
          name
        }
      }
    }
    founder: socialWorkers(filter: { search: "远方心理工作室创办者" }) {
      nodes {
        name
        level
        certifiedYear
        organization {
          id
        }
      }
    }
    qixi: volunteerActivities(filter: { search: "浪漫七夕节" }) {
      nodes {
        title
        description
        startsOn
        region {
          name
        }
      }
    }
    themes: volunteerActivities(filter: { regionId: "530402006005", category: CHILD_CARE }, first: 20) {
      nodes {
        title
      }
    }
  }
`;

export const POLICY_AND_ROUND = /* GraphQL */ `
  query PolicyAndRound {
    certificateRewards {
      level
      title
      amountYuan
    }
    talentAwards(year: 2021) {
      programme
      amountYuan
      socialWorker {
        level
      }
    }
    socialWorkExam(year: 2021) {
      applicants
      source
    }
    projectRounds {
      name
      sponsor
      applicationCount
      fundedCount
      categories
    }
    funded: serviceProjects(filter: { search: "关爱妇儿", status: COMPLETED }, first: 5) {
      nodes {
        title
        applicant {
          id
        }
        station {
          id
          name
        }
        region {
          name
        }
        round {
          name
        }
      }
    }
  }
`;

/** Crosses organization → community → volunteer; its SQL statement count must not grow with the page. */
export const NESTED_SERVICES = /* GraphQL */ `
  query NestedServices($first: Int!) {
    services(first: $first) {
      totalCount
      edges {
        node {
          name
          provider {
            name
            kind
            region {
              name
              organizationCount
            }
          }
          region {
            name
            population
            volunteerCount
          }
        }
      }
    }
  }
`;

export const ORGANIZATION_NAME = `query OrganizationName($id: ID!) { organization(id: $id) { name } }`;
export const ORGANIZATIONS_BY_FOUNDING = `query OrganizationsByFounding($after: String) { organizations(orderBy: { field: FOUNDED_YEAR }, first: 10, after: $after) {
    nodes { id foundedYear } pageInfo { endCursor hasNextPage } } }`;
