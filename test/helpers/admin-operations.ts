/** Mutations and staff queries the administration tests send. */
export const REGISTER_ORGANIZATION = /* GraphQL */ `
  mutation Register($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      id
      name
      creditCode
      status
    }
  }
`;
export const UPDATE_STATION = `mutation UpdateStation($id: ID!) { updateServiceStation(id: $id, input: { publicPhone: "0877-2010000" }) { id publicPhone } }`;
export const STATION_IN = `query StationIn($regionId: ID!) { serviceStations(first: 1, filter: { regionId: $regionId }) { nodes { id } } }`;
export const UPDATE_ORGANIZATION = `mutation UpdateOrganization($id: ID!) { updateOrganization(id: $id, input: { description: "更新简介" }) { id description } }`;
export const SET_ORGANIZATION_STATUS = `mutation SetOrganizationStatus($id: ID!) { setOrganizationStatus(id: $id, status: ACTIVE) { id status } }`;
export const CREATE_SERVICE = /* GraphQL */ `
  mutation CreateService($providerId: ID!, $regionId: ID!) {
    createService(
      input: {
        name: "上门助浴"
        category: ELDERLY_CARE
        providerId: $providerId
        regionId: $regionId
        schedule: "每周二"
      }
    ) {
      id
      active
    }
  }
`;
export const RETIRE_SERVICE = `mutation RetireService($id: ID!) { retireService(id: $id) { id active } }`;
export const REGISTER_SOCIAL_WORKER = /* GraphQL */ `
  mutation RegisterSocialWorker($regionId: ID!) {
    registerSocialWorker(
      input: { name: "社工甲", level: ASSISTANT, certifiedYear: 2021, regionId: $regionId, specialties: [ELDERLY_CARE] }
    ) {
      id
      level
    }
  }
`;
export const RECORD_CERTIFICATE = `mutation RecordCertificate($id: ID!, $level: SocialWorkerLevel!) { recordCertificate(socialWorkerId: $id, level: $level, year: 2022) { id level rewardYuan } }`;
export const GRANT_TALENT_AWARD = `mutation GrantTalentAward($id: ID!, $year: Int!) { grantTalentAward(input: { socialWorkerId: $id, year: $year, amountYuan: 50000 }) { id } }`;
export const REGISTER_VOLUNTEER = `mutation RegisterVolunteer($regionId: ID!, $reporterRef: String) { registerVolunteer(input: { name: "李小明", regionId: $regionId, skill: EDUCATION, reporterRef: $reporterRef }) { id displayName } }`;
export const CREATE_ACTIVITY = /* GraphQL */ `
  mutation CreateActivity($regionId: ID!, $organizationId: ID, $capacity: Int) {
    createVolunteerActivity(
      input: {
        title: "垃圾分类宣传"
        category: COMMUNITY_AFFAIRS
        regionId: $regionId
        startsOn: "2026-12-05"
        capacity: $capacity
        organizationId: $organizationId
      }
    ) {
      id
      status
    }
  }
`;
export const SIGN_UP = `mutation SignUp($activityId: ID!, $volunteerId: ID!, $reporterRef: String) { signUpForActivity(activityId: $activityId, volunteerId: $volunteerId, reporterRef: $reporterRef) { id } }`;
export const CHECK_IN = `mutation CheckIn($a: ID!, $v: ID!, $at: DateTimeISO!) { checkIn(activityId: $a, volunteerId: $v, at: $at) { id checkedInAt } }`;
export const CHECK_OUT = `mutation CheckOut($a: ID!, $v: ID!, $at: DateTimeISO!) { checkOut(activityId: $a, volunteerId: $v, at: $at) { id hours verified } }`;
export const VERIFY_HOURS = `mutation VerifyHours($id: ID!) { verifyServiceHours(id: $id) { id verified } }`;
export const RECORD_RESOURCE = /* GraphQL */ `
  mutation RecordResource($regionId: ID!, $amount: Int!) {
    recordCharityResource(
      input: {
        name: "爱心基金"
        kind: FUNDS
        donor: "爱心企业"
        regionId: $regionId
        amount: $amount
        unit: "元"
        receivedOn: "2026-11-01"
      }
    ) {
      id
      remaining
    }
  }
`;
export const ALLOCATE = `mutation Allocate($resourceId: ID!, $amount: Int!, $needId: ID) { allocateCharityResource(input: { resourceId: $resourceId, amount: $amount, needId: $needId }) { id amount } }`;
/** A resident as a bot refers to them (64 hex digits, like the bot's HMAC of a chat id). */
export const REPORTER_A = 'a1'.repeat(32);
export const REPORTER_B = 'b2'.repeat(32);
export const SUBMIT_NEED = /* GraphQL */ `
  mutation SubmitNeed($communityId: ID!, $reporterRef: String) {
    submitNeed(
      input: {
        category: ELDERLY_CARE
        description: "独居老人需要每周上门探访"
        urgency: HIGH
        communityId: $communityId
        reporterRef: $reporterRef
      }
    ) {
      id
      number
      status
    }
  }
`;
/** What NEED_TRANSITION(name) and PROJECT_STEP(name) answer, under the mutation's name. */
export type NeedTransitionResult = Record<string, { id: string; status: string; resolvedAt: string | null }>;
export type ProjectStepResult = Record<string, { id: string; status: string }>;
export const NEED_TRANSITION = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status resolvedAt } }`;
export const REJECT_NEED = `mutation RejectNeed($id: ID!, $reason: String!) { rejectNeed(id: $id, reason: $reason) { id status rejectReason } }`;
export const RATE_NEED = `mutation RateNeed($id: ID!, $rating: Int!, $reporterRef: String) { rateNeed(id: $id, rating: $rating, reporterRef: $reporterRef) { id rating } }`;
export const NEED_DESCRIPTION = `query NeedDescription($id: ID!, $reporterRef: String) { need(id: $id) { number description(reporterRef: $reporterRef) } }`;
export const OPEN_ROUND = `mutation OpenRound($quota: Int!) { openProjectRound(input: { name: "2027 社区服务项目", sponsor: "市民政局", openedOn: "2027-01-01", quota: $quota }) { id quota } }`;
export const SUBMIT_APPLICATION = /* GraphQL */ `
  mutation SubmitApplication($roundId: ID!, $applicantId: ID!, $regionId: ID!) {
    submitProjectApplication(
      input: {
        roundId: $roundId
        title: "助老济困"
        category: ELDERLY_HARDSHIP
        applicantId: $applicantId
        regionId: $regionId
      }
    ) {
      id
      status
    }
  }
`;
export const REVIEW_APPLICATION = `mutation ReviewApplication($id: ID!, $score: Float!) { reviewProjectApplication(id: $id, score: $score) { id status score } }`;
export const PROJECT_STEP = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { id status } }`;
export const COMPLETE_PROJECT = `mutation CompleteProject($id: ID!) { completeProject(id: $id, evaluation: "居民满意度 95%") { id status evaluation } }`;
export const REGISTER_RESIDENT = /* GraphQL */ `
  mutation RegisterResident($regionId: ID!, $phone: String, $consentAt: DateTimeISO) {
    registerResident(
      input: {
        name: "王阿姨"
        regionId: $regionId
        phone: $phone
        consentAt: $consentAt
        tags: [ELDERLY_ALONE, LOW_INCOME]
      }
    ) {
      id
      phone
      tags
    }
  }
`;
export const RESIDENT = `query Resident($id: ID!) { resident(id: $id) { id name phone tags consentAt } }`;
export const AUDIT_LOG = `query AuditLog($operation: String) { auditLog(filter: { operation: $operation }, first: 50) { totalCount nodes { subject role operation target outcome requestId } } }`;
export const AUDIT_ENTRIES = /* GraphQL */ `
  query AuditEntries($filter: AuditFilter) {
    auditLog(filter: $filter, first: 100) {
      totalCount
      nodes {
        kind
        subject
        role
        regionId
        operation
        target
        record
        outcome
        count
        requestId
        clientAddress
      }
    }
  }
`;
