import { describe, expect, it } from 'vitest';
import { bonusAmountFen, consecutiveBelowStandard, previousMonths } from './results.rules.js';

describe('bonusAmountFen (base × coefficient, whole fen half up)', () => {
  it.each([
    [200_000, 1.5, 300_000],
    [200_000, 0, 0],
    [123_457, 1.2, 148_148],
    [5, 0.5, 3],
    [333_333, 0.8, 266_666],
  ])('%s × %s → %s', (base, coefficient, expected) => {
    expect(bonusAmountFen(base, coefficient)).toBe(expected);
  });
});

describe('consecutiveBelowStandard (default: 3 results graded D in a row)', () => {
  it.each([
    [['C', 'D', 'D', 'D'], 3, true],
    [['D', 'D', 'D'], 3, true],
    [['D', 'C', 'D'], 3, false],
    [['D', 'D'], 3, false],
    [['D', null, 'D'], 2, false],
    [['B', 'D'], 1, true],
    [['D', 'D', 'D'], 0, false],
  ] as const)('%j, count %s → %s', (grades, count, expected) => {
    expect(consecutiveBelowStandard(grades, ['D'], count)).toBe(expected);
  });

  it('honours several below-standard grades', () => {
    expect(consecutiveBelowStandard(['C', 'D', 'C'], ['C', 'D'], 3)).toBe(true);
  });
});

describe('previousMonths', () => {
  it.each([
    ['2026-05', 2, ['2026-03', '2026-04']],
    ['2026-02', 3, ['2025-11', '2025-12', '2026-01']],
    ['2026-01', 1, ['2025-12']],
    ['2026-01', 0, []],
  ] as const)('%s, %s back → %j', (period, n, expected) => {
    expect(previousMonths(period, n)).toEqual(expected);
  });
});
