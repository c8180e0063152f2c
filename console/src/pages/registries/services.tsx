import { Badge, Button, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  RegistryCreateServiceDocument,
  RegistryOwnOrganizationDocument,
  RegistryRetireServiceDocument,
  RegistryServicesDocument,
  RegistryUpdateServiceDocument,
  type RegistryServiceFieldsFragment as Service,
  type ServiceCategory,
  type ServiceFilter,
} from '../../generated/operations';
import { CATEGORY_LABEL, labelOf } from '../../ui/labels';
import { OrganizationSelect, RegionSelect, StationSelect } from './choices';
import { FormDrawer } from './form-drawer';
import { FilterSelect, RowButton, SearchBox } from './controls';
import { optionsOf, orNull } from './options';
import { PagedTable, usePagedList } from './paged-list';
import { useRegistryScope, type RegistryScope } from './scope';
import { useAction } from '../../ui/use-action';

const OFFERED = [
  { value: 'true', label: '在办' },
  { value: 'false', label: '已停办' },
  { value: 'all', label: '全部' },
];

/** 服务: what organisations offer residents; the provider (ORG) or staff of its region add, correct and retire them. */
export function ServicesTab() {
  const scope = useRegistryScope();
  const [filter, setFilter] = useState<ServiceFilter>({ active: true });
  const { list, fetching, error, pages, refresh } = usePagedList(
    RegistryServicesDocument,
    { ...filter, regionId: scope.regionId, providerId: scope.organizationId },
    (data) => data.services,
  );
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Service>();
  const [, retireService] = useMutation(RegistryRetireServiceDocument);
  const retire = useAction();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          label="搜索服务"
          placeholder="名称、简介或时间安排中的词"
          onSearch={(search) => setFilter({ ...filter, search })}
          width={240}
        />
        <FilterSelect
          label="按服务类别筛选"
          all="全部类别"
          labels={CATEGORY_LABEL}
          onChange={(category) => setFilter({ ...filter, category: category as typeof filter.category })}
          width={140}
        />
        <Select
          aria-label="按是否在办筛选"
          defaultValue="true"
          options={OFFERED}
          onChange={(value) => setFilter({ ...filter, active: value === 'all' ? null : value === 'true' })}
          style={{ width: 100 }}
        />
        {scope.managesServices && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新增服务
          </Button>
        )}
      </Space>
      <PagedTable<Service>
        list={list}
        fetching={fetching}
        error={error}
        pages={pages}
        emptyText={scope.managesServices ? '暂无符合条件的服务,可点击“新增服务”添加' : '暂无符合条件的服务'}
        columns={[
          { title: '服务名称', dataIndex: 'name' },
          { title: '类别', dataIndex: 'category', render: (c: string) => labelOf(CATEGORY_LABEL, c) },
          { title: '提供方', render: (_, s) => s.provider.name },
          { title: '服务区域', render: (_, s) => s.region?.name },
          { title: '服务站点', render: (_, s) => s.station?.name },
          { title: '时间安排', dataIndex: 'schedule' },
          { title: '可同时服务人数', dataIndex: 'capacity' },
          {
            title: '状态',
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Badge status="success" text="在办" /> : <Badge status="default" text="已停办" />,
          },
          // no 操作 column when this account may change none of the rows shown
          ...(list?.nodes.some((service) => scope.changesServiceOf(service.provider.region?.id))
            ? [
                {
                  title: '操作',
                  render: (_: unknown, service: Service) =>
                    scope.changesServiceOf(service.provider.region?.id) && (
                      <Space>
                        <RowButton text="编辑" subject={service.name} onClick={() => setEditing(service)} />
                        {service.active && (
                          <Popconfirm
                            title={`停办“${service.name}”?`}
                            description="停办后居民不再看到此服务,记录仍保留。"
                            okText="停办"
                            cancelText="取消"
                            onConfirm={() =>
                              retire
                                .run('retire', `已停办“${service.name}”`, () => retireService({ id: service.id }))
                                .then(refresh)
                            }
                          >
                            <RowButton text="停办" subject={service.name} />
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {creating && <ServiceDrawer scope={scope} onClose={() => setCreating(false)} onDone={refresh} />}
      {editing && (
        <ServiceDrawer scope={scope} service={editing} onClose={() => setEditing(undefined)} onDone={refresh} />
      )}
    </>
  );
}

/** Where new services may be offered: the staff's region, or an ORG account's own organisation's region. */
function useServiceArea(scope: RegistryScope): string | undefined {
  const [{ data }] = useQuery({
    query: RegistryOwnOrganizationDocument,
    variables: { id: scope.organizationId ?? '' },
    pause: !scope.organizationId,
  });
  return scope.regionId ?? data?.organization?.region?.id;
}

interface ServiceValues {
  name: string;
  category: ServiceCategory;
  providerId?: string;
  regionId?: string;
  stationId?: string;
  schedule?: string;
  capacity?: number | null;
  description?: string;
}

/** Adds a service (without `service`) or corrects one; where and by whom it is offered is set when it is added. */
function ServiceDrawer(props: { scope: RegistryScope; service?: Service; onClose(): void; onDone(): void }) {
  const { scope, service } = props;
  const [form] = Form.useForm<ServiceValues>();
  const within = useServiceArea(scope);
  const [, create] = useMutation(RegistryCreateServiceDocument);
  const [, update] = useMutation(RegistryUpdateServiceDocument);
  const { run, running } = useAction();
  const submit = async (values: ServiceValues) => {
    const details = {
      name: values.name,
      category: values.category,
      schedule: values.schedule?.trim() ?? '',
      capacity: values.capacity ?? null,
      description: orNull(values.description),
    };
    const done = service
      ? await run('update', `已保存“${values.name}”`, () => update({ id: service.id, input: details }))
      : await run('create', `已新增“${values.name}”`, () =>
          create({
            input: {
              ...details,
              providerId: scope.organizationId ?? values.providerId ?? '',
              regionId: values.regionId ?? '',
              stationId: values.stationId ?? null,
            },
          }),
        );
    if (done) {
      props.onDone();
      props.onClose();
    }
  };
  return (
    <FormDrawer
      title={service ? `编辑 ${service.name}` : '新增服务'}
      open
      onClose={props.onClose}
      form={form}
      initialValues={
        service
          ? { ...service, description: service.description ?? undefined }
          : { regionId: scope.regionId, schedule: '' }
      }
      onFinish={submit}
      submitting={running !== null}
    >
      <Form.Item name="name" label="服务名称" rules={[{ required: true, whitespace: true, message: '请填写服务名称' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label="服务类别" rules={[{ required: true, message: '请选择服务类别' }]}>
        <Select options={optionsOf(CATEGORY_LABEL)} />
      </Form.Item>
      {!service && !scope.organizationId && (
        <Form.Item name="providerId" label="提供服务的社会组织" rules={[{ required: true, message: '请选择社会组织' }]}>
          <OrganizationSelect regionId={scope.regionId} />
        </Form.Item>
      )}
      {!service && (
        <>
          <Form.Item
            name="regionId"
            label="服务区域"
            rules={[{ required: true, message: '请选择服务区域' }]}
            extra="须在该组织的登记区域之内"
          >
            <RegionSelect regionId={within} />
          </Form.Item>
          <Form.Item name="stationId" label="服务站点(可不选)">
            <StationSelect regionId={within} />
          </Form.Item>
        </>
      )}
      <Form.Item name="schedule" label="时间安排" extra="如:周一至周五 19:00-21:00">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="capacity" label="可同时服务人数">
        <InputNumber min={1} max={100000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="description" label="服务简介">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
