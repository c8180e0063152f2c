import { Alert, Button, Flex, Popconfirm, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { StatusTag } from '../../ui/status-tag';
import { HOURS_STATUS_TONE } from '../../ui/status-tones';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  HoursQueueDocument,
  VerifyHoursBatchDocument,
  VerifyHoursDocument,
  type HoursQueueQuery,
  type VerifyHoursBatchMutation,
  type ServiceHoursStatus,
} from '../../generated/operations';
import { CursorPager, useCursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { formatTime } from '../../ui/format-time';
import { Hint } from '../../ui/hint';
import { HOURS_STATUS_LABEL, labelOf } from '../../ui/labels';
import { useAction } from '../../ui/use-action';
import { useViewer } from '../../ui/viewer';
import { RejectHoursModal } from './reject-hours-modal';

type QueueRow = HoursQueueQuery['serviceHoursQueue']['nodes'][number];

const PAGE_SIZE = 20;
const STATUSES: ServiceHoursStatus[] = ['PENDING', 'VERIFIED', 'REJECTED'];
const EMPTY_TEXT: Record<string, string> = {
  PENDING: '暂无待审核的时长。志愿者在活动中签退后,记录会出现在这里。',
  VERIFIED: '暂无已通过的时长记录。',
  REJECTED: '暂无已驳回的时长记录。',
};

/**
 * 时长审核: hours recorded at check-out in the account's region (ADMIN: the whole city), oldest service first.
 * Staff confirm one, confirm the selected ones at once, or reject one with a reason.
 */
export function HoursQueue() {
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? 'PENDING') as ServiceHoursStatus;
  const activityId = params.get('activityId') ?? undefined;
  const pages = useCursorPages(`${status}:${activityId ?? ''}`);
  // A selection belongs to the page on screen: another page, status or activity starts with none selected, so
  // 取消选择 and 批量通过 only ever concern rows the user can see.
  const listKey = `${status}:${activityId ?? ''}:${pages.after ?? ''}`;
  const [selection, setSelection] = useState<{ listKey: string; ids: string[] }>({ listKey, ids: [] });
  const selected = selection.listKey === listKey ? selection.ids : [];
  const setSelected = (ids: string[]) => setSelection({ listKey, ids });
  const [rejecting, setRejecting] = useState<QueueRow | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: HoursQueueDocument,
    variables: { filter: { status, activityId }, first: PAGE_SIZE, after: pages.after },
  });
  const [, verify] = useMutation(VerifyHoursDocument);
  const [, verifyBatch] = useMutation(VerifyHoursBatchDocument);
  const { running, run } = useAction();
  const pending = status === 'PENDING';

  const filterBy = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged);
  };

  const verifyOne = (row: QueueRow) =>
    run(row.id, `已通过 ${row.volunteer?.displayName ?? ''} 的 ${row.hours} 小时`, () => verify({ id: row.id }));

  const verifySelected = async () => {
    const done = (data: VerifyHoursBatchMutation) => `已通过 ${data.verifyServiceHoursBatch.length} 条时长记录`;
    if (await run('batch', done, () => verifyBatch({ ids: selected }))) setSelected([]);
  };

  const columns: TableColumnsType<QueueRow> = [
    { title: '记录号', dataIndex: 'id', width: 80 },
    { title: '志愿者', render: (_, row) => row.volunteer?.displayName ?? '(已注销)' },
    {
      title: '活动',
      render: (_, row) =>
        row.activity ? <Link to={`/hours/activities/${row.activity.id}`}>{row.activity.title}</Link> : '(无活动)',
    },
    { title: '服务日期', dataIndex: 'servedOn' },
    { title: '时长(小时)', dataIndex: 'hours', align: 'right' },
    { title: '签退时间', render: (_, row) => formatTime(row.checkedOutAt) },
    {
      title: '状态',
      render: (_, row) => (
        <StatusTag tone={HOURS_STATUS_TONE[row.status]}>{labelOf(HOURS_STATUS_LABEL, row.status)}</StatusTag>
      ),
    },
  ];
  if (status === 'REJECTED') {
    columns.push({ title: '驳回时间', render: (_, row) => formatTime(row.rejectedAt) });
    columns.push({ title: '驳回理由', dataIndex: 'rejectReason' });
  }
  if (pending) {
    columns.push({
      title: '操作',
      fixed: 'right',
      render: (_, row) => (
        <Flex gap={4}>
          <Popconfirm
            title="确认该时长属实?"
            description="通过后计入志愿时长和时间银行,不能撤销。"
            okText="确认通过"
            cancelText="取消"
            onConfirm={() => verifyOne(row)}
          >
            <Button type="link" size="small" loading={running === row.id}>
              通过
            </Button>
          </Popconfirm>
          <Button type="link" size="small" danger onClick={() => setRejecting(row)}>
            驳回
          </Button>
        </Flex>
      ),
    });
  }

  const queue = data?.serviceHoursQueue;
  const allSelected = !!queue?.nodes.length && queue.nodes.every((row) => selected.includes(row.id));
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label="审核状态"
          value={status}
          options={STATUSES.map((value) => ({ value, label: labelOf(HOURS_STATUS_LABEL, value) }))}
          onChange={(value) => filterBy({ status: value === 'PENDING' ? undefined : value })}
        />
        <Typography.Text>范围:{viewer.region?.name ?? '全市'}</Typography.Text>
        {activityId && (
          <Tag
            closable
            onClose={() => filterBy({ activityId: undefined })}
            closeIcon={<span aria-label="查看全部活动">×</span>}
          >
            仅看所选活动
          </Tag>
        )}
        {pending && (
          <Button
            disabled={!queue?.nodes.length}
            onClick={() => setSelected(allSelected ? [] : (queue?.nodes ?? []).map((row) => row.id))}
          >
            {allSelected ? '取消选择' : '全选本页'}
          </Button>
        )}
        {pending && (
          <Popconfirm
            title={`确认通过选中的 ${selected.length} 条时长记录?`}
            description="通过后计入志愿时长和时间银行,不能撤销。"
            okText="确认通过"
            cancelText="取消"
            disabled={selected.length === 0}
            onConfirm={verifySelected}
          >
            <Button type="primary" disabled={selected.length === 0} loading={running === 'batch'}>
              批量通过{selected.length ? `(${selected.length})` : ''}
            </Button>
          </Popconfirm>
        )}
        {selected.length > 0 && <Hint>选择仅限本页,翻页或切换状态后将清除</Hint>}
      </Flex>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Table<QueueRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={queue?.nodes ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: EMPTY_TEXT[status] }}
        rowSelection={
          pending
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                // The table copies its header into a hidden row to measure it; a select-all box there would be a
                // hidden focusable control, so selecting the whole page is a toolbar button instead.
                hideSelectAll: true,
                columnTitle: '选择',
                getCheckboxProps: (row) => ({ 'aria-label': `选择记录 ${row.id}` }),
              }
            : undefined
        }
      />
      <CursorPager pages={pages} pageSize={PAGE_SIZE} totalCount={queue?.totalCount ?? 0} pageInfo={queue?.pageInfo} />
      {rejecting && (
        <RejectHoursModal
          record={{
            id: rejecting.id,
            hours: rejecting.hours,
            volunteerName: rejecting.volunteer?.displayName ?? '',
            activityTitle: rejecting.activity?.title ?? '',
          }}
          onClose={() => setRejecting(null)}
        />
      )}
    </>
  );
}
