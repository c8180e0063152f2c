import { Card, Col, Row, Statistic } from 'antd';
import type { DashboardFiguresFragment } from '../../generated/operations';
import { formatCount } from './format';

export interface FigureDefinition {
  key: keyof DashboardFiguresFragment;
  title: string;
  unit?: string;
  digits?: number;
}

/** The region figures of the city's 五社联动 report, in its order; the comparison chart offers the same ones. */
export const FIGURES: FigureDefinition[] = [
  { key: 'population', title: '常住人口', unit: '人' },
  { key: 'organizationCount', title: '社会组织', unit: '家' },
  { key: 'organizationsPer10k', title: '每万人拥有社会组织数', unit: '家', digits: 2 },
  { key: 'volunteerCount', title: '注册志愿者', unit: '人' },
  { key: 'volunteerTeamCount', title: '志愿服务队伍', unit: '支' },
  { key: 'volunteerActivityCount', title: '志愿服务项目', unit: '个' },
  { key: 'volunteerHours', title: '已核实志愿服务时长', unit: '小时', digits: 1 },
  { key: 'servedPersonTimes', title: '站点服务人次', unit: '人次' },
  { key: 'socialWorkerCount', title: '持证社会工作者', unit: '人' },
];

/**
 * One card per figure. Each card is a group named by its figure, so a test (or a screen reader) finds e.g.
 * getByRole('group', { name: '注册志愿者' }).
 */
export function FigureCards({ figures }: { figures: DashboardFiguresFragment }) {
  return (
    <Row gutter={[12, 12]}>
      {FIGURES.map((figure) => (
        <Col key={figure.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" role="group" aria-label={figure.title} style={{ height: '100%' }}>
            <Statistic
              title={figure.title}
              value={formatCount(figures[figure.key], figure.digits)}
              suffix={figure.unit}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
