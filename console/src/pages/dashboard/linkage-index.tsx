import { Card, Col, Row, Statistic } from 'antd';
import type { DashboardRegionQuery } from '../../generated/operations';
import { formatCount, percentOf } from './format';

type LinkageIndex = NonNullable<DashboardRegionQuery['region']>['linkageIndex'];

interface IndexFigureProps {
  title: string;
  value: number | null;
  digits?: number;
  suffix: string;
}

/** A figure of the index: a group named by its title, so its value is found next to its name. */
function IndexFigure({ title, value, digits = 1, suffix }: IndexFigureProps) {
  return (
    <Col xs={12} md={6}>
      <div role="group" aria-label={title}>
        <Statistic title={title} value={formatCount(value, digits)} suffix={value === null ? undefined : suffix} />
      </div>
    </Col>
  );
}

/** 联动指数: how the five societies work together on the region's resolved needs. */
export function LinkageIndexCard({ index }: { index: LinkageIndex }) {
  return (
    <section aria-label="联动指数" style={{ height: '100%' }}>
      <Card title="联动指数" style={{ height: '100%' }}>
        <Row gutter={[12, 12]}>
          <IndexFigure title="已解决需求" value={index.needsResolved} digits={0} suffix="件" />
          <IndexFigure title="三方以上联动占比" value={percentOf(index.shareWithThreeOrMoreSocieties)} suffix="%" />
          <IndexFigure title="办结天数中位数" value={index.medianDaysToResolve} suffix="天" />
          <IndexFigure title="居民平均评分" value={index.averageRating} suffix="/ 5" />
        </Row>
      </Card>
    </section>
  );
}
