import { Typography } from 'antd';
import { labelOf, ROLE_LABEL } from './labels';
import { useViewer } from './viewer';

/** Who is signed in. The sign-in helper replaces this with the menu to change password and sign out. */
export function AccountMenu() {
  const { viewer } = useViewer();
  return (
    <Typography.Text>
      {viewer.displayName ?? viewer.subject} · {labelOf(ROLE_LABEL, viewer.role)}
      {viewer.region ? ` · ${viewer.region.name}` : ''}
    </Typography.Text>
  );
}
