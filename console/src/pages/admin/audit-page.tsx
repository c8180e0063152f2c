import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { CombinedError, useClient, useQuery } from 'urql';
import { AdminAuditLogDocument, type AuditFilter } from '../../generated/operations';
import { CursorPager, useCursorPages } from '../../ui/cursor-pages';
import { errorText } from '../../ui/errors';
import { AUDIT_KIND_LABEL, AUDIT_OUTCOME_LABEL, labelOf } from '../../ui/labels';
import { StatusTag } from '../../ui/status-tag';
import { EXPORT_LIMIT, exportAuditLog, type AuditRow } from './audit-export';
import { AuditFilters } from './audit-filters';

const PAGE_SIZE = 20;

const columns: TableColumnsType<AuditRow> = [
  { title: '时间', dataIndex: 'at', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
  { title: '类别', dataIndex: 'kind', render: (kind: string) => labelOf(AUDIT_KIND_LABEL, kind) },
  { title: '操作人', dataIndex: 'subject' },
  { title: '操作', dataIndex: 'operation' },
  { title: '对象', dataIndex: 'target' },
  {
    title: '结果',
    dataIndex: 'outcome',
    render: (outcome: string) => (
      <StatusTag tone={outcome === 'OK' ? 'good' : 'bad'}>
        {AUDIT_OUTCOME_LABEL[outcome] ? `${AUDIT_OUTCOME_LABEL[outcome]}(${outcome})` : outcome}
      </StatusTag>
    ),
  },
  { title: '次数', dataIndex: 'count' },
  { title: '来源地址', dataIndex: 'clientAddress' },
];

/** The audit log, newest first: who did or tried what, filtered, paged, exported for an inspection. */
export function AuditPage() {
  const client = useClient();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [exporting, setExporting] = useState(false);
  const pages = useCursorPages(JSON.stringify(filter));
  const [{ data, fetching, error }] = useQuery({
    query: AdminAuditLogDocument,
    variables: { filter, first: PAGE_SIZE, after: pages.after },
    requestPolicy: 'cache-and-network',
  });

  const download = async () => {
    setExporting(true);
    try {
      const count = await exportAuditLog(client, filter);
      message.success(
        `已导出 ${count} 条记录${count >= EXPORT_LIMIT ? `(最多 ${EXPORT_LIMIT} 条,请缩小筛选范围)` : ''}`,
      );
    } catch (failure) {
      message.error(failure instanceof CombinedError ? errorText(failure) : '导出失败,请稍后重试。');
    } finally {
      setExporting(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          审计日志
        </Typography.Title>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void download()}>
          导出 Excel
        </Button>
      </Flex>
      <AuditFilters onApply={setFilter} />
      {error && <Alert type="error" showIcon title={errorText(error)} />}
      <Table<AuditRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.auditLog.nodes ?? []}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description="没有符合条件的记录;可放宽筛选条件后再查询。" /> }}
      />
      <CursorPager
        pages={pages}
        pageSize={PAGE_SIZE}
        totalCount={data?.auditLog.totalCount}
        pageInfo={data?.auditLog.pageInfo}
      />
    </Flex>
  );
}
