import dayjs, { type Dayjs } from 'dayjs';

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'all' | 'custom';

/** The registration-date range of a preset period, as the API's from/to (inclusive dates). */
export function periodRange(preset: Exclude<PeriodPreset, 'custom'>, today: Dayjs = dayjs()): { from?: string; to?: string } {
  if (preset === 'all') return {};
  const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
  if (preset === 'month') return { from: fmt(today.startOf('month')), to: fmt(today.endOf('month')) };
  if (preset === 'year') return { from: fmt(today.startOf('year')), to: fmt(today.endOf('year')) };
  const quarterStart = today.startOf('month').month(Math.floor(today.month() / 3) * 3);
  return { from: fmt(quarterStart), to: fmt(quarterStart.add(2, 'month').endOf('month')) };
}

/** Overall conversion: the share of registered leads that reached the last stage, in percent with one decimal. */
export function overallRate(first: number, last: number): number | null {
  if (first <= 0) return null;
  return Math.round((last / first) * 1000) / 10;
}
