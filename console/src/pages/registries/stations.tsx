import { useMutation } from 'urql';
import { Form, Input, Space } from 'antd';
import { useState } from 'react';
import {
  RegistryStationsDocument,
  RegistryUpdateStationDocument,
  type RegistryStationsQuery,
  type ServiceStationFilter,
} from '../../generated/operations';
import { labelOf, STATION_KIND_LABEL } from '../../ui/labels';
import { FormDrawer } from './form-drawer';
import { FilterSelect, RowButton, SearchBox } from './controls';
import { orNull } from './options';
import { PHONE_RULE } from './organization-forms';
import { PagedTable, usePagedList } from './paged-list';
import { useRegistryScope } from './scope';
import { useAction } from '../../ui/use-action';

type Station = RegistryStationsQuery['serviceStations']['nodes'][number];

/** 服务站点: the region's stations; staff correct the public line and address residents are given. */
export function StationsTab() {
  const scope = useRegistryScope();
  const [filter, setFilter] = useState<ServiceStationFilter>({});
  const { list, fetching, error, pages } = usePagedList(
    RegistryStationsDocument,
    { ...filter, regionId: scope.regionId },
    (data) => data.serviceStations,
  );
  const [editing, setEditing] = useState<Station>();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          label="搜索服务站点"
          placeholder="名称、地址或简介中的词"
          onSearch={(search) => setFilter({ ...filter, search })}
          width={240}
        />
        <FilterSelect
          label="按站点类型筛选"
          all="全部类型"
          labels={STATION_KIND_LABEL}
          onChange={(kind) => setFilter({ ...filter, kind: kind as typeof filter.kind })}
          width={180}
        />
      </Space>
      <PagedTable<Station>
        list={list}
        fetching={fetching}
        error={error}
        pages={pages}
        emptyText="本辖区暂无符合条件的服务站点,可换个关键词或类型再查"
        columns={[
          { title: '站点名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (kind: string) => labelOf(STATION_KIND_LABEL, kind) },
          { title: '所在区域', render: (_, s) => s.region.name },
          { title: '地址', dataIndex: 'address' },
          { title: '对外电话', dataIndex: 'publicPhone' },
          { title: '建成年份', dataIndex: 'openedYear' },
          { title: '服务人次', dataIndex: 'servedPersonTimes' },
          ...(scope.staff
            ? [
                {
                  title: '操作',
                  render: (_: unknown, station: Station) => (
                    <RowButton text="改地址电话" subject={station.name} onClick={() => setEditing(station)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <ContactDrawer station={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

interface ContactValues {
  address?: string;
  publicPhone?: string;
}

function ContactDrawer({ station, onClose }: { station: Station; onClose(): void }) {
  const [form] = Form.useForm<ContactValues>();
  const [, execute] = useMutation(RegistryUpdateStationDocument);
  const { run, running } = useAction();
  const submit = async (values: ContactValues) => {
    const input = { address: values.address?.trim() ?? '', publicPhone: orNull(values.publicPhone) };
    if (await run('save', `已更新“${station.name}”的联系方式`, () => execute({ id: station.id, input }))) onClose();
  };
  return (
    <FormDrawer
      title={`${station.name}:地址和对外电话`}
      open
      onClose={onClose}
      form={form}
      initialValues={{ address: station.address, publicPhone: station.publicPhone ?? undefined }}
      onFinish={submit}
      submitting={running !== null}
    >
      <Form.Item name="address" label="地址">
        <Input maxLength={255} />
      </Form.Item>
      <Form.Item name="publicPhone" label="对外公开电话" rules={[PHONE_RULE]} extra="站点的公开电话,不要填写个人手机号">
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
    </FormDrawer>
  );
}
