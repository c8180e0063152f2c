import { Typography } from 'antd';

/** Placeholder until this page is built. */
export function HoursPage() {
  return <Typography.Title level={2}>建设中</Typography.Title>;
}
