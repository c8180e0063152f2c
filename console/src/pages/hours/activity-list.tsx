import { Alert, Flex, Input, Select, Table, type TableColumnsType } from 'antd';
import { StatusTag } from '../../ui/status-tag';
import { ACTIVITY_STATUS_TONE } from '../../ui/status-tones';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { HoursActivitiesDocument, type ActivityStatus, type HoursActivitiesQuery } from '../../generated/operations';
import { CursorPager, useCursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { ACTIVITY_STATUS_LABEL, CATEGORY_LABEL, labelOf } from '../../ui/labels';
import { useViewer } from '../../ui/viewer';

type ActivityRow = HoursActivitiesQuery['volunteerActivities']['nodes'][number];

const PAGE_SIZE = 20;

/** The region's volunteer activities, newest first; each opens its sign-up roster. */
export function ActivityList() {
  const { viewer } = useViewer();
  const [search, setSearch] = useState<string>();
  const [status, setStatus] = useState<ActivityStatus>();
  const pages = useCursorPages(`${search ?? ''}:${status ?? ''}`);
  const [{ data, fetching, error }] = useQuery({
    query: HoursActivitiesDocument,
    variables: {
      filter: { regionId: viewer.regionId ?? undefined, status, search },
      first: PAGE_SIZE,
      after: pages.after,
    },
  });
  const columns: TableColumnsType<ActivityRow> = [
    {
      title: '活动',
      render: (_, row) => <Link to={`/hours/activities/${row.id}`}>{row.title}</Link>,
    },
    { title: '日期', dataIndex: 'startsOn' },
    { title: '类别', render: (_, row) => labelOf(CATEGORY_LABEL, row.category) },
    { title: '地区', render: (_, row) => row.region?.name ?? '' },
    {
      title: '状态',
      render: (_, row) => (
        <StatusTag tone={ACTIVITY_STATUS_TONE[row.status]}>{labelOf(ACTIVITY_STATUS_LABEL, row.status)}</StatusTag>
      ),
    },
    { title: '名额', render: (_, row) => row.capacity ?? '不限' },
    { title: '已审核时长', dataIndex: 'volunteerHours', align: 'right' },
    { title: '操作', render: (_, row) => <Link to={`/hours/activities/${row.id}`}>报名名单</Link> },
  ];
  const activities = data?.volunteerActivities;
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索活动"
          placeholder="搜索活动名称或内容"
          allowClear
          style={{ maxWidth: 280 }}
          onSearch={(value) => {
            setSearch(value.trim() || undefined);
          }}
        />
        <Select<ActivityStatus>
          aria-label="活动状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={status}
          options={Object.entries(ACTIVITY_STATUS_LABEL).map(([value, label]) => ({
            value: value as ActivityStatus,
            label,
          }))}
          onChange={(value) => {
            setStatus(value);
          }}
        />
      </Flex>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<ActivityRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={activities?.nodes ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '本辖区暂无符合条件的志愿活动。' }}
      />
      <CursorPager
        pages={pages}
        pageSize={PAGE_SIZE}
        totalCount={activities?.totalCount ?? 0}
        pageInfo={activities?.pageInfo}
      />
    </>
  );
}
