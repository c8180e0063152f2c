import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Table } from 'antd';
import { useState, type ReactNode } from 'react';
import { exportXlsx, type ExportColumn } from './export-xlsx';

/** A column shown on screen and exported alike, so the workbook holds exactly what the table shows. */
export interface TableColumn<Row> extends ExportColumn<Row> {
  key: string;
  /** The cell on screen when it should differ from the exported value (a tag, a formatted number). */
  render?: (row: Row) => ReactNode;
  align?: 'left' | 'right' | 'center';
}

interface ExportableTableProps<Row> {
  /** The card's title: also the section's accessible name, the sheet's name and the start of the file's name. */
  title: string;
  columns: TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** What the empty table says (what to do about it, not just "no data"). */
  empty: string;
  /** Appended to the file name, e.g. the region: 需求清单-李棋街道.xlsx. */
  fileSuffix?: string;
  /** Shown above the table inside the card (a chart of the same rows, a filter). */
  children?: ReactNode;
  loading?: boolean;
}

/** A titled table with a 导出 Excel button that downloads its rows as .xlsx; it scrolls sideways on a phone. */
export function ExportableTable<Row extends object>({
  title,
  columns,
  rows,
  rowKey,
  empty,
  fileSuffix,
  children,
  loading,
}: ExportableTableProps<Row>) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    try {
      await exportXlsx(fileSuffix ? `${title}-${fileSuffix}` : title, title, columns, rows);
      message.success(`已导出${title}`);
    } catch {
      message.error('导出失败,请稍后重试。');
    } finally {
      setExporting(false);
    }
  };
  return (
    <section aria-label={title}>
      <Card
        title={title}
        extra={
          <Button
            icon={<DownloadOutlined aria-hidden />}
            aria-label="导出 Excel"
            loading={exporting}
            disabled={rows.length === 0}
            onClick={download}
          >
            导出 Excel
          </Button>
        }
      >
        {children}
        {/* The box scrolls sideways on a phone; focusable so that keyboard users can scroll it too. */}
        <div role="group" aria-label={`${title}表格`} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table<Row>
            style={{ minWidth: 'max-content' }}
            size="small"
            rowKey={rowKey}
            loading={loading}
            dataSource={rows as Row[]}
            pagination={false}
            locale={{ emptyText: empty }}
            columns={columns.map((column) => ({
              key: column.key,
              title: column.title,
              align: column.align,
              render: (_: unknown, row: Row) => column.render?.(row) ?? column.value(row),
            }))}
          />
        </div>
      </Card>
    </section>
  );
}
