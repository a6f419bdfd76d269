import { describe, expect, it } from 'vitest';
import { checkPeriod, periodOf, periodRange } from './period.rules.js';
import { addDays, daysBetween, isoWeekday } from './dates.rules.js';

describe('report periods', () => {
  it.each([
    ['2026-11-25', 'week', '2026-W48'],
    ['2026-11-23', 'week', '2026-W48'],
    ['2026-11-29', 'week', '2026-W48'],
    ['2026-11-30', 'week', '2026-W49'],
    ['2027-01-01', 'week', '2026-W53'],
    ['2026-01-01', 'week', '2026-W01'],
    ['2024-12-30', 'week', '2025-W01'],
    ['2026-11-25', 'month', '2026-11'],
  ] as const)('%s in %s periods is %s', (date, kind, key) => {
    expect(periodOf(date, kind)).toBe(key);
  });

  it.each([
    ['2026-W48', '2026-11-23', '2026-11-29'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s runs %s to %s', (key, start, end) => {
    expect(periodRange(key)).toEqual({ start, end });
  });

  it.each([
    ['2026-W48', 'ok'],
    ['2026-11', 'ok'],
    ['2026-W49', 'future'],
    ['2026-12', 'future'],
    ['2025-W53', 'invalid'],
    ['2026-W00', 'invalid'],
    ['2026-13', 'invalid'],
    ['2026/11', 'invalid'],
  ])('%s on 2026-11-25 is %s', (key, expected) => {
    expect(checkPeriod(key, '2026-11-25')).toBe(expected);
  });

  it('does calendar arithmetic in whole days', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(daysBetween('2026-03-02', '2026-02-27')).toBe(-3);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
