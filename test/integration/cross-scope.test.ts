import { createHash } from 'node:crypto';
import type { Identity } from '../../src/auth/identity';
import { makeCreditCode } from '../../src/subgraphs/organization/credit-code';
import * as X from '../helpers/cross-scope-operations';
import { IDENTITIES, JIANGCHUAN, JIANGCHUAN_COMMUNITY, LIQI, orgIdentity, XIAHE } from '../helpers/identities';
import { NEED_CASE } from '../helpers/linkage-operations';
import { startTestHub, type GraphQLResult, type TestHub } from '../helpers/test-hub';
import type {
  NeedCaseQuery,
  ScopedOpenRoundMutation,
  ScopedStationIdsQuery,
  ScopedCheckInMutation,
  ScopedCheckOutMutation,
  ScopedCiteNeedsMutation,
  ScopedCreateActivityMutation,
  ScopedCreateServiceMutation,
  ScopedLinkServiceMutation,
  ScopedNeedListQuery,
  ScopedProjectListQuery,
  ScopedRecordResourceMutation,
  ScopedRegisterOrganizationMutation,
  ScopedRegisterSocialWorkerMutation,
  ScopedRegisterVolunteerMutation,
  ScopedSignUpMutation,
  ScopedSubmitApplicationMutation,
  ScopedSubmitNeedMutation,
  ScopedUnciteNeedMutation,
  ScopedUnlinkServiceMutation,
} from '../helpers/generated/operations';

// Every mutation that takes an id, given an id of another region, of another organisation, of the wrong kind and
// of nothing (plus times in the future), must refuse with the code written here and change no row of any data
// table. The actor is staff of 李棋街道 (or an organisation of 李棋街道); "another region" is 江川区.
const ADMIN = IDENTITIES.ADMIN;
const STAFF = IDENTITIES.STAFF_IN;
const BOT = IDENTITIES.BOT_IN;
/** A community code inside 李棋街道 that is not in the division tree. */
const NO_COMMUNITY = '530402006999';
const NO_ID = '999999999';
/** 玉溪市, above every organisation's own region. */
const CITY = '530400000000';
/** An id of another kind: 下赫社区's division code, where a numeric record id is expected. */
const REGION_AS_ID = XIAHE;
const FUTURE_TIME = '2099-01-01T00:00:00.000Z';
const FUTURE_YEAR = 2099;

let t: TestHub;
let codes = 0;
const f: Record<string, string> = {};

const asAdmin = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
  t.query<T>(query, variables, ADMIN);

async function organization(regionId: string): Promise<string> {
  codes += 1;
  const creditCode = makeCreditCode('1', regionId.slice(0, 6), `CK${String(codes).padStart(6, '0')}`);
  return (
    await asAdmin<ScopedRegisterOrganizationMutation>(X.REGISTER_ORGANIZATION, {
      input: organizationInput(regionId, { creditCode }),
    })
  ).registerOrganization.id;
}

function organizationInput(regionId: string, over: Record<string, unknown> = {}) {
  codes += 1;
  return {
    name: `跨域测试组织${codes}`,
    kind: 'COMMUNITY_ORG',
    creditCode: makeCreditCode('1', '530402', `CX${String(codes).padStart(6, '0')}`),
    regionId,
    category: 'ELDERLY_CARE',
    ...over,
  };
}
const resourceInput = (regionId: string, over: Record<string, unknown> = {}) => ({
  name: '爱心基金',
  kind: 'FUNDS',
  donor: '爱心企业',
  regionId,
  amount: 1000,
  unit: '元',
  receivedOn: '2026-11-01',
  ...over,
});
/** The resident bot names the resident it acts for (an opaque 64-hex reference). */
const RESIDENT_REF = 'c3'.repeat(32);

const needInput = (communityId: string, over: Record<string, unknown> = {}) => ({
  category: 'ELDERLY_CARE',
  description: '独居老人需要每周上门探访',
  communityId,
  ...over,
});
const applicationInput = (applicantId: string, regionId: string, over: Record<string, unknown> = {}) => ({
  roundId: f.round,
  title: '助老济困',
  category: 'ELDERLY_HARDSHIP',
  applicantId,
  regionId,
  ...over,
});
const serviceInput = (providerId: string, regionId: string, over: Record<string, unknown> = {}) => ({
  name: '上门助浴',
  category: 'ELDERLY_CARE',
  providerId,
  regionId,
  ...over,
});
const workerInput = (regionId: string, over: Record<string, unknown> = {}) => ({
  name: '社工乙',
  level: 'ASSISTANT',
  certifiedYear: 2021,
  regionId,
  specialties: [],
  ...over,
});
const volunteerInput = (regionId: string, over: Record<string, unknown> = {}) => ({
  name: '张小红',
  regionId,
  ...over,
});
const activityInput = (regionId: string, over: Record<string, unknown> = {}) => ({
  title: '敬老探访',
  category: 'ELDERLY_CARE',
  regionId,
  startsOn: '2026-11-20',
  ...over,
});
const residentInput = (regionId: string, over: Record<string, unknown> = {}) => ({
  name: '王阿姨',
  regionId,
  ...over,
});

interface Case {
  mutation: string;
  given: string;
  as: Identity | (() => Identity);
  query: string;
  variables: () => Record<string, unknown>;
  code: string;
}

const orgOwn = () => orgIdentity(Number(f.ownOrg));
const orgOther = () => orgIdentity(Number(f.otherOrg));
const c = (
  mutation: string,
  given: string,
  as: Case['as'],
  query: string,
  variables: () => Record<string, unknown>,
  code: string,
): Case => ({ mutation, given, as, query, variables, code });

const CASES: Case[] = [
  // 慈善
  c(
    'recordCharityResource',
    'another region',
    STAFF,
    X.RECORD_RESOURCE,
    () => ({ input: resourceInput(JIANGCHUAN) }),
    'FORBIDDEN',
  ),
  c(
    'recordCharityResource',
    'wrong kind (an organisation id as region)',
    STAFF,
    X.RECORD_RESOURCE,
    () => ({ input: resourceInput('1') }),
    'BAD_USER_INPUT',
  ),
  c(
    'recordCharityResource',
    'nothing (a code not in the tree)',
    STAFF,
    X.RECORD_RESOURCE,
    () => ({ input: resourceInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'recordCharityResource',
    'a receipt date in the future',
    STAFF,
    X.RECORD_RESOURCE,
    () => ({ input: resourceInput(XIAHE, { receivedOn: '2099-01-01' }) }),
    'BAD_USER_INPUT',
  ),
  c(
    'allocateCharityResource',
    'another region (resource)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.theirResource, amount: 1, needId: f.ourNeed } }),
    'FORBIDDEN',
  ),
  c(
    'allocateCharityResource',
    'another region (need)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.ourResource, amount: 1, needId: f.theirNeed } }),
    'FORBIDDEN',
  ),
  c(
    'allocateCharityResource',
    'another region (project)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.ourResource, amount: 1, projectId: f.theirProject } }),
    'FORBIDDEN',
  ),
  c(
    'allocateCharityResource',
    'another region (need), as ADMIN',
    ADMIN,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.ourResource, amount: 1, needId: f.theirNeed } }),
    'FORBIDDEN',
  ),
  c(
    'allocateCharityResource',
    'wrong kind (a region code as need)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.ourResource, amount: 1, needId: REGION_AS_ID } }),
    'NOT_FOUND',
  ),
  c(
    'allocateCharityResource',
    'nothing (need 999999999)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.ourResource, amount: 1, needId: NO_ID } }),
    'NOT_FOUND',
  ),
  c(
    'allocateCharityResource',
    'nothing (needId null)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: f.ourResource, amount: 1, needId: null } }),
    'BAD_USER_INPUT',
  ),
  c(
    'allocateCharityResource',
    'nothing (resource 999999999)',
    STAFF,
    X.ALLOCATE,
    () => ({ input: { resourceId: NO_ID, amount: 1, needId: f.ourNeed } }),
    'NOT_FOUND',
  ),
  // 社区
  c(
    'registerResident',
    'another region',
    STAFF,
    X.REGISTER_RESIDENT,
    () => ({ input: residentInput(JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'registerResident',
    'wrong kind (a township code)',
    STAFF,
    X.REGISTER_RESIDENT,
    () => ({ input: residentInput(LIQI) }),
    'BAD_USER_INPUT',
  ),
  c(
    'registerResident',
    'nothing (a code not in the tree)',
    STAFF,
    X.REGISTER_RESIDENT,
    () => ({ input: residentInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'registerResident',
    'a consent time in the future',
    STAFF,
    X.REGISTER_RESIDENT,
    () => ({ input: residentInput(XIAHE, { phone: '13812345678', consentAt: FUTURE_TIME }) }),
    'BAD_USER_INPUT',
  ),
  // 需求
  c(
    'submitNeed',
    'another region',
    STAFF,
    X.SUBMIT_NEED,
    () => ({ input: needInput(JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'submitNeed',
    'wrong kind (a township code)',
    STAFF,
    X.SUBMIT_NEED,
    () => ({ input: needInput(LIQI) }),
    'BAD_USER_INPUT',
  ),
  c(
    'submitNeed',
    'nothing (a community code not in the tree)',
    STAFF,
    X.SUBMIT_NEED,
    () => ({ input: needInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'submitNeed',
    'a consent time in the future',
    STAFF,
    X.SUBMIT_NEED,
    () => ({ input: needInput(XIAHE, { contactPhone: '13812345678', contactConsentAt: FUTURE_TIME }) }),
    'BAD_USER_INPUT',
  ),
  ...['acceptNeed', 'matchNeed', 'startNeedService', 'resolveNeed', 'closeNeed'].flatMap((step) => [
    c(step, 'another region', STAFF, X.NEED_STEP(step), () => ({ id: f.theirNeed }), 'FORBIDDEN'),
    c(step, 'wrong kind (a region code as need)', STAFF, X.NEED_STEP(step), () => ({ id: REGION_AS_ID }), 'NOT_FOUND'),
    c(step, 'nothing', STAFF, X.NEED_STEP(step), () => ({ id: NO_ID }), 'NOT_FOUND'),
  ]),
  c('rejectNeed', 'another region', STAFF, X.REJECT_NEED, () => ({ id: f.theirNeed }), 'FORBIDDEN'),
  c(
    'rejectNeed',
    'wrong kind (a region code as need)',
    STAFF,
    X.REJECT_NEED,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('rejectNeed', 'nothing', STAFF, X.REJECT_NEED, () => ({ id: NO_ID }), 'NOT_FOUND'),
  c('rateNeed', 'another region', STAFF, X.RATE_NEED, () => ({ id: f.theirNeed }), 'FORBIDDEN'),
  c('rateNeed', 'wrong kind (a region code as need)', STAFF, X.RATE_NEED, () => ({ id: REGION_AS_ID }), 'NOT_FOUND'),
  c('rateNeed', 'nothing', STAFF, X.RATE_NEED, () => ({ id: NO_ID }), 'NOT_FOUND'),
  c(
    'addLinkageContribution',
    'another region (case)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.theirCase, society: 'COMMUNITY', ref: XIAHE }),
    'FORBIDDEN',
  ),
  c(
    'addLinkageContribution',
    'another region (organisation)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'ORGANIZATION', ref: f.otherOrg }),
    'FORBIDDEN',
  ),
  c(
    'addLinkageContribution',
    'another region (community)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'COMMUNITY', ref: JIANGCHUAN_COMMUNITY }),
    'FORBIDDEN',
  ),
  c(
    'addLinkageContribution',
    'another region (social worker)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'SOCIAL_WORKER', ref: f.theirWorker }),
    'FORBIDDEN',
  ),
  c(
    'addLinkageContribution',
    'another region (volunteer team)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'VOLUNTEER', ref: f.theirTeam }),
    'FORBIDDEN',
  ),
  c(
    'addLinkageContribution',
    'another region (resource)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'CHARITY', ref: f.theirResource }),
    'FORBIDDEN',
  ),
  c(
    'addLinkageContribution',
    'wrong kind (a region code as organisation)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'ORGANIZATION', ref: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c(
    'addLinkageContribution',
    'nothing (organisation 999999999)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: f.ourCase, society: 'ORGANIZATION', ref: NO_ID }),
    'NOT_FOUND',
  ),
  c(
    'addLinkageContribution',
    'nothing (case 999999999)',
    STAFF,
    X.ADD_CONTRIBUTION,
    () => ({ caseId: NO_ID, society: 'COMMUNITY', ref: XIAHE }),
    'NOT_FOUND',
  ),
  // 项目
  c(
    'submitProjectApplication',
    'another region (ORG)',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'submitProjectApplication',
    'another region (station)',
    STAFF,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, XIAHE, { stationId: f.theirStation }) }),
    'FORBIDDEN',
  ),
  c(
    'submitProjectApplication',
    'another region (applicant), as STAFF',
    STAFF,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.otherOrg, XIAHE) }),
    'FORBIDDEN',
  ),
  c(
    'submitProjectApplication',
    'another organisation',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.otherOrg, XIAHE) }),
    'FORBIDDEN',
  ),
  c(
    'submitProjectApplication',
    'wrong kind (an organisation id as region)',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, '1') }),
    'BAD_USER_INPUT',
  ),
  c(
    'submitProjectApplication',
    'nothing (region 999999999999)',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, '999999999999') }),
    'NOT_FOUND',
  ),
  c(
    'submitProjectApplication',
    'nothing (station 999999999)',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, XIAHE, { stationId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'submitProjectApplication',
    'nothing (applicant 999999999), as STAFF',
    STAFF,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(NO_ID, XIAHE) }),
    'NOT_FOUND',
  ),
  c(
    'submitProjectApplication',
    'nothing (round 999999999)',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, XIAHE, { roundId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'reviewProjectApplication',
    'another region',
    STAFF,
    X.REVIEW_APPLICATION,
    () => ({ id: f.theirProject }),
    'FORBIDDEN',
  ),
  c(
    'reviewProjectApplication',
    'wrong kind (a region code as project)',
    STAFF,
    X.REVIEW_APPLICATION,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('reviewProjectApplication', 'nothing', STAFF, X.REVIEW_APPLICATION, () => ({ id: NO_ID }), 'NOT_FOUND'),
  ...['approveProjectApplication', 'rejectProjectApplication'].flatMap((step) => [
    c(
      step,
      'wrong kind (a region code as project)',
      ADMIN,
      X.PROJECT_STEP(step),
      () => ({ id: REGION_AS_ID }),
      'NOT_FOUND',
    ),
    c(step, 'nothing', ADMIN, X.PROJECT_STEP(step), () => ({ id: NO_ID }), 'NOT_FOUND'),
  ]),
  c(
    'startProject',
    'another region',
    STAFF,
    X.PROJECT_STEP('startProject'),
    () => ({ id: f.theirProject }),
    'FORBIDDEN',
  ),
  c(
    'startProject',
    'another organisation',
    orgOther,
    X.PROJECT_STEP('startProject'),
    () => ({ id: f.ourProject }),
    'FORBIDDEN',
  ),
  c(
    'startProject',
    'wrong kind (a region code as project)',
    STAFF,
    X.PROJECT_STEP('startProject'),
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('startProject', 'nothing', STAFF, X.PROJECT_STEP('startProject'), () => ({ id: NO_ID }), 'NOT_FOUND'),
  c('completeProject', 'another region', STAFF, X.COMPLETE_PROJECT, () => ({ id: f.theirProject }), 'FORBIDDEN'),
  c(
    'completeProject',
    'wrong kind (a region code as project)',
    STAFF,
    X.COMPLETE_PROJECT,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('completeProject', 'nothing', STAFF, X.COMPLETE_PROJECT, () => ({ id: NO_ID }), 'NOT_FOUND'),
  c(
    'citeNeeds',
    'another region (need), as STAFF',
    STAFF,
    X.CITE_NEEDS,
    () => ({ p: f.ourProject, needs: [f.theirNeed] }),
    'FORBIDDEN',
  ),
  c(
    'citeNeeds',
    'another region (need), as ORG',
    orgOwn,
    X.CITE_NEEDS,
    () => ({ p: f.ourProject, needs: [f.theirNeed] }),
    'FORBIDDEN',
  ),
  c(
    'citeNeeds',
    'another region (project)',
    STAFF,
    X.CITE_NEEDS,
    () => ({ p: f.theirProject, needs: [f.ourNeed] }),
    'FORBIDDEN',
  ),
  c(
    'citeNeeds',
    'another organisation',
    orgOther,
    X.CITE_NEEDS,
    () => ({ p: f.ourProject, needs: [f.ourNeed] }),
    'FORBIDDEN',
  ),
  c(
    'citeNeeds',
    'wrong kind (a region code as need)',
    STAFF,
    X.CITE_NEEDS,
    () => ({ p: f.ourProject, needs: [REGION_AS_ID] }),
    'NOT_FOUND',
  ),
  c(
    'citeNeeds',
    'nothing (need 999999999)',
    STAFF,
    X.CITE_NEEDS,
    () => ({ p: f.ourProject, needs: [NO_ID] }),
    'NOT_FOUND',
  ),
  c(
    'citeNeeds',
    'nothing (no need at all)',
    STAFF,
    X.CITE_NEEDS,
    () => ({ p: f.ourProject, needs: [] }),
    'BAD_USER_INPUT',
  ),
  c(
    'unciteNeed',
    'another region',
    STAFF,
    X.UNCITE_NEED,
    () => ({ p: f.theirProject, need: f.theirNeed }),
    'FORBIDDEN',
  ),
  c(
    'unciteNeed',
    'another organisation',
    orgOther,
    X.UNCITE_NEED,
    () => ({ p: f.ourProject, need: f.citedNeed }),
    'FORBIDDEN',
  ),
  c(
    'unciteNeed',
    'wrong kind (a region code as need)',
    STAFF,
    X.UNCITE_NEED,
    () => ({ p: f.ourProject, need: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c(
    'unciteNeed',
    'nothing (need not cited)',
    STAFF,
    X.UNCITE_NEED,
    () => ({ p: f.ourProject, need: NO_ID }),
    'NOT_FOUND',
  ),
  c(
    'linkProjectService',
    'another region (service)',
    STAFF,
    X.LINK_SERVICE,
    () => ({ p: f.ourProject, s: f.theirService }),
    'FORBIDDEN',
  ),
  c(
    'linkProjectService',
    'another region (project)',
    STAFF,
    X.LINK_SERVICE,
    () => ({ p: f.theirProject, s: f.ourService }),
    'FORBIDDEN',
  ),
  c(
    'linkProjectService',
    "another organisation's service, as ORG",
    orgOwn,
    X.LINK_SERVICE,
    () => ({ p: f.ourProject, s: f.theirService }),
    'FORBIDDEN',
  ),
  c(
    'linkProjectService',
    'another organisation',
    orgOther,
    X.LINK_SERVICE,
    () => ({ p: f.ourProject, s: f.ourService }),
    'FORBIDDEN',
  ),
  c(
    'linkProjectService',
    'wrong kind (a region code as service)',
    STAFF,
    X.LINK_SERVICE,
    () => ({ p: f.ourProject, s: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c(
    'linkProjectService',
    'nothing (service 999999999)',
    STAFF,
    X.LINK_SERVICE,
    () => ({ p: f.ourProject, s: NO_ID }),
    'NOT_FOUND',
  ),
  c(
    'unlinkProjectService',
    'another region',
    STAFF,
    X.UNLINK_SERVICE,
    () => ({ p: f.theirProject, s: f.theirService }),
    'FORBIDDEN',
  ),
  c(
    'unlinkProjectService',
    'another organisation',
    orgOther,
    X.UNLINK_SERVICE,
    () => ({ p: f.ourProject, s: f.linkedService }),
    'FORBIDDEN',
  ),
  c(
    'unlinkProjectService',
    'wrong kind (a region code as service)',
    STAFF,
    X.UNLINK_SERVICE,
    () => ({ p: f.ourProject, s: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c(
    'unlinkProjectService',
    'nothing (service not linked)',
    STAFF,
    X.UNLINK_SERVICE,
    () => ({ p: f.ourProject, s: NO_ID }),
    'NOT_FOUND',
  ),
  // 社会组织
  c(
    'registerOrganization',
    'another region',
    STAFF,
    X.REGISTER_ORGANIZATION,
    () => ({ input: organizationInput(JIANGCHUAN) }),
    'FORBIDDEN',
  ),
  c(
    'registerOrganization',
    'wrong kind (an organisation id as region)',
    STAFF,
    X.REGISTER_ORGANIZATION,
    () => ({ input: organizationInput('1') }),
    'BAD_USER_INPUT',
  ),
  c(
    'registerOrganization',
    'nothing (a code not in the tree)',
    STAFF,
    X.REGISTER_ORGANIZATION,
    () => ({ input: organizationInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'registerOrganization',
    'a founding year in the future',
    STAFF,
    X.REGISTER_ORGANIZATION,
    () => ({ input: organizationInput(XIAHE, { foundedYear: FUTURE_YEAR }) }),
    'BAD_USER_INPUT',
  ),
  c('updateOrganization', 'another region', STAFF, X.UPDATE_ORGANIZATION, () => ({ id: f.otherOrg }), 'FORBIDDEN'),
  c(
    'updateOrganization',
    'another organisation',
    orgOther,
    X.UPDATE_ORGANIZATION,
    () => ({ id: f.ownOrg }),
    'FORBIDDEN',
  ),
  c(
    'updateOrganization',
    'wrong kind (a region code as organisation)',
    STAFF,
    X.UPDATE_ORGANIZATION,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('updateOrganization', 'nothing', STAFF, X.UPDATE_ORGANIZATION, () => ({ id: NO_ID }), 'NOT_FOUND'),
  // 服务阵地
  c('updateServiceStation', 'another region', STAFF, X.UPDATE_STATION, () => ({ id: f.theirStation }), 'FORBIDDEN'),
  c('updateServiceStation', 'an organisation', orgOwn, X.UPDATE_STATION, () => ({ id: f.theirStation }), 'FORBIDDEN'),
  c(
    'updateServiceStation',
    'wrong kind (a region code as station)',
    STAFF,
    X.UPDATE_STATION,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('updateServiceStation', 'nothing', STAFF, X.UPDATE_STATION, () => ({ id: NO_ID }), 'NOT_FOUND'),
  c(
    'setOrganizationStatus',
    'another region',
    STAFF,
    X.SET_ORGANIZATION_STATUS,
    () => ({ id: f.otherOrg }),
    'FORBIDDEN',
  ),
  c(
    'setOrganizationStatus',
    'wrong kind (a region code as organisation)',
    STAFF,
    X.SET_ORGANIZATION_STATUS,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('setOrganizationStatus', 'nothing', STAFF, X.SET_ORGANIZATION_STATUS, () => ({ id: NO_ID }), 'NOT_FOUND'),
  c(
    'createService',
    'another region (where)',
    STAFF,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(f.ownOrg, JIANGCHUAN_COMMUNITY) }),
    'OUTSIDE_ORGANIZATION_REGION',
  ),
  c(
    'createService',
    'another region (station)',
    STAFF,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(f.ownOrg, XIAHE, { stationId: f.theirStation }) }),
    'FORBIDDEN',
  ),
  c(
    'createService',
    'another region (provider)',
    STAFF,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(f.otherOrg, JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'createService',
    'another organisation',
    orgOwn,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(f.otherOrg, JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'createService',
    'wrong kind (a region code as provider)',
    STAFF,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(REGION_AS_ID, XIAHE) }),
    'NOT_FOUND',
  ),
  c(
    'createService',
    'nothing (station 999999999)',
    STAFF,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(f.ownOrg, XIAHE, { stationId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'createService',
    'nothing (a code not in the tree)',
    STAFF,
    X.CREATE_SERVICE,
    () => ({ input: serviceInput(f.ownOrg, NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  ...[
    ['updateService', X.UPDATE_SERVICE],
    ['retireService', X.RETIRE_SERVICE],
  ].flatMap(([name, query]) => [
    c(name, 'another region', STAFF, query, () => ({ id: f.theirService }), 'FORBIDDEN'),
    c(name, 'another organisation', orgOther, query, () => ({ id: f.ourService }), 'FORBIDDEN'),
    c(name, 'wrong kind (a region code as service)', STAFF, query, () => ({ id: REGION_AS_ID }), 'NOT_FOUND'),
    c(name, 'nothing', STAFF, query, () => ({ id: NO_ID }), 'NOT_FOUND'),
  ]),
  // 社会工作者
  c(
    'registerSocialWorker',
    'another region',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'registerSocialWorker',
    'another region (organisation)',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(XIAHE, { organizationId: f.otherOrg }) }),
    'FORBIDDEN',
  ),
  c(
    'registerSocialWorker',
    'another region (station)',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(XIAHE, { stationId: f.theirStation }) }),
    'FORBIDDEN',
  ),
  c(
    'registerSocialWorker',
    'wrong kind (a region code as organisation)',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(XIAHE, { organizationId: REGION_AS_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'registerSocialWorker',
    'nothing (organisation 999999999)',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(XIAHE, { organizationId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'registerSocialWorker',
    'nothing (a code not in the tree)',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'registerSocialWorker',
    'a certificate year in the future',
    STAFF,
    X.REGISTER_SOCIAL_WORKER,
    () => ({ input: workerInput(XIAHE, { certifiedYear: FUTURE_YEAR }) }),
    'BAD_USER_INPUT',
  ),
  c(
    'recordCertificate',
    'another region',
    STAFF,
    X.RECORD_CERTIFICATE,
    () => ({ id: f.theirWorker, year: 2022 }),
    'FORBIDDEN',
  ),
  c(
    'recordCertificate',
    'wrong kind (a region code as worker)',
    STAFF,
    X.RECORD_CERTIFICATE,
    () => ({ id: REGION_AS_ID, year: 2022 }),
    'NOT_FOUND',
  ),
  c('recordCertificate', 'nothing', STAFF, X.RECORD_CERTIFICATE, () => ({ id: NO_ID, year: 2022 }), 'NOT_FOUND'),
  c(
    'recordCertificate',
    'a certificate year in the future',
    STAFF,
    X.RECORD_CERTIFICATE,
    () => ({ id: f.ourWorker, year: FUTURE_YEAR }),
    'BAD_USER_INPUT',
  ),
  c(
    'grantTalentAward',
    'wrong kind (a region code as worker)',
    ADMIN,
    X.GRANT_TALENT_AWARD,
    () => ({ id: REGION_AS_ID, year: 2025 }),
    'NOT_FOUND',
  ),
  c('grantTalentAward', 'nothing', ADMIN, X.GRANT_TALENT_AWARD, () => ({ id: NO_ID, year: 2025 }), 'NOT_FOUND'),
  c(
    'grantTalentAward',
    'an award year in the future',
    ADMIN,
    X.GRANT_TALENT_AWARD,
    () => ({ id: f.ourWorker, year: FUTURE_YEAR }),
    'BAD_USER_INPUT',
  ),
  // 志愿者
  c(
    'registerVolunteer',
    'another region',
    STAFF,
    X.REGISTER_VOLUNTEER,
    () => ({ input: volunteerInput(JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'registerVolunteer',
    'another region (team)',
    STAFF,
    X.REGISTER_VOLUNTEER,
    () => ({ input: volunteerInput(XIAHE, { teamId: f.theirTeam }) }),
    'FORBIDDEN',
  ),
  c(
    'registerVolunteer',
    'wrong kind (a region code as team)',
    STAFF,
    X.REGISTER_VOLUNTEER,
    () => ({ input: volunteerInput(XIAHE, { teamId: REGION_AS_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'registerVolunteer',
    'nothing (team 999999999)',
    STAFF,
    X.REGISTER_VOLUNTEER,
    () => ({ input: volunteerInput(XIAHE, { teamId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'registerVolunteer',
    'nothing (a code not in the tree)',
    STAFF,
    X.REGISTER_VOLUNTEER,
    () => ({ input: volunteerInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'setVolunteerTeam',
    'another region (volunteer)',
    STAFF,
    X.SET_VOLUNTEER_TEAM,
    () => ({ v: f.theirVolunteer, team: null }),
    'FORBIDDEN',
  ),
  c(
    'setVolunteerTeam',
    'another region (team)',
    STAFF,
    X.SET_VOLUNTEER_TEAM,
    () => ({ v: f.ourVolunteer, team: f.theirTeam }),
    'FORBIDDEN',
  ),
  c(
    'setVolunteerTeam',
    'wrong kind (a region code as team)',
    STAFF,
    X.SET_VOLUNTEER_TEAM,
    () => ({ v: f.ourVolunteer, team: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c(
    'setVolunteerTeam',
    'nothing (volunteer 999999999)',
    STAFF,
    X.SET_VOLUNTEER_TEAM,
    () => ({ v: NO_ID, team: null }),
    'NOT_FOUND',
  ),
  c(
    'createVolunteerActivity',
    'another region',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(JIANGCHUAN_COMMUNITY) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'another region (ORG)',
    orgOwn,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(JIANGCHUAN_COMMUNITY, { organizationId: f.ownOrg }) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'another region (organisation)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { organizationId: f.otherOrg }) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'another region (station)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { stationId: f.theirStation }) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'another region (team)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { teamId: f.theirTeam }) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'another organisation',
    orgOwn,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { organizationId: f.otherOrg }) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'wrong kind (an organisation id as region)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput('1') }),
    'BAD_USER_INPUT',
  ),
  c(
    'createVolunteerActivity',
    'nothing (station 999999999)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { stationId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'createVolunteerActivity',
    'nothing (team 999999999)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { teamId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'createVolunteerActivity',
    'nothing (organisation 999999999)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(XIAHE, { organizationId: NO_ID }) }),
    'NOT_FOUND',
  ),
  c(
    'createVolunteerActivity',
    'nothing (a code not in the tree)',
    STAFF,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(NO_COMMUNITY) }),
    'NOT_FOUND',
  ),
  c(
    'signUpForActivity',
    'another region (volunteer)',
    STAFF,
    X.SIGN_UP,
    () => ({ a: f.ourActivity, v: f.theirVolunteer }),
    'FORBIDDEN',
  ),
  c(
    'signUpForActivity',
    'another region (volunteer), as ORG',
    orgOwn,
    X.SIGN_UP,
    () => ({ a: f.ourActivity, v: f.theirVolunteer }),
    'FORBIDDEN',
  ),
  c(
    'signUpForActivity',
    'another region (activity)',
    STAFF,
    X.SIGN_UP,
    () => ({ a: f.theirActivity, v: f.ourVolunteer }),
    'FORBIDDEN',
  ),
  c(
    'signUpForActivity',
    'another organisation',
    orgOther,
    X.SIGN_UP,
    () => ({ a: f.ourActivity, v: f.freeVolunteer }),
    'FORBIDDEN',
  ),
  c(
    'signUpForActivity',
    'wrong kind (a region code as volunteer)',
    STAFF,
    X.SIGN_UP,
    () => ({ a: f.ourActivity, v: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c(
    'signUpForActivity',
    'nothing (activity 999999999)',
    STAFF,
    X.SIGN_UP,
    () => ({ a: NO_ID, v: f.freeVolunteer }),
    'NOT_FOUND',
  ),
  // The bot signs residents up; attendance, which becomes hours, is recorded by staff and organisers.
  c(
    'checkIn',
    'as BOT (attendance is not the bot’s)',
    BOT,
    X.CHECK_IN,
    () => ({ a: f.ourActivity, v: f.ourVolunteer, at: '2026-11-05T01:00:00.000Z' }),
    'FORBIDDEN',
  ),
  c(
    'checkOut',
    'as BOT (attendance is not the bot’s)',
    BOT,
    X.CHECK_OUT,
    () => ({ a: f.ourActivity, v: f.checkedIn, at: '2026-11-05T03:00:00.000Z' }),
    'FORBIDDEN',
  ),
  // An organisation places its projects and activities inside its own region, never above it: a city-wide
  // project of a 街道 organisation would let every later check against that region reach across the city.
  c(
    'submitProjectApplication',
    'a region above the organisation’s own (the city)',
    orgOwn,
    X.SUBMIT_APPLICATION,
    () => ({ input: applicationInput(f.ownOrg, CITY) }),
    'FORBIDDEN',
  ),
  c(
    'createVolunteerActivity',
    'a region above the organisation’s own (the city)',
    orgOwn,
    X.CREATE_ACTIVITY,
    () => ({ input: activityInput(CITY, { organizationId: f.ownOrg }) }),
    'FORBIDDEN',
  ),
  c('checkIn', 'another region', STAFF, X.CHECK_IN, () => ({ a: f.theirActivity, v: f.theirVolunteer }), 'FORBIDDEN'),
  c(
    'checkIn',
    'another organisation',
    orgOther,
    X.CHECK_IN,
    () => ({ a: f.ourActivity, v: f.ourVolunteer }),
    'FORBIDDEN',
  ),
  c(
    'checkIn',
    'wrong kind (a region code as activity)',
    STAFF,
    X.CHECK_IN,
    () => ({ a: REGION_AS_ID, v: f.ourVolunteer }),
    'NOT_FOUND',
  ),
  c('checkIn', 'nothing (activity 999999999)', STAFF, X.CHECK_IN, () => ({ a: NO_ID, v: f.ourVolunteer }), 'NOT_FOUND'),
  c(
    'checkIn',
    'a time in the future',
    STAFF,
    X.CHECK_IN,
    () => ({ a: f.ourActivity, v: f.ourVolunteer, at: FUTURE_TIME }),
    'BAD_USER_INPUT',
  ),
  c(
    'checkOut',
    'another region',
    STAFF,
    X.CHECK_OUT,
    () => ({ a: f.theirActivity, v: f.checkedInTheirs }),
    'FORBIDDEN',
  ),
  c(
    'checkOut',
    'another organisation',
    orgOther,
    X.CHECK_OUT,
    () => ({ a: f.ourActivity, v: f.checkedIn }),
    'FORBIDDEN',
  ),
  c(
    'checkOut',
    'wrong kind (a region code as activity)',
    STAFF,
    X.CHECK_OUT,
    () => ({ a: REGION_AS_ID, v: f.checkedIn }),
    'NOT_FOUND',
  ),
  c('checkOut', 'nothing (activity 999999999)', STAFF, X.CHECK_OUT, () => ({ a: NO_ID, v: f.checkedIn }), 'NOT_FOUND'),
  c(
    'checkOut',
    'a time in the future',
    STAFF,
    X.CHECK_OUT,
    () => ({ a: f.ourActivity, v: f.checkedIn, at: FUTURE_TIME }),
    'BAD_USER_INPUT',
  ),
  c(
    'checkOut',
    'a time before the check-in',
    STAFF,
    X.CHECK_OUT,
    () => ({ a: f.ourActivity, v: f.checkedIn, at: '2026-11-05T00:30:00.000Z' }),
    'BAD_DURATION',
  ),
  c('verifyServiceHours', 'another region', STAFF, X.VERIFY_HOURS, () => ({ id: f.theirHours }), 'FORBIDDEN'),
  c(
    'verifyServiceHours',
    'wrong kind (a region code as hours)',
    STAFF,
    X.VERIFY_HOURS,
    () => ({ id: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('verifyServiceHours', 'nothing', STAFF, X.VERIFY_HOURS, () => ({ id: NO_ID }), 'NOT_FOUND'),
  c('redeemHours', 'another region', STAFF, X.REDEEM_HOURS, () => ({ v: f.theirVolunteer }), 'FORBIDDEN'),
  c(
    'redeemHours',
    'wrong kind (a region code as volunteer)',
    STAFF,
    X.REDEEM_HOURS,
    () => ({ v: REGION_AS_ID }),
    'NOT_FOUND',
  ),
  c('redeemHours', 'nothing', STAFF, X.REDEEM_HOURS, () => ({ v: NO_ID }), 'NOT_FOUND'),
  // The resident bot acts in its region (李棋街道) like staff.
  c(
    'submitNeed',
    'nothing (a community code not in the tree), as BOT',
    BOT,
    X.SUBMIT_NEED,
    () => ({ input: needInput(NO_COMMUNITY, { reporterRef: RESIDENT_REF }) }),
    'NOT_FOUND',
  ),
  c(
    'registerVolunteer',
    'another region (team), as BOT',
    BOT,
    X.REGISTER_VOLUNTEER,
    () => ({ input: volunteerInput(XIAHE, { teamId: f.theirTeam, reporterRef: RESIDENT_REF }) }),
    'FORBIDDEN',
  ),
  c(
    'signUpForActivity',
    'another region (volunteer), as BOT',
    BOT,
    X.SIGN_UP,
    () => ({ a: f.ourActivity, v: f.botVolunteer }),
    'FORBIDDEN',
  ),
  c('rateNeed', 'another region, as BOT', BOT, X.RATE_NEED, () => ({ id: f.theirNeed }), 'FORBIDDEN'),
];

/** Row count and a digest of the content of every data table (the audit log may grow). */
async function snapshot(): Promise<Record<string, string>> {
  const dataSource = t.database.dataSource;
  const result: Record<string, string> = {};
  for (const metadata of dataSource.entityMetadatas) {
    if (metadata.name === 'AuditEntry') continue;
    const table = dataSource.driver.escape(metadata.tableName);
    const order = metadata.primaryColumns.map((column) => dataSource.driver.escape(column.databaseName)).join(', ');
    const rows: unknown[] = await dataSource.query(`SELECT * FROM ${table} ORDER BY ${order}`);
    result[metadata.tableName] =
      `${rows.length} rows, ${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }
  return result;
}

beforeAll(async () => {
  t = await startTestHub({
    env: { MUTATIONS_PER_MINUTE_PER_TOKEN: '100000', MUTATIONS_PER_MINUTE_PER_ADDRESS: '100000' },
  });
  f.ownOrg = await organization(LIQI);
  f.otherOrg = await organization(JIANGCHUAN);
  f.round = (await asAdmin<ScopedOpenRoundMutation>(X.OPEN_ROUND, { name: '跨域测试轮次' })).openProjectRound.id;
  const application = async (applicant: string, region: string) =>
    (
      await asAdmin<ScopedSubmitApplicationMutation>(X.SUBMIT_APPLICATION, {
        input: applicationInput(applicant, region),
      })
    ).submitProjectApplication.id;
  f.ourProject = await application(f.ownOrg, XIAHE);
  f.theirProject = await application(f.otherOrg, JIANGCHUAN_COMMUNITY);
  const need = async (community: string) =>
    (await asAdmin<ScopedSubmitNeedMutation>(X.SUBMIT_NEED, { input: needInput(community) })).submitNeed.id;
  f.ourNeed = await need(XIAHE);
  f.theirNeed = await need(JIANGCHUAN_COMMUNITY);
  f.citedNeed = await need(XIAHE);
  const matched = async (community: string) => {
    const id = await need(community);
    for (const step of ['acceptNeed', 'matchNeed']) await asAdmin(X.NEED_STEP(step), { id });
    return (await asAdmin<NeedCaseQuery>(NEED_CASE, { id })).need!.linkageCase!.id;
  };
  f.ourCase = await matched(XIAHE);
  f.theirCase = await matched(JIANGCHUAN_COMMUNITY);
  const service = async (provider: string, region: string) =>
    (await asAdmin<ScopedCreateServiceMutation>(X.CREATE_SERVICE, { input: serviceInput(provider, region) }))
      .createService.id;
  f.ourService = await service(f.ownOrg, XIAHE);
  f.theirService = await service(f.otherOrg, JIANGCHUAN_COMMUNITY);
  f.linkedService = await service(f.ownOrg, XIAHE);
  await asAdmin<ScopedCiteNeedsMutation>(X.CITE_NEEDS, { p: f.ourProject, needs: [f.citedNeed] });
  await asAdmin<ScopedLinkServiceMutation>(X.LINK_SERVICE, { p: f.ourProject, s: f.linkedService });
  f.theirStation = (await asAdmin<ScopedStationIdsQuery>(X.STATION_IDS, { r: JIANGCHUAN })).serviceStations.nodes[0].id;
  // There is no mutation creating teams (they come with the dataset): one in 江川区 is written directly.
  const team = await t.database.dataSource
    .getRepository('VolunteerTeam')
    .save({ name: '江川测试志愿队', regionId: JIANGCHUAN_COMMUNITY, organizationId: null, foundedYear: 2020 });
  f.theirTeam = String(team.id);
  const volunteer = async (region: string) =>
    (await asAdmin<ScopedRegisterVolunteerMutation>(X.REGISTER_VOLUNTEER, { input: volunteerInput(region) }))
      .registerVolunteer.id;
  f.ourVolunteer = await volunteer(XIAHE);
  f.freeVolunteer = await volunteer(XIAHE);
  f.checkedIn = await volunteer(XIAHE);
  f.theirVolunteer = await volunteer(JIANGCHUAN_COMMUNITY);
  f.checkedInTheirs = await volunteer(JIANGCHUAN_COMMUNITY);
  f.botVolunteer = await volunteer(JIANGCHUAN_COMMUNITY);
  const activity = async (region: string, organizationId: string) =>
    (
      await asAdmin<ScopedCreateActivityMutation>(X.CREATE_ACTIVITY, {
        input: activityInput(region, { organizationId }),
      })
    ).createVolunteerActivity.id;
  f.ourActivity = await activity(XIAHE, f.ownOrg);
  f.theirActivity = await activity(JIANGCHUAN_COMMUNITY, f.otherOrg);
  await asAdmin<ScopedSignUpMutation>(X.SIGN_UP, { a: f.ourActivity, v: f.ourVolunteer });
  await asAdmin<ScopedSignUpMutation>(X.SIGN_UP, { a: f.ourActivity, v: f.checkedIn });
  await asAdmin<ScopedCheckInMutation>(X.CHECK_IN, {
    a: f.ourActivity,
    v: f.checkedIn,
    at: '2026-11-05T01:00:00.000Z',
  });
  await asAdmin<ScopedSignUpMutation>(X.SIGN_UP, { a: f.theirActivity, v: f.theirVolunteer });
  await asAdmin<ScopedCheckInMutation>(X.CHECK_IN, {
    a: f.theirActivity,
    v: f.theirVolunteer,
    at: '2026-11-05T01:00:00.000Z',
  });
  f.theirHours = (
    await asAdmin<ScopedCheckOutMutation>(X.CHECK_OUT, {
      a: f.theirActivity,
      v: f.theirVolunteer,
      at: '2026-11-05T03:00:00.000Z',
    })
  ).checkOut.id;
  await asAdmin<ScopedSignUpMutation>(X.SIGN_UP, { a: f.theirActivity, v: f.checkedInTheirs });
  await asAdmin<ScopedCheckInMutation>(X.CHECK_IN, {
    a: f.theirActivity,
    v: f.checkedInTheirs,
    at: '2026-11-05T01:00:00.000Z',
  });
  const worker = async (region: string) =>
    (await asAdmin<ScopedRegisterSocialWorkerMutation>(X.REGISTER_SOCIAL_WORKER, { input: workerInput(region) }))
      .registerSocialWorker.id;
  f.ourWorker = await worker(XIAHE);
  f.theirWorker = await worker(JIANGCHUAN_COMMUNITY);
  const resource = async (region: string) =>
    (await asAdmin<ScopedRecordResourceMutation>(X.RECORD_RESOURCE, { input: resourceInput(region) }))
      .recordCharityResource.id;
  f.ourResource = await resource(XIAHE);
  f.theirResource = await resource(JIANGCHUAN_COMMUNITY);
});
afterAll(() => t?.close());

const outcomes: { name: string; accepted: boolean }[] = [];

describe('cross-scope write matrix', () => {
  test.each(CASES.map((item) => [`${item.mutation}: ${item.given} → ${item.code}`, item] as const))(
    '%s',
    async (name, item) => {
      const before = await snapshot();
      const identity = typeof item.as === 'function' ? item.as() : item.as;
      const result: GraphQLResult = await t.execute(item.query, item.variables(), identity);
      outcomes.push({ name, accepted: !result.errors });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([item.code]);
      expect(await snapshot()).toEqual(before);
    },
  );

  afterAll(() => {
    const mutations = new Set(CASES.map((item) => item.mutation));
    const accepted = outcomes.filter((o) => o.accepted);
    process.stdout.write(
      `cross-scope matrix: ${mutations.size} mutations, ${CASES.length} cases, ${accepted.length} accepted\n` +
        accepted.map((o) => `  accepted: ${o.name}\n`).join(''),
    );
  });
});

describe('dangling references', () => {
  test('a link to a record that is gone never nulls a public list, and staff can undo it', async () => {
    const projects = t.database.dataSource.getRepository('ServiceProject');
    // Rows that writes can no longer make, as older versions left them.
    const orphan = await projects.save({
      roundId: Number(f.round),
      title: '悬空的项目',
      category: 'ELDERLY_HARDSHIP',
      status: 'SUBMITTED',
      applicantId: 999999999,
      regionId: '999999999999',
      stationId: null,
      score: null,
      summary: null,
      evaluation: null,
    });
    await t.database.dataSource
      .getRepository('ProjectService')
      .save({ projectId: Number(f.ourProject), serviceId: 999999999 });

    const list = await t.execute<ScopedProjectListQuery>(X.PROJECT_LIST, { first: 100 });
    expect(list.errors).toBeUndefined();
    const nodes = list.data!.serviceProjects.nodes;
    expect(nodes.find((p) => p.id === String(orphan.id))).toEqual({
      id: String(orphan.id),
      title: '悬空的项目',
      region: null,
      applicant: null,
      services: [],
      citedNeeds: [],
    });
    expect(nodes.find((p) => p.id === f.ourProject)!.services).toEqual([
      { id: f.linkedService, name: '上门助浴' },
      null,
    ]);

    await t.query<ScopedUnlinkServiceMutation>(X.UNLINK_SERVICE, { p: f.ourProject, s: NO_ID }, STAFF);
    await t.query<ScopedUnlinkServiceMutation>(X.UNLINK_SERVICE, { p: f.ourProject, s: f.linkedService }, orgOwn());
    await t.query<ScopedUnciteNeedMutation>(X.UNCITE_NEED, { p: f.ourProject, need: f.citedNeed }, STAFF);
    const after = (await t.query<ScopedProjectListQuery>(X.PROJECT_LIST, { first: 100 })).serviceProjects.nodes;
    expect(after.find((p) => p.id === f.ourProject)).toMatchObject({ services: [], citedNeeds: [] });
  });

  test('a need whose community code is not in the tree keeps the needs list answering', async () => {
    const needs = t.database.dataSource.getRepository('Need');
    const stray = await needs.save({
      number: 'XQ20200101-9999',
      category: 'ELDERLY_CARE',
      description: '旧数据',
      urgency: 'NORMAL',
      status: 'SUBMITTED',
      communityId: NO_COMMUNITY,
      submittedAt: new Date('2020-01-01T00:00:00Z'),
    });
    const result = await t.execute<ScopedNeedListQuery>(X.NEED_LIST, { region: LIQI });
    expect(result.errors).toBeUndefined();
    expect(result.data!.needs.nodes.find((n) => n.id === String(stray.id))).toEqual({
      id: String(stray.id),
      community: null,
    });
  });
});

describe('sign-ups and hours from before links were checked', () => {
  test('a sign-up joining a volunteer of another county is neither checked in, out nor verified here', async () => {
    // Rows that writes can no longer make, as older versions left them: 江川区's volunteer on 下赫社区's activity.
    const dataSource = t.database.dataSource;
    await dataSource.getRepository('ActivitySignup').save({
      activityId: Number(f.ourActivity),
      volunteerId: Number(f.checkedInTheirs),
      signedUpAt: new Date('2026-11-02T01:00:00Z'),
      checkedInAt: null,
      checkedOutAt: null,
    });
    const hours = await dataSource.getRepository('ServiceHours').save({
      volunteerId: Number(f.checkedInTheirs),
      activityId: Number(f.ourActivity),
      stationId: null,
      regionId: XIAHE,
      halfHours: 48,
      servedOn: '2026-11-05',
      verified: false,
    });
    const before = await snapshot();
    const checkIn = await t.execute(
      X.CHECK_IN,
      { a: f.ourActivity, v: f.checkedInTheirs, at: '2026-11-05T00:00:00.000Z' },
      STAFF,
    );
    const verify = await t.execute(X.VERIFY_HOURS, { id: String(hours.id) }, STAFF);
    expect([checkIn, verify].map((result) => result.errors?.map((e) => e.extensions?.code))).toEqual([
      ['FORBIDDEN'],
      ['FORBIDDEN'],
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
