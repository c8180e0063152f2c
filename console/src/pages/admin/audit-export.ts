import dayjs from 'dayjs';
import type { Client } from 'urql';
import { AdminAuditLogDocument, type AdminAuditLogQuery, type AuditFilter } from '../../generated/operations';
import { exportXlsx, type ExportColumn } from '../../ui/export-xlsx';
import { AUDIT_KIND_LABEL, labelOf } from '../../ui/labels';

export type AuditRow = AdminAuditLogQuery['auditLog']['nodes'][number];

/** An export stops here: a longer log is narrowed with the filters first. */
export const EXPORT_LIMIT = 5000;

export const AUDIT_COLUMNS: ExportColumn<AuditRow>[] = [
  { title: '时间', value: (row) => dayjs(row.at).format('YYYY-MM-DD HH:mm:ss') },
  { title: '类别', value: (row) => labelOf(AUDIT_KIND_LABEL, row.kind) },
  { title: '操作人', value: (row) => row.subject },
  { title: '角色', value: (row) => row.role },
  { title: '区域', value: (row) => row.regionId },
  { title: '操作', value: (row) => row.operation },
  { title: '对象', value: (row) => row.target },
  { title: '个人记录', value: (row) => row.record },
  { title: '结果', value: (row) => row.outcome },
  { title: '次数', value: (row) => row.count },
  { title: '来源地址', value: (row) => row.clientAddress },
];

/** Every entry matching `filter` (up to EXPORT_LIMIT), page by page with the API's cursors, as an .xlsx download. */
export async function exportAuditLog(client: Client, filter: AuditFilter): Promise<number> {
  const rows: AuditRow[] = [];
  let after: string | null | undefined;
  do {
    const result = await client
      .query(AdminAuditLogDocument, { filter, first: 100, after }, { requestPolicy: 'network-only' })
      .toPromise();
    if (!result.data) throw result.error ?? new Error('no data');
    rows.push(...result.data.auditLog.nodes);
    after = result.data.auditLog.pageInfo.hasNextPage ? result.data.auditLog.pageInfo.endCursor : null;
  } while (after && rows.length < EXPORT_LIMIT);
  await exportXlsx(`审计日志-${dayjs().format('YYYYMMDD-HHmm')}`, '审计日志', AUDIT_COLUMNS, rows);
  return rows.length;
}
