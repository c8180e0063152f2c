import { Alert, Grid, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import {
  NeedQueueDocument,
  NeedStatusCountsDocument,
  type NeedStatus,
  type NeedStatusCountsQuery,
} from '../../generated/operations';
import { CursorPager, useCursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { labelOf, NEED_STATUS_LABEL } from '../../ui/labels';
import { useViewer } from '../../ui/viewer';
import { QueueFilterBar, type QueueFilters } from './queue-filters';
import { QueueList } from './queue-list';

const PAGE_SIZE = 20;

/** Each status and the field of its count in NeedStatusCounts. */
const STATUS_COUNTS: [NeedStatus, keyof Omit<NeedStatusCountsQuery, '__typename'>][] = [
  ['SUBMITTED', 'submitted'],
  ['ACCEPTED', 'accepted'],
  ['MATCHED', 'matched'],
  ['IN_SERVICE', 'inService'],
  ['RESOLVED', 'resolved'],
  ['CLOSED', 'closed'],
  ['REJECTED', 'rejected'],
];
/** Still waiting on staff: these are worked through by due date, the rest newest first. */
const OPEN: readonly string[] = ['SUBMITTED', 'ACCEPTED', 'MATCHED', 'IN_SERVICE'];
const ALL = 'ALL';

/** The region's needs by status, filtered and searched, a page at a time. */
export function NeedQueue() {
  const { viewer } = useViewer();
  const wide = Grid.useBreakpoint().md ?? true;
  const [status, setStatus] = useState<string>('SUBMITTED');
  const [filters, setFilters] = useState<QueueFilters>({ overdue: false, search: '' });
  // STAFF see their own region; ADMIN, with no region, the whole city.
  const base = {
    regionId: filters.communityId ?? viewer.regionId ?? undefined,
    category: filters.category,
    urgency: filters.urgency,
    overdue: filters.overdue || undefined,
    search: filters.search || undefined,
  };
  const pages = useCursorPages(JSON.stringify([status, base]));
  const [counts] = useQuery({ query: NeedStatusCountsDocument, variables: base });
  const [queue] = useQuery({
    query: NeedQueueDocument,
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { ...base, status: status === ALL ? undefined : (status as NeedStatus) },
      orderBy: OPEN.includes(status) ? { field: 'DUE_AT', direction: 'ASC' } : undefined,
    },
  });
  const count = (field: (typeof STATUS_COUNTS)[number][1]) => counts.data?.[field].totalCount;
  const total = STATUS_COUNTS.reduce((sum, [, field]) => sum + (count(field) ?? 0), 0);
  const tabLabel = (label: string, value: number | undefined) => (value === undefined ? label : `${label} ${value}`);
  const connection = queue.data?.needs;
  const statuses = [
    ...STATUS_COUNTS.map(([value, field]) => ({
      key: value,
      label: tabLabel(labelOf(NEED_STATUS_LABEL, value), count(field)),
    })),
    { key: ALL, label: tabLabel('全部', counts.data ? total : undefined) },
  ];
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        需求工作台
      </Typography.Title>
      <QueueFilterBar regionId={viewer.regionId} value={filters} onChange={setFilters} />
      {/* Eight tabs do not fit a phone, and antd's overflow menu breaks the tab list's semantics: a select there. */}
      {wide ? (
        <Tabs activeKey={status} onChange={setStatus} items={statuses} />
      ) : (
        <Select
          aria-label="需求状态"
          value={status}
          onChange={setStatus}
          options={statuses.map(({ key, label }) => ({ value: key, label }))}
          style={{ width: '100%', marginBottom: 12 }}
        />
      )}
      {queue.error && <Alert type="error" showIcon message={errorText(queue.error)} style={{ marginBottom: 12 }} />}
      <QueueList needs={connection?.nodes ?? []} loading={queue.fetching} />
      {connection && (
        <CursorPager
          pages={pages}
          pageSize={PAGE_SIZE}
          totalCount={connection.totalCount}
          pageInfo={connection.pageInfo}
        />
      )}
    </>
  );
}
