import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { overallRate, periodRange } from './funnel-period';

describe('periodRange', () => {
  const today = dayjs('2026-11-25');
  it.each([
    ['month', { from: '2026-11-01', to: '2026-11-30' }],
    ['quarter', { from: '2026-10-01', to: '2026-12-31' }],
    ['year', { from: '2026-01-01', to: '2026-12-31' }],
    ['all', {}],
  ] as const)('%s', (preset, range) => {
    expect(periodRange(preset, today)).toEqual(range);
  });

  it('finds the quarter of a date in its first month', () => {
    expect(periodRange('quarter', dayjs('2027-01-03'))).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(periodRange('quarter', dayjs('2026-06-30'))).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});

describe('overallRate', () => {
  it('is the last stage over the first, one decimal', () => {
    expect(overallRate(14, 2)).toBe(14.3);
    expect(overallRate(3, 3)).toBe(100);
    expect(overallRate(0, 0)).toBeNull();
  });
});
