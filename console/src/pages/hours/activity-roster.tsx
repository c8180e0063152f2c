import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { StatusTag } from '../../ui/status-tag';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ActivityRosterDocument, type ActivityRosterQuery } from '../../generated/operations';
import { errorText } from '../../ui/errors';
import { formatTime } from '../../ui/format-time';
import { HOURS_STATUS_LABEL, labelOf } from '../../ui/labels';

type Signup = NonNullable<ActivityRosterQuery['volunteerActivity']>['roster'][number];

/** Where a volunteer stands on the day: signed up, checked in, or checked out with hours recorded. */
function attendance(signup: Signup) {
  if (signup.checkedOutAt) return <StatusTag tone="good">已签退</StatusTag>;
  if (signup.checkedInAt) return <StatusTag tone="info">已签到</StatusTag>;
  return <StatusTag tone="neutral">未签到</StatusTag>;
}

/** 报名名单: an activity's sign-ups in the order they came, with check-in, check-out and the hours' review. */
export function ActivityRoster() {
  const { activityId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: ActivityRosterDocument, variables: { id: activityId } });
  const activity = data?.volunteerActivity;
  const back = (
    <Link to="/hours/activities">
      <ArrowLeftOutlined /> 返回活动列表
    </Link>
  );
  if (!activity) {
    if (fetching) return <Spin tip="正在加载…">{back}</Spin>;
    return (
      <>
        {back}
        <Alert type="error" showIcon title={error ? errorText(error) : '没有找到该活动。'} style={{ marginTop: 12 }} />
      </>
    );
  }
  const roster = activity.roster;
  const checkedIn = roster.filter((signup) => signup.checkedInAt).length;
  const pending = roster.filter((signup) => signup.serviceHours?.status === 'PENDING').length;
  const columns: TableColumnsType<Signup> = [
    { title: '序号', render: (_, __, index) => index + 1, width: 64 },
    { title: '志愿者', render: (_, signup) => signup.volunteer?.displayName ?? '(已注销)' },
    { title: '报名时间', render: (_, signup) => formatTime(signup.signedUpAt) },
    { title: '签到状态', render: (_, signup) => attendance(signup) },
    { title: '签到时间', render: (_, signup) => formatTime(signup.checkedInAt) },
    { title: '签退时间', render: (_, signup) => formatTime(signup.checkedOutAt) },
    {
      title: '时长',
      render: (_, signup) =>
        signup.serviceHours
          ? `${signup.serviceHours.hours} 小时 · ${labelOf(HOURS_STATUS_LABEL, signup.serviceHours.status)}`
          : '',
    },
  ];
  return (
    <>
      {back}
      <Typography.Title level={3}>{activity.title}</Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'date', label: '日期', children: activity.startsOn },
          {
            key: 'signed',
            label: '报名',
            children: `${roster.length} 人${activity.capacity ? ` / 名额 ${activity.capacity}` : ''}`,
          },
          { key: 'in', label: '已签到', children: `${checkedIn} 人` },
          { key: 'pending', label: '待审核时长', children: `${pending} 条` },
        ]}
      />
      {pending > 0 && (
        <Flex style={{ margin: '12px 0' }}>
          <Button type="primary" onClick={() => navigate(`/hours?activityId=${activity.id}`)}>
            审核本活动的 {pending} 条时长
          </Button>
        </Flex>
      )}
      <Table<Signup>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roster}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '还没有志愿者报名。' }}
      />
    </>
  );
}
