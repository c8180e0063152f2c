/** Chinese names of the API's enum values, one home for every page. Unknown values show as they are. */
export const ROLE_LABEL: Record<string, string> = {
  ADMIN: '市级管理员',
  STAFF: '街道/社区工作人员',
  ORG: '社会组织',
  BOT: '机器人',
  PUBLIC: '未登录',
};

export const NEED_STATUS_LABEL: Record<string, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  MATCHED: '已匹配',
  IN_SERVICE: '服务中',
  RESOLVED: '已解决',
  CLOSED: '已关闭',
  REJECTED: '未受理',
};

export const URGENCY_LABEL: Record<string, string> = { LOW: '低', NORMAL: '一般', HIGH: '较急', URGENT: '紧急' };

export const CATEGORY_LABEL: Record<string, string> = {
  ELDERLY_CARE: '养老服务',
  CHILD_CARE: '儿童关爱',
  WOMEN_FAMILY: '妇女家庭',
  DISABILITY: '助残服务',
  MENTAL_HEALTH: '心理健康',
  HARDSHIP_RELIEF: '困难救助',
  HEALTH: '健康服务',
  EDUCATION: '教育辅导',
  COMMUNITY_AFFAIRS: '社区事务',
  LEGAL_AID: '法律援助',
  OTHER: '其他',
};

export const SOCIETY_LABEL: Record<string, string> = {
  COMMUNITY: '社区',
  ORGANIZATION: '社会组织',
  SOCIAL_WORKER: '社会工作者',
  VOLUNTEER: '社区志愿者',
  CHARITY: '社会慈善资源',
};

/** Who a need can be assigned to: a society, or a STAFF account of its region. */
export const HANDLER_KIND_LABEL: Record<string, string> = { ...SOCIETY_LABEL, STAFF: '工作人员' };

export const PROJECT_STATUS_LABEL: Record<string, string> = {
  SUBMITTED: '已申报',
  UNDER_REVIEW: '评审中',
  APPROVED: '已立项',
  REJECTED: '未立项',
  IN_PROGRESS: '实施中',
  COMPLETED: '已结项',
};

export const PROJECT_CATEGORY_LABEL: Record<string, string> = {
  CARE_WOMEN_CHILDREN: '关爱妇女儿童',
  ELDERLY_HARDSHIP: '为老助困',
  COMMUNITY_SELF_GOVERNANCE: '社区自治',
  NEIGHBORHOOD_GOVERNANCE: '邻里治理',
  STORYTELLING: '讲好社区故事',
};

export const ORGANIZATION_KIND_LABEL: Record<string, string> = {
  SOCIAL_WORK_AGENCY: '社工机构',
  CHARITY: '慈善组织',
  COMMUNITY_ORG: '社区社会组织',
  VOLUNTEER_ASSOCIATION: '志愿者协会',
  OTHER: '其他',
};

export const ORGANIZATION_STATUS_LABEL: Record<string, string> = {
  ACTIVE: '正常',
  SUSPENDED: '暂停',
  DEREGISTERED: '已注销',
};

export const STATION_KIND_LABEL: Record<string, string> = {
  INCUBATION_CENTER: '社会组织孵化中心',
  SOCIAL_WORK_STATION: '社会工作服务站',
  SOCIAL_WORK_ROOM: '社会工作室',
  PARTY_MASS_CENTER: '党群服务中心',
  ELDERLY_STATION: '养老服务站',
  CHILDREN_STATION: '儿童之家',
};

export const SOCIAL_WORKER_LEVEL_LABEL: Record<string, string> = {
  ASSISTANT: '助理社会工作师',
  INTERMEDIATE: '社会工作师',
  SENIOR: '高级社会工作师',
};

export const ACTIVITY_STATUS_LABEL: Record<string, string> = {
  PLANNED: '筹备中',
  OPEN: '报名中',
  FINISHED: '已结束',
  CANCELLED: '已取消',
};

export const AUDIT_KIND_LABEL: Record<string, string> = { MUTATION: '操作', REFUSAL: '拒绝', READ: '个人信息读取' };

/** The label of `value` in `labels`, or the value itself when the API grew a value the console does not know. */
export const labelOf = (labels: Record<string, string>, value: string | null | undefined) =>
  value ? (labels[value] ?? value) : '';

export const SCORE_FACTOR_LABEL: Record<string, string> = {
  category: '类别',
  fit: '匹配度',
  level: '等级',
  load: '负荷',
  proximity: '距离',
  remaining: '余量',
  skill: '技能',
  specialisation: '专长',
  specialty: '专长',
};

export const CHARITY_KIND_LABEL: Record<string, string> = {
  FUNDS: '资金',
  GOODS: '物资',
  VENUE: '场地',
  SERVICE: '服务',
};

export const HOURS_STATUS_LABEL: Record<string, string> = { PENDING: '待审核', VERIFIED: '已通过', REJECTED: '已驳回' };

/** Outcomes the audit log records most: OK and the error codes of refusals. */
export const AUDIT_OUTCOME_LABEL: Record<string, string> = {
  OK: '成功',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '账号锁定',
  ACCOUNT_DISABLED: '账号已停用',
  INVALID_TOTP: '动态验证码错误',
  INVALID_CODE: '设置码/重置码无效',
  WEAK_PASSWORD: '密码强度不足',
  TOTP_REQUIRED: '待输入动态验证码',
  TOTP_ENROLLMENT_REQUIRED: '待绑定动态验证码',
  FORBIDDEN: '无权操作',
  UNAUTHENTICATED: '未登录',
  NOT_FOUND: '对象不存在',
  BAD_USER_INPUT: '输入有误',
};
