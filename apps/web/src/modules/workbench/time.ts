import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** "3 天前" / "3 days ago", in the UI language (dayjs follows it). */
export function fromNow(iso: string | null | undefined): string {
  return iso ? dayjs(iso).fromNow() : '';
}

/** Whole days an item has been waiting, for "waiting N days" badges. */
export function daysWaiting(iso: string | null | undefined, now = dayjs()): number {
  if (!iso) return 0;
  return Math.max(0, now.startOf('day').diff(dayjs(iso).startOf('day'), 'day'));
}
