/*
 * 数据看板: the figures, 一中心一站一室 coverage, 联动指数 and 三张清单 of the signed-in account's region, with charts
 * of its child regions and of needs per month; every table exports to Excel.
 *
 * Selectors other tests rely on (keep them stable):
 *   - the page's heading: getByRole('heading', { level: 2 }) reads "<region name>数据看板";
 *   - the linkage index: getByRole('region', { name: '联动指数' }), inside it one group per figure —
 *     getByRole('group', { name: '已解决需求' }) and getByRole('group', { name: '三方以上联动占比' }) (also
 *     '办结天数中位数', '居民平均评分'); the number is in the group's `.ant-statistic-content-value`, "—" when the
 *     API has none yet;
 *   - each figure card: getByRole('group', { name: '注册志愿者' }) etc. (titles in figures.tsx);
 *   - each table: getByRole('region', { name: '需求清单' | '资源清单' | '项目清单' | '下级区域对比' | '需求趋势' }),
 *     with its getByRole('button', { name: '导出 Excel' }).
 */
import { Alert, Button, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { DashboardChildrenDocument, DashboardRegionDocument } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { useViewer } from '../../ui/viewer';
import { ChildComparison } from './child-comparison';
import { FigureCards } from './figures';
import { LinkageIndexCard } from './linkage-index';
import { NeedTrend } from './need-trend';
import { RegionPicker } from './region-picker';
import { rootRegionOf } from '../../ui/regions';
import { StationCoverageCard } from './station-coverage';
import { NeedList, ProjectList, ResourceList } from './three-lists';

export function DashboardPage() {
  const { viewer } = useViewer();
  const rootId = rootRegionOf(viewer);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const regionId = selectedId ?? rootId;
  // The same request as the selected region's until staff drill down (urql sends it once): the picker's name.
  const [root] = useQuery({ query: DashboardRegionDocument, variables: { id: rootId } });
  const [selected, refetch] = useQuery({ query: DashboardRegionDocument, variables: { id: regionId } });
  const [children] = useQuery({ query: DashboardChildrenDocument, variables: { id: regionId } });
  const region = selected.data?.region;
  const rootName = root.data?.region?.name ?? region?.name ?? '';

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {region ? `${region.name}数据看板` : '数据看板'}
        </Typography.Title>
        {rootName && <RegionPicker rootId={rootId} rootName={rootName} onChange={setSelectedId} />}
      </Flex>
      {selected.error && (
        <Alert
          type="error"
          showIcon
          title={`数据看板加载失败:${errorText(selected.error)}`}
          action={<Button onClick={() => refetch({ requestPolicy: 'network-only' })}>重试</Button>}
        />
      )}
      {!region ? (
        selected.fetching ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : (
          !selected.error && <Alert type="warning" showIcon title="未找到该区域,请重新选择区域。" />
        )
      ) : (
        <>
          <FigureCards figures={region} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <StationCoverageCard coverage={region.stationCoverage} />
            </Col>
            <Col xs={24} lg={12}>
              <LinkageIndexCard index={region.linkageIndex} />
            </Col>
          </Row>
          {region.level !== 'COMMUNITY' && (
            <ChildComparison
              regionName={region.name}
              childRegions={children.data?.region?.children ?? []}
              loading={children.fetching}
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <NeedTrend region={region} />
            </Col>
            <Col xs={24} xl={12}>
              <NeedList region={region} />
            </Col>
            <Col xs={24} xl={14}>
              <ResourceList region={region} />
            </Col>
            <Col xs={24} xl={10}>
              <ProjectList region={region} />
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
