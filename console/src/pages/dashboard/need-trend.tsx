import type { DashboardRegionQuery } from '../../generated/operations';
import { ExportableTable, type TableColumn } from '../../ui/exportable-table';
import { LazyChart } from './lazy-chart';

type DashboardRegion = NonNullable<DashboardRegionQuery['region']>;
type MonthRow = DashboardRegion['needTrend'][number];

/** "2026-03" → "2026年3月" */
const monthName = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

const COLUMNS: TableColumn<MonthRow>[] = [
  { key: 'month', title: '月份', value: (row) => monthName(row.month) },
  { key: 'submitted', title: '新增需求', value: (row) => row.submitted, align: 'right' },
  { key: 'resolved', title: '已解决需求', value: (row) => row.resolved, align: 'right' },
];

/** 需求趋势: needs submitted and resolved per month (China time) over the last twelve months. */
export function NeedTrend({ region }: { region: DashboardRegion }) {
  const months = region.needTrend;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['新增需求', '已解决需求'] },
    grid: { left: 40, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: months.map((row) => `${Number(row.month.slice(5, 7))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '新增需求', type: 'line', data: months.map((row) => row.submitted) },
      { name: '已解决需求', type: 'line', data: months.map((row) => row.resolved) },
    ],
  };
  return (
    <ExportableTable
      title="需求趋势"
      fileSuffix={region.name}
      columns={COLUMNS}
      rows={months}
      rowKey={(row) => row.month}
      empty="近12个月没有需求记录。"
    >
      <LazyChart label={`${region.name}近12个月每月新增和已解决需求折线图,数据见下表`} option={option} />
    </ExportableTable>
  );
}
