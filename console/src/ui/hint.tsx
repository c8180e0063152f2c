import type { ReactNode } from 'react';

/** A grey dark enough to read: antd's secondary grey falls below WCAG's 4.5:1 on white (older eyes, and axe). */
export const READABLE_GREY = 'rgba(0, 0, 0, 0.65)';

/** Helping text (a form item's `extra`, a count) in READABLE_GREY. */
export function Hint({ children }: { children: ReactNode }) {
  return <span style={{ color: READABLE_GREY }}>{children}</span>;
}

/** For a Select's `styles`: its placeholder in READABLE_GREY. */
export const READABLE_PLACEHOLDER = { placeholder: { color: READABLE_GREY } };
