import { Button, Space } from 'antd';
import { useState } from 'react';
import { RegistryCharityResourcesDocument, type CharityResourceFilter } from '../../generated/operations';
import { CATEGORY_LABEL, CHARITY_KIND_LABEL, labelOf } from '../../ui/labels';
import { AllocateDrawer, RecordResourceDrawer, type CharityResource } from './charity-forms';
import { FilterSelect, RecordTable, RowButton, SearchBox } from './controls';
import { PagedTable, usePagedList } from './paged-list';
import { useRegistryScope } from './scope';

/** 慈善资源: what was given in the region, how much remains, and where each part went; staff record and allocate. */
export function CharityTab() {
  const scope = useRegistryScope();
  const [filter, setFilter] = useState<CharityResourceFilter>({});
  const { list, fetching, error, pages, refresh } = usePagedList(
    RegistryCharityResourcesDocument,
    { ...filter, regionId: scope.regionId },
    (data) => data.charityResources,
  );
  const [recording, setRecording] = useState(false);
  const [allocating, setAllocating] = useState<CharityResource>();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <SearchBox
          label="搜索慈善资源"
          placeholder="名称、捐赠方或说明中的词"
          onSearch={(search) => setFilter({ ...filter, search })}
          width={240}
        />
        <FilterSelect
          label="按资源类型筛选"
          all="全部类型"
          labels={CHARITY_KIND_LABEL}
          onChange={(kind) => setFilter({ ...filter, kind: kind as typeof filter.kind })}
          width={120}
        />
        {scope.staff && (
          <Button type="primary" onClick={() => setRecording(true)}>
            登记慈善资源
          </Button>
        )}
      </Space>
      <PagedTable<CharityResource>
        list={list}
        fetching={fetching}
        error={error}
        pages={pages}
        emptyText={scope.staff ? '暂无符合条件的慈善资源,可点击“登记慈善资源”新增' : '暂无符合条件的慈善资源'}
        expandable={{ expandedRowRender: (resource) => <Allocations resource={resource} /> }}
        columns={[
          { title: '资源名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (kind: string) => labelOf(CHARITY_KIND_LABEL, kind) },
          { title: '捐赠方', dataIndex: 'donor' },
          {
            title: '定向类别',
            dataIndex: 'category',
            render: (c: string | null) => labelOf(CATEGORY_LABEL, c) || '不限',
          },
          { title: '数量', render: (_, r) => `${r.amount} ${r.unit}` },
          { title: '剩余', render: (_, r) => `${r.remaining} ${r.unit}` },
          { title: '接收日期', dataIndex: 'receivedOn' },
          { title: '所在区域', render: (_, r) => r.region?.name },
          ...(scope.staff
            ? [
                {
                  title: '操作',
                  render: (_: unknown, resource: CharityResource) =>
                    resource.remaining > 0 && (
                      <RowButton text="分配" subject={resource.name} onClick={() => setAllocating(resource)} />
                    ),
                },
              ]
            : []),
        ]}
      />
      {recording && (
        <RecordResourceDrawer regionId={scope.regionId} onClose={() => setRecording(false)} onDone={refresh} />
      )}
      {allocating && <AllocateDrawer resource={allocating} onClose={() => setAllocating(undefined)} onDone={refresh} />}
    </>
  );
}

/** Where each part of a resource went: to a need (its number) or a service project (its title). */
function Allocations({ resource }: { resource: CharityResource }) {
  return (
    <RecordTable
      title="分配记录"
      emptyText="尚未分配"
      dataSource={resource.allocations}
      columns={[
        { title: '分配日期', dataIndex: 'allocatedOn' },
        { title: '数量', render: (_, a) => `${a.amount} ${resource.unit}` },
        {
          title: '去向',
          render: (_, a) => (a.need ? `需求 ${a.need.number}` : a.project ? `项目 ${a.project.title}` : ''),
        },
        { title: '说明', dataIndex: 'note' },
      ]}
    />
  );
}
