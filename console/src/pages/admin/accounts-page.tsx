import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useQuery } from 'urql';
import { AdminAccountsDocument, type AccountFilter, type AdminAccountFragment } from '../../generated/operations';
import { CursorPager, useCursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { labelOf, ROLE_LABEL } from '../../ui/labels';
import { StatusTag } from '../../ui/status-tag';
import { AccountActions } from './account-actions';
import { roleOptions, type AccountRole } from './account-form';
import { CreateAccountModal } from './create-account-modal';
import { EditAccountModal } from './edit-account-modal';
import { RegionSelect } from './scope-selects';

const PAGE_SIZE = 20;

function statusTags(account: AdminAccountFragment) {
  const tags = [];
  if (account.disabledAt)
    tags.push(
      <StatusTag key="disabled" tone="neutral">
        已停用
      </StatusTag>,
    );
  if (account.lockedUntil && dayjs(account.lockedUntil).isAfter(dayjs())) {
    tags.push(
      <StatusTag key="locked" tone="bad">
        锁定至 {dayjs(account.lockedUntil).format('HH:mm')}
      </StatusTag>,
    );
  }
  if (!account.passwordSet)
    tags.push(
      <StatusTag key="setup" tone="warn">
        待设置密码
      </StatusTag>,
    );
  return tags.length ? tags : <StatusTag tone="good">正常</StatusTag>;
}

const scopeText = (account: AdminAccountFragment) =>
  account.region?.name ?? account.organization?.name ?? (account.role === 'ADMIN' ? '全市' : '');

/** Every account of the console: who may sign in, with which role and scope; created, re-scoped and stopped here. */
export function AccountsPage() {
  const [filter, setFilter] = useState<AccountFilter>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminAccountFragment | null>(null);
  const pages = useCursorPages(JSON.stringify(filter));
  const [{ data, fetching, error }] = useQuery({
    query: AdminAccountsDocument,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
  });
  const change = (patch: AccountFilter) => setFilter((current) => ({ ...current, ...patch }));

  const columns: TableColumnsType<AdminAccountFragment> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: string) => labelOf(ROLE_LABEL, role) },
    { title: '区域/组织', render: (_, account) => scopeText(account) },
    {
      title: '状态',
      render: (_, account) => (
        <Flex wrap gap={4}>
          {statusTags(account)}
        </Flex>
      ),
    },
    { title: '两步验证', dataIndex: 'totpEnabled', render: (on: boolean) => (on ? '已开启' : '未开启') },
    { title: '创建时间', dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD') },
    { title: '操作', render: (_, account) => <AccountActions account={account} onEdit={() => setEditing(account)} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          账号管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建账号
        </Button>
      </Flex>
      <Flex wrap gap={8}>
        <Select
          aria-label="按角色筛选"
          placeholder="全部角色"
          allowClear
          options={roleOptions}
          style={{ width: 180 }}
          onChange={(role: AccountRole | undefined) => change({ role })}
        />
        <div style={{ width: 220 }}>
          <RegionSelect
            aria-label="按区域筛选"
            placeholder="全部区域"
            value={filter.regionId == null ? undefined : String(filter.regionId)}
            onChange={(regionId) => change({ regionId })}
          />
        </div>
        <Select
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          options={[
            { value: 'enabled', label: '仅启用' },
            { value: 'disabled', label: '仅停用' },
          ]}
          onChange={(state?: string) => change({ disabled: state === undefined ? undefined : state === 'disabled' })}
        />
        <Input.Search
          aria-label="搜索用户名或姓名"
          placeholder="搜索用户名或姓名"
          allowClear
          enterButton="搜索"
          style={{ width: 260 }}
          onSearch={(search) => change({ search: search.trim() || undefined })}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      <Table<AdminAccountFragment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.accounts.nodes ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有符合条件的账号;可调整筛选条件,或点击“新建账号”。" /> }}
      />
      <CursorPager
        pages={pages}
        pageSize={PAGE_SIZE}
        totalCount={data?.accounts.totalCount}
        pageInfo={data?.accounts.pageInfo}
      />
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} />
      <EditAccountModal account={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
