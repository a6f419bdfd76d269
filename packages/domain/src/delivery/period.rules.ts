import { addDays, isoWeekday } from './dates.rules.js';

/** How often team members report progress [3.2.2]: a setting. */
export const REPORT_PERIOD_KINDS = ['week', 'month'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** `2026-W48` (ISO week) or `2026-11` (month). */
export const PERIOD_PATTERN = /^\d{4}-(W(0[1-9]|[1-4]\d|5[0-3])|(0[1-9]|1[0-2]))$/;

export function periodKindOf(key: string): ReportPeriodKind {
  return key.includes('W') ? 'week' : 'month';
}

/** The period containing `date`. */
export function periodOf(date: string, kind: ReportPeriodKind): string {
  if (kind === 'month') return date.slice(0, 7);
  // ISO week: the week belongs to the year of its Thursday.
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const jan4 = `${year}-01-04`;
  const week1Monday = addDays(jan4, 1 - isoWeekday(jan4));
  const week = Math.floor((Date.parse(thursday) - Date.parse(week1Monday)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** First and last day of a period key. */
export function periodRange(key: string): { start: string; end: string } {
  if (periodKindOf(key) === 'month') {
    const [y, m] = key.split('-').map(Number);
    const start = `${key}-01`;
    const next = m === 12 ? `${y! + 1}-01-01` : `${y}-${String(m! + 1).padStart(2, '0')}-01`;
    return { start, end: addDays(next, -1) };
  }
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  const jan4 = `${year}-01-04`;
  const start = addDays(addDays(jan4, 1 - isoWeekday(jan4)), (week - 1) * 7);
  return { start, end: addDays(start, 6) };
}

/** A period key that exists (week 53 only in long years) and has begun by `today`. */
export function checkPeriod(key: string, today: string): 'ok' | 'invalid' | 'future' {
  if (!PERIOD_PATTERN.test(key)) return 'invalid';
  const { start } = periodRange(key);
  if (periodOf(start, periodKindOf(key)) !== key) return 'invalid';
  return start > today ? 'future' : 'ok';
}
