import { Badge, Card, Flex, Progress, Typography } from 'antd';
import type { DashboardRegionQuery } from '../../generated/operations';

type Coverage = NonNullable<DashboardRegionQuery['region']>['stationCoverage'];

/** 一中心一站一室: a centre per county, a station per 街道/乡镇, a room per 社区/村 — the units the region has. */
const LEVELS = [
  { title: '一中心 · 县(市、区)社会组织孵化中心', units: 'counties', covered: 'countiesWithIncubationCenter' },
  { title: '一站 · 街道(乡镇)社会工作服务站', units: 'townships', covered: 'townshipsWithSocialWorkStation' },
  { title: '一室 · 社区(村)社会工作室', units: 'communities', covered: 'communitiesWithSocialWorkRoom' },
] as const;

export function StationCoverageCard({ coverage }: { coverage: Coverage }) {
  const levels = LEVELS.filter((level) => coverage[level.units] > 0);
  return (
    <section aria-label="一中心一站一室覆盖" style={{ height: '100%' }}>
      <Card
        title="一中心一站一室覆盖"
        style={{ height: '100%' }}
        extra={
          coverage.complete ? <Badge status="success" text="已全覆盖" /> : <Badge status="warning" text="尚未全覆盖" />
        }
      >
        <Flex vertical gap={12}>
          {levels.map((level) => {
            const units = coverage[level.units];
            const covered = coverage[level.covered];
            return (
              <div key={level.units}>
                <Typography.Text>
                  {level.title}:{covered} / {units}
                </Typography.Text>
                <Progress
                  percent={Math.round((covered / units) * 100)}
                  aria-label={`${level.title}覆盖率`}
                  status={covered === units ? 'success' : 'normal'}
                />
              </div>
            );
          })}
        </Flex>
      </Card>
    </section>
  );
}
