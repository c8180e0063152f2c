import { DomainError } from '../../errors';

export enum OrganizationErrorCode {
  INVALID_CREDIT_CODE = 'INVALID_CREDIT_CODE',
  DUPLICATE_CREDIT_CODE = 'DUPLICATE_CREDIT_CODE',
  OUTSIDE_ORGANIZATION_REGION = 'OUTSIDE_ORGANIZATION_REGION',
  ORGANIZATION_NOT_ACTIVE = 'ORGANIZATION_NOT_ACTIVE',
}

const MESSAGES: Record<OrganizationErrorCode, string> = {
  INVALID_CREDIT_CODE: '统一社会信用代码校验失败 (credit code checksum does not match)',
  DUPLICATE_CREDIT_CODE: '该统一社会信用代码已登记 (an organisation with this credit code exists)',
  OUTSIDE_ORGANIZATION_REGION: '服务地点不在组织登记区域内 (service region lies outside the organisation’s region)',
  ORGANIZATION_NOT_ACTIVE: '该组织不在正常状态 (the organisation is not active)',
};

export class OrganizationError extends DomainError {
  constructor(code: OrganizationErrorCode, details: Record<string, unknown> = {}) {
    super(code, MESSAGES[code], details);
  }
}
