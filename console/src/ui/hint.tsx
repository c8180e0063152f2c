import type { ReactNode } from 'react';

/**
 * Helping text in a grey dark enough to read (antd's secondary grey falls below WCAG's 4.5:1 on white, which older
 * eyes and axe both notice).
 */
export function Hint({ children }: { children: ReactNode }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
