/** Every mutation that takes an id, with its inputs as variables, for the cross-scope write matrix. */
export const RECORD_RESOURCE = `mutation ScopedRecordResource($input: RecordCharityResourceInput!) { recordCharityResource(input: $input) { id } }`;
export const ALLOCATE = `mutation ScopedAllocate($input: AllocateInput!) { allocateCharityResource(input: $input) { id } }`;
export const REGISTER_RESIDENT = `mutation ScopedRegisterResident($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`;
export const SUBMIT_NEED = `mutation ScopedSubmitNeed($input: SubmitNeedInput!) { submitNeed(input: $input) { id } }`;
export const NEED_STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id } }`;
export const REJECT_NEED = `mutation ScopedRejectNeed($id: ID!) { rejectNeed(id: $id, reason: "不属于服务范围") { id } }`;
export const RATE_NEED = `mutation ScopedRateNeed($id: ID!) { rateNeed(id: $id, rating: 5) { id } }`;
export const ADD_CONTRIBUTION = `mutation ScopedAddContribution($caseId: ID!, $society: Society!, $ref: String!) { addLinkageContribution(caseId: $caseId, society: $society, referenceId: $ref, description: "参与服务", hours: 1) { id } }`;
export const SUBMIT_APPLICATION = `mutation ScopedSubmitApplication($input: SubmitApplicationInput!) { submitProjectApplication(input: $input) { id } }`;
export const REVIEW_APPLICATION = `mutation ScopedReviewApplication($id: ID!) { reviewProjectApplication(id: $id, score: 80) { id } }`;
export const PROJECT_STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id } }`;
export const COMPLETE_PROJECT = `mutation ScopedCompleteProject($id: ID!) { completeProject(id: $id, evaluation: "良好") { id } }`;
export const CITE_NEEDS = `mutation ScopedCiteNeeds($p: ID!, $needs: [ID!]!) { citeNeeds(projectId: $p, needIds: $needs) { id } }`;
export const UNCITE_NEED = `mutation ScopedUnciteNeed($p: ID!, $need: ID!) { unciteNeed(projectId: $p, needId: $need) { id } }`;
export const LINK_SERVICE = `mutation ScopedLinkService($p: ID!, $s: ID!) { linkProjectService(projectId: $p, serviceId: $s) { id } }`;
export const UNLINK_SERVICE = `mutation ScopedUnlinkService($p: ID!, $s: ID!) { unlinkProjectService(projectId: $p, serviceId: $s) { id } }`;
export const REGISTER_ORGANIZATION = `mutation ScopedRegisterOrganization($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { id } }`;
export const UPDATE_STATION = `mutation ScopedUpdateStation($id: ID!) { updateServiceStation(id: $id, input: { address: "改" }) { id } }`;
export const UPDATE_ORGANIZATION = `mutation ScopedUpdateOrganization($id: ID!) { updateOrganization(id: $id, input: { description: "改" }) { id } }`;
export const SET_ORGANIZATION_STATUS = `mutation ScopedSetOrganizationStatus($id: ID!) { setOrganizationStatus(id: $id, status: SUSPENDED) { id } }`;
export const CREATE_SERVICE = `mutation ScopedCreateService($input: CreateServiceInput!) { createService(input: $input) { id } }`;
export const UPDATE_SERVICE = `mutation ScopedUpdateService($id: ID!) { updateService(id: $id, input: { schedule: "每周三" }) { id } }`;
export const RETIRE_SERVICE = `mutation ScopedRetireService($id: ID!) { retireService(id: $id) { id } }`;
export const REGISTER_SOCIAL_WORKER = `mutation ScopedRegisterSocialWorker($input: RegisterSocialWorkerInput!) { registerSocialWorker(input: $input) { id } }`;
export const RECORD_CERTIFICATE = `mutation ScopedRecordCertificate($id: ID!, $year: Int!) { recordCertificate(socialWorkerId: $id, level: SENIOR, year: $year) { id } }`;
export const GRANT_TALENT_AWARD = `mutation ScopedGrantTalentAward($id: ID!, $year: Int!) { grantTalentAward(input: { socialWorkerId: $id, year: $year, amountYuan: 1000 }) { id } }`;
export const REGISTER_VOLUNTEER = `mutation ScopedRegisterVolunteer($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`;
export const SET_VOLUNTEER_TEAM = `mutation ScopedSetVolunteerTeam($v: ID!, $team: ID) { setVolunteerTeam(volunteerId: $v, teamId: $team) { id } }`;
export const CREATE_ACTIVITY = `mutation ScopedCreateActivity($input: CreateActivityInput!) { createVolunteerActivity(input: $input) { id } }`;
export const SIGN_UP = `mutation ScopedSignUp($a: ID!, $v: ID!) { signUpForActivity(activityId: $a, volunteerId: $v) { id } }`;
export const CHECK_IN = `mutation ScopedCheckIn($a: ID!, $v: ID!, $at: DateTimeISO) { checkIn(activityId: $a, volunteerId: $v, at: $at) { id } }`;
export const CHECK_OUT = `mutation ScopedCheckOut($a: ID!, $v: ID!, $at: DateTimeISO) { checkOut(activityId: $a, volunteerId: $v, at: $at) { id } }`;
export const VERIFY_HOURS = `mutation ScopedVerifyHours($id: ID!) { verifyServiceHours(id: $id) { id } }`;
export const REDEEM_HOURS = `mutation ScopedRedeemHours($v: ID!) { redeemHours(volunteerId: $v, hours: 0.5, note: "兑换") { id } }`;

/** A public list that points into three other subgraphs (regions, organisations, services). */
export const PROJECT_LIST = /* GraphQL */ `
  query ScopedProjectList($first: Int!) {
    serviceProjects(first: $first) {
      nodes {
        id
        title
        region {
          name
        }
        applicant {
          name
        }
        services {
          id
          name
        }
        citedNeeds {
          id
        }
      }
    }
  }
`;
export const NEED_LIST = `query ScopedNeedList($region: ID!) { needs(first: 100, filter: { regionId: $region }) { nodes { id community { name } } } }`;
export const STATION_IDS = `query ScopedStationIds($r: ID!) { serviceStations(first: 1, filter: { regionId: $r }) { nodes { id } } }`;
export const OPEN_ROUND = `mutation ScopedOpenRound($name: String!) { openProjectRound(input: { name: $name, sponsor: "市民政局", openedOn: "2026-10-01", quota: 5 }) { id } }`;
