import { Typography } from 'antd';

/** Placeholder until this page is built. */
export function RegistriesPage() {
  return <Typography.Title level={2}>建设中</Typography.Title>;
}
