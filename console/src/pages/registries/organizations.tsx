import { Alert, App, Badge, Button, Dropdown, Form, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import {
  RegistryOrganizationsDocument,
  RegistryOwnOrganizationDocument,
  RegistryRegisterOrganizationDocument,
  RegistrySetOrganizationStatusDocument,
  RegistryUpdateOrganizationDocument,
  type OrganizationFilter,
  type OrganizationStatus,
  type RegistryOrganizationFieldsFragment as Organization,
} from '../../generated/operations';
import { errorCode, errorText } from '../../ui/errors';
import { CATEGORY_LABEL, labelOf, ORGANIZATION_KIND_LABEL, ORGANIZATION_STATUS_LABEL } from '../../ui/labels';
import { FormDrawer } from './form-drawer';
import { OrganizationDetailFields, OrganizationNameField, OrganizationRegistrationFields } from './organization-forms';
import { FilterSelect, RowButton, SearchBox } from './controls';
import { optionsOf, orNull } from './options';
import { EmptyText, PagedTable, usePagedList } from './paged-list';
import { useRegistryScope } from './scope';
import { useAction } from './use-action';

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

interface DetailValues {
  name: string;
  category: Organization['category'];
  partyBranch?: boolean;
  publicPhone?: string;
  address?: string;
  description?: string;
}

interface RegisterValues extends DetailValues {
  kind: Organization['kind'];
  creditCode: string;
  regionId: string;
  foundedYear?: number | null;
}

function RegisterDrawer(props: { open: boolean; onClose(): void; onDone(): void; regionId?: string }) {
  const [form] = Form.useForm<RegisterValues>();
  const { run, running } = useAction(RegistryRegisterOrganizationDocument);
  const submit = async (values: RegisterValues) => {
    const done = await run(
      {
        input: {
          ...values,
          foundedYear: values.foundedYear ?? null,
          publicPhone: orNull(values.publicPhone),
          address: values.address?.trim() ?? '',
          description: orNull(values.description),
        },
      },
      `已登记“${values.name}”`,
      (error) => {
        const code = errorCode(error);
        if (code === 'INVALID_CREDIT_CODE' || code === 'DUPLICATE_CREDIT_CODE')
          form.setFields([{ name: 'creditCode', errors: [errorText(error)] }]);
      },
    );
    if (done) {
      props.onDone();
      props.onClose();
    }
  };
  return (
    <FormDrawer
      title="登记社会组织"
      open={props.open}
      onClose={props.onClose}
      form={form}
      initialValues={{ regionId: props.regionId, partyBranch: false }}
      onFinish={submit}
      submitting={running}
      submitText="登记"
    >
      <OrganizationNameField />
      <OrganizationRegistrationFields regionId={props.regionId} />
      <OrganizationDetailFields />
    </FormDrawer>
  );
}

function EditDrawer({ organization, onClose }: { organization: Organization; onClose(): void }) {
  const [form] = Form.useForm<DetailValues>();
  const { run, running } = useAction(RegistryUpdateOrganizationDocument);
  const submit = async (values: DetailValues) => {
    const input = {
      ...values,
      publicPhone: orNull(values.publicPhone),
      address: values.address?.trim() ?? '',
      description: orNull(values.description),
    };
    if (await run({ id: organization.id, input }, `已保存“${values.name}”`)) onClose();
  };
  return (
    <FormDrawer
      title={`编辑 ${organization.name}`}
      open
      onClose={onClose}
      form={form}
      initialValues={{
        name: organization.name,
        category: organization.category,
        partyBranch: organization.partyBranch,
        publicPhone: organization.publicPhone ?? undefined,
        address: organization.address,
        description: organization.description ?? undefined,
      }}
      onFinish={submit}
      submitting={running}
    >
      <OrganizationNameField />
      <OrganizationDetailFields />
    </FormDrawer>
  );
}

/** 变更登记状态: chosen from a list, confirmed before it is sent (suspending or deregistering stops its services). */
function StatusChange({ organization }: { organization: Organization }) {
  const { modal } = App.useApp();
  const { run, running } = useAction(RegistrySetOrganizationStatusDocument);
  const change = (status: OrganizationStatus) =>
    modal.confirm({
      title: `将“${organization.name}”的状态改为“${labelOf(ORGANIZATION_STATUS_LABEL, status)}”?`,
      okText: '确认变更',
      cancelText: '取消',
      onOk: () => run({ id: organization.id, status }, '登记状态已变更'),
    });
  const items = optionsOf(ORGANIZATION_STATUS_LABEL)
    .filter((option) => option.value !== organization.status)
    .map((option) => ({ key: option.value, label: `改为${option.label}` }));
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => change(key as OrganizationStatus) }} trigger={['click']}>
      <RowButton text="变更状态" subject={organization.name} loading={running} />
    </Dropdown>
  );
}
