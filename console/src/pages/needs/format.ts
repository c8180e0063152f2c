import dayjs from 'dayjs';

/** Date and minute in the browser's time zone (China time for staff). */
export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

/** How far past due, for the red mark on an overdue need: whole days, or hours within the first day. */
export function overdueText(dueAt: string): string {
  const hours = dayjs().diff(dayjs(dueAt), 'hour');
  return hours >= 24 ? `超期 ${Math.floor(hours / 24)} 天` : `超期 ${Math.max(hours, 1)} 小时`;
}

/** The background of an overdue row or card. */
export const OVERDUE_BACKGROUND = '#fff1f0';
