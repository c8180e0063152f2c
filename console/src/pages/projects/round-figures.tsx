import { Card, Col, Row, Statistic } from 'antd';
import type { RoundFiguresFragment } from '../../generated/operations';

/** A round's quota at a glance; the remaining quota in red once it is used up. */
export function RoundFigures({ round }: { round: RoundFiguresFragment }) {
  const figures = [
    { title: '名额', value: round.quota },
    { title: '申报数', value: round.applicationCount },
    { title: '已立项', value: round.fundedCount },
    { title: '剩余名额', value: round.remainingQuota, color: round.remainingQuota > 0 ? '#237804' : '#b71c1c' },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {figures.map(({ title, value, color }) => (
        <Col xs={12} md={6} key={title}>
          <Card size="small">
            <Statistic title={title} value={value} styles={{ content: color ? { color } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
