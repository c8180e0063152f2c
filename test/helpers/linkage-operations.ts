/** Documents the linkage-engine tests send. */
export const NEED_CANDIDATES = /* GraphQL */ `
  query Candidates($id: ID!) {
    need(id: $id) {
      number
      candidateServices {
        score
        service {
          id
          name
        }
        parts {
          factor
          weight
          value
          note
        }
      }
      candidateSocialWorkers {
        score
        socialWorker {
          id
        }
        parts {
          factor
          value
        }
      }
      candidateVolunteers {
        score
        volunteer {
          id
          displayName
        }
        parts {
          factor
          value
          note
        }
      }
      candidateResources {
        score
        resource {
          id
          name
        }
        parts {
          factor
          value
        }
      }
      candidateStations {
        score
        station {
          id
          name
          kind
        }
        parts {
          factor
          value
        }
      }
    }
  }
`;

export const NEEDS_WITH_CANDIDATES = /* GraphQL */ `
  query NeedsWithCandidates($first: Int!, $region: ID!) {
    needs(first: $first, filter: { regionId: $region }) {
      nodes {
        number
        candidateServices {
          score
          service {
            name
            provider {
              name
            }
          }
        }
        candidateSocialWorkers {
          score
          socialWorker {
            name
            level
          }
        }
        candidateVolunteers {
          score
          volunteer {
            displayName
          }
        }
        candidateResources {
          score
          resource {
            name
            remaining
          }
        }
        candidateStations {
          score
          station {
            name
            servedPersonTimes
          }
        }
      }
    }
  }
`;

export const REGION_LISTS = /* GraphQL */ `
  query RegionLists($id: ID!) {
    region(id: $id) {
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
      unmetNeedCategories {
        category
        unmetOver30Days
        open
        priority
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
    }
  }
`;

export const ADD_CONTRIBUTION = `mutation AddContribution($caseId: ID!, $society: Society!, $ref: String!) { addLinkageContribution(caseId: $caseId, society: $society, referenceId: $ref, description: "参与服务", hours: 1.5) { id society hours } }`;
export const NEED_CASE = `query NeedCase($id: ID!) { need(id: $id) { linkageCase { id contributions { society } } } }`;
export const CITE_NEEDS = `mutation CiteNeeds($p: ID!, $needs: [ID!]!) { citeNeeds(projectId: $p, needIds: $needs) { id } }`;
export const LINK_SERVICE = `mutation LinkService($p: ID!, $s: ID!) { linkProjectService(projectId: $p, serviceId: $s) { id } }`;
export const TRACE = /* GraphQL */ `
  query Trace($id: ID!) {
    need(id: $id) {
      number
      rating
      citedBy {
        title
        status
        evaluation
        services {
          id
          name
          provider {
            name
          }
        }
      }
    }
  }
`;
export const VERIFY_LEDGER = `query VerifyLedger { verifyHourLedger { ok checkedEntries firstBrokenEntryId reason } }`;
export const REDEEM = `mutation Redeem($v: ID!, $hours: Float!) { redeemHours(volunteerId: $v, hours: $hours, note: "兑换助餐服务") { id kind halfHours } }`;

export const SUBMIT_CATEGORY_NEED = `mutation SubmitCategoryNeed($c: ID!, $cat: ServiceCategory!) { submitNeed(input: { category: $cat, description: "需要帮助的老人", communityId: $c }) { id } }`;
export const ORGANIZATION_IDS = `query OrganizationIds($search: String!) { organizations(filter: { search: $search }) { nodes { id } } }`;
export const SERVICE_IDS = `query ServiceIds($search: String!) { services(filter: { search: $search }) { nodes { id } } }`;
export const SERVICE_COUNT = `query ServiceCount($category: ServiceCategory!, $regionId: ID!) { services(filter: { category: $category, regionId: $regionId }) { totalCount } }`;
export const COMPLETED_PROJECTS = `query CompletedProjects($search: String!) { serviceProjects(filter: { search: $search, status: COMPLETED }) { nodes { id title } } }`;
export const RECORD_EARMARKED_FUNDS = `mutation RecordEarmarkedFunds($regionId: ID!, $category: ServiceCategory!, $amount: Int!) { recordCharityResource(input: { name: "定向基金", kind: FUNDS, donor: "爱心企业", regionId: $regionId, category: $category, amount: $amount, unit: "元", receivedOn: "2026-11-01" }) { id } }`;
export const TIME_BANK_BALANCE = `query TimeBankBalance($id: ID!) { volunteer(id: $id) { timeBankBalance } }`;
export const VERIFY_LEDGER_RECORD = `query VerifyLedgerRecord { verifyHourLedger { ok firstBrokenEntryId serviceHoursId reason } }`;
export const CHILDREN_STATION_HOURS = `query ChildrenStationHours { serviceStations(filter: { kind: CHILDREN_STATION }) { nodes { volunteerHours } } }`;
export const VOLUNTEER_SERVICE_HOURS = `query VolunteerServiceHours($id: ID!) { volunteer(id: $id) { serviceHours } }`;
