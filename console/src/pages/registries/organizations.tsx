import { Alert, App, Badge, Button, Dropdown, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  RegistryOrganizationsDocument,
  RegistryOwnOrganizationDocument,
  RegistrySetOrganizationStatusDocument,
  type OrganizationFilter,
  type OrganizationStatus,
  type RegistryOrganizationFieldsFragment as Organization,
} from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { CATEGORY_LABEL, labelOf, ORGANIZATION_KIND_LABEL, ORGANIZATION_STATUS_LABEL } from '../../ui/labels';
import { EditDrawer, RegisterDrawer } from './organization-forms';
import { FilterSelect, RowButton, SearchBox } from './controls';
import { optionsOf } from './options';
import { EmptyText, PagedTable, usePagedList } from './paged-list';
import { useRegistryScope } from './scope';
import { useAction } from '../../ui/use-action';

const STATUS_BADGE = { ACTIVE: 'success', SUSPENDED: 'warning', DEREGISTERED: 'default' } as const;

/** 社会组织: the region's organisations with registration and status, or an ORG account's own organisation. */
export function OrganizationsTab() {
  const scope = useRegistryScope();
  return scope.organizationId ? <OwnOrganization id={scope.organizationId} /> : <OrganizationRegistry />;
}

function useOrganizationColumns(): { columns: TableColumnsType<Organization>; drawer: ReactNode } {
  const scope = useRegistryScope();
  const [editing, setEditing] = useState<Organization>();
  const columns: TableColumnsType<Organization> = [
    { title: '组织名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kind', render: (kind: string) => labelOf(ORGANIZATION_KIND_LABEL, kind) },
    { title: '统一社会信用代码', dataIndex: 'creditCode' },
    { title: '服务领域', dataIndex: 'category', render: (c: string) => labelOf(CATEGORY_LABEL, c) },
    { title: '登记区域', render: (_, o) => o.region?.name },
    { title: '对外电话', dataIndex: 'publicPhone' },
    {
      title: '状态',
      dataIndex: 'status',
      render: (status: OrganizationStatus) => (
        <Badge status={STATUS_BADGE[status]} text={labelOf(ORGANIZATION_STATUS_LABEL, status)} />
      ),
    },
    {
      title: '操作',
      render: (_, organization) => (
        <Space>
          <RowButton text="编辑" subject={organization.name} onClick={() => setEditing(organization)} />
          {scope.staff && <StatusChange organization={organization} />}
        </Space>
      ),
    },
  ];
  const drawer = editing && <EditDrawer organization={editing} onClose={() => setEditing(undefined)} />;
  return { columns, drawer };
}

function OwnOrganization({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: RegistryOwnOrganizationDocument, variables: { id } });
  const { columns, drawer } = useOrganizationColumns();
  return (
    <>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<Organization>
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={fetching}
        dataSource={data?.organization ? [data.organization] : []}
        pagination={false}
        locale={{ emptyText: <EmptyText text="没有找到本组织的登记信息,请联系所在街道核实" /> }}
        columns={columns}
      />
      {drawer}
    </>
  );
}

function OrganizationRegistry() {
  const scope = useRegistryScope();
  const [filter, setFilter] = useState<OrganizationFilter>({});
  const { list, fetching, error, pages, refresh } = usePagedList(
    RegistryOrganizationsDocument,
    { ...filter, regionId: scope.regionId },
    (data) => data.organizations,
  );
  const [registering, setRegistering] = useState(false);
  const { columns, drawer } = useOrganizationColumns();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          label="搜索社会组织"
          placeholder="名称或简介中的词"
          onSearch={(search) => setFilter({ ...filter, search })}
          width={240}
        />
        <FilterSelect
          label="按组织类型筛选"
          all="全部类型"
          labels={ORGANIZATION_KIND_LABEL}
          onChange={(kind) => setFilter({ ...filter, kind: kind as typeof filter.kind })}
          width={160}
        />
        <FilterSelect
          label="按登记状态筛选"
          all="全部状态"
          labels={ORGANIZATION_STATUS_LABEL}
          onChange={(status) => setFilter({ ...filter, status: status as typeof filter.status })}
          width={120}
        />
        <Button type="primary" onClick={() => setRegistering(true)}>
          登记社会组织
        </Button>
      </Space>
      <PagedTable<Organization>
        list={list}
        fetching={fetching}
        error={error}
        pages={pages}
        emptyText="本辖区暂无符合条件的社会组织,可点击“登记社会组织”新增"
        columns={columns}
      />
      <RegisterDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onDone={refresh}
        regionId={scope.regionId}
      />
      {drawer}
    </>
  );
}

/** 变更登记状态: chosen from a list, confirmed before it is sent (suspending or deregistering stops its services). */
function StatusChange({ organization }: { organization: Organization }) {
  const { modal } = App.useApp();
  const [, execute] = useMutation(RegistrySetOrganizationStatusDocument);
  const { run, running } = useAction();
  const change = (status: OrganizationStatus) =>
    modal.confirm({
      title: `将“${organization.name}”的状态改为“${labelOf(ORGANIZATION_STATUS_LABEL, status)}”?`,
      okText: '确认变更',
      cancelText: '取消',
      onOk: () => run('save', '登记状态已变更', () => execute({ id: organization.id, status })),
    });
  const items = optionsOf(ORGANIZATION_STATUS_LABEL)
    .filter((option) => option.value !== organization.status)
    .map((option) => ({ key: option.value, label: `改为${option.label}` }));
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => change(key as OrganizationStatus) }} trigger={['click']}>
      <RowButton text="变更状态" subject={organization.name} loading={running !== null} />
    </Dropdown>
  );
}
