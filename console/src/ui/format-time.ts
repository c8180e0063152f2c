import dayjs from 'dayjs';

/** A moment from the API (UTC ISO) as staff read it, in the browser's time: 2026-11-20 12:00; empty for none. */
export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
