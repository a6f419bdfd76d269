import { describe, expect, it } from 'vitest';
import { addDays, isPeriodOf, monthsOfPeriod, nthLastWorkingDay, periodRange } from './period.rules.js';

describe('periods', () => {
  it.each([
    ['monthly', '2026-02', '2026-02-01', '2026-02-28'],
    ['monthly', '2024-02', '2024-02-01', '2024-02-29'],
    ['monthly', '2026-12', '2026-12-01', '2026-12-31'],
    ['annual', '2026', '2026-01-01', '2026-12-31'],
  ] as const)('%s %s runs %s – %s', (type, period, start, end) => {
    expect(periodRange(type, period)).toEqual({ start, end });
  });

  it.each([
    ['monthly', '2026-05', true],
    ['monthly', '2026-13', false],
    ['monthly', '2026', false],
    ['annual', '2026', true],
    ['annual', '2026-05', false],
  ] as const)('%s accepts %s: %s', (type, period, ok) => {
    expect(isPeriodOf(type, period)).toBe(ok);
  });

  it('lists the months of a year', () => {
    expect(monthsOfPeriod('annual', '2026')).toHaveLength(12);
    expect(monthsOfPeriod('annual', '2026')[11]).toBe('2026-12');
    expect(monthsOfPeriod('monthly', '2026-03')).toEqual(['2026-03']);
  });

  it.each([
    // May 2026 ends on a Sunday.
    ['2026-05', 1, '2026-05-29'],
    ['2026-05', 2, '2026-05-28'],
    // February 2026 ends on a Saturday.
    ['2026-02', 1, '2026-02-27'],
    // August 2026 ends on a Monday.
    ['2026-08', 1, '2026-08-31'],
    ['2026-08', 2, '2026-08-28'],
  ] as const)('%s: last working day no. %s is %s', (period, n, expected) => {
    expect(nthLastWorkingDay(period, n)).toBe(expected);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
