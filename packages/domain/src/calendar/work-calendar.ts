/**
 * The company's working days: Monday to Friday, less the public holidays, plus the weekend days
 * declared working days in their place (China's 调休). The calendar is a company setting
 * (`calendar.workCalendar`); these functions take it as data and never read the clock.
 */
export type WorkCalendar = {
  /** Days off that would otherwise be working days (YYYY-MM-DD). */
  holidays: readonly string[];
  /** Weekend days that are working days (YYYY-MM-DD). */
  workdays: readonly string[];
};

export const WEEKENDS_ONLY: WorkCalendar = { holidays: [], workdays: [] };

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The working day `n` working days after `date` (n ≥ 0; n = 0 is `date` itself, or the next working day when it is not one). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  let current = date;
  while (!isWorkingDay(current, calendar)) current = shift(current, 1);
  for (let left = n; left > 0; ) {
    current = shift(current, 1);
    if (isWorkingDay(current, calendar)) left--;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`): how long a step took. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

/** The nearest working day on or after `date`. */
export function nextWorkingDay(date: string, calendar: WorkCalendar): string {
  return addWorkingDays(date, 0, calendar);
}
