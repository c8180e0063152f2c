import { Form, Input, Select } from 'antd';
import type { AdminAccountFragment } from '../../generated/operations';
import { ROLE_LABEL } from '../../ui/labels';
import { OrganizationSelect, RegionSelect } from './scope-selects';
import { Hint } from '../../ui/hint';

export const ACCOUNT_ROLES = ['STAFF', 'ORG', 'ADMIN'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export interface AccountValues {
  username: string;
  displayName?: string;
  role: AccountRole;
  regionId?: string;
  organizationId?: string;
}

export const roleOptions = ACCOUNT_ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] }));

/** The scope each role needs: a region for STAFF, an organisation for ORG, nothing for ADMIN. */
export const scopeOf = ({ role, regionId, organizationId }: AccountValues) => ({
  role,
  regionId: role === 'STAFF' ? regionId : undefined,
  organizationId: role === 'ORG' ? organizationId : undefined,
});

/**
 * The fields of an account; `editing` is the account being re-scoped (its username stays). `ownAccount`: the
 * viewer's own, whose role another ADMIN changes (the API refuses it).
 */
export function AccountFields({
  editing,
  ownAccount = false,
}: {
  editing?: AdminAccountFragment;
  ownAccount?: boolean;
}) {
  return (
    <>
      <Form.Item
        name="username"
        label="用户名"
        extra={editing ? undefined : <Hint>3–32 位小写字母、数字或 . _ -,以字母或数字开头,如 zhang.wei</Hint>}
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[a-z0-9][a-z0-9._-]{2,31}$/, message: '用户名应为 3–32 位小写字母、数字或 . _ -' },
        ]}
      >
        <Input disabled={Boolean(editing)} autoComplete="off" autoCapitalize="none" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" extra={<Hint>显示在工作台上的姓名,不填则用用户名</Hint>}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="role"
        label="角色"
        extra={ownAccount ? <Hint>不能更改自己账号的角色,请由另一位管理员操作</Hint> : undefined}
        rules={[{ required: true, message: '请选择角色' }]}
      >
        <Select options={roleOptions} disabled={ownAccount} />
      </Form.Item>
      <Form.Item noStyle dependencies={['role']}>
        {({ getFieldValue }) => {
          const role = getFieldValue('role') as AccountRole | undefined;
          if (role === 'STAFF') {
            return (
              <Form.Item
                name="regionId"
                label="负责区域"
                extra={<Hint>该账号可处理此区域及其下级区域的事务</Hint>}
                rules={[{ required: true, message: '请选择负责区域' }]}
              >
                <RegionSelect
                  current={editing?.region ? { value: editing.region.id, label: editing.region.name } : undefined}
                />
              </Form.Item>
            );
          }
          if (role === 'ORG') {
            return (
              <Form.Item
                name="organizationId"
                label="所属社会组织"
                rules={[{ required: true, message: '请选择社会组织' }]}
              >
                <OrganizationSelect
                  current={
                    editing?.organization
                      ? { value: editing.organization.id, label: editing.organization.name }
                      : undefined
                  }
                />
              </Form.Item>
            );
          }
          return null;
        }}
      </Form.Item>
    </>
  );
}
