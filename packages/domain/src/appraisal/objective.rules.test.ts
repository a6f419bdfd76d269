import { describe, expect, it } from 'vitest';
import { attainmentPercent, attainmentScore, costScore, disciplineScore, satisfactionScore, shareScore } from './objective.rules.js';

const defaultRule = { floorPercent: 50, fullScorePercent: 100, maxScore: 100 };

describe('attainmentScore (default: linear, capped at 100, 0 below 50 %)', () => {
  it.each([
    [80, 100, 80],
    [100, 100, 100],
    [120, 100, 100],
    [50, 100, 50],
    [49.99, 100, 0],
    [0, 100, 0],
    [12_345_600, 15_000_000, 82.3],
    [1, 3, 0],
    [2, 3, 66.67],
  ])('%s of %s → %s', (actual, target, expected) => {
    expect(attainmentScore(actual, target, defaultRule)).toBe(expected);
  });

  it.each([
    ['no target', 100, null],
    ['a zero target', 100, 0],
    ['no actual', null, 100],
  ] as const)('answers "no data" for %s', (_, actual, target) => {
    expect(attainmentScore(actual, target, defaultRule)).toBeNull();
  });

  it.each([
    // Full score only at 120 %, 0 below 60 %.
    [96, 100, 80],
    [150, 100, 100],
    [59, 100, 0],
  ])('with floor 60 / full at 120: %s of %s → %s', (actual, target, expected) => {
    expect(attainmentScore(actual, target, { floorPercent: 60, fullScorePercent: 120, maxScore: 100 })).toBe(expected);
  });

  it('reports the attainment percent', () => {
    expect(attainmentPercent(1, 3)).toBe(33.33);
    expect(attainmentPercent(5, 0)).toBeNull();
  });
});

describe('disciplineScore (default −5 per late arrival, −20 per absent day, leave free)', () => {
  const rule = { latePenalty: 5, absentDayPenalty: 20, leaveDayPenalty: 0 };
  it.each([
    [null, null],
    [{ lateCount: 0, absentDays: 0, leaveDays: 0 }, 100],
    [{ lateCount: 2, absentDays: 0.5, leaveDays: 3 }, 80],
    [{ lateCount: 30, absentDays: 0, leaveDays: 0 }, 0],
    [{ lateCount: 1, absentDays: 2, leaveDays: 0 }, 55],
  ] as const)('%j → %s', (totals, expected) => {
    expect(disciplineScore(totals, rule)).toBe(expected);
  });

  it('charges leave when the settings say so', () => {
    expect(disciplineScore({ lateCount: 0, absentDays: 0, leaveDays: 1.5 }, { ...rule, leaveDayPenalty: 2 })).toBe(97);
  });
});

describe('satisfactionScore (ratings 1–5 → mean × 20)', () => {
  it.each([
    [[], null],
    [[5], 100],
    [[5, 4], 90],
    [[3], 60],
    [[4, 4, 5], 86.67],
    [[1], 20],
  ] as const)('%j → %s', (ratings, expected) => {
    expect(satisfactionScore(ratings)).toBe(expected);
  });
});

describe('shareScore and costScore', () => {
  it.each([
    [2, 3, 66.67],
    [3, 3, 100],
    [0, 4, 0],
    [0, 0, null],
  ] as const)('share %s/%s → %s', (hits, total, expected) => {
    expect(shareScore(hits, total)).toBe(expected);
  });

  it.each([
    [9_000, 10_000, 100],
    [10_000, 10_000, 100],
    [11_000, 10_000, 80],
    [10_250, 10_000, 95],
    [30_000, 10_000, 0],
    [5_000, 0, null],
  ] as const)('cost %s against budget %s → %s', (actual, budget, expected) => {
    expect(costScore(actual, budget, 2)).toBe(expected);
  });
});
