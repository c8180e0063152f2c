import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import type { DashboardChildrenQuery } from '../../generated/operations';
import { ExportableTable, type TableColumn } from '../../ui/exportable-table';
import { FIGURES, type FigureDefinition } from './figures';
import { formatCount, percentOf } from './format';
import { LazyChart } from './lazy-chart';

type ChildRow = NonNullable<DashboardChildrenQuery['region']>['children'][number];

const figureColumn = (figure: FigureDefinition): TableColumn<ChildRow> => ({
  key: figure.key,
  title: figure.unit ? `${figure.title}(${figure.unit})` : figure.title,
  value: (row) => row[figure.key],
  align: 'right',
  render: (row) => formatCount(row[figure.key], figure.digits),
});

const COLUMNS: TableColumn<ChildRow>[] = [
  { key: 'name', title: '区域', value: (row) => row.name },
  ...FIGURES.map(figureColumn),
  {
    key: 'needsResolved',
    title: '已解决需求(件)',
    value: (row) => row.linkageIndex.needsResolved,
    align: 'right',
  },
  {
    key: 'shareWithThreeOrMoreSocieties',
    title: '三方以上联动占比(%)',
    value: (row) => percentOf(row.linkageIndex.shareWithThreeOrMoreSocieties),
    align: 'right',
    render: (row) => formatCount(percentOf(row.linkageIndex.shareWithThreeOrMoreSocieties), 1),
  },
];

interface ChildComparisonProps {
  regionName: string;
  childRegions: readonly ChildRow[];
  loading: boolean;
}

/** 下级区域对比: the child regions (counties, 街道/乡镇 or 社区) side by side on a figure staff choose. */
export function ChildComparison({ regionName, childRegions, loading }: ChildComparisonProps) {
  const [figureKey, setFigureKey] = useState<FigureDefinition['key']>('volunteerCount');
  const figure = FIGURES.find((candidate) => candidate.key === figureKey) ?? FIGURES[0];
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, bottom: 64, top: 24 },
    xAxis: { type: 'category', data: childRegions.map((row) => row.name), axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value' },
    series: [{ name: figure.title, type: 'bar', data: childRegions.map((row) => row[figure.key] ?? 0) }],
  };
  return (
    <ExportableTable
      title="下级区域对比"
      fileSuffix={regionName}
      columns={COLUMNS}
      rows={childRegions}
      rowKey={(row) => row.id}
      loading={loading}
      empty="本区域没有下级区域。"
    >
      <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text>
          <label htmlFor="dashboard-figure">对比指标</label>
        </Typography.Text>
        <Select
          id="dashboard-figure"
          style={{ width: 220, maxWidth: '100%' }}
          value={figureKey}
          onChange={setFigureKey}
          options={FIGURES.map((candidate) => ({ value: candidate.key, label: candidate.title }))}
        />
      </Flex>
      {childRegions.length > 0 && (
        <LazyChart label={`${regionName}各下级区域${figure.title}柱状图,数据见下表`} option={option} />
      )}
    </ExportableTable>
  );
}
