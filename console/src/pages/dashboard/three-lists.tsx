import type { DashboardRegionQuery } from '../../generated/operations';
import { ExportableTable, type TableColumn } from '../../ui/exportable-table';
import { CATEGORY_LABEL, labelOf, PROJECT_STATUS_LABEL } from '../../ui/labels';
import { formatCount } from './format';

type DashboardRegion = NonNullable<DashboardRegionQuery['region']>;
type NeedRow = DashboardRegion['needList'][number];
type ResourceRow = DashboardRegion['resourceList'][number];
type ProjectRow = DashboardRegion['projectList'][number];

/** A count column: a plain number in the workbook, grouped thousands on screen. */
function countColumn<Row>(key: string, title: string, value: (row: Row) => number): TableColumn<Row> {
  return { key, title, value, align: 'right', render: (row) => formatCount(value(row)) };
}

const categoryColumn = <Row extends { category: string }>(): TableColumn<Row> => ({
  key: 'category',
  title: '服务类别',
  value: (row) => labelOf(CATEGORY_LABEL, row.category),
});

const NEED_COLUMNS: TableColumn<NeedRow>[] = [
  categoryColumn(),
  countColumn('open', '办理中', (row) => row.open),
  countColumn('resolved', '已解决或关闭', (row) => row.resolved),
  countColumn('unmetOver30Days', '超过30天未满足', (row) => row.unmetOver30Days),
];

const RESOURCE_COLUMNS: TableColumn<ResourceRow>[] = [
  categoryColumn(),
  countColumn('services', '社会组织服务', (row) => row.services),
  countColumn('stations', '服务站点', (row) => row.stations),
  countColumn('volunteers', '有此专长的志愿者', (row) => row.volunteers),
  countColumn('funds', '待分配慈善资金(元)', (row) => row.funds),
];

const PROJECT_COLUMNS: TableColumn<ProjectRow>[] = [
  { key: 'round', title: '申报批次', value: (row) => row.round.name },
  { key: 'status', title: '项目状态', value: (row) => labelOf(PROJECT_STATUS_LABEL, row.status) },
  countColumn('count', '项目数', (row) => row.count),
];

interface ListDefinition<Row> {
  title: string;
  columns: TableColumn<Row>[];
  rows(region: DashboardRegion): readonly Row[];
  rowKey(row: Row): string;
  empty: string;
}

function RegionList<Row extends object>({ region, list }: { region: DashboardRegion; list: ListDefinition<Row> }) {
  return (
    <ExportableTable
      title={list.title}
      fileSuffix={region.name}
      columns={list.columns}
      rows={list.rows(region)}
      rowKey={list.rowKey}
      empty={list.empty}
    />
  );
}

/** 需求清单: the region's needs by category — what residents ask for and how much of it is still open. */
const NEED_LIST: ListDefinition<NeedRow> = {
  title: '需求清单',
  columns: NEED_COLUMNS,
  rows: (region) => region.needList,
  rowKey: (row) => row.category,
  empty: '本区域暂无居民需求。居民可通过微信群机器人或工作人员在需求工作台登记需求。',
};

/** 资源清单: per category, what each society can bring to a need. */
const RESOURCE_LIST: ListDefinition<ResourceRow> = {
  title: '资源清单',
  columns: RESOURCE_COLUMNS,
  rows: (region) => region.resourceList,
  rowKey: (row) => row.category,
  empty: '本区域暂无登记的服务资源。可在登记管理中录入社会组织服务、站点和慈善资源。',
};

/** 项目清单: the government-purchased service projects of the region by round and status. */
const PROJECT_LIST: ListDefinition<ProjectRow> = {
  title: '项目清单',
  columns: PROJECT_COLUMNS,
  rows: (region) => region.projectList,
  rowKey: (row) => `${row.round.id}-${row.status}`,
  empty: '本区域暂无申报项目。项目开放申报时,可在项目申报页提交。',
};

type ListProps = { region: DashboardRegion };

export const NeedList = ({ region }: ListProps) => <RegionList region={region} list={NEED_LIST} />;
export const ResourceList = ({ region }: ListProps) => <RegionList region={region} list={RESOURCE_LIST} />;
export const ProjectList = ({ region }: ListProps) => <RegionList region={region} list={PROJECT_LIST} />;
