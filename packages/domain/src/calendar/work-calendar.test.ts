import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween, WEEKENDS_ONLY } from './work-calendar.js';
import { CALENDAR_SETTINGS } from './calendar.settings.js';

const china = CALENDAR_SETTINGS['calendar.workCalendar'].default;

describe('work calendar', () => {
  it.each([
    ['2026-12-07', true, 'a Monday'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-10', true, 'the Saturday worked in its place'],
    ['2026-02-14', true, 'the Saturday before the Spring Festival'],
    ['2026-02-18', false, 'the Spring Festival week'],
    ['2026-05-05', false, 'Labour Day week'],
    ['2026-05-09', true, 'the Saturday after Labour Day'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, china)).toBe(expected);
  });

  it.each([
    ['2026-12-04', 1, '2026-12-07', 'Friday + 1 → Monday'],
    ['2026-12-05', 0, '2026-12-07', 'a Saturday moves to Monday'],
    ['2026-09-30', 1, '2026-10-08', 'over the National Day week'],
    ['2026-09-30', 2, '2026-10-09', ''],
    ['2026-09-30', 3, '2026-10-10', 'the worked Saturday counts'],
    ['2026-02-13', 1, '2026-02-14', 'the worked Saturday before the holiday'],
    ['2026-02-14', 1, '2026-02-24', 'over the Spring Festival'],
  ])('%s + %i working days = %s %s', (date, n, expected) => {
    expect(addWorkingDays(date, n, china)).toBe(expected);
  });

  it('counts working days between two dates, holidays and worked weekends included', () => {
    expect(workingDaysBetween('2026-12-04', '2026-12-07', china)).toBe(1);
    expect(workingDaysBetween('2026-09-30', '2026-10-10', china)).toBe(3);
    expect(workingDaysBetween('2026-12-07', '2026-12-07', china)).toBe(0);
    expect(workingDaysBetween('2026-12-08', '2026-12-07', china)).toBe(0);
    expect(workingDaysBetween('2026-09-30', '2026-10-10', WEEKENDS_ONLY)).toBe(7);
  });

  it('the next working day of a holiday is after it', () => {
    expect(nextWorkingDay('2026-01-01', china)).toBe('2026-01-04');
    expect(nextWorkingDay('2026-12-07', china)).toBe('2026-12-07');
  });

  it('the default calendar is valid for its own schema', () => {
    expect(CALENDAR_SETTINGS['calendar.workCalendar'].schema.safeParse(china).success).toBe(true);
  });
});
