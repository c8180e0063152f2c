import { Card, Empty, Grid, List, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { NeedQueueQuery } from '../../generated/operations';
import { CATEGORY_LABEL, labelOf, NEED_STATUS_LABEL, URGENCY_LABEL } from '../../ui/labels';
import { READABLE_DANGER } from '../../ui/contrast';
import { StatusTag } from '../../ui/status-tag';
import { URGENCY_TONE } from '../../ui/status-tones';
import { formatTime, OVERDUE_BACKGROUND, overdueText } from './format';

export type QueueNeed = NeedQueueQuery['needs']['nodes'][number];

function DueAt({ need }: { need: QueueNeed }) {
  return (
    <Space size={4} wrap>
      <Typography.Text style={need.overdue ? { color: READABLE_DANGER } : undefined}>
        {formatTime(need.dueAt)}
      </Typography.Text>
      {need.overdue && <StatusTag tone="bad">{overdueText(need.dueAt)}</StatusTag>}
    </Space>
  );
}

const columns: TableColumnsType<QueueNeed> = [
  { title: '编号', key: 'number', render: (_, need) => <Link to={need.id}>{need.number}</Link> },
  { title: '类别', key: 'category', render: (_, need) => labelOf(CATEGORY_LABEL, need.category) },
  {
    title: '紧急程度',
    key: 'urgency',
    render: (_, need) => (
      <StatusTag tone={URGENCY_TONE[need.urgency]}>{labelOf(URGENCY_LABEL, need.urgency)}</StatusTag>
    ),
  },
  { title: '社区', key: 'community', render: (_, need) => need.community?.name ?? '' },
  { title: '状态', key: 'status', render: (_, need) => labelOf(NEED_STATUS_LABEL, need.status) },
  { title: '提交时间', key: 'submittedAt', render: (_, need) => formatTime(need.submittedAt) },
  { title: '办理时限', key: 'dueAt', render: (_, need) => <DueAt need={need} /> },
  {
    title: '描述',
    key: 'description',
    render: (_, need) => (
      <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: 0, maxWidth: 280 }}>
        {need.description}
      </Typography.Paragraph>
    ),
  },
];

const EMPTY = <Empty description="没有符合条件的需求。可调整筛选条件,或等待居民通过机器人提交新需求。" />;

/** The page of the queue: a table on a desk, cards on a phone; overdue needs on a red background. */
export function QueueList({ needs, loading }: { needs: readonly QueueNeed[]; loading: boolean }) {
  const screens = Grid.useBreakpoint();
  if (screens.md === false) {
    return (
      <List
        aria-label="需求列表"
        loading={loading}
        dataSource={[...needs]}
        locale={{ emptyText: EMPTY }}
        renderItem={(need) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <Card
              size="small"
              style={{ width: '100%', background: need.overdue ? OVERDUE_BACKGROUND : undefined }}
              title={<Link to={need.id}>{need.number}</Link>}
              extra={labelOf(NEED_STATUS_LABEL, need.status)}
            >
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text>
                  {labelOf(CATEGORY_LABEL, need.category)} · {need.community?.name ?? ''} ·{' '}
                  {labelOf(URGENCY_LABEL, need.urgency)}
                </Typography.Text>
                <DueAt need={need} />
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {need.description}
                </Typography.Paragraph>
              </Space>
            </Card>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...needs]}
      loading={loading}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText: EMPTY }}
      onRow={(need) => ({ style: need.overdue ? { background: OVERDUE_BACKGROUND } : undefined })}
    />
  );
}
