import { Tabs, Typography } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ActivityList } from './activity-list';
import { ActivityRoster } from './activity-roster';
import { HoursQueue } from './hours-queue';

/** 志愿服务时长: the region's hours waiting for review, and its activities with their sign-up rosters. */
export function HoursPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const onActivities = location.pathname.includes('/hours/activities');
  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        志愿服务时长
      </Typography.Title>
      <Tabs
        activeKey={onActivities ? 'activities' : 'queue'}
        onChange={(key) => navigate(key === 'activities' ? '/hours/activities' : '/hours')}
        items={[
          { key: 'queue', label: '时长审核' },
          { key: 'activities', label: '活动与签到' },
        ]}
      />
      <Routes>
        <Route index element={<HoursQueue />} />
        <Route path="activities" element={<ActivityList />} />
        <Route path="activities/:activityId" element={<ActivityRoster />} />
      </Routes>
    </>
  );
}
