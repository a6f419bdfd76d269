/** Appraisal periods [4.2]: a month `YYYY-MM` for monthly cycles, a year `YYYY` for annual ones. Dates are `YYYY-MM-DD`. */
export const MONTH_PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
export const YEAR_PERIOD = /^\d{4}$/;

export function isPeriodOf(type: 'monthly' | 'annual', period: string): boolean {
  return (type === 'monthly' ? MONTH_PERIOD : YEAR_PERIOD).test(period);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last calendar day of the period. */
export function periodRange(type: 'monthly' | 'annual', period: string): { start: string; end: string } {
  if (type === 'annual') return { start: `${period}-01-01`, end: `${period}-12-31` };
  const [y, m] = period.split('-').map(Number) as [number, number];
  return { start: `${period}-01`, end: `${period}-${pad(daysInMonth(y, m))}` };
}

/** The months (YYYY-MM) a period covers. */
export function monthsOfPeriod(type: 'monthly' | 'annual', period: string): string[] {
  if (type === 'monthly') return [period];
  return Array.from({ length: 12 }, (_, i) => `${period}-${pad(i + 1)}`);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isWorkingDay(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * The n-th last working day (Monday–Friday) of the month `period`: monthly appraisals
 * open "at the month's last working days" [4.2]; with n = 2 a month ending on Sunday the 31st gives Thursday the 28th.
 */
export function nthLastWorkingDay(period: string, n: number): string {
  let date = periodRange('monthly', period).end;
  let seen = 0;
  for (;;) {
    if (isWorkingDay(date)) seen++;
    if (seen >= n) return date;
    date = addDays(date, -1);
  }
}
