import dayjs from 'dayjs';

export type GanttSpan = { plannedStart: string; plannedEnd: string; actualStart: string | null; actualEnd: string | null };
export type GanttScale = { start: string; end: string; days: number; ticks: { date: string; label: string; left: number }[] };

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** The visible range (every planned and actual date and today, with a few days' margin) and its ticks: months, or weeks when short. */
export function ganttScale(spans: readonly GanttSpan[], today: string): GanttScale {
  const dates = spans.flatMap((s) => [s.plannedStart, s.plannedEnd, s.actualStart, s.actualEnd]).filter((d): d is string => !!d);
  dates.push(today);
  const min = dates.reduce((a, b) => (b < a ? b : a));
  const max = dates.reduce((a, b) => (b > a ? b : a));
  const start = dayjs(min).subtract(3, 'day').format('YYYY-MM-DD');
  const end = dayjs(max).add(4, 'day').format('YYYY-MM-DD');
  const total = Math.max(1, days(start, end));
  const ticks: GanttScale['ticks'] = [];
  const weekly = total <= 70;
  let tick = weekly ? dayjs(start).add((8 - dayjs(start).day()) % 7, 'day') : dayjs(start).startOf('month').add(1, 'month');
  while (tick.format('YYYY-MM-DD') < end) {
    const date = tick.format('YYYY-MM-DD');
    ticks.push({ date, label: weekly ? tick.format('MM-DD') : tick.format('YYYY-MM'), left: (100 * days(start, date)) / total });
    tick = weekly ? tick.add(7, 'day') : tick.add(1, 'month');
  }
  return { start, end, days: total, ticks };
}

/** Where a span from `from` to `to` (both days included) sits on the scale, in % of its width. */
export function barOf(scale: GanttScale, from: string, to: string): { left: number; width: number } {
  const left = (100 * days(scale.start, from)) / scale.days;
  const width = (100 * (days(from, to) + 1)) / scale.days;
  return { left: Math.max(0, left), width: Math.max(0.4, Math.min(100 - Math.max(0, left), width)) };
}

/** The actual bar: from the actual start to the actual end, or to today while under way. */
export function actualBar(scale: GanttScale, s: GanttSpan, today: string): { left: number; width: number } | null {
  if (!s.actualStart) return null;
  return barOf(scale, s.actualStart, s.actualEnd ?? (today < s.actualStart ? s.actualStart : today));
}
