import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Helping text (a form item's `extra`, a count) in the theme's secondary grey, which app.tsx keeps readable. */
export function Hint({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
